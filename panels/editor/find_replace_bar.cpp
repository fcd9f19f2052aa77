// SPDX-License-Identifier: Apache-2.0
#include "find_replace_bar.h"

#include "qscintilla.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace helios::panels {

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findReplaceBar"));
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_replaceEdit = new QLineEdit(this);
    m_replaceEdit->setObjectName(QStringLiteral("replaceEdit"));
    m_replaceEdit->setPlaceholderText(tr("Replace with"));
    m_caseBox = new QCheckBox(tr("Match case"), this);
    m_caseBox->setObjectName(QStringLiteral("matchCaseBox"));
    m_wordBox = new QCheckBox(tr("Whole words"), this);
    m_wordBox->setObjectName(QStringLiteral("wholeWordsBox"));
    m_nextButton = new QPushButton(tr("Next"), this);
    m_nextButton->setObjectName(QStringLiteral("findNextButton"));
    m_previousButton = new QPushButton(tr("Previous"), this);
    m_previousButton->setObjectName(QStringLiteral("findPreviousButton"));
    m_replaceButton = new QPushButton(tr("Replace"), this);
    m_replaceButton->setObjectName(QStringLiteral("replaceButton"));
    m_replaceAllButton = new QPushButton(tr("Replace All"), this);
    m_replaceAllButton->setObjectName(QStringLiteral("replaceAllButton"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("findStatus"));
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("closeFindButton"));
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_findEdit, 1);
    findRow->addWidget(m_previousButton);
    findRow->addWidget(m_nextButton);
    findRow->addWidget(m_caseBox);
    findRow->addWidget(m_wordBox);
    findRow->addWidget(m_status);
    findRow->addWidget(close);
    m_replaceRow = new QWidget(this);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replaceEdit, 1);
    replaceRow->addWidget(m_replaceButton);
    replaceRow->addWidget(m_replaceAllButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_findEdit, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        m_status->clear();
        updateEnabled();
    });
    connect(m_replaceEdit, &QLineEdit::returnPressed, this, &FindReplaceBar::replace);
    connect(m_nextButton, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(m_previousButton, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindReplaceBar::replace);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
    });
    updateEnabled();
}

void FindReplaceBar::setEditor(QsciScintilla *editor)
{
    m_editor = editor;
    m_status->clear();
    updateEnabled();
}

void FindReplaceBar::start(bool withReplace)
{
    m_replaceRow->setVisible(withReplace);
    if (m_editor && m_editor->hasSelectedText() && !m_editor->selectedText().contains(u'\n'))
        m_findEdit->setText(m_editor->selectedText());
    show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void FindReplaceBar::updateEnabled()
{
    const bool searchable = m_editor && !m_findEdit->text().isEmpty();
    const bool writable = searchable && !m_editor->isReadOnly();
    m_nextButton->setEnabled(searchable);
    m_previousButton->setEnabled(searchable);
    m_replaceButton->setEnabled(writable);
    m_replaceAllButton->setEnabled(writable);
}

void FindReplaceBar::showStatus(const QString &text)
{
    m_status->setText(text);
}

bool FindReplaceBar::findNext()
{
    return find(true);
}

bool FindReplaceBar::findPrevious()
{
    return find(false);
}

bool FindReplaceBar::find(bool forward)
{
    if (!m_editor || m_findEdit->text().isEmpty())
        return false;
    int line = -1;
    int index = -1;
    if (!forward && m_editor->hasSelectedText()) {
        // From the cursor, which sits after the selected match, the same match would be
        // found again: search backwards from the selection's start instead.
        int endLine = 0;
        int endIndex = 0;
        m_editor->getSelection(&line, &index, &endLine, &endIndex);
    }
    const bool found = m_editor->findFirst(m_findEdit->text(), false, m_caseBox->isChecked(), m_wordBox->isChecked(),
                                           true, forward, line, index, true);
    showStatus(found ? QString() : tr("No matches"));
    return found;
}

bool FindReplaceBar::selectionIsMatch() const
{
    const Qt::CaseSensitivity cs = m_caseBox->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return m_editor->hasSelectedText() && m_editor->selectedText().compare(m_findEdit->text(), cs) == 0;
}

bool FindReplaceBar::replace()
{
    if (!m_editor || m_findEdit->text().isEmpty() || m_editor->isReadOnly())
        return false;
    const bool replaced = selectionIsMatch();
    if (replaced)
        m_editor->replaceSelectedText(m_replaceEdit->text());
    findNext();
    return replaced;
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor || m_findEdit->text().isEmpty() || m_editor->isReadOnly())
        return 0;
    // Scintilla's search target walks the document once from the top; replacing inside it
    // never re-matches replaced text, even when the replacement contains the search text.
    const QByteArray needle = m_findEdit->text().toUtf8();
    const QByteArray replacement = m_replaceEdit->text().toUtf8();
    int flags = 0;
    if (m_caseBox->isChecked())
        flags |= QsciScintillaBase::SCFIND_MATCHCASE;
    if (m_wordBox->isChecked())
        flags |= QsciScintillaBase::SCFIND_WHOLEWORD;
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEARCHFLAGS, flags);
    int count = 0;
    long position = 0;
    m_editor->beginUndoAction();
    for (;;) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETTARGETSTART, position);
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETTARGETEND,
                                m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
        if (m_editor->SendScintilla(QsciScintillaBase::SCI_SEARCHINTARGET, needle.size(), needle.constData()) < 0)
            break;
        m_editor->SendScintilla(QsciScintillaBase::SCI_REPLACETARGET, replacement.size(), replacement.constData());
        position = m_editor->SendScintilla(QsciScintillaBase::SCI_GETTARGETEND);
        ++count;
    }
    m_editor->endUndoAction();
    showStatus(count == 0 ? tr("No matches") : tr("Replaced %n occurrence(s)", nullptr, count));
    return count;
}

} // namespace helios::panels
