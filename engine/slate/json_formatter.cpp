// SPDX-License-Identifier: Apache-2.0
#include "slate/json_formatter.h"

#include "slate/json_value.h"
#include "slate/name_transform.h"
#include "slate/token_value_text.h"
#include "slate/utf8_builder.h"

#include <QHash>

namespace helios::slate {

namespace {

// A group in the nested output; children keep the order in which they first appear.
struct Node {
    QString key;
    QString value; // JSON text, for a token
    std::vector<Node> children;
    QHash<QString, size_t> index;

    Node &child(const QString &name)
    {
        const auto it = index.constFind(name);
        if (it != index.constEnd())
            return children[it.value()];
        index.insert(name, children.size());
        children.push_back(Node{name, {}, {}, {}});
        return children.back();
    }
};

void writeNode(QString &out, const Node &node, int depth)
{
    if (node.children.empty()) {
        out += node.value;
        return;
    }
    out += QLatin1StringView("{\n");
    const QString indent(2 * (depth + 1), QLatin1Char(' '));
    for (size_t i = 0; i < node.children.size(); ++i) {
        out += indent;
        appendJsonString(out, node.children[i].key);
        out += QLatin1StringView(": ");
        writeNode(out, node.children[i], depth + 1);
        out += i + 1 < node.children.size() ? QLatin1StringView(",\n") : QLatin1StringView("\n");
    }
    out += QString(2 * depth, QLatin1Char(' ')) + QLatin1Char('}');
}

} // namespace

QByteArray JsonFormatter::flat(const TokenSet &set, const FormatOptions &options)
{
    Utf8Builder builder(set.size() * 48);
    QString &out = builder.text();
    out += QLatin1Char('{');
    bool first = true;
    for (int i = 0; i < int(set.size()); ++i) {
        const Token &token = set.tokens()[size_t(i)];
        if (!token.resolved)
            continue;
        out += first ? QLatin1StringView("\n  ") : QLatin1StringView(",\n  ");
        first = false;
        appendJsonString(out, NameTransform::apply(token.path, options.nameCase, options.prefix));
        out += QLatin1StringView(": ");
        TokenValueText::appendJson(out, set, i, options);
        builder.flushIfFull();
    }
    out += first ? QLatin1StringView("}\n") : QLatin1StringView("\n}\n");
    return builder.take();
}

QByteArray JsonFormatter::nested(const TokenSet &set, const FormatOptions &options)
{
    Node root;
    for (int i = 0; i < int(set.size()); ++i) {
        const Token &token = set.tokens()[size_t(i)];
        if (!token.resolved)
            continue;
        Node *node = &root;
        for (const QStringView segment : QStringView(token.path).split(QLatin1Char('.')))
            node = &node->child(segment.toString());
        TokenValueText::appendJson(node->value, set, i, options);
    }
    QString out;
    if (root.children.empty())
        out = QStringLiteral("{}");
    else
        writeNode(out, root, 0);
    out += QLatin1Char('\n');
    return out.toUtf8();
}

} // namespace helios::slate
