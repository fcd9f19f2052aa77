// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/validation_report.h"

#include <QTreeWidget>

namespace helios::panels {

// What validation found, one row per issue: "file:line:col" and the message, with the
// check and the severity. Activating a row emits locationActivated().
class ValidationView : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { Location, Check, Message, ColumnCount };

    explicit ValidationView(QWidget *parent = nullptr);

    void setReport(const spark::ValidationReport &report);
    void clearReport();

    // "Button/Button.tsx:12:5", or the path alone for a finding about a whole file.
    static QString locationText(const spark::ValidationIssue &issue);

Q_SIGNALS:
    void locationActivated(const QString &file, int line, int column);
};

} // namespace helios::panels
