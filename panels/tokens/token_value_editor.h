// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

namespace helios::panels {

// What the value delegate needs of each type-aware editor: the value as edit text (see
// TokenValueText) in and out, and a signal when the user is done (a colour picked).
class TokenValueEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString valueText() const = 0;
    virtual void setValueText(const QString &text) = 0;

Q_SIGNALS:
    void editingFinished();
};

} // namespace helios::panels
