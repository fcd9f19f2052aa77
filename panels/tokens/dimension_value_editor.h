// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "token_value_editor.h"

class QComboBox;
class QDoubleSpinBox;

namespace helios::panels {

// A number and a unit (px, rem). Keeps the form the value was written in: "16px" stays a
// string, {"value": 16, "unit": "px"} stays an object.
class DimensionValueEditor : public TokenValueEditor {
    Q_OBJECT
public:
    explicit DimensionValueEditor(QWidget *parent = nullptr);

    QString valueText() const override;
    void setValueText(const QString &text) override;

    QDoubleSpinBox *numberBox() const { return m_number; }
    QComboBox *unitBox() const { return m_unit; }

private:
    QDoubleSpinBox *m_number;
    QComboBox *m_unit;
    bool m_objectForm = false;
};

} // namespace helios::panels
