// SPDX-License-Identifier: Apache-2.0
#include "slate/token_document.h"

#include "core/logging.h"
#include "slate/json_reader.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace helios::slate {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The file was read successfully before any of these are called, so they only need to
// find where a string or a value ends, not to validate it.
qsizetype skipString(const QByteArray &t, qsizetype i)
{
    const qsizetype n = t.size();
    for (++i; i < n; ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return -1;
}

qsizetype skipSpace(const QByteArray &t, qsizetype i)
{
    while (i < t.size() && isSpace(t[i]))
        ++i;
    return i;
}

qsizetype skipValue(const QByteArray &t, qsizetype i)
{
    const qsizetype n = t.size();
    if (i >= n)
        return -1;
    if (t[i] == '"')
        return skipString(t, i);
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        while (i < n) {
            const char c = t[i];
            if (c == '"') {
                i = skipString(t, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    while (i < n && !isSpace(t[i]) && t[i] != ',' && t[i] != '}' && t[i] != ']')
        ++i;
    return i;
}

// From a member's key (at its opening quote) to just past its value; -1 if not a member.
qsizetype memberEnd(const QByteArray &t, qsizetype keyOffset)
{
    qsizetype i = skipString(t, keyOffset);
    if (i < 0)
        return -1;
    i = skipSpace(t, i);
    if (i >= t.size() || t[i] != ':')
        return -1;
    return skipValue(t, skipSpace(t, i + 1));
}

QString jsonString(const QString &s)
{
    QString out;
    appendJsonString(out, s);
    return out;
}

bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('$')))
        return false;
    for (const QChar c : name) {
        if (c == QLatin1Char('.') || c == QLatin1Char('{') || c == QLatin1Char('}'))
            return false;
    }
    return true;
}

QSet<QString> tokensWithErrors(const TokenSet &set)
{
    QSet<QString> out;
    for (const Diagnostic &d : set.diagnostics()) {
        if (d.isError())
            out.insert(d.tokenPath);
    }
    return out;
}

} // namespace

struct TokenDocument::Private {
    std::vector<File> files;
    // Start offset of every line, per file; built on demand, dropped when the text changes.
    std::vector<std::vector<qsizetype>> lineStarts;
    QString activeTheme;
    TokenSet set;
    quint64 revision = 0;
    Diagnostics rejected;

    const std::vector<qsizetype> &linesOf(int file)
    {
        std::vector<qsizetype> &lines = lineStarts[size_t(file)];
        if (lines.empty()) {
            const QByteArray &t = files[size_t(file)].text;
            lines.push_back(0);
            for (qsizetype i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1))
                lines.push_back(i + 1);
        }
        return lines;
    }

    // Byte offset of a 1-based line and code-point column, or -1.
    qsizetype offsetOf(int file, SourcePosition p)
    {
        if (!p.isValid())
            return -1;
        const std::vector<qsizetype> &lines = linesOf(file);
        if (size_t(p.line) > lines.size())
            return -1;
        const QByteArray &t = files[size_t(file)].text;
        qsizetype i = lines[size_t(p.line - 1)];
        for (int column = 1; column < p.column && i < t.size(); ++column) {
            ++i;
            while (i < t.size() && (uchar(t[i]) & 0xC0) == 0x80)
                ++i;
        }
        return i;
    }

    int indexOfFile(const QString &path) const
    {
        for (size_t i = 0; i < files.size(); ++i) {
            if (files[i].path == path)
                return int(i);
        }
        return -1;
    }

    void splice(const TokenTextEdit &e)
    {
        files[size_t(e.file)].text.replace(e.offset, e.removed.size(), e.inserted);
        lineStarts[size_t(e.file)].clear();
    }

    void reread()
    {
        TokenReader reader;
        for (const File &f : files) {
            if (f.theme.isEmpty() || f.theme == activeTheme)
                reader.addData(f.text, f.path);
        }
        set = reader.finish();
        (void)TokenResolver::resolve(set);
        ++revision;
    }

    // Applies `edit` and keeps it only if it brings no error to a token in `mustBeClean`
    // nor, when `dependentsToo`, to a token that had none (an alias to a changed value may
    // now mismatch). A rename breaks aliases to the old name on purpose: they are shown.
    Result<TokenTextEdit> applyChecked(const TokenTextEdit &edit, const QSet<QString> &mustBeClean,
                                       bool dependentsToo = true)
    {
        const QSet<QString> before = tokensWithErrors(set);
        TokenSet previous = std::move(set);
        const quint64 previousRevision = revision;
        splice(edit);
        reread();
        Diagnostics introduced;
        for (const Diagnostic &d : set.diagnostics()) {
            if (d.isError() && (mustBeClean.contains(d.tokenPath) || (dependentsToo && !before.contains(d.tokenPath))))
                introduced.push_back(d);
        }
        if (introduced.empty()) {
            rejected.clear();
            return edit;
        }
        splice(edit.inverse());
        set = std::move(previous);
        revision = previousRevision;
        rejected = std::move(introduced);
        const Diagnostic &first = rejected.front();
        return makeError(ErrorCode::InvalidArgument, first.message, first.tokenPath);
    }

    // Parses `valueJson` on its own; false (and rejected diagnostics) when it is not JSON.
    bool checkJson(const QString &valueJson, const QString &tokenPath, QByteArray &utf8)
    {
        utf8 = valueJson.trimmed().toUtf8();
        JsonReader::Result parsed = JsonReader::parse(utf8, QStringLiteral("(new value)"));
        if (parsed.complete && !hasErrors(parsed.diagnostics))
            return true;
        rejected = std::move(parsed.diagnostics);
        for (Diagnostic &d : rejected)
            d.tokenPath = tokenPath;
        return false;
    }

    Result<TokenTextEdit> rejectJson()
    {
        return makeError(ErrorCode::InvalidArgument,
                         rejected.empty() ? QStringLiteral("the value is not JSON") : rejected.front().message,
                         rejected.empty() ? QString() : rejected.front().tokenPath);
    }

    // The token and the index of the file that defined it.
    Result<std::pair<const Token *, int>> locate(const QString &tokenPath) const
    {
        const Token *token = set.find(tokenPath);
        if (!token)
            return makeError(ErrorCode::NotFound, QStringLiteral("no token named %1").arg(tokenPath), tokenPath);
        const int file = indexOfFile(token->file);
        if (file < 0)
            return makeError(ErrorCode::Internal, QStringLiteral("the token's file is not open"), token->file);
        return std::pair{token, file};
    }
};

TokenDocument::TokenDocument() : d(std::make_unique<Private>()) {}
TokenDocument::~TokenDocument() = default;
TokenDocument &TokenDocument::operator=(TokenDocument &&other) noexcept = default;

Result<void> TokenDocument::addFile(const QString &path, const QString &theme)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QFile f(absolute);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the file: %1").arg(f.errorString()), absolute);
    const QByteArray text = f.readAll();
    addData(absolute, text, theme);
    d->files.back().savedText = text;
    return {};
}

void TokenDocument::addData(const QString &path, const QByteArray &utf8, const QString &theme)
{
    d->files.push_back(File{path, theme, utf8, {}});
    d->lineStarts.emplace_back();
}

void TokenDocument::clear()
{
    d->files.clear();
    d->lineStarts.clear();
    d->activeTheme.clear();
    d->rejected.clear();
    d->reread();
}

QString TokenDocument::themeFromFileName(const QString &path, const QStringList &allPaths)
{
    const QFileInfo info(path);
    QString name = info.fileName();
    QString extension;
    for (const QLatin1StringView suffix : {QLatin1StringView(".tokens.json"), QLatin1StringView(".json")}) {
        if (name.endsWith(suffix)) {
            extension = suffix;
            name.chop(suffix.size());
            break;
        }
    }
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (extension.isEmpty() || dot <= 0)
        return {};
    const QString base = info.dir().absoluteFilePath(name.left(dot) + extension);
    for (const QString &other : allPaths) {
        if (QFileInfo(other).absoluteFilePath() == base)
            return name.mid(dot + 1);
    }
    return {};
}

const std::vector<TokenDocument::File> &TokenDocument::files() const { return d->files; }
int TokenDocument::fileIndex(const QString &path) const { return d->indexOfFile(path); }

QStringList TokenDocument::themes() const
{
    QStringList out;
    for (const File &f : d->files) {
        if (!f.theme.isEmpty() && !out.contains(f.theme))
            out.append(f.theme);
    }
    return out;
}

QString TokenDocument::activeTheme() const { return d->activeTheme; }

void TokenDocument::setActiveTheme(const QString &theme)
{
    d->activeTheme = theme;
    d->reread();
}

const TokenSet &TokenDocument::tokens() const { return d->set; }
quint64 TokenDocument::revision() const { return d->revision; }
void TokenDocument::reload() { d->reread(); }
const Diagnostics &TokenDocument::rejectedDiagnostics() const { return d->rejected; }

Result<TokenTextEdit> TokenDocument::setValue(const QString &tokenPath, const QString &valueJson)
{
    auto located = d->locate(tokenPath);
    if (!located.ok())
        return located.error();
    const auto [token, file] = *located;
    QByteArray utf8;
    if (!d->checkJson(valueJson, tokenPath, utf8))
        return d->rejectJson();
    const QByteArray &text = d->files[size_t(file)].text;
    const qsizetype start = d->offsetOf(file, token->value.position());
    const qsizetype end = start < 0 ? -1 : skipValue(text, start);
    const QByteArray old = end < 0 ? QByteArray() : text.mid(start, end - start);
    // A token overridden by a file that gives no `$value` keeps the earlier file's value
    // but names the later file: make sure the bytes found are really this value.
    if (end < 0 || JsonReader::parse(old, {}).root.toJsonText() != token->value.toJsonText())
        return makeError(ErrorCode::Unsupported, QStringLiteral("the token's $value could not be located in its file"),
                         d->files[size_t(file)].path);
    return d->applyChecked({file, start, old, utf8}, {tokenPath});
}

Result<TokenTextEdit> TokenDocument::renameToken(const QString &tokenPath, const QString &newName)
{
    if (!isValidName(newName))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token name must not be empty, start with '$' or contain '.', '{' or '}'"), newName);
    auto located = d->locate(tokenPath);
    if (!located.ok())
        return located.error();
    const auto [token, file] = *located;
    const qsizetype dot = tokenPath.lastIndexOf(QLatin1Char('.'));
    if (tokenPath.mid(dot + 1).startsWith(QLatin1Char('$')))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a $root token cannot be renamed"), tokenPath);
    const QString newPath = dot < 0 ? newName : tokenPath.left(dot + 1) + newName;
    if (d->set.indexOf(newPath) >= 0 || d->set.groups().contains(newPath))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("%1 already exists").arg(newPath), newPath);
    const QByteArray &text = d->files[size_t(file)].text;
    const qsizetype start = d->offsetOf(file, token->position);
    const qsizetype end = start < 0 || text[start] != '"' ? -1 : skipString(text, start);
    if (end < 0)
        return makeError(ErrorCode::Internal, QStringLiteral("the token's key could not be located"), d->files[size_t(file)].path);
    return d->applyChecked({file, start, text.mid(start, end - start), jsonString(newName).toUtf8()}, {newPath}, false);
}

Result<TokenTextEdit> TokenDocument::addToken(const QString &groupPath, const QString &name, TokenType type,
                                              const QString &valueJson, int fileIndex)
{
    if (!isValidName(name))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token name must not be empty, start with '$' or contain '.', '{' or '}'"), name);
    const QString path = groupPath.isEmpty() ? name : groupPath + QLatin1Char('.') + name;
    if (d->set.indexOf(path) >= 0 || d->set.groups().contains(path))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("%1 already exists").arg(path), path);
    QByteArray value;
    if (!d->checkJson(valueJson, path, value))
        return d->rejectJson();

    // The nearest existing group decides the default file and the inherited type.
    TokenType inherited = TokenType::Unknown;
    QString groupFile;
    for (QString g = groupPath; !g.isEmpty(); g = g.left(qMax(0, int(g.lastIndexOf(QLatin1Char('.')))))) {
        const auto it = d->set.groups().constFind(g);
        if (it == d->set.groups().cend())
            continue;
        if (groupFile.isEmpty())
            groupFile = it->file;
        if (inherited == TokenType::Unknown)
            inherited = it->type;
    }
    if (fileIndex < 0)
        fileIndex = groupFile.isEmpty() ? -1 : d->indexOfFile(groupFile);
    if (fileIndex < 0) {
        for (size_t i = 0; i < d->files.size() && fileIndex < 0; ++i) {
            if (d->files[i].theme.isEmpty() || d->files[i].theme == d->activeTheme)
                fileIndex = int(i);
        }
    }
    if (fileIndex < 0 || size_t(fileIndex) >= d->files.size())
        return makeError(ErrorCode::NotFound, QStringLiteral("no file to add the token to"), path);

    const QByteArray &text = d->files[size_t(fileIndex)].text;
    const JsonReader::Result parsed = JsonReader::parse(text, d->files[size_t(fileIndex)].path);
    if (!parsed.complete || !parsed.root.isObject())
        return makeError(ErrorCode::Unsupported, QStringLiteral("the file is not a JSON object"), d->files[size_t(fileIndex)].path);
    const QStringList segments = groupPath.isEmpty() ? QStringList() : groupPath.split(QLatin1Char('.'));
    const JsonValue *object = &parsed.root;
    qsizetype depth = 0;
    for (; depth < segments.size(); ++depth) {
        const JsonValue *child = object->member(segments[depth]);
        if (!child || !child->isObject())
            break;
        object = child;
    }

    QString member = jsonString(name) + QStringLiteral(": { ");
    if (type != TokenType::Unknown && type != inherited)
        member += QStringLiteral("\"$type\": ") + jsonString(tokenTypeName(type)) + QStringLiteral(", ");
    member += QStringLiteral("\"$value\": ") + QString::fromUtf8(value) + QStringLiteral(" }");
    for (qsizetype i = segments.size() - 1; i >= depth; --i)
        member = jsonString(segments[i]) + QStringLiteral(": { ") + member + QStringLiteral(" }");

    TokenTextEdit edit{fileIndex, 0, {}, {}};
    if (object->children().empty()) {
        edit.offset = d->offsetOf(fileIndex, object->position()) + 1;
        edit.inserted = (QLatin1Char(' ') + member + QLatin1Char(' ')).toUtf8();
    } else {
        // After the last member, indented like it when it starts its own line.
        const qsizetype lastKey = d->offsetOf(fileIndex, object->children().back().keyPosition());
        edit.offset = memberEnd(text, lastKey);
        qsizetype lineStart = lastKey;
        while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t'))
            --lineStart;
        const bool ownLine = lineStart == 0 || text[lineStart - 1] == '\n';
        edit.inserted = ownLine ? QByteArray(",\n" + text.mid(lineStart, lastKey - lineStart) + member.toUtf8())
                                : QByteArray(", " + member.toUtf8());
    }
    if (edit.offset <= 0)
        return makeError(ErrorCode::Internal, QStringLiteral("the group could not be located"), d->files[size_t(fileIndex)].path);
    return d->applyChecked(edit, {path});
}

Result<TokenTextEdit> TokenDocument::removeToken(const QString &tokenPath)
{
    auto located = d->locate(tokenPath);
    if (!located.ok())
        return located.error();
    const auto [token, file] = *located;
    const QByteArray &text = d->files[size_t(file)].text;
    const qsizetype key = d->offsetOf(file, token->position);
    const qsizetype end = key < 0 ? -1 : memberEnd(text, key);
    if (end < 0)
        return makeError(ErrorCode::Internal, QStringLiteral("the token could not be located"), d->files[size_t(file)].path);
    qsizetype before = key - 1;
    while (before >= 0 && isSpace(text[before]))
        --before;
    const qsizetype after = skipSpace(text, end);
    qsizetype from = key;
    qsizetype to = end;
    if (before >= 0 && text[before] == ',') {
        from = before; // "a": 1, "b": 2 -> "a": 1
    } else if (after < text.size() && text[after] == ',') {
        to = skipSpace(text, after + 1); // the first member: up to the next one
    } else {
        from = before + 1; // the only member: leave "{}"
        to = after;
    }
    TokenTextEdit edit{file, from, text.mid(from, to - from), {}};
    d->splice(edit);
    d->reread();
    d->rejected.clear();
    return edit;
}

Result<void> TokenDocument::apply(const TokenTextEdit &edit)
{
    if (edit.file < 0 || size_t(edit.file) >= d->files.size())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no such file"), QString::number(edit.file));
    const QByteArray &text = d->files[size_t(edit.file)].text;
    if (edit.offset < 0 || edit.offset + edit.removed.size() > text.size()
        || QByteArrayView(text).sliced(edit.offset, edit.removed.size()) != edit.removed)
        return makeError(ErrorCode::Conflict, QStringLiteral("the file changed since the edit was made"),
                         d->files[size_t(edit.file)].path);
    d->splice(edit);
    d->reread();
    return {};
}

bool TokenDocument::isModified() const
{
    for (const File &f : d->files) {
        if (f.isModified())
            return true;
    }
    return false;
}

Result<void> TokenDocument::save()
{
    std::optional<Error> firstError;
    for (File &f : d->files) {
        if (!f.isModified())
            continue;
        // QSaveFile writes a temporary file next to the target and renames it over the
        // target on commit: a crash or a full disk never leaves half a token file.
        QSaveFile out(f.path);
        if (!out.open(QIODevice::WriteOnly) || out.write(f.text) != f.text.size() || !out.commit()) {
            qCWarning(lcSlate) << "cannot save" << f.path << out.errorString();
            if (!firstError)
                firstError = makeError(ErrorCode::Io, QStringLiteral("cannot save the file: %1").arg(out.errorString()), f.path);
            continue;
        }
        f.savedText = f.text;
    }
    if (firstError)
        return *firstError;
    return {};
}

} // namespace helios::slate
