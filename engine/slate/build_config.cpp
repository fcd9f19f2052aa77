// SPDX-License-Identifier: Apache-2.0
#include "slate/build_config.h"

#include "slate/glob_matcher.h"
#include "slate/json_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace helios::slate {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

struct ConfigParser {
    BuildConfig &config;
    QString file;
    QDir base;

    void report(SourcePosition position, const QString &message, const QString &expected = {}, const QString &found = {},
                Diagnostic::Severity severity = Diagnostic::Severity::Error)
    {
        config.diagnostics.push_back({.severity = severity,
                                  .kind = Diagnostic::Kind::BadProperty,
                                  .file = file,
                                  .position = position,
                                  .message = message,
                                  .expected = expected,
                                  .found = found});
    }

    bool expect(const JsonValue &v, JsonValue::Kind kind, const QString &what, const QString &kindText)
    {
        if (v.kind() == kind)
            return true;
        report(v.position(), QStringLiteral("%1 must be %2").arg(what, kindText), kindText, v.kindName());
        return false;
    }

    // A string or an array of strings: the globs, each expanded and checked.
    QStringList globs(const JsonValue &v, const QString &what)
    {
        QStringList out;
        QSet<QString> seen;
        std::vector<const JsonValue *> items;
        if (v.isString()) {
            items.push_back(&v);
        } else if (v.isArray()) {
            for (const JsonValue &item : v.children())
                items.push_back(&item);
        } else {
            report(v.position(), QStringLiteral("%1 must be a glob or an array of globs").arg(what),
                   QStringLiteral("a string or an array of strings"), v.kindName());
            return out;
        }
        for (const JsonValue *item : items) {
            if (!item->isString() || item->toString().isEmpty()) {
                report(item->position(), QStringLiteral("a glob must be a non-empty string"), QStringLiteral("a string"), item->toJsonText());
                continue;
            }
            const QStringList files = GlobMatcher::expand(base.absolutePath(), item->toString());
            if (files.isEmpty()) {
                report(item->position(), QStringLiteral("%1 matches no file").arg(quoted(item->toString())),
                       QStringLiteral("at least one file relative to the config"), quoted(item->toString()));
                continue;
            }
            for (const QString &f : files) {
                if (!seen.contains(f)) { // a file named by two globs is read once, at its first place
                    seen.insert(f);
                    out.append(f);
                }
            }
        }
        return out;
    }

    void readOptions(const JsonValue &v, BuildPlatform &platform)
    {
        if (!expect(v, JsonValue::Kind::Object, QStringLiteral("\"options\""), QStringLiteral("an object")))
            return;
        for (const JsonValue &option : v.children()) {
            const QString &key = option.key();
            const auto wantBool = [&](bool &target) {
                if (expect(option, JsonValue::Kind::Bool, quoted(key), QStringLiteral("a boolean")))
                    target = option.toBool();
            };
            const auto wantString = [&](QString &target) {
                if (expect(option, JsonValue::Kind::String, quoted(key), QStringLiteral("a string")))
                    target = option.toString();
            };
            if (key == QLatin1StringView("outputReferences")) {
                wantBool(platform.options.outputReferences);
            } else if (key == QLatin1StringView("prefix")) {
                wantString(platform.options.prefix);
            } else if (key == QLatin1StringView("selector")) {
                wantString(platform.options.selector);
            } else if (key == QLatin1StringView("themeSelector")) {
                wantString(platform.themeSelector);
            } else if (key == QLatin1StringView("prefersColorScheme")) {
                wantString(platform.prefersColorScheme);
            } else if (key == QLatin1StringView("themes")) {
                wantBool(platform.themeBlocks);
            } else if (key == QLatin1StringView("cssVariables")) {
                wantBool(platform.cssVariables);
            } else if (key == QLatin1StringView("nameCase")) {
                if (!option.isString() || !BuildConfig::parseNameCase(option.toString(), platform.options.nameCase))
                    report(option.position(), QStringLiteral("unknown name case"), QStringLiteral("\"kebab\", \"camel\" or \"dotted\""),
                           option.toJsonText());
                else
                    platform.nameCaseSet = true;
            } else {
                report(option.keyPosition(), QStringLiteral("unknown option %1 is ignored").arg(quoted(key)), {}, {},
                       Diagnostic::Severity::Warning);
            }
        }
    }

    // A resolver's modifiers are only known once it is read, so TokenBuild checks those
    // names; without a resolver, the only one there can be is "theme", and only with layers.
    bool readPlaceholders(const QString &text, const JsonValue &at, BuildPlatform &platform)
    {
        QString error;
        if (!BuildConfig::destinationPlaceholders(text, platform.contextPlaceholders, error)) {
            report(at.position(), QStringLiteral("bad placeholder in \"destination\": %1").arg(error),
                   QStringLiteral("\"{modifier}\" placeholders"), at.toJsonText());
            return false;
        }
        if (!config.resolverPath.isEmpty())
            return true;
        for (const QString &name : std::as_const(platform.contextPlaceholders)) {
            if (name == QLatin1StringView("theme") && !config.themes.empty())
                continue;
            report(at.position(), QStringLiteral("unknown placeholder {%1} in \"destination\"").arg(name),
                   config.themes.empty() ? QStringLiteral("no placeholder: there are no \"themes\" and no \"resolver\"")
                                         : QStringLiteral("{theme}"),
                   QLatin1Char('{') + name + QLatin1Char('}'));
            return false;
        }
        return true;
    }

    void readPlatform(const JsonValue &v)
    {
        if (!expect(v, JsonValue::Kind::Object, QStringLiteral("platform %1").arg(quoted(v.key())), QStringLiteral("an object")))
            return;
        BuildPlatform platform;
        platform.file = file;
        platform.name = v.key();
        platform.position = v.keyPosition();
        bool ok = true;
        const JsonValue *format = v.member(u"format");
        if (!format) {
            report(v.position(), QStringLiteral("platform %1 has no \"format\"").arg(quoted(v.key())),
                   QStringLiteral("one of ") + BuildConfig::formats().join(QStringLiteral(", ")));
            ok = false;
        } else if (!format->isString() || !BuildConfig::formats().contains(format->toString())) {
            report(format->position(), QStringLiteral("unknown format"),
                   QStringLiteral("one of ") + BuildConfig::formats().join(QStringLiteral(", ")), format->toJsonText());
            ok = false;
        } else {
            platform.format = format->toString();
        }
        const JsonValue *destination = v.member(u"destination");
        if (!destination) {
            report(v.position(), QStringLiteral("platform %1 has no \"destination\"").arg(quoted(v.key())),
                   QStringLiteral("a file path relative to the config"));
            ok = false;
        } else if (!destination->isString() || destination->toString().isEmpty()) {
            report(destination->position(), QStringLiteral("\"destination\" must be a file path"), QStringLiteral("a non-empty string"),
                   destination->toJsonText());
            ok = false;
        } else {
            platform.destinationPosition = destination->position();
            ok = readPlaceholders(destination->toString(), *destination, platform) && ok;
            platform.destination = QDir::cleanPath(base.absoluteFilePath(destination->toString()));
            for (const BuildPlatform &other : config.platforms) {
                if (other.destination == platform.destination) {
                    report(destination->position(), QStringLiteral("platforms %1 and %2 write the same file").arg(quoted(other.name), quoted(platform.name)),
                           QStringLiteral("a destination of its own"), destination->toJsonText());
                    ok = false;
                }
            }
        }
        if (const JsonValue *options = v.member(u"options"))
            readOptions(*options, platform);
        for (const JsonValue &member : v.children()) {
            const QString &key = member.key();
            if (key != QLatin1StringView("format") && key != QLatin1StringView("destination") && key != QLatin1StringView("options"))
                report(member.keyPosition(), QStringLiteral("unknown platform property %1 is ignored").arg(quoted(key)), {}, {},
                       Diagnostic::Severity::Warning);
        }
        if (ok)
            config.platforms.push_back(std::move(platform));
    }

    void readRoot(const JsonValue &root)
    {
        if (!expect(root, JsonValue::Kind::Object, QStringLiteral("a build config"), QStringLiteral("an object")))
            return;
        const JsonValue *source = root.member(u"source");
        const JsonValue *resolver = root.member(u"resolver");
        if (source && resolver) {
            report(resolver->keyPosition(), QStringLiteral("use either \"source\" or \"resolver\", not both"));
        } else if (!source && !resolver) {
            report(root.position(), QStringLiteral("the config names no tokens"), QStringLiteral("\"source\": [globs] or \"resolver\": \"x.resolver.json\""),
                   QStringLiteral("neither"));
        } else if (source) {
            config.sources = globs(*source, QStringLiteral("\"source\""));
        } else if (!resolver->isString() || resolver->toString().isEmpty()) {
            report(resolver->position(), QStringLiteral("\"resolver\" must be a file path"), QStringLiteral("a string"), resolver->toJsonText());
        } else {
            config.resolverPath = QDir::cleanPath(base.absoluteFilePath(resolver->toString()));
            if (!QFileInfo(config.resolverPath).isFile())
                report(resolver->position(), QStringLiteral("resolver %1 does not exist").arg(quoted(resolver->toString())),
                       QStringLiteral("an existing file relative to the config"), quoted(resolver->toString()));
        }
        if (const JsonValue *input = root.member(u"input")) {
            if (!resolver)
                report(input->keyPosition(), QStringLiteral("\"input\" only applies with a \"resolver\""));
            else if (expect(*input, JsonValue::Kind::Object, QStringLiteral("\"input\""), QStringLiteral("an object"))) {
                config.inputGiven = true;
                for (const JsonValue &pair : input->children()) {
                    if (expect(pair, JsonValue::Kind::String, QStringLiteral("modifier %1").arg(quoted(pair.key())), QStringLiteral("a context name")))
                        config.input.insert(pair.key(), pair.toString());
                }
            }
        }
        if (const JsonValue *themes = root.member(u"themes")) {
            if (resolver)
                report(themes->keyPosition(), QStringLiteral("\"themes\" cannot be combined with a \"resolver\"; use its modifiers"));
            else if (expect(*themes, JsonValue::Kind::Object, QStringLiteral("\"themes\""), QStringLiteral("an object"))) {
                for (const JsonValue &theme : themes->children())
                    config.themes.push_back({theme.key(), globs(theme, QStringLiteral("theme %1").arg(quoted(theme.key())))});
            }
        }
        const JsonValue *platforms = root.member(u"platforms");
        if (!platforms) {
            report(root.position(), QStringLiteral("the config has no \"platforms\""), QStringLiteral("\"platforms\": {\"css\": {...}}"));
        } else if (expect(*platforms, JsonValue::Kind::Object, QStringLiteral("\"platforms\""), QStringLiteral("an object"))) {
            if (platforms->children().empty())
                report(platforms->position(), QStringLiteral("\"platforms\" is empty"), QStringLiteral("at least one platform"));
            for (const JsonValue &p : platforms->children())
                readPlatform(p);
        }
        static const QStringList known{QStringLiteral("source"), QStringLiteral("resolver"), QStringLiteral("input"),
                                       QStringLiteral("themes"), QStringLiteral("platforms")};
        for (const JsonValue &member : root.children()) {
            if (!member.key().startsWith(QLatin1Char('$')) && !known.contains(member.key()))
                report(member.keyPosition(), QStringLiteral("unknown config property %1 is ignored").arg(quoted(member.key())), {}, {},
                       Diagnostic::Severity::Warning);
        }
    }
};

} // namespace

BuildConfig BuildConfig::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        BuildConfig config;
        Diagnostic d;
        d.kind = Diagnostic::Kind::Io;
        d.file = path;
        d.message = QStringLiteral("cannot read the config: %1").arg(f.errorString());
        config.diagnostics.push_back(std::move(d));
        return config;
    }
    return parse(f.readAll(), path, QFileInfo(path).absolutePath());
}

BuildConfig BuildConfig::parse(QByteArrayView utf8, const QString &fileName, const QString &baseDir)
{
    BuildConfig config;
    JsonReader::Result parsed = JsonReader::parse(utf8, fileName);
    config.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.complete)
        return config;
    ConfigParser parser{config, fileName, QDir(baseDir)};
    parser.readRoot(parsed.root);
    return config;
}

const QStringList &BuildConfig::formats()
{
    static const QStringList list{QStringLiteral("css"),  QStringLiteral("scss"),        QStringLiteral("ts"),
                                  QStringLiteral("dts"),  QStringLiteral("json"),        QStringLiteral("json-nested"),
                                  QStringLiteral("tailwind")};
    return list;
}

bool BuildConfig::destinationPlaceholders(const QString &destination, QStringList &names, QString &error)
{
    names.clear();
    qsizetype open = -1;
    for (qsizetype i = 0; i < destination.size(); ++i) {
        const QChar c = destination[i];
        if (c == QLatin1Char('{')) {
            if (open >= 0)
                break; // reported below as not closed
            open = i;
        } else if (c == QLatin1Char('}')) {
            if (open < 0) {
                error = QStringLiteral("\"}\" at %1 has no \"{\"").arg(i + 1);
                return false;
            }
            const QString name = destination.mid(open + 1, i - open - 1);
            if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
                error = QStringLiteral("\"{%1}\" names no modifier").arg(name);
                return false;
            }
            if (!names.contains(name))
                names.append(name);
            open = -1;
        }
    }
    if (open >= 0) {
        error = QStringLiteral("\"{\" at %1 is not closed by \"}\"").arg(open + 1);
        return false;
    }
    return true;
}

bool BuildConfig::parseNameCase(const QString &text, NameCase &out)
{
    if (text == QLatin1StringView("kebab"))
        out = NameCase::Kebab;
    else if (text == QLatin1StringView("camel"))
        out = NameCase::Camel;
    else if (text == QLatin1StringView("dotted"))
        out = NameCase::Dotted;
    else
        return false;
    return true;
}

} // namespace helios::slate
