// SPDX-License-Identifier: Apache-2.0
#include "token_tree_model.h"

#include "token_value_text.h"

#include "slate/alias_syntax.h"
#include "slate/css_value_writer.h"

#include <QApplication>
#include <QColor>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace helios::panels {

struct TokenTreeModel::Node {
    QString name;
    QString path;
    int token = -1; // index in the set, -1 for a group
    int row = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
};

TokenTreeModel::TokenTreeModel(slate::TokenDocument &document, QObject *parent)
    : QAbstractItemModel(parent), m_document(document), m_root(std::make_unique<Node>())
{
    collectProblems();
    rebuild();
}

TokenTreeModel::~TokenTreeModel() = default;

void TokenTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    m_byPath.clear();
    m_tokenPaths.clear();
    const auto &tokens = m_document.tokens().tokens();
    m_byPath.reserve(qsizetype(tokens.size()) * 2);
    m_tokenPaths.reserve(qsizetype(tokens.size()));
    for (size_t i = 0; i < tokens.size(); ++i) {
        const QString &path = tokens[i].path;
        m_tokenPaths.append(path);
        Node *parent = m_root.get();
        qsizetype start = 0;
        for (;;) {
            const qsizetype dot = path.indexOf(QLatin1Char('.'), start);
            const QString prefix = dot < 0 ? path : path.left(dot);
            Node *&node = m_byPath[prefix];
            if (!node) {
                auto child = std::make_unique<Node>();
                child->name = path.mid(start, dot < 0 ? -1 : dot - start);
                child->path = prefix;
                child->parent = parent;
                child->row = int(parent->children.size());
                node = child.get();
                parent->children.push_back(std::move(child));
            }
            if (dot < 0) {
                node->token = int(i);
                break;
            }
            parent = node;
            start = dot + 1;
        }
    }
}

void TokenTreeModel::collectProblems()
{
    m_problems.clear();
    m_hasError.clear();
    for (const slate::Diagnostic &d : m_document.tokens().diagnostics()) {
        if (d.tokenPath.isEmpty())
            continue;
        m_problems[d.tokenPath].append(d.toString());
        if (d.isError())
            m_hasError[d.tokenPath] = true;
    }
}

void TokenTreeModel::refresh(bool reset)
{
    collectProblems();
    const auto &tokens = m_document.tokens().tokens();
    bool sameShape = !reset && qsizetype(tokens.size()) == m_tokenPaths.size();
    for (size_t i = 0; sameShape && i < tokens.size(); ++i)
        sameShape = tokens[i].path == m_tokenPaths[qsizetype(i)];
    if (!sameShape) {
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    // Same tokens: every row keeps its index; one dataChanged per group is enough.
    emitChanged(m_root.get());
}

void TokenTreeModel::emitChanged(Node *node)
{
    if (node->children.empty())
        return;
    const QModelIndex parentIndex = node == m_root.get() ? QModelIndex() : createIndex(node->row, 0, node);
    Q_EMIT dataChanged(index(0, 0, parentIndex), index(int(node->children.size()) - 1, ColumnCount - 1, parentIndex));
    for (const auto &child : node->children)
        emitChanged(child.get());
}

TokenTreeModel::Node *TokenTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TokenTreeModel::indexForPath(const QString &path, int column) const
{
    const Node *node = m_byPath.value(path);
    return node ? createIndex(node->row, column, node) : QModelIndex();
}

QModelIndex TokenTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[size_t(row)].get());
}

QModelIndex TokenTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parentNode = nodeOf(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int TokenTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TokenTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QIcon TokenTreeModel::swatch(const QString &css) const
{
    const QColor color = QColor::fromString(css);
    if (!color.isValid())
        return {};
    auto it = m_swatches.constFind(color.rgba());
    if (it != m_swatches.cend())
        return *it;
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x80, 0x80, 0x80));
    painter.setBrush(color);
    painter.drawRect(0, 0, 13, 13);
    painter.end();
    return *m_swatches.insert(color.rgba(), QIcon(pixmap));
}

QVariant TokenTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const slate::Token *token = node->token >= 0 ? &m_document.tokens().tokens()[size_t(node->token)] : nullptr;
    switch (role) {
    case PathRole: return node->path;
    case IsTokenRole: return token != nullptr;
    case TokenTypeRole:
        if (token)
            return int(token->type);
        return int(m_document.tokens().groups().value(node->path).type);
    case IsAliasRole: return token && slate::AliasSyntax::isAlias(token->value);
    default: break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case Name: return node->name;
        case Type: {
            const slate::TokenType type = token ? token->type : m_document.tokens().groups().value(node->path).type;
            return type == slate::TokenType::Unknown ? QString() : slate::tokenTypeName(type);
        }
        case Value: return token ? TokenValueText::editText(token->value) : QString();
        case Resolved:
            if (!token)
                return {};
            if (!token->resolved)
                return role == Qt::DisplayRole ? tr("(unresolved)") : QString();
            return slate::CssValueWriter::write(token->type, token->resolvedValue);
        }
    } else if (role == Qt::DecorationRole) {
        if (column == Name && m_problems.contains(node->path)) {
            return QApplication::style()->standardIcon(m_hasError.value(node->path) ? QStyle::SP_MessageBoxCritical
                                                                                     : QStyle::SP_MessageBoxWarning);
        }
        if (column == Resolved && token && token->resolved && token->type == slate::TokenType::Color)
            return swatch(slate::CssValueWriter::write(token->type, token->resolvedValue));
    } else if (role == Qt::ToolTipRole) {
        const auto problems = m_problems.constFind(node->path);
        if (problems != m_problems.cend())
            return problems->join(QLatin1Char('\n'));
        if (token && !token->aliasChain.isEmpty() && column >= Value)
            return tr("Alias chain: %1").arg(token->aliasChain.join(QStringLiteral(" \u2192 ")));
        if (token && !token->description.isEmpty())
            return token->description;
    }
    return {};
}

bool TokenTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Node *node = nodeOf(index);
    if (node->token < 0 || (index.column() != Value && index.column() != Name))
        return false;
    const QString path = node->path;
    const QString text = value.toString();
    if (text == data(index, Qt::EditRole).toString())
        return true;
    Operation operation;
    QString description;
    if (index.column() == Value) {
        const QString json = TokenValueText::toJson(text);
        operation = [this, path, json] { return m_document.setValue(path, json); };
        description = tr("Set %1 to %2").arg(path, text);
    } else {
        operation = [this, path, text] { return m_document.renameToken(path, text); };
        description = tr("Rename %1 to %2").arg(path, text);
    }
    if (m_runner)
        return m_runner(description, operation);
    const auto result = operation();
    if (result.ok())
        refresh();
    return result.ok();
}

Qt::ItemFlags TokenTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->token >= 0 && (index.column() == Value || index.column() == Name))
        f |= Qt::ItemIsEditable;
    if (nodeOf(index)->children.empty())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant TokenTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Type: return tr("Type");
    case Value: return tr("Value");
    case Resolved: return tr("Resolved");
    }
    return {};
}

} // namespace helios::panels
