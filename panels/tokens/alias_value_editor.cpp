// SPDX-License-Identifier: Apache-2.0
#include "alias_value_editor.h"

#include "slate/css_value_writer.h"
#include "slate/token_set.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>

namespace helios::panels {

AliasValueEditor::AliasValueEditor(const slate::TokenSet &set, QWidget *parent)
    : TokenValueEditor(parent), m_set(set), m_text(new QLineEdit(this)), m_resolved(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_text->setObjectName(QStringLiteral("aliasText"));
    m_text->setPlaceholderText(tr("{group.token} or a value"));
    m_resolved->setObjectName(QStringLiteral("aliasResolved"));
    m_resolved->setAutoFillBackground(true);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_resolved, 1);
    setFocusProxy(m_text);

    QStringList paths;
    paths.reserve(set.size());
    for (const slate::Token &t : set.tokens())
        paths.append(QLatin1Char('{') + t.path + QLatin1Char('}'));
    auto *completer = new QCompleter(new QStringListModel(paths, this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_text->setCompleter(completer);

    connect(m_text, &QLineEdit::textChanged, this, &AliasValueEditor::updateResolved);
    connect(m_text, &QLineEdit::returnPressed, this, &TokenValueEditor::editingFinished);
}

QCompleter *AliasValueEditor::completer() const { return m_text->completer(); }

QString AliasValueEditor::valueText() const { return m_text->text().trimmed(); }

void AliasValueEditor::setValueText(const QString &text)
{
    m_text->setText(text);
    updateResolved();
}

QString AliasValueEditor::resolvedText() const { return m_resolved->text(); }

void AliasValueEditor::updateResolved()
{
    const QString text = m_text->text().trimmed();
    if (!(text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')) && !text.contains(QLatin1Char('"')))) {
        m_resolved->clear();
        m_resolved->setToolTip({});
        return;
    }
    const slate::Token *target = m_set.find(text.mid(1, text.size() - 2));
    if (!target) {
        m_resolved->setText(tr("no such token"));
        return;
    }
    if (!target->resolved) {
        m_resolved->setText(tr("unresolved"));
        return;
    }
    const QString css = slate::CssValueWriter::write(target->type, target->resolvedValue);
    m_resolved->setText(QStringLiteral("\u2192 ") + css);
    m_resolved->setToolTip(tr("%1 resolves to %2").arg(target->path, css));
}

} // namespace helios::panels
