// SPDX-License-Identifier: Apache-2.0
#include "slate/resolver_document.h"

#include "slate/json_pointer.h"
#include "slate/json_reader.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <functional>

namespace helios::slate {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

// The parse, as a helper that shares the document and its file name.
struct ResolverDocument::Private {
    ResolverDocument &doc;
    QString baseDir;
    const JsonValue *root = nullptr;
    QHash<QString, int> rootSets;       // sets under "sets", which "#/sets/<name>" can name
    struct ParsedFile {
        bool ok = false;
        JsonValue root;
    };
    QHash<QString, ParsedFile> parsedFiles; // files fragments point into, parsed once

    void report(SourcePosition position, const QString &message, const QString &expected = {},
                const QString &found = {}, Diagnostic::Severity severity = Diagnostic::Severity::Error)
    {
        doc.m_diagnostics.push_back({.severity = severity,
                                  .kind = Diagnostic::Kind::BadProperty,
                                  .file = doc.m_file,
                                  .position = position,
                                  .message = message,
                                  .expected = expected,
                                  .found = found});
    }

    bool expectKind(const JsonValue &v, JsonValue::Kind kind, const QString &what, const QString &kindText)
    {
        if (v.kind() == kind)
            return true;
        report(v.position(), QStringLiteral("%1 must be %2").arg(what, kindText), kindText, v.kindName());
        return false;
    }

    // `where` is the JSON Pointer of the sources array, for inline sources' names.
    std::vector<Source> readSources(const JsonValue &array, const QString &where)
    {
        std::vector<Source> out;
        if (!expectKind(array, JsonValue::Kind::Array, quoted(where.section(QLatin1Char('/'), -1)), QStringLiteral("an array")))
            return out;
        int i = 0;
        for (const JsonValue &item : array.children()) {
            const QString pointer = where + QLatin1Char('/') + QString::number(i++);
            if (!item.isObject()) {
                report(item.position(), QStringLiteral("a source must be {\"$ref\": \"file.tokens.json\"} or an inline token object"),
                       QStringLiteral("an object"), item.kindName());
                continue;
            }
            const JsonValue *ref = item.member(u"$ref");
            Source source;
            source.position = item.position();
            if (!ref) {
                source.displayName = QFileInfo(doc.m_file).fileName() + QLatin1Char('#') + pointer;
                source.tokens = item;
                out.push_back(std::move(source));
                continue;
            }
            if (!ref->isString() || ref->toString().isEmpty()) {
                report(ref->position(), QStringLiteral("\"$ref\" must be a file path"), QStringLiteral("a string"),
                       ref->toJsonText());
                continue;
            }
            const QString target = ref->toString();
            const qsizetype hash = target.indexOf(QLatin1Char('#'));
            const QString filePart = hash < 0 ? target : target.left(hash);
            source.displayName = target;
            source.position = ref->position();
            QStringList segments;
            QString error;
            if (hash >= 0 && !JsonPointer::parse(target.mid(hash + 1), segments, error)) {
                report(ref->position(), QStringLiteral("bad JSON Pointer in %1: %2").arg(quoted(target), error),
                       QStringLiteral("\"file.tokens.json#/group/name\""), quoted(target));
                continue;
            }
            if (filePart.isEmpty()) {
                if (readOwnReference(source, segments, *ref, pointer))
                    out.push_back(std::move(source));
                continue;
            }
            source.path = QDir::cleanPath(QDir(baseDir).absoluteFilePath(filePart));
            if (!QFileInfo(source.path).isFile()) {
                report(ref->position(), QStringLiteral("source file %1 does not exist").arg(quoted(filePart)),
                       QStringLiteral("an existing file relative to the resolver"), quoted(target));
                continue;
            }
            if (!segments.isEmpty() && !readFileFragment(source, segments, *ref))
                continue;
            out.push_back(std::move(source));
        }
        return out;
    }

    const ParsedFile &parsedFile(const QString &path)
    {
        auto it = parsedFiles.find(path);
        if (it != parsedFiles.end())
            return it.value();
        ParsedFile file;
        auto bytes = doc.m_fileCache.constFind(path);
        QFile f(path);
        if (bytes == doc.m_fileCache.constEnd() && f.open(QIODevice::ReadOnly))
            bytes = doc.m_fileCache.insert(path, f.readAll());
        if (bytes == doc.m_fileCache.constEnd()) {
            Diagnostic d;
            d.kind = Diagnostic::Kind::Io;
            d.file = path;
            d.message = QStringLiteral("cannot read the file: %1").arg(f.errorString());
            doc.m_diagnostics.push_back(std::move(d));
        } else {
            JsonReader::Result parsed = JsonReader::parse(bytes.value(), path);
            file.ok = parsed.complete;
            if (file.ok) {
                // Other problems of the part (duplicate keys) are the token reader's to report.
                file.root = std::move(parsed.root);
            } else {
                for (Diagnostic &d : parsed.diagnostics)
                    doc.m_diagnostics.push_back(std::move(d));
            }
        }
        return parsedFiles.insert(path, std::move(file)).value();
    }

    // The object `segments` point at in `root`, or nullptr after reporting at the `$ref`.
    const JsonValue *pointedObject(const JsonValue &root, const QStringList &segments, const JsonValue &ref, const QString &inFile)
    {
        QString error;
        const JsonValue *node = JsonPointer::follow(root, segments, error);
        const QString pointer = quoted(JsonPointer::text(segments));
        if (!node) {
            report(ref.position(), QStringLiteral("JSON Pointer %1 matches nothing in %2: %3").arg(pointer, inFile, error),
                   QStringLiteral("a group of tokens in the file"), ref.toJsonText());
            return nullptr;
        }
        if (!node->isObject()) {
            report(ref.position(), QStringLiteral("JSON Pointer %1 in %2 points at %3, not a group of tokens").arg(pointer, inFile, node->kindName()),
                   QStringLiteral("an object"), node->kindName());
            return nullptr;
        }
        if (node->member(u"$value")) {
            report(ref.position(), QStringLiteral("JSON Pointer %1 in %2 points at a token; a source must be a group of tokens").arg(pointer, inFile),
                   QStringLiteral("a group (an object without \"$value\")"), QStringLiteral("a token"));
            return nullptr;
        }
        return node;
    }

    // Keeps the pointed object, with its own file's positions, for the token reader.
    static void keepFragment(Source &source, const QStringList &segments, const JsonValue &object)
    {
        source.pointer = JsonPointer::text(segments);
        source.tokens = object;
    }

    bool readFileFragment(Source &source, const QStringList &segments, const JsonValue &ref)
    {
        const ParsedFile &file = parsedFile(source.path);
        const QString shown = quoted(ref.toString().section(QLatin1Char('#'), 0, 0));
        if (!file.ok) {
            report(ref.position(), QStringLiteral("source file %1 is not valid JSON, so %2 cannot be looked up").arg(shown, quoted(JsonPointer::text(segments))),
                   QStringLiteral("a token file"), ref.toJsonText());
            return false;
        }
        const JsonValue *object = pointedObject(file.root, segments, ref, shown);
        if (!object)
            return false;
        keepFragment(source, segments, *object);
        return true;
    }

    // "#/..." within the resolver; `where` is the JSON Pointer of the source object itself.
    bool readOwnReference(Source &source, const QStringList &segments, const JsonValue &ref, const QString &where)
    {
        const QString target = ref.toString();
        const QString first = segments.value(0);
        if (segments.isEmpty()) {
            report(ref.position(), QStringLiteral("a source cannot reference the whole resolver document"),
                   QStringLiteral("\"#/sets/<name>\" or a group of tokens in the document"), quoted(target));
            return false;
        }
        if (first == QLatin1StringView("modifiers") || first == QLatin1StringView("resolutionOrder")) {
            report(ref.position(),
                   first == QLatin1StringView("modifiers") ? QStringLiteral("only resolutionOrder may reference a modifier")
                                                          : QStringLiteral("a reference may not point into resolutionOrder"),
                   QStringLiteral("\"#/sets/<name>\" or a group of tokens in the document"), quoted(target));
            return false;
        }
        if (first == QLatin1StringView("sets") && segments.size() == 2) {
            const JsonValue *sets = root->member(u"sets");
            if (!sets || !sets->isObject() || !sets->member(segments[1])) {
                report(ref.position(), QStringLiteral("%1 names no set").arg(quoted(target)), QStringLiteral("a set defined in \"sets\""),
                       quoted(target));
                return false;
            }
            source.includedSet = segments[1];
            return true;
        }
        const QString pointer = JsonPointer::text(segments);
        const QString self = where + QLatin1Char('/');
        if (self.startsWith(pointer + QLatin1Char('/'))) {
            report(ref.position(), QStringLiteral("%1 contains this reference; a reference cannot include itself").arg(quoted(target)),
                   QStringLiteral("a part of the document outside this source"), quoted(target));
            return false;
        }
        const JsonValue *object = pointedObject(*root, segments, ref, QStringLiteral("the resolver"));
        if (!object)
            return false;
        if (object->member(u"$ref")) {
            report(ref.position(), QStringLiteral("%1 points at another reference; point at what it references").arg(quoted(target)),
                   QStringLiteral("a group of tokens"), QStringLiteral("a reference"));
            return false;
        }
        keepFragment(source, segments, *object);
        return true;
    }

    // Replaces each "#/sets/<name>" source by that set's sources (themselves expanded), as
    // the spec defines; a set that includes itself, directly or not, is reported.
    void expandSetReferences()
    {
        std::vector<char> state(doc.m_sets.size(), 0); // 0 not yet, 1 expanding, 2 done
        std::function<void(std::vector<Source> &)> expandList;
        const auto expandSet = [&](size_t i) {
            if (state[i] != 0)
                return;
            state[i] = 1;
            expandList(doc.m_sets[i]);
            state[i] = 2;
        };
        expandList = [&](std::vector<Source> &list) {
            if (std::none_of(list.begin(), list.end(), [](const Source &s) { return !s.includedSet.isEmpty(); }))
                return;
            std::vector<Source> out;
            for (Source &s : list) {
                if (s.includedSet.isEmpty()) {
                    out.push_back(std::move(s));
                    continue;
                }
                const int target = rootSets.value(s.includedSet, -1);
                if (target < 0) // the set itself was reported
                    continue;
                if (state[size_t(target)] == 1) {
                    report(s.position, QStringLiteral("set %1 includes itself through %2").arg(quoted(s.includedSet), quoted(s.displayName)),
                           QStringLiteral("sets that do not include each other"), quoted(s.displayName));
                    continue;
                }
                expandSet(size_t(target));
                const std::vector<Source> &included = doc.m_sets[size_t(target)];
                out.insert(out.end(), included.begin(), included.end());
            }
            list = std::move(out);
        };
        for (size_t i = 0; i < doc.m_sets.size(); ++i)
            expandSet(i);
        for (Modifier &m : doc.m_modifiers) {
            for (std::vector<Source> &context : m.contexts)
                expandList(context);
        }
    }

    void readSet(const QString &name, const JsonValue &set, const QString &pointer)
    {
        if (!expectKind(set, JsonValue::Kind::Object, QStringLiteral("set %1").arg(quoted(name)), QStringLiteral("an object")))
            return;
        const JsonValue *sources = set.member(u"sources");
        if (!sources) {
            report(set.position(), QStringLiteral("set %1 has no \"sources\"").arg(quoted(name)), QStringLiteral("\"sources\": [...]"));
            return;
        }
        if (doc.m_setIndex.contains(name)) {
            report(set.keyPosition().isValid() ? set.keyPosition() : set.position(),
                   QStringLiteral("set %1 is defined twice").arg(quoted(name)));
            return;
        }
        doc.m_setIndex.insert(name, int(doc.m_sets.size()));
        doc.m_sets.push_back(readSources(*sources, pointer + QStringLiteral("/sources")));
    }

    void readModifier(const QString &name, const JsonValue &object, const QString &pointer)
    {
        if (!expectKind(object, JsonValue::Kind::Object, QStringLiteral("modifier %1").arg(quoted(name)), QStringLiteral("an object")))
            return;
        Modifier modifier;
        modifier.name = name;
        modifier.position = object.keyPosition().isValid() ? object.keyPosition() : object.position();
        const JsonValue *contexts = object.member(u"contexts");
        if (!contexts) {
            report(object.position(), QStringLiteral("modifier %1 has no \"contexts\"").arg(quoted(name)),
                   QStringLiteral("\"contexts\": {\"name\": [sources]}"));
            return;
        }
        if (!expectKind(*contexts, JsonValue::Kind::Object, QStringLiteral("\"contexts\""), QStringLiteral("an object")))
            return;
        if (contexts->children().empty()) {
            report(contexts->position(), QStringLiteral("modifier %1 has no contexts").arg(quoted(name)),
                   QStringLiteral("at least one context"));
            return;
        }
        for (const JsonValue &context : contexts->children()) {
            modifier.contextNames.append(context.key());
            modifier.contexts.push_back(readSources(context, pointer + QStringLiteral("/contexts") + JsonPointer::text({context.key()})));
        }
        if (const JsonValue *def = object.member(u"default")) {
            if (!def->isString())
                report(def->position(), QStringLiteral("\"default\" must be a context name"), QStringLiteral("a string"), def->kindName());
            else if (!modifier.contextNames.contains(def->toString()))
                report(def->position(), QStringLiteral("default %1 is not a context of modifier %2").arg(quoted(def->toString()), quoted(name)),
                       QStringLiteral("one of ") + modifier.contextNames.join(QStringLiteral(", ")), quoted(def->toString()));
            else
                modifier.defaultContext = def->toString();
        }
        if (doc.m_modifierIndex.contains(name)) {
            report(modifier.position, QStringLiteral("modifier %1 is defined twice").arg(quoted(name)));
            return;
        }
        doc.m_modifierIndex.insert(name, int(doc.m_modifiers.size()));
        doc.m_modifiers.push_back(std::move(modifier));
    }

    void readOrderItem(const JsonValue &item, int i)
    {
        if (!item.isObject()) {
            report(item.position(), QStringLiteral("a resolutionOrder item must be a reference or an inline set or modifier"),
                   QStringLiteral("an object"), item.kindName());
            return;
        }
        if (const JsonValue *ref = item.member(u"$ref")) {
            const QString target = ref->isString() ? ref->toString() : QString();
            const bool isSet = target.startsWith(QLatin1StringView("#/sets/"));
            const bool isModifier = target.startsWith(QLatin1StringView("#/modifiers/"));
            if (!isSet && !isModifier) {
                report(ref->position(), QStringLiteral("resolutionOrder may only reference a set or a modifier"),
                       QStringLiteral("\"#/sets/<name>\" or \"#/modifiers/<name>\""), ref->toJsonText());
                return;
            }
            const QString name = target.mid(isSet ? 7 : 12).replace(QLatin1StringView("~1"), QLatin1StringView("/"))
                                     .replace(QLatin1StringView("~0"), QLatin1StringView("~"));
            const auto &index = isSet ? doc.m_setIndex : doc.m_modifierIndex;
            const auto it = index.constFind(name);
            if (it == index.constEnd()) {
                report(ref->position(), QStringLiteral("%1 names no %2").arg(quoted(target), isSet ? QStringLiteral("set") : QStringLiteral("modifier")),
                       isSet ? QStringLiteral("a set defined in \"sets\"") : QStringLiteral("a modifier defined in \"modifiers\""), quoted(target));
                return;
            }
            doc.m_order.push_back({isModifier, it.value()});
            return;
        }
        const JsonValue *type = item.member(u"type");
        const JsonValue *name = item.member(u"name");
        const QString typeName = type && type->isString() ? type->toString() : QString();
        if (typeName != QLatin1StringView("set") && typeName != QLatin1StringView("modifier")) {
            report(type ? type->position() : item.position(),
                   QStringLiteral("an inline resolutionOrder item needs \"type\": \"set\" or \"modifier\""),
                   QStringLiteral("\"set\" or \"modifier\""), type ? type->toJsonText() : QStringLiteral("no \"type\""));
            return;
        }
        if (!name || !name->isString() || name->toString().isEmpty()) {
            report(name ? name->position() : item.position(), QStringLiteral("an inline %1 needs a \"name\"").arg(typeName),
                   QStringLiteral("a non-empty string"), name ? name->toJsonText() : QStringLiteral("no \"name\""));
            return;
        }
        const QString pointer = QStringLiteral("/resolutionOrder/") + QString::number(i);
        if (typeName == QLatin1StringView("set")) {
            const size_t before = doc.m_sets.size();
            readSet(name->toString(), item, pointer);
            if (doc.m_sets.size() > before)
                doc.m_order.push_back({false, int(before)});
        } else {
            const size_t before = doc.m_modifiers.size();
            readModifier(name->toString(), item, pointer);
            if (doc.m_modifiers.size() > before)
                doc.m_order.push_back({true, int(before)});
        }
    }

    void readRoot(const JsonValue &root)
    {
        if (!expectKind(root, JsonValue::Kind::Object, QStringLiteral("a resolver document"), QStringLiteral("an object")))
            return;
        const JsonValue *version = root.member(u"version");
        if (!version)
            report(root.position(), QStringLiteral("no \"version\"; reading as 2025.10"), QStringLiteral("\"version\": \"2025.10\""), {},
                   Diagnostic::Severity::Warning);
        else if (!version->isString() || version->toString() != QLatin1StringView("2025.10"))
            report(version->position(), QStringLiteral("unknown resolver version; reading as 2025.10"), QStringLiteral("\"2025.10\""),
                   version->toJsonText(), Diagnostic::Severity::Warning);
        if (const JsonValue *n = root.member(u"name"); n && n->isString())
            doc.m_name = n->toString();
        if (const JsonValue *sets = root.member(u"sets")) {
            if (expectKind(*sets, JsonValue::Kind::Object, QStringLiteral("\"sets\""), QStringLiteral("an object"))) {
                for (const JsonValue &set : sets->children()) {
                    const size_t before = doc.m_sets.size();
                    readSet(set.key(), set, QStringLiteral("/sets") + JsonPointer::text({set.key()}));
                    if (doc.m_sets.size() > before)
                        rootSets.insert(set.key(), int(before));
                }
            }
        }
        if (const JsonValue *modifiers = root.member(u"modifiers")) {
            if (expectKind(*modifiers, JsonValue::Kind::Object, QStringLiteral("\"modifiers\""), QStringLiteral("an object"))) {
                for (const JsonValue &m : modifiers->children())
                    readModifier(m.key(), m, QStringLiteral("/modifiers") + JsonPointer::text({m.key()}));
            }
        }
        const JsonValue *order = root.member(u"resolutionOrder");
        if (!order) {
            report(root.position(), QStringLiteral("no \"resolutionOrder\""), QStringLiteral("\"resolutionOrder\": [...]"));
        } else if (expectKind(*order, JsonValue::Kind::Array, QStringLiteral("\"resolutionOrder\""), QStringLiteral("an array"))) {
            int i = 0;
            for (const JsonValue &item : order->children())
                readOrderItem(item, i++);
        }
        static const QStringList known{QStringLiteral("version"),   QStringLiteral("name"),
                                       QStringLiteral("description"), QStringLiteral("sets"),
                                       QStringLiteral("modifiers"), QStringLiteral("resolutionOrder")};
        for (const JsonValue &member : root.children()) {
            if (!member.key().startsWith(QLatin1Char('$')) && !known.contains(member.key()))
                report(member.keyPosition(), QStringLiteral("unknown resolver property %1 is ignored").arg(quoted(member.key())), {}, {},
                       Diagnostic::Severity::Warning);
        }
    }
};

ResolverDocument ResolverDocument::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ResolverDocument doc;
        doc.m_file = path;
        Diagnostic d;
        d.kind = Diagnostic::Kind::Io;
        d.file = path;
        d.message = QStringLiteral("cannot read the file: %1").arg(f.errorString());
        doc.m_diagnostics.push_back(std::move(d));
        return doc;
    }
    return parse(f.readAll(), path, QFileInfo(path).absolutePath());
}

ResolverDocument ResolverDocument::parse(QByteArrayView utf8, const QString &fileName, const QString &baseDir)
{
    ResolverDocument doc;
    doc.m_file = fileName;
    JsonReader::Result parsed = JsonReader::parse(utf8, fileName);
    doc.m_diagnostics = std::move(parsed.diagnostics);
    if (!parsed.complete)
        return doc;
    Private p{doc, baseDir, &parsed.root};
    p.readRoot(parsed.root);
    p.expandSetReferences();
    return doc;
}

const ResolverDocument::Modifier *ResolverDocument::modifier(const QString &name) const
{
    const int i = m_modifierIndex.value(name, -1);
    return i < 0 ? nullptr : &m_modifiers[size_t(i)];
}

ResolverDocument::Input ResolverDocument::defaultInput() const
{
    Input input;
    for (const Modifier &m : m_modifiers) {
        if (!m.defaultContext.isEmpty())
            input.insert(m.name, m.defaultContext);
    }
    return input;
}

bool ResolverDocument::checkInput(const Input &input, Diagnostics &diagnostics) const
{
    bool ok = true;
    const auto fail = [&](const QString &message, const QString &expected, const QString &found) {
        Diagnostic d;
        d.kind = Diagnostic::Kind::BadValue;
        d.file = QStringLiteral("input");
        d.message = message;
        d.expected = expected;
        d.found = found;
        diagnostics.push_back(std::move(d));
        ok = false;
    };
    QStringList names;
    for (const Modifier &m : m_modifiers)
        names.append(m.name);
    for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
        const Modifier *m = modifier(it.key());
        if (!m)
            fail(QStringLiteral("the resolver has no modifier %1").arg(quoted(it.key())),
                 names.isEmpty() ? QStringLiteral("no modifiers") : QStringLiteral("one of ") + names.join(QStringLiteral(", ")),
                 quoted(it.key()));
        else if (!m->contextNames.contains(it.value()))
            fail(QStringLiteral("modifier %1 has no context %2").arg(quoted(it.key()), quoted(it.value())),
                 QStringLiteral("one of ") + m->contextNames.join(QStringLiteral(", ")), quoted(it.value()));
    }
    for (const Modifier &m : m_modifiers) {
        if (m.defaultContext.isEmpty() && !input.contains(m.name))
            fail(QStringLiteral("modifier %1 has no default; the input must choose a context").arg(quoted(m.name)),
                 QStringLiteral("%1=<%2>").arg(m.name, m.contextNames.join(QLatin1Char('|'))), QStringLiteral("nothing"));
    }
    return ok;
}

TokenSet ResolverDocument::resolve(const Input &input) const
{
    TokenReader reader;
    const auto addSources = [&](const std::vector<Source> &sources) {
        for (const Source &s : sources) {
            if (s.tokens.isObject()) { // inline, or a part of a file: positions are its file's
                reader.addValue(s.tokens, s.path.isEmpty() ? m_file : s.path);
                continue;
            }
            auto it = m_fileCache.constFind(s.path);
            if (it == m_fileCache.constEnd()) {
                QFile f(s.path);
                if (!f.open(QIODevice::ReadOnly)) {
                    reader.addFile(s.path, s.displayName); // reports the error
                    continue;
                }
                it = m_fileCache.insert(s.path, f.readAll());
            }
            reader.addData(it.value(), s.path);
        }
    };
    for (const Step &step : m_order) {
        if (!step.isModifier) {
            addSources(m_sets[size_t(step.index)]);
            continue;
        }
        const Modifier &m = m_modifiers[size_t(step.index)];
        const QString context = input.value(m.name, m.defaultContext);
        const qsizetype c = m.contextNames.indexOf(context);
        if (c >= 0)
            addSources(m.contexts[size_t(c)]);
    }
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    return set;
}

bool ResolverDocument::parseInput(const QString &text, Input &input, QString &error)
{
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == pair.size() - 1) {
            error = QStringLiteral("bad input %1: expected modifier=context").arg(quoted(pair));
            return false;
        }
        input.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    return true;
}

} // namespace helios::slate
