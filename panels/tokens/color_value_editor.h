// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "token_value_editor.h"

#include <QColor>

class QLineEdit;
class QToolButton;

namespace helios::panels {

// A swatch button that opens QColorDialog, beside the hex text ("#rrggbb" or "#rrggbbaa").
class ColorValueEditor : public TokenValueEditor {
    Q_OBJECT
public:
    explicit ColorValueEditor(QWidget *parent = nullptr);

    QString valueText() const override;
    void setValueText(const QString &text) override;

    QColor color() const;
    // As if picked in the dialog.
    void setColor(const QColor &color);
    // CSS hex of a colour: #rrggbb, or #rrggbbaa when not opaque.
    static QString hexName(const QColor &color);

private:
    void pick();
    void updateSwatch();

    QToolButton *m_swatch;
    QLineEdit *m_text;
};

} // namespace helios::panels
