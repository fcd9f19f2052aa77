// SPDX-License-Identifier: Apache-2.0
#include "slate/token_value_text.h"

#include "slate/css_value_writer.h"
#include "slate/name_transform.h"
#include "slate/value_validator.h"

#include <algorithm>

namespace helios::slate {

QString TokenValueText::css(const TokenSet &set, int index, const FormatOptions &options, References references)
{
    QString out;
    appendCss(out, set, index, options, references);
    return out;
}

void TokenValueText::appendCss(QString &out, const TokenSet &set, int index, const FormatOptions &options,
                               References references)
{
    const Token &token = set.tokens()[size_t(index)];
    if (references == References::Resolved || token.references.empty()) {
        CssValueWriter::append(out, token.type, token.resolvedValue);
        return;
    }
    const CssValueWriter::AliasWriter aliasWriter = [&](QString &text, const TokenReference &ref, TokenType expected) {
        const int target = set.indexOf(ref.targetPath);
        const Token &to = set.tokens()[size_t(target)];
        const bool laterInScss = references == References::ScssVar && target > index;
        if (!ref.subPath.isEmpty() || laterInScss) {
            // A part of another value (or an SCSS forward reference): write it resolved.
            if (const JsonValue *part = to.resolvedValue.at(ref.subPath))
                CssValueWriter::append(text, ref.subPath.isEmpty() ? to.type : expected, *part);
            return;
        }
        text += references == References::CssVar ? QLatin1StringView("var(--") : QLatin1StringView("$");
        NameTransform::appendTo(text, to.path, NameCase::Kebab, options.prefix);
        if (references == References::CssVar)
            text += QLatin1Char(')');
    };
    CssValueWriter::append(out, token.type, token.value, aliasWriter);
}

void TokenValueText::appendJson(QString &out, const TokenSet &set, int index, const FormatOptions &options)
{
    const Token &token = set.tokens()[size_t(index)];
    if (isNumeric(token)) {
        appendJsonNumber(out, number(token));
        return;
    }
    // Written in place and quoted as it stands; moved only when it needs escapes (a
    // quoted font family), which is rare.
    const qsizetype start = out.size();
    out += QLatin1Char('"');
    appendCss(out, set, index, options);
    const QStringView text = QStringView(out).mid(start + 1);
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
    if (plain) {
        out += QLatin1Char('"');
        return;
    }
    const QString raw = text.toString();
    out.truncate(start);
    appendJsonString(out, raw);
}

bool TokenValueText::isNumeric(const Token &token)
{
    return (token.type == TokenType::Number || token.type == TokenType::FontWeight
            || token.type == TokenType::Unknown)
        && (token.resolvedValue.isNumber()
            || (token.type == TokenType::FontWeight && token.resolvedValue.isString()));
}

double TokenValueText::number(const Token &token)
{
    if (token.resolvedValue.isString())
        return ValueValidator::fontWeightFromName(token.resolvedValue.toString());
    return token.resolvedValue.toNumber();
}

} // namespace helios::slate
