// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/token.h"

#include <QHash>
#include <QString>

#include <vector>

namespace helios::slate {

// A group as read: what its children inherit and whom it extends.
struct TokenGroup {
    QString path;
    QString file;
    SourcePosition position;
    TokenType type = TokenType::Unknown;
    QString description;
    QString extendsPath;          // `$extends` target group, dotted; empty if none
    SourcePosition extendsPosition;
};

// The tokens of one or more files merged in order. Tokens keep the order in which their
// path first appeared (file order, then source order within a file); every output is
// written in this order, so output is byte-stable for the same inputs.
class TokenSet {
public:
    const std::vector<Token> &tokens() const { return m_tokens; }
    std::vector<Token> &tokens() { return m_tokens; }
    qsizetype size() const { return qsizetype(m_tokens.size()); }

    // Index of the token with this dotted path, or -1.
    int indexOf(const QString &path) const;
    const Token *find(const QString &path) const;

    // Appends a new token, or returns the existing index for `path` (a later file
    // overriding an earlier one keeps the earlier position in the order).
    int insert(const QString &path, bool *existed = nullptr);

    // Room for `count` more tokens; growing a vector of tokens moves every token.
    void reserve(qsizetype count);

    const QHash<QString, TokenGroup> &groups() const { return m_groups; }
    QHash<QString, TokenGroup> &groups() { return m_groups; }

    // Everything the reader and the resolver found, in the order found.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics &diagnostics() { return m_diagnostics; }
    bool hasErrors() const { return slate::hasErrors(m_diagnostics); }

private:
    // Paths to indexes: open addressing over (hash, index) pairs, the paths themselves
    // compared in m_tokens. A probe reads 8 bytes of a small table instead of a QHash
    // node and its key's characters, which missed the cache on nearly every lookup of
    // the resolver (one per alias).
    struct IndexSlot {
        quint32 hash = 0;
        qint32 token = -1; // -1: empty
    };
    size_t slotOf(QStringView path, quint32 hash) const;
    void growIndex(size_t tokenCount);

    std::vector<Token> m_tokens;
    std::vector<IndexSlot> m_index; // a power of two in size, at most half full
    QHash<QString, TokenGroup> m_groups;
    Diagnostics m_diagnostics;
};

} // namespace helios::slate
