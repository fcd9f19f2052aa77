// SPDX-License-Identifier: Apache-2.0
#include "slate/lint/contrast_pairs.h"

#include "slate/json_reader.h"
#include "slate/token.h"

#include <QFile>

namespace helios::slate {

namespace {

QString pathOf(const QString &text)
{
    if (text.size() > 2 && text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')))
        return text.mid(1, text.size() - 2);
    return text;
}

// Reads one {foreground?, background|against, min, large} object into `pair`; returns the
// problem, or an empty string.
QString readPair(const JsonValue &v, QLatin1StringView backgroundKey, bool needsForeground, ContrastPair &pair,
                 const JsonValue **at)
{
    *at = &v;
    if (!v.isObject())
        return QStringLiteral("a contrast pair must be an object");
    bool hasBackground = false;
    for (const JsonValue &m : v.children()) {
        *at = &m;
        const QString &key = m.key();
        if ((key == QLatin1StringView("foreground") && needsForeground) || key == backgroundKey) {
            if (!m.isString() || pathOf(m.toString()).isEmpty())
                return QStringLiteral("\"%1\" must name a token").arg(key);
            if (key == backgroundKey) {
                pair.background = pathOf(m.toString());
                hasBackground = true;
            } else {
                pair.foreground = pathOf(m.toString());
            }
        } else if (key == QLatin1StringView("min")) {
            if (!m.isNumber() || !(m.toNumber() >= 1 && m.toNumber() <= 21))
                return QStringLiteral("\"min\" must be a contrast ratio from 1 to 21");
            pair.min = m.toNumber();
        } else if (key == QLatin1StringView("large")) {
            if (!m.isBool())
                return QStringLiteral("\"large\" must be true or false");
            pair.large = m.toBool();
        } else {
            return QStringLiteral("unknown member \"%1\" in a contrast pair").arg(key);
        }
    }
    *at = &v;
    if (!hasBackground)
        return QStringLiteral("a contrast pair needs \"%1\"").arg(backgroundKey);
    if (needsForeground && pair.foreground.isEmpty())
        return QStringLiteral("a contrast pair needs \"foreground\"");
    return {};
}

Diagnostic problem(const QString &file, SourcePosition position, const QString &message)
{
    Diagnostic d;
    d.kind = Diagnostic::Kind::Lint;
    d.rule = QStringLiteral("contrast");
    d.file = file;
    d.position = position;
    d.message = message;
    return d;
}

} // namespace

std::vector<ContrastPair> ContrastPairs::parse(QByteArrayView utf8, const QString &fileName, Diagnostics &diagnostics)
{
    std::vector<ContrastPair> pairs;
    JsonReader::Result json = JsonReader::parse(utf8, fileName);
    for (Diagnostic &d : json.diagnostics)
        diagnostics.push_back(std::move(d));
    if (!json.complete)
        return pairs;
    if (!json.root.isArray()) {
        diagnostics.push_back(problem(fileName, json.root.position(),
                                      QStringLiteral("a pairs file must be an array of {foreground, background, min}")));
        return pairs;
    }
    pairs.reserve(json.root.children().size());
    for (const JsonValue &entry : json.root.children()) {
        ContrastPair pair;
        pair.file = fileName;
        pair.position = entry.position();
        const JsonValue *at = nullptr;
        const QString error = readPair(entry, QLatin1StringView("background"), true, pair, &at);
        if (!error.isEmpty()) {
            diagnostics.push_back(problem(fileName, at->position(), error));
            continue;
        }
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

std::vector<ContrastPair> ContrastPairs::load(const QString &path, Diagnostics &diagnostics)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Diagnostic d = problem(path, {}, QStringLiteral("cannot read the pairs file: %1").arg(f.errorString()));
        d.kind = Diagnostic::Kind::Io;
        diagnostics.push_back(std::move(d));
        return {};
    }
    return parse(f.readAll(), path, diagnostics);
}

void ContrastPairs::fromExtensions(const Token &token, Diagnostic::Severity severity, std::vector<ContrastPair> &pairs,
                                   Diagnostics &diagnostics)
{
    const JsonValue *declared = token.extensions ? token.extensions->member(extensionKey) : nullptr;
    if (!declared)
        return;
    auto add = [&](const JsonValue &v) {
        ContrastPair pair;
        pair.foreground = token.path;
        const JsonValue *at = nullptr;
        const QString error = readPair(v, QLatin1StringView("against"), false, pair, &at);
        if (error.isEmpty()) {
            pairs.push_back(std::move(pair));
            return;
        }
        // Located at the token: `$extensions` may come from an earlier file than the value.
        Diagnostic d = problem(token.file, token.position, error);
        d.severity = severity;
        d.tokenPath = token.path;
        diagnostics.push_back(std::move(d));
    };
    if (declared->isArray()) {
        for (const JsonValue &v : declared->children())
            add(v);
    } else {
        add(*declared);
    }
}

} // namespace helios::slate
