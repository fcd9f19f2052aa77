// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/token_lint.h"

#include "spark/token_palette.h"
#include "spark/validation/css_colour.h"
#include "spark/validation/source_location.h"

#include <QRegularExpression>

#include <cmath>

namespace helios::spark {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('-') || c.unicode() > 127;
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || c.isDigit();
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

// Index just past the string starting at `i` (a quote), or the text's end.
qsizetype skipString(QStringView text, qsizetype i)
{
    const QChar quote = text.at(i);
    for (++i; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\'))
            ++i;
        else if (text.at(i) == quote)
            return i + 1;
    }
    return text.size();
}

qsizetype skipComment(QStringView text, qsizetype i)
{
    const qsizetype end = text.indexOf(QLatin1StringView("*/"), i + 2);
    return end < 0 ? text.size() : end + 2;
}

// Properties whose identifiers may be colour names. Elsewhere an identifier is a name of
// something else (a font, a grid area, an animation) and "tan" or "navy" is no colour.
bool takesColourNames(QStringView property)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(--.*|.*color.*|background.*|border.*|outline.*|box-shadow|text-shadow|fill|stroke|"
        "text-decoration.*|column-rule.*|caret.*|accent.*|scrollbar.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(property).hasMatch();
}

// 1px/2px hairlines: border widths, outlines and focus-ring offsets.
bool allowsHairline(QStringView property)
{
    const QString p = property.toString().toLower();
    if (p.startsWith(QLatin1StringView("outline")))
        return true;
    return p.startsWith(QLatin1StringView("border")) && !p.contains(QLatin1StringView("radius"))
        && !p.contains(QLatin1StringView("spacing")) && !p.contains(QLatin1StringView("image"));
}

// "backgroundColor" -> "background-color": inline style keys as CSS properties.
QString kebabProperty(QStringView key)
{
    QString out;
    out.reserve(key.size() + 4);
    for (QChar c : key) {
        if (c.isUpper()) {
            out += QLatin1Char('-');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

bool isUnitlessStyleKey(QStringView key)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(opacity|zIndex|flex|flexGrow|flexShrink|order|fontWeight|lineHeight|zoom|gridRow|gridColumn|"
        "gridRowStart|gridRowEnd|gridColumnStart|gridColumnEnd|columnCount|aspectRatio|scale|"
        "animationIterationCount|tabSize|orphans|widows|fillOpacity|strokeOpacity|WebkitLineClamp)$"));
    return pattern.match(key).hasMatch();
}

} // namespace

void TokenLint::Sink::report(qsizetype offset, const QString &message) const
{
    ValidationIssue issue;
    issue.check = QStringLiteral("tokens");
    issue.file = file;
    issue.line = lines.line(offset);
    issue.column = lines.column(offset);
    issue.message = message;
    issues.append(issue);
}

TokenLint::TokenLint(const TokenPalette &palette)
    : m_colours(palette.hasType(slate::TokenType::Color))
    , m_lengths(palette.hasType(slate::TokenType::Dimension))
    , m_suggester(palette)
{
}

void TokenLint::reportLength(QStringView literal, double px, qsizetype offset, const Sink &sink) const
{
    const QString nearest = m_suggester.nearestLength(px);
    sink.report(offset, QStringLiteral("raw length ") + literal
                            + (nearest.isEmpty() ? QStringLiteral(": use a dimension token")
                                                 : QStringLiteral(": use a dimension token, nearest is ") + nearest));
}

void TokenLint::lintValue(QStringView property, QStringView value, qsizetype offset, const Sink &sink) const
{
    const bool colourNames = m_colours && takesColourNames(property);
    qsizetype i = 0;
    while (i < value.size()) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            i = skipString(value, i);
        } else if (c == QLatin1Char('/') && value.mid(i).startsWith(QLatin1StringView("/*"))) {
            i = skipComment(value, i);
        } else if (c == QLatin1Char('#')) {
            qsizetype j = i + 1;
            while (j < value.size() && isHexDigit(value.at(j)))
                ++j;
            const qsizetype digits = j - i - 1;
            const bool whole = j >= value.size() || !isIdentChar(value.at(j));
            if (m_colours && whole && (digits == 3 || digits == 4 || digits == 6 || digits == 8)) {
                const QStringView literal = value.mid(i, j - i);
                sink.report(offset + i, QStringLiteral("raw colour ") + literal + QStringLiteral(": use a colour token, nearest is ")
                                            + m_suggester.nearestColour(literal));
            }
            i = std::max(j, i + 1);
        } else if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < value.size() && value.at(i + 1).isDigit())
                   || ((c == QLatin1Char('-') || c == QLatin1Char('+')) && i + 1 < value.size()
                       && (value.at(i + 1).isDigit() || value.at(i + 1) == QLatin1Char('.')))) {
            qsizetype j = i + 1;
            while (j < value.size() && (value.at(j).isDigit() || value.at(j) == QLatin1Char('.')))
                ++j;
            const QStringView number = value.mid(i, j - i);
            qsizetype unitEnd = j;
            while (unitEnd < value.size() && (value.at(unitEnd).isLetter() || value.at(unitEnd) == QLatin1Char('%')))
                ++unitEnd;
            const QStringView unit = value.mid(j, unitEnd - j);
            const bool length = unit.compare(QLatin1StringView("px"), Qt::CaseInsensitive) == 0
                || unit.compare(QLatin1StringView("rem"), Qt::CaseInsensitive) == 0
                || unit.compare(QLatin1StringView("em"), Qt::CaseInsensitive) == 0;
            const double amount = number.toDouble();
            if (m_lengths && length && amount != 0) {
                const bool px = unit.size() == 2 && unit.at(0).toLower() == QLatin1Char('p');
                const bool hairline = px && std::abs(amount) <= 2 && allowsHairline(property);
                if (!hairline) {
                    const QStringView literal = value.mid(i, unitEnd - i);
                    reportLength(literal, *TokenSuggester::lengthInPx(literal), offset + i, sink);
                }
            }
            i = unitEnd;
        } else if (isIdentStart(c)) {
            qsizetype j = i + 1;
            while (j < value.size() && isIdentChar(value.at(j)))
                ++j;
            const QStringView ident = value.mid(i, j - i);
            if (j < value.size() && value.at(j) == QLatin1Char('(')) {
                if (ident.compare(QLatin1StringView("url"), Qt::CaseInsensitive) == 0) {
                    const qsizetype close = value.indexOf(QLatin1Char(')'), j);
                    i = close < 0 ? value.size() : close + 1;
                    continue;
                }
                if (m_colours && isCssColourFunction(ident)) {
                    // The whole call, for the message and the nearest-token lookup.
                    qsizetype depth = 0, k = j;
                    for (; k < value.size(); ++k) {
                        if (value.at(k) == QLatin1Char('('))
                            ++depth;
                        else if (value.at(k) == QLatin1Char(')') && --depth == 0)
                            break;
                    }
                    const QStringView call = value.mid(i, std::min(k + 1, value.size()) - i);
                    sink.report(offset + i, QStringLiteral("raw colour ") + call + QStringLiteral(": use a colour token, nearest is ")
                                                + m_suggester.nearestColour(call));
                    i = k + 1;
                    continue;
                }
            } else if (colourNames && !ident.startsWith(QLatin1StringView("--")) && isNamedCssColour(ident)) {
                sink.report(offset + i, QStringLiteral("raw colour ") + ident + QStringLiteral(": use a colour token, nearest is ")
                                            + m_suggester.nearestColour(ident));
            }
            i = j;
        } else {
            ++i;
        }
    }
}

void TokenLint::lintStylesheet(const QString &file, const QString &css, QList<ValidationIssue> &issues) const
{
    if (!m_colours && !m_lengths)
        return;
    const LineIndex lines(css);
    const Sink sink{file, lines, issues};
    const QStringView text(css);
    qsizetype statementStart = 0;
    int blockDepth = 0;
    int parenDepth = 0;
    const auto finishDeclaration = [&](qsizetype end) {
        const QStringView statement = text.mid(statementStart, end - statementStart);
        const qsizetype colon = statement.indexOf(QLatin1Char(':'));
        if (blockDepth == 0 || colon <= 0)
            return;
        const QStringView property = statement.left(colon).trimmed();
        // At-rule statements (@import, @apply) and stray text are not declarations.
        if (property.isEmpty() || property.startsWith(QLatin1Char('@')) || property.contains(QLatin1Char(' ')))
            return;
        lintValue(property, statement.mid(colon + 1), statementStart + colon + 1, sink);
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('/') && text.mid(i).startsWith(QLatin1StringView("/*"))) {
            i = skipComment(text, i);
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            i = skipString(text, i);
            continue;
        }
        if (c == QLatin1Char('('))
            ++parenDepth;
        else if (c == QLatin1Char(')') && parenDepth > 0)
            --parenDepth;
        else if (parenDepth == 0 && c == QLatin1Char('{')) {
            // A selector or an at-rule prelude (@media (min-width: 640px)): never linted.
            ++blockDepth;
            statementStart = i + 1;
        } else if (parenDepth == 0 && c == QLatin1Char(';')) {
            finishDeclaration(i);
            statementStart = i + 1;
        } else if (c == QLatin1Char('}')) {
            finishDeclaration(i);
            blockDepth = std::max(0, blockDepth - 1);
            parenDepth = 0;
            statementStart = i + 1;
        }
        ++i;
    }
}

void TokenLint::lintInlineStyles(const QString &file, const QString &tsx, QList<ValidationIssue> &issues) const
{
    if (!m_colours && !m_lengths)
        return;
    static const QRegularExpression opener(QStringLiteral("\\bstyle\\s*=\\s*\\{\\s*\\{"));
    const QStringView text(tsx);
    std::optional<LineIndex> lines;
    auto match = opener.match(text);
    while (match.hasMatch()) {
        if (!lines)
            lines.emplace(tsx);
        const Sink sink{file, *lines, issues};
        qsizetype i = match.capturedEnd();
        // One object literal: `key: value` pairs separated by commas at depth 0.
        while (i < text.size()) {
            while (i < text.size() && (text.at(i).isSpace() || text.at(i) == QLatin1Char(',')))
                ++i;
            if (i >= text.size() || text.at(i) == QLatin1Char('}'))
                break;
            const qsizetype keyStart = i;
            if (text.at(i) == QLatin1Char('\'') || text.at(i) == QLatin1Char('"'))
                i = skipString(text, i);
            while (i < text.size() && text.at(i) != QLatin1Char(':') && text.at(i) != QLatin1Char(',')
                   && text.at(i) != QLatin1Char('}'))
                ++i;
            QStringView key = text.mid(keyStart, i - keyStart).trimmed();
            if (key.size() >= 2 && (key.front() == QLatin1Char('\'') || key.front() == QLatin1Char('"')))
                key = key.mid(1, key.size() - 2);
            if (i >= text.size() || text.at(i) != QLatin1Char(':'))
                continue;   // a shorthand or a spread: nothing literal to check
            const qsizetype valueStart = ++i;
            int depth = 0;
            while (i < text.size()) {
                const QChar c = text.at(i);
                if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
                    i = skipString(text, i);
                    continue;
                }
                if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                    ++depth;
                else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
                    if (depth == 0)
                        break;
                    --depth;
                } else if (c == QLatin1Char(',') && depth == 0)
                    break;
                ++i;
            }
            const QStringView raw = text.mid(valueStart, i - valueStart);
            const QStringView value = raw.trimmed();
            qsizetype lead = 0;
            while (lead < raw.size() && raw.at(lead).isSpace())
                ++lead;
            const qsizetype valueOffset = valueStart + lead;
            if (value.size() >= 2 && (value.front() == QLatin1Char('\'') || value.front() == QLatin1Char('"')
                                      || value.front() == QLatin1Char('`'))) {
                lintValue(kebabProperty(key), value.mid(1, value.size() - 2), valueOffset + 1, sink);
            } else if (m_lengths && !isUnitlessStyleKey(key)) {
                bool isNumber = false;
                const double amount = value.toDouble(&isNumber);
                if (isNumber && amount != 0 && !(std::abs(amount) <= 2 && allowsHairline(kebabProperty(key))))
                    reportLength(QString(value.toString() + QStringLiteral(" (px)")), amount, valueOffset, sink);
            }
        }
        match = opener.match(text, i);
    }
}

} // namespace helios::spark
