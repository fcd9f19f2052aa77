// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/source_text.h"

#include <QSet>

namespace helios::spark::source {

namespace {

// Words of identifier-worthy characters: letters and digits, split at anything else.
QStringList identifierWords(const QString &text)
{
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

bool isReserved(const QString &word)
{
    static const QSet<QString> reserved = {
        QStringLiteral("break"), QStringLiteral("case"), QStringLiteral("catch"), QStringLiteral("class"),
        QStringLiteral("const"), QStringLiteral("continue"), QStringLiteral("debugger"), QStringLiteral("default"),
        QStringLiteral("delete"), QStringLiteral("do"), QStringLiteral("else"), QStringLiteral("enum"),
        QStringLiteral("export"), QStringLiteral("extends"), QStringLiteral("false"), QStringLiteral("finally"),
        QStringLiteral("for"), QStringLiteral("function"), QStringLiteral("if"), QStringLiteral("import"),
        QStringLiteral("in"), QStringLiteral("instanceof"), QStringLiteral("new"), QStringLiteral("null"),
        QStringLiteral("return"), QStringLiteral("super"), QStringLiteral("switch"), QStringLiteral("this"),
        QStringLiteral("throw"), QStringLiteral("true"), QStringLiteral("try"), QStringLiteral("typeof"),
        QStringLiteral("var"), QStringLiteral("void"), QStringLiteral("while"), QStringLiteral("with"),
        QStringLiteral("yield"), QStringLiteral("let"), QStringLiteral("static"), QStringLiteral("await"),
        QStringLiteral("interface"), QStringLiteral("type"), QStringLiteral("implements"),
        QStringLiteral("package"), QStringLiteral("private"), QStringLiteral("protected"),
        QStringLiteral("public"), QStringLiteral("arguments"), QStringLiteral("eval"),
    };
    return reserved.contains(word);
}

QString joinIdentifier(const QString &text, bool upperFirst)
{
    const QStringList words = identifierWords(text);
    QString out;
    for (const QString &word : words) {
        const bool first = out.isEmpty();
        QString piece = word.toLower();
        if (!first || upperFirst)
            piece[0] = piece[0].toUpper();
        out += piece;
    }
    if (out.isEmpty())
        out = upperFirst ? QStringLiteral("Item") : QStringLiteral("item");
    else if (out.front().isDigit())
        out.prepend(upperFirst ? QStringLiteral("Item") : QStringLiteral("item"));
    if (isReserved(out))
        out += QLatin1Char('_');
    return out;
}

} // namespace

QString jsxText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '{': out += QLatin1StringView("&#123;"); break;
        case '}': out += QLatin1StringView("&#125;"); break;
        case '<': out += QLatin1StringView("&lt;"); break;
        case '>': out += QLatin1StringView("&gt;"); break;
        case '&': out += QLatin1StringView("&amp;"); break;
        case '\n': case '\r': case '\t': out += QLatin1Char(' '); break;
        default: out += c;
        }
    }
    return out;
}

QString stringLiteral(const QString &text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\'': out += QLatin1StringView("\\'"); break;
        case '\\': out += QLatin1StringView("\\\\"); break;
        case '\n': out += QLatin1StringView("\\n"); break;
        case '\r': out += QLatin1StringView("\\r"); break;
        case '\t': out += QLatin1StringView("\\t"); break;
        case 0x2028: out += QLatin1StringView("\\u2028"); break;
        case 0x2029: out += QLatin1StringView("\\u2029"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString camelIdentifier(const QString &text)
{
    return joinIdentifier(text, false);
}

QString pascalIdentifier(const QString &text)
{
    return joinIdentifier(text, true);
}

QString kebab(const QString &text)
{
    const QStringList words = identifierWords(text);
    QString out;
    for (const QString &word : words) {
        if (!out.isEmpty())
            out += QLatin1Char('-');
        out += word.toLower();
    }
    return out.isEmpty() ? QStringLiteral("item") : out;
}

QString literalUnion(const QStringList &values, const QString &fallback)
{
    if (values.isEmpty())
        return fallback;
    QString out;
    for (const QString &value : values) {
        if (!out.isEmpty())
            out += QLatin1StringView(" | ");
        out += stringLiteral(value);
    }
    return out;
}

} // namespace helios::spark::source
