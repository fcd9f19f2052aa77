// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "token_value_editor.h"

class QComboBox;

namespace helios::panels {

// An editable list of font families (installed ones and the CSS generic families) or of
// font weights (100-900 and their names). A family stack "A, B, serif" is written as an array.
class FontValueEditor : public TokenValueEditor {
    Q_OBJECT
public:
    enum class Mode { Family, Weight };
    explicit FontValueEditor(Mode mode, QWidget *parent = nullptr);

    QString valueText() const override;
    void setValueText(const QString &text) override;

    QComboBox *comboBox() const { return m_combo; }

private:
    Mode m_mode;
    QComboBox *m_combo;
};

} // namespace helios::panels
