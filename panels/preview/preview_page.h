// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console_message_model.h"

#include <QWebEnginePage>

namespace helios::panels {

// The previewed page: what it writes to its console (and its uncaught errors, which
// Chromium reports as console errors) comes out as consoleMessage().
class PreviewPage : public QWebEnginePage {
    Q_OBJECT
public:
    using QWebEnginePage::QWebEnginePage;

Q_SIGNALS:
    void consoleMessage(ConsoleMessageModel::Level level, const QString &message,
                        const QString &source, int line);

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceID) override;
};

} // namespace helios::panels
