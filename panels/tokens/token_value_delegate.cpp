// SPDX-License-Identifier: Apache-2.0
#include "token_value_delegate.h"

#include "alias_value_editor.h"
#include "color_value_editor.h"
#include "dimension_value_editor.h"
#include "font_value_editor.h"
#include "token_tree_model.h"

#include "slate/token_document.h"

namespace helios::panels {

TokenValueDelegate::TokenValueDelegate(const slate::TokenDocument &document, QObject *parent)
    : QStyledItemDelegate(parent), m_document(document)
{
}

QWidget *TokenValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != TokenTreeModel::Value)
        return QStyledItemDelegate::createEditor(parent, option, index);
    TokenValueEditor *editor = nullptr;
    const auto type = slate::TokenType(index.data(TokenTreeModel::TokenTypeRole).toInt());
    if (index.data(TokenTreeModel::IsAliasRole).toBool()) {
        editor = new AliasValueEditor(m_document.tokens(), parent);
    } else {
        switch (type) {
        case slate::TokenType::Color: editor = new ColorValueEditor(parent); break;
        case slate::TokenType::Dimension: editor = new DimensionValueEditor(parent); break;
        case slate::TokenType::FontFamily: editor = new FontValueEditor(FontValueEditor::Mode::Family, parent); break;
        case slate::TokenType::FontWeight: editor = new FontValueEditor(FontValueEditor::Mode::Weight, parent); break;
        default: editor = new AliasValueEditor(m_document.tokens(), parent); break;
        }
    }
    editor->setAutoFillBackground(true);
    connect(editor, &TokenValueEditor::editingFinished, this, [this, editor] {
        Q_EMIT const_cast<TokenValueDelegate *>(this)->commitData(editor);
        Q_EMIT const_cast<TokenValueDelegate *>(this)->closeEditor(editor);
    });
    return editor;
}

void TokenValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *valueEditor = qobject_cast<TokenValueEditor *>(editor))
        valueEditor->setValueText(index.data(Qt::EditRole).toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void TokenValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *valueEditor = qobject_cast<TokenValueEditor *>(editor))
        model->setData(index, valueEditor->valueText(), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

void TokenValueDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Composite editors need more room than a narrow cell: at least their size hint.
    QRect rect = option.rect;
    rect.setWidth(qMax(rect.width(), editor->sizeHint().width()));
    editor->setGeometry(rect);
}

} // namespace helios::panels
