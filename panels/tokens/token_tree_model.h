// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "slate/token_document.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <functional>
#include <memory>
#include <vector>

namespace helios::panels {

// Groups and tokens of a TokenDocument's active set as a tree: columns name, type, value
// (as written, editable) and resolved value (with a swatch for colours). Diagnostics show
// on the token they name (icon and tooltip). The model never owns the document.
//
// Edits through setData go to an EditRunner, which the panel sets to wrap each change in
// an undo command; without one the model edits the document directly. Call refresh()
// after the document changed.
class TokenTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Value, Resolved, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // dotted path of the token or group
        IsTokenRole,
        TokenTypeRole,               // int(slate::TokenType)
        IsAliasRole,
    };
    using Operation = std::function<Result<slate::TokenTextEdit>()>;
    // Runs `operation` (described by `text`, translated); true when the change was made.
    using EditRunner = std::function<bool(const QString &text, const Operation &operation)>;

    explicit TokenTreeModel(slate::TokenDocument &document, QObject *parent = nullptr);
    ~TokenTreeModel() override;

    void setEditRunner(EditRunner runner) { m_runner = std::move(runner); }
    // Picks up the document's current set: changed values when the tokens are the same,
    // a reset when tokens were added, removed or renamed (or when `reset` says so: the
    // document was replaced).
    void refresh(bool reset = false);

    QModelIndex indexForPath(const QString &path, int column = Name) const;
    slate::TokenDocument &document() const { return m_document; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void rebuild();
    void collectProblems();
    void emitChanged(Node *node);
    QIcon swatch(const QString &css) const;

    slate::TokenDocument &m_document;
    EditRunner m_runner;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byPath;
    QStringList m_tokenPaths; // shape of the tree, to tell a value change from a reset
    QHash<QString, QStringList> m_problems;  // token/group path -> messages
    QHash<QString, bool> m_hasError;
    mutable QHash<QRgb, QIcon> m_swatches;
};

} // namespace helios::panels
