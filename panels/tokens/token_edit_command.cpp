// SPDX-License-Identifier: Apache-2.0
#include "token_edit_command.h"

#include "core/logging.h"

namespace helios::panels {

TokenEditCommand::TokenEditCommand(slate::TokenDocument &document, slate::TokenTextEdit edit, const QString &text,
                                   std::function<void()> changed)
    : QUndoCommand(text), m_document(document), m_edit(std::move(edit)), m_changed(std::move(changed))
{
}

void TokenEditCommand::undo() { apply(m_edit.inverse()); }

void TokenEditCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    apply(m_edit);
}

void TokenEditCommand::apply(const slate::TokenTextEdit &edit)
{
    const auto result = m_document.apply(edit);
    if (!result.ok()) {
        // Only possible if the files were replaced under the stack; drop the command.
        qCWarning(lcSlate) << "undo step no longer applies:" << result.error().toString();
        setObsolete(true);
    }
    if (m_changed)
        m_changed();
}

} // namespace helios::panels
