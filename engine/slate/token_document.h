// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "slate/diagnostic.h"
#include "slate/token_set.h"
#include "slate/token_type.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace helios::slate {

// One change to the text of one file: `removed` at `offset` was replaced by `inserted`.
// Applying the inverse (swap the two) undoes it; edits undone in reverse order always
// find their offsets valid again.
struct TokenTextEdit {
    int file = -1;
    qsizetype offset = 0;
    QByteArray removed;
    QByteArray inserted;

    TokenTextEdit inverse() const { return {file, offset, inserted, removed}; }
};

// An editable model of DTCG files on disk. The original bytes of every file are kept and
// each edit splices them by source position, so everything the edit does not touch —
// formatting, key order, comments-free whitespace, other tokens — stays byte-for-byte.
// After every edit the active files are read and resolved again (one linear pass).
//
// Files are base files (theme empty) or layers of a named theme; the active set is the
// base files followed by the active theme's layers, as ThemeLayers merges them. Edits go
// to the file whose definition won the merge.
//
// Not thread-safe; the texts are implicitly shared, so files() is cheap to copy for a worker.
class TokenDocument {
public:
    struct File {
        QString path;     // absolute; also labels diagnostics and Token::file
        QString theme;    // empty for a base file
        QByteArray text;  // current UTF-8 text
        QByteArray savedText; // what is on disk as far as we know
        bool isModified() const { return text != savedText; }
    };

    TokenDocument();
    ~TokenDocument();
    TokenDocument(const TokenDocument &) = delete;
    TokenDocument &operator=(const TokenDocument &) = delete;
    // Replaces this document's files and state (references to it stay valid; references
    // into its old tokens() do not).
    TokenDocument &operator=(TokenDocument &&other) noexcept;

    // Reads a file from disk and adds it (base when `theme` is empty). Fails with Io and
    // changes nothing when it cannot be read. Call reload() after adding files.
    Result<void> addFile(const QString &path, const QString &theme = {});
    // Adds text as if read from `path` (never written unless saved).
    void addData(const QString &path, const QByteArray &utf8, const QString &theme = {});
    void clear();
    // "tokens.dark.json" next to "tokens.json" is a layer of theme "dark" (same for
    // "x.dark.tokens.json" next to "x.tokens.json"); anything else is a base file.
    static QString themeFromFileName(const QString &path, const QStringList &allPaths);

    const std::vector<File> &files() const;
    int fileIndex(const QString &path) const;
    // Theme names in the order their first layer was added.
    QStringList themes() const;
    QString activeTheme() const;
    // Empty for the base alone. Reads and resolves the active set again.
    void setActiveTheme(const QString &theme);

    // The active set, read and resolved, with its diagnostics.
    const TokenSet &tokens() const;
    // Bumped on every change of the active set.
    quint64 revision() const;
    // Reads and resolves the active files again.
    void reload();

    // Replaces a token's `$value` with `valueJson` (a JSON value: "\"#ff0000\"", "400",
    // "{\"value\": 4, \"unit\": \"px\"}"). Rejected, with nothing changed, when the text
    // is not JSON or the token's value would have errors; rejectedDiagnostics() then says why.
    Result<TokenTextEdit> setValue(const QString &tokenPath, const QString &valueJson);
    // Renames the last segment of a token's path. Aliases to the old path are not changed.
    Result<TokenTextEdit> renameToken(const QString &tokenPath, const QString &newName);
    // Adds `name` in group `groupPath` ("" for the top level), creating missing groups, in
    // `fileIndex` (default: the file defining the group, else the first file). `type` is
    // written unless the group already gives it. Rejected like setValue.
    Result<TokenTextEdit> addToken(const QString &groupPath, const QString &name, TokenType type,
                                   const QString &valueJson, int fileIndex = -1);
    // Removes a token's definition from the file it comes from (with its separator).
    Result<TokenTextEdit> removeToken(const QString &tokenPath);
    // Applies a raw edit (undo/redo) and re-reads. Fails when it does not match the text.
    Result<void> apply(const TokenTextEdit &edit);

    // Why the last rejected edit was rejected.
    const Diagnostics &rejectedDiagnostics() const;

    bool isModified() const;
    // Writes every modified file atomically (a temporary file renamed over the target).
    // Tries every file; fails with the first error, and files that failed stay modified.
    Result<void> save();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::slate
