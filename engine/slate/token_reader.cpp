// SPDX-License-Identifier: Apache-2.0
#include "slate/token_reader.h"

#include "core/logging.h"
#include "slate/alias_syntax.h"
#include "slate/json_reader.h"

#include <QFile>
#include <QSet>

#include <functional>

namespace helios::slate {

namespace {

struct GroupContext {
    QString path;
    TokenType type = TokenType::Unknown;
    bool deprecated = false;
    QString deprecationMessage;
};

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

// How many tokens (objects with a "$value") the tree holds, to reserve room for them.
qsizetype countTokens(const JsonValue &node)
{
    if (!node.isObject())
        return 0;
    qsizetype count = 0;
    for (const JsonValue &member : node.children()) {
        if (member.key() == QLatin1StringView("$value"))
            return 1;
        count += countTokens(member);
    }
    return count;
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

struct TokenReader::Private {
    TokenSet set;
    QString file;

    void report(Diagnostic::Kind kind, SourcePosition position, const QString &tokenPath,
                const QString &message, const QString &expected = {}, const QString &found = {},
                Diagnostic::Severity severity = Diagnostic::Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.kind = kind;
        d.file = file;
        d.position = position;
        d.tokenPath = tokenPath;
        d.message = message;
        d.expected = expected;
        d.found = found;
        set.diagnostics().push_back(std::move(d));
    }

    // Reads `$type`; Unknown (and a diagnostic) when it names no type.
    TokenType readType(const JsonValue &v, const QString &path)
    {
        if (!v.isString()) {
            report(Diagnostic::Kind::UnknownType, v.position(), path, QStringLiteral("\"$type\" must be a string"),
                   QStringLiteral("one of ") + tokenTypeNames(), v.kindName());
            return TokenType::Unknown;
        }
        const TokenType t = tokenTypeFromName(v.toString());
        if (t == TokenType::Unknown)
            report(Diagnostic::Kind::UnknownType, v.position(), path,
                   QStringLiteral("unknown type %1").arg(quoted(v.toString())),
                   QStringLiteral("one of ") + tokenTypeNames(), quoted(v.toString()));
        return t;
    }

    bool readDeprecated(const JsonValue &v, const QString &path, bool &deprecated, QString &message)
    {
        if (v.isBool()) {
            deprecated = v.toBool();
            message.clear();
            return true;
        }
        if (v.isString()) {
            deprecated = true;
            message = v.toString();
            return true;
        }
        report(Diagnostic::Kind::BadProperty, v.position(), path, QStringLiteral("\"$deprecated\" must be a boolean or a string"),
               QStringLiteral("a boolean or a string"), v.kindName());
        return false;
    }

    void walkGroup(JsonValue &group, const GroupContext &parent, bool isFileRoot)
    {
        GroupContext context = parent;
        // Only used in the first loop below: walking children inserts into the group hash,
        // which would invalidate it.
        TokenGroup *record = nullptr;
        if (!context.path.isEmpty()) {
            record = &set.groups()[context.path];
            if (record->path.isEmpty()) {
                record->path = context.path;
                record->file = file;
                record->position = group.keyPosition();
            }
        }
        // `$` properties first: a group's `$type` may be written after its children.
        for (JsonValue &member : group.children()) {
            const QString &key = member.key();
            if (!key.startsWith(QLatin1Char('$')) || key == QLatin1StringView("$root"))
                continue;
            if (key == QLatin1StringView("$type")) {
                const TokenType t = readType(member, context.path);
                if (t != TokenType::Unknown) {
                    context.type = t;
                    if (record)
                        record->type = t;
                }
            } else if (key == QLatin1StringView("$description")) {
                if (!member.isString())
                    report(Diagnostic::Kind::BadProperty, member.position(), context.path,
                           QStringLiteral("\"$description\" must be a string"), QStringLiteral("a string"), member.kindName());
                else if (record)
                    record->description = member.toString();
            } else if (key == QLatin1StringView("$deprecated")) {
                readDeprecated(member, context.path, context.deprecated, context.deprecationMessage);
            } else if (key == QLatin1StringView("$extensions")) {
                if (!member.isObject())
                    report(Diagnostic::Kind::BadProperty, member.position(), context.path,
                           QStringLiteral("\"$extensions\" must be an object"), QStringLiteral("an object"), member.kindName());
            } else if (key == QLatin1StringView("$extends")) {
                TokenReference reference;
                QString error;
                if (!record) {
                    report(Diagnostic::Kind::BadExtends, member.keyPosition(), {},
                           QStringLiteral("\"$extends\" is only allowed in a group, not at the top level"));
                } else if (!AliasSyntax::isAlias(member) || !AliasSyntax::parse(member, reference, error)
                           || !reference.subPath.isEmpty()) {
                    report(Diagnostic::Kind::BadExtends, member.position(), context.path,
                           QStringLiteral("\"$extends\" must reference a group"),
                           QStringLiteral("\"{group.path}\" or {\"$ref\": \"#/group/path\"}"), member.toJsonText());
                } else {
                    record->extendsPath = reference.targetPath;
                    record->extendsPosition = reference.position;
                }
            } else if (!isFileRoot) {
                // The top level of a file commonly carries tool metadata ($schema, $metadata).
                report(Diagnostic::Kind::BadProperty, member.keyPosition(), context.path,
                       QStringLiteral("unknown group property %1 is ignored").arg(quoted(key)), {}, {},
                       Diagnostic::Severity::Warning);
            }
        }

        for (JsonValue &member : group.children()) {
            const QString &key = member.key();
            const bool isRoot = key == QLatin1StringView("$root");
            if (key.startsWith(QLatin1Char('$')) && !isRoot)
                continue;
            const QString path = context.path.isEmpty() ? key : context.path + QLatin1Char('.') + key;
            if (!isRoot && !isValidName(key)) {
                report(Diagnostic::Kind::InvalidName, member.keyPosition(), path,
                       QStringLiteral("invalid name %1: names cannot contain '.', '{' or '}'").arg(quoted(key)),
                       QStringLiteral("a name without '.', '{', '}'"), quoted(key));
                continue;
            }
            if (!member.isObject()) {
                report(Diagnostic::Kind::BadValue, member.position(), path,
                       QStringLiteral("expected a token (an object with \"$value\") or a group"),
                       QStringLiteral("an object"), member.kindName());
                continue;
            }
            if (member.member(u"$value")) {
                readToken(member, path, context);
            } else if (isRoot) {
                report(Diagnostic::Kind::BadValue, member.position(), path,
                       QStringLiteral("\"$root\" must be a token with a \"$value\""), QStringLiteral("\"$value\""),
                       QStringLiteral("no \"$value\""));
            } else {
                GroupContext child = context;
                child.path = path;
                walkGroup(member, child, false);
            }
        }
    }

    void readToken(JsonValue &object, const QString &path, const GroupContext &context)
    {
        bool existed = false;
        const int index = set.insert(path, &existed);
        Token &token = set.tokens()[size_t(index)];
        token.file = file;
        token.position = object.keyPosition();
        TokenType explicitType = TokenType::Unknown;
        bool sawDescription = false;
        bool sawDeprecated = false;
        bool sawExtensions = false;
        bool sawBadType = false;
        for (JsonValue &member : object.children()) {
            const QString &key = member.key();
            if (key == QLatin1StringView("$value")) {
                token.value = std::move(member);
            } else if (key == QLatin1StringView("$type")) {
                explicitType = readType(member, path);
                sawBadType = explicitType == TokenType::Unknown;
            } else if (key == QLatin1StringView("$description")) {
                if (member.isString()) {
                    token.description = member.toString();
                    sawDescription = true;
                } else {
                    report(Diagnostic::Kind::BadProperty, member.position(), path,
                           QStringLiteral("\"$description\" must be a string"), QStringLiteral("a string"), member.kindName());
                }
            } else if (key == QLatin1StringView("$deprecated")) {
                sawDeprecated = readDeprecated(member, path, token.deprecated, token.deprecationMessage);
            } else if (key == QLatin1StringView("$extensions")) {
                if (member.isObject()) {
                    token.extensions = std::make_shared<const JsonValue>(std::move(member));
                    sawExtensions = true;
                } else {
                    report(Diagnostic::Kind::BadProperty, member.position(), path,
                           QStringLiteral("\"$extensions\" must be an object"), QStringLiteral("an object"), member.kindName());
                }
            } else if (key.startsWith(QLatin1Char('$'))) {
                report(Diagnostic::Kind::BadProperty, member.keyPosition(), path,
                       QStringLiteral("unknown token property %1 is ignored").arg(quoted(key)), {}, {},
                       Diagnostic::Severity::Warning);
            } else {
                report(Diagnostic::Kind::BadProperty, member.keyPosition(), path,
                       QStringLiteral("a token cannot contain %1: a token has a \"$value\" and no children").arg(quoted(key)),
                       QStringLiteral("only $-properties in a token"), quoted(key));
            }
        }
        token.typeInvalid = sawBadType;
        if (explicitType != TokenType::Unknown)
            token.type = explicitType;
        else if (context.type != TokenType::Unknown)
            token.type = context.type;
        else if (!existed)
            token.type = TokenType::Unknown;
        // An override that does not restate a property keeps the earlier file's.
        if (!sawDescription && !existed)
            token.description.clear();
        if (!sawDeprecated && (!existed || context.deprecated)) {
            token.deprecated = context.deprecated;
            token.deprecationMessage = context.deprecationMessage;
        }
        if (!sawExtensions && !existed)
            token.extensions.reset();
    }

    void applyExtends();
};

void TokenReader::Private::applyExtends()
{
    QSet<QString> targets;
    for (const TokenGroup &g : std::as_const(set.groups())) {
        if (!g.extendsPath.isEmpty())
            targets.insert(g.extendsPath);
    }
    if (targets.isEmpty())
        return;

    // Tokens under each extended group, found in one pass over all tokens.
    QHash<QString, std::vector<int>> members;
    auto noteMember = [&](int index) {
        const QString &path = set.tokens()[size_t(index)].path;
        for (qsizetype dot = path.indexOf(QLatin1Char('.')); dot >= 0; dot = path.indexOf(QLatin1Char('.'), dot + 1)) {
            const QString prefix = path.left(dot);
            if (targets.contains(prefix))
                members[prefix].push_back(index);
        }
    };
    for (int i = 0; i < int(set.tokens().size()); ++i)
        noteMember(i);

    std::vector<int> untyped; // usually empty: most tokens have a type by now
    for (int i = 0; i < int(set.tokens().size()); ++i) {
        if (set.tokens()[size_t(i)].type == TokenType::Unknown)
            untyped.push_back(i);
    }

    enum class State { Pending, Active, Done };
    QHash<QString, State> state;
    std::function<void(const QString &)> extend = [&](const QString &groupPath) {
        State &s = state[groupPath];
        if (s == State::Done)
            return;
        const TokenGroup group = set.groups().value(groupPath);
        if (s == State::Active) {
            file = group.file;
            report(Diagnostic::Kind::BadExtends, group.extendsPosition, groupPath,
                   QStringLiteral("groups extend each other in a cycle through %1").arg(quoted(groupPath)));
            return;
        }
        s = State::Active;
        if (!set.groups().contains(group.extendsPath)) {
            file = group.file;
            report(Diagnostic::Kind::BadExtends, group.extendsPosition, groupPath,
                   QStringLiteral("\"$extends\" names no group"), QStringLiteral("an existing group"),
                   QLatin1Char('{') + group.extendsPath + QLatin1Char('}'));
            state[groupPath] = State::Done;
            return;
        }
        if (!set.groups().value(group.extendsPath).extendsPath.isEmpty())
            extend(group.extendsPath);
        const std::vector<int> inherited = members.value(group.extendsPath); // a copy: extending adds members
        const qsizetype prefixLength = group.extendsPath.size();
        for (const int source : inherited) {
            const QString newPath = groupPath + set.tokens()[size_t(source)].path.mid(prefixLength);
            bool existed = false;
            const int index = set.insert(newPath, &existed);
            if (existed) {
                // The extending group's own definition wins, but may rely on the base's type.
                Token &own = set.tokens()[size_t(index)];
                if (own.type == TokenType::Unknown)
                    own.type = set.tokens()[size_t(source)].type;
                continue;
            }
            Token copy = set.tokens()[size_t(source)];
            copy.path = newPath;
            set.tokens()[size_t(index)] = std::move(copy);
            noteMember(index);
        }
        // Own tokens that exist only here take the base group's `$type` when they have none.
        const TokenType baseType = set.groups().value(group.extendsPath).type;
        if (baseType != TokenType::Unknown) {
            const QString prefix = groupPath + QLatin1Char('.');
            for (const int i : untyped) {
                Token &own = set.tokens()[size_t(i)];
                if (own.type == TokenType::Unknown && own.path.startsWith(prefix))
                    own.type = baseType;
            }
        }
        state[groupPath] = State::Done;
    };
    QStringList ordered;
    for (const TokenGroup &g : std::as_const(set.groups())) {
        if (!g.extendsPath.isEmpty())
            ordered.append(g.path);
    }
    ordered.sort(); // QHash order is random; diagnostics and token order must not be
    for (const QString &path : std::as_const(ordered))
        extend(path);
}

TokenReader::TokenReader() : d(std::make_unique<Private>()) {}
TokenReader::~TokenReader() = default;

void TokenReader::addFile(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        d->file = name;
        d->report(Diagnostic::Kind::Io, {}, {}, QStringLiteral("cannot read the file: %1").arg(f.errorString()));
        return;
    }
    addData(f.readAll(), name);
}

void TokenReader::addData(QByteArrayView utf8, const QString &fileName)
{
    d->file = fileName;
    JsonReader::Result parsed = JsonReader::parse(utf8, fileName);
    for (Diagnostic &diag : parsed.diagnostics)
        d->set.diagnostics().push_back(std::move(diag));
    if (!parsed.complete) {
        qCDebug(lcSlate) << "skipping" << fileName << "which is not valid JSON";
        return;
    }
    addValue(std::move(parsed.root), fileName);
}

void TokenReader::addValue(JsonValue root, const QString &fileName)
{
    d->file = fileName;
    if (!root.isObject()) {
        d->report(Diagnostic::Kind::BadValue, root.position(), {},
                  QStringLiteral("a token file must be a JSON object"), QStringLiteral("an object"), root.kindName());
        return;
    }
    // Room for every token up front: growing the vector would move every token. Counting
    // them is cheap next to reading them, and guessing high touched memory for nothing.
    d->set.reserve(countTokens(root));
    d->walkGroup(root, GroupContext{}, true);
}

TokenSet TokenReader::finish()
{
    d->applyExtends();
    TokenSet out = std::move(d->set);
    d->set = TokenSet();
    return out;
}

} // namespace helios::slate
