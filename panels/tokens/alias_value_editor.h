// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "token_value_editor.h"

class QCompleter;
class QLabel;
class QLineEdit;

namespace helios::slate {
class TokenSet;
}

namespace helios::panels {

// Free text for any value, with completion of token paths as "{a.b.c}" and, beside it,
// what the alias being typed resolves to. The set must outlive the editor (editors live
// only while a cell is edited, and the panel closes them before the set changes).
class AliasValueEditor : public TokenValueEditor {
    Q_OBJECT
public:
    AliasValueEditor(const slate::TokenSet &set, QWidget *parent = nullptr);

    QString valueText() const override;
    void setValueText(const QString &text) override;

    QLineEdit *lineEdit() const { return m_text; }
    QCompleter *completer() const;
    // What the current text resolves to ("#ff0000"), or a short reason it does not.
    QString resolvedText() const;

private:
    void updateResolved();

    const slate::TokenSet &m_set;
    QLineEdit *m_text;
    QLabel *m_resolved;
};

} // namespace helios::panels
