// SPDX-License-Identifier: Apache-2.0
#include "preview_page.h"

namespace helios::panels {

void PreviewPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                           const QString &message, int lineNumber,
                                           const QString &sourceID) {
    ConsoleMessageModel::Level ours = ConsoleMessageModel::Level::Info;
    switch (level) {
    case InfoMessageLevel:
        ours = ConsoleMessageModel::Level::Info;
        break;
    case WarningMessageLevel:
        ours = ConsoleMessageModel::Level::Warning;
        break;
    case ErrorMessageLevel:
        ours = ConsoleMessageModel::Level::Error;
        break;
    }
    Q_EMIT consoleMessage(ours, message, sourceID, lineNumber);
}

} // namespace helios::panels
