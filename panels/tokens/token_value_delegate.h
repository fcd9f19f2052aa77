// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace helios::slate {
class TokenDocument;
}

namespace helios::panels {

// Opens the editor that fits a token's type in the value column: colour picker, number
// with unit, font family/weight list; an alias (or any other type) gets free text with
// token-path completion. Other columns edit as plain text.
class TokenValueDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    TokenValueDelegate(const slate::TokenDocument &document, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const slate::TokenDocument &m_document;
};

} // namespace helios::panels
