// SPDX-License-Identifier: Apache-2.0
#include "slate/token_value_text.h"

#include "slate/css_value_writer.h"
#include "slate/name_transform.h"
#include "slate/value_validator.h"

namespace helios::slate {

QString TokenValueText::css(const TokenSet &set, int index, const FormatOptions &options, References references)
{
    const Token &token = set.tokens()[size_t(index)];
    if (references == References::Resolved || token.references.empty())
        return CssValueWriter::write(token.type, token.resolvedValue);
    const CssValueWriter::AliasWriter aliasWriter = [&](const TokenReference &ref, TokenType expected) -> QString {
        const int target = set.indexOf(ref.targetPath);
        const Token &to = set.tokens()[size_t(target)];
        const bool laterInScss = references == References::ScssVar && target > index;
        if (!ref.subPath.isEmpty() || laterInScss) {
            // A part of another value (or an SCSS forward reference): write it resolved.
            const JsonValue *part = to.resolvedValue.at(ref.subPath);
            return part ? CssValueWriter::write(ref.subPath.isEmpty() ? to.type : expected, *part) : QString();
        }
        const QString name = NameTransform::apply(to.path, NameCase::Kebab, options.prefix);
        if (references == References::CssVar)
            return QStringLiteral("var(--") + name + QLatin1Char(')');
        return QLatin1Char('$') + name;
    };
    return CssValueWriter::write(token.type, token.value, aliasWriter);
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
