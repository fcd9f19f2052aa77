// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_document.h"

#include <QUndoCommand>

#include <functional>

namespace helios::panels {

// One applied document edit on the undo stack. It is pushed after the edit succeeded, so
// the first redo() (QUndoStack::push calls it) does nothing; later ones re-apply it.
class TokenEditCommand : public QUndoCommand {
public:
    TokenEditCommand(slate::TokenDocument &document, slate::TokenTextEdit edit, const QString &text,
                     std::function<void()> changed);

    void undo() override;
    void redo() override;

private:
    void apply(const slate::TokenTextEdit &edit);

    slate::TokenDocument &m_document;
    slate::TokenTextEdit m_edit;
    std::function<void()> m_changed;
    bool m_applied = true;
};

} // namespace helios::panels
