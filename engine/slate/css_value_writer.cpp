// SPDX-License-Identifier: Apache-2.0
#include "slate/css_value_writer.h"

#include "slate/alias_syntax.h"
#include "slate/value_validator.h"

#include <cmath>

namespace helios::slate {

namespace {

QString num(double n)
{
    return formatJsonNumber(n);
}

class Writer {
public:
    explicit Writer(const CssValueWriter::AliasWriter &aliasWriter) : m_alias(aliasWriter) {}

    QString write(TokenType type, const JsonValue &v)
    {
        if (m_alias && AliasSyntax::isAlias(v)) {
            TokenReference ref;
            QString error;
            if (AliasSyntax::parse(v, ref, error))
                return m_alias(ref, type);
        }
        switch (type) {
        case TokenType::Color: return color(v);
        case TokenType::Dimension:
        case TokenType::Duration: return unitValue(v);
        case TokenType::FontFamily: return fontFamily(v);
        case TokenType::FontWeight:
            if (v.isString())
                return QString::number(ValueValidator::fontWeightFromName(v.toString()));
            return scalar(v);
        case TokenType::CubicBezier: {
            QString out = QStringLiteral("cubic-bezier(");
            for (size_t i = 0; i < v.children().size(); ++i) {
                if (i)
                    out += QLatin1StringView(", ");
                out += write(TokenType::Number, v.children()[i]);
            }
            return out + QLatin1Char(')');
        }
        case TokenType::Number: return scalar(v);
        case TokenType::StrokeStyle:
            // CSS cannot draw a custom dash pattern; "dashed" is its closest keyword.
            return v.isString() ? v.toString() : QStringLiteral("dashed");
        case TokenType::Border:
            return join({part(TokenType::Dimension, v, u"width"), part(TokenType::StrokeStyle, v, u"style"),
                         part(TokenType::Color, v, u"color")});
        case TokenType::Transition:
            return join({part(TokenType::Duration, v, u"duration"), part(TokenType::CubicBezier, v, u"timingFunction"),
                         part(TokenType::Duration, v, u"delay")});
        case TokenType::Shadow: {
            if (!v.isArray())
                return shadow(v);
            QString out;
            for (const JsonValue &layer : v.children()) {
                if (!out.isEmpty())
                    out += QLatin1StringView(", ");
                out += write(TokenType::Shadow, layer);
            }
            return out;
        }
        case TokenType::Gradient: {
            QString out;
            for (const JsonValue &stop : v.children()) {
                if (!out.isEmpty())
                    out += QLatin1StringView(", ");
                out += part(TokenType::Color, stop, u"color");
                if (const JsonValue *pos = stop.member(u"position")) {
                    out += QLatin1Char(' ');
                    if (pos->isNumber())
                        out += num(std::clamp(pos->toNumber(), 0.0, 1.0) * 100) + QLatin1Char('%');
                    else
                        out += QStringLiteral("calc(%1 * 100%)").arg(write(TokenType::Number, *pos));
                }
            }
            return out;
        }
        case TokenType::Typography: {
            // font: [weight] size[/line-height] family
            QString out;
            if (v.member(u"fontWeight"))
                out += part(TokenType::FontWeight, v, u"fontWeight") + QLatin1Char(' ');
            out += part(TokenType::Dimension, v, u"fontSize");
            if (v.member(u"lineHeight"))
                out += QLatin1Char('/') + part(TokenType::Number, v, u"lineHeight");
            out += QLatin1Char(' ') + part(TokenType::FontFamily, v, u"fontFamily");
            return out;
        }
        case TokenType::Unknown: return scalar(v);
        }
        return {};
    }

private:
    QString part(TokenType type, const JsonValue &object, QStringView key)
    {
        const JsonValue *member = object.member(key);
        return member ? write(type, *member) : QString();
    }

    static QString join(std::initializer_list<QString> parts)
    {
        QString out;
        for (const QString &p : parts) {
            if (p.isEmpty())
                continue;
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += p;
        }
        return out;
    }

    static QString scalar(const JsonValue &v)
    {
        if (v.isNumber())
            return num(v.toNumber());
        if (v.isString())
            return v.toString();
        return v.toJsonText();
    }

    QString unitValue(const JsonValue &v)
    {
        if (v.isObject()) {
            const JsonValue &number = *v.member(u"value");
            const QString unit = v.member(u"unit")->toString();
            if (m_alias && AliasSyntax::isAlias(number)) // "var(--x)px" is not CSS
                return QStringLiteral("calc(%1 * 1%2)").arg(write(TokenType::Number, number), unit);
            return write(TokenType::Number, number) + unit;
        }
        return scalar(v);
    }

    QString fontFamily(const JsonValue &v)
    {
        if (v.isString())
            return CssValueWriter::fontFamilyName(v.toString());
        QString out;
        for (const JsonValue &name : v.children()) {
            if (!out.isEmpty())
                out += QLatin1StringView(", ");
            out += write(TokenType::FontFamily, name); // also flattens a stack aliased into a stack
        }
        return out;
    }

    QString shadow(const JsonValue &v)
    {
        QString out;
        if (const JsonValue *inset = v.member(u"inset"); inset && inset->isBool() && inset->toBool())
            out += QLatin1StringView("inset ");
        out += join({part(TokenType::Dimension, v, u"offsetX"), part(TokenType::Dimension, v, u"offsetY"),
                     part(TokenType::Dimension, v, u"blur"), part(TokenType::Dimension, v, u"spread"),
                     part(TokenType::Color, v, u"color")});
        return out;
    }

    static QString hexByte(double unit)
    {
        const int b = int(std::lround(std::clamp(unit, 0.0, 1.0) * 255));
        return QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0'));
    }

    QString channel(const JsonValue &c, const char *suffix = "")
    {
        if (c.isString() && c.toString() == QLatin1StringView("none"))
            return QStringLiteral("none");
        return write(TokenType::Number, c) + QLatin1StringView(suffix);
    }

    QString color(const JsonValue &v)
    {
        if (v.isString())
            return v.toString();
        const QString space = v.member(u"colorSpace")->toString();
        const auto &c = v.member(u"components")->children();
        const JsonValue *alphaValue = v.member(u"alpha");
        const bool plainAlpha = !alphaValue || alphaValue->isNumber();
        const double alpha = alphaValue && alphaValue->isNumber() ? alphaValue->toNumber() : 1.0;
        const bool numeric = c[0].isNumber() && c[1].isNumber() && c[2].isNumber();
        if (space == QLatin1StringView("srgb") && plainAlpha) {
            const JsonValue *hex = v.member(u"hex");
            if (hex && alpha >= 1)
                return hex->toString();
            if (numeric) {
                QString out = QLatin1Char('#') + hexByte(c[0].toNumber()) + hexByte(c[1].toNumber()) + hexByte(c[2].toNumber());
                if (alpha < 1)
                    out += hexByte(alpha);
                return out;
            }
        }
        QString out;
        if (space == QLatin1StringView("hsl") || space == QLatin1StringView("hwb"))
            out = space + QLatin1Char('(') + channel(c[0]) + QLatin1Char(' ') + channel(c[1], "%") + QLatin1Char(' ')
                + channel(c[2], "%");
        else if (space == QLatin1StringView("lab") || space == QLatin1StringView("lch") || space == QLatin1StringView("oklab")
                 || space == QLatin1StringView("oklch"))
            out = space + QLatin1Char('(') + channel(c[0]) + QLatin1Char(' ') + channel(c[1]) + QLatin1Char(' ') + channel(c[2]);
        else
            out = QStringLiteral("color(") + space + QLatin1Char(' ') + channel(c[0]) + QLatin1Char(' ') + channel(c[1])
                + QLatin1Char(' ') + channel(c[2]);
        if (alphaValue && !(alphaValue->isNumber() && alpha >= 1))
            out += QLatin1StringView(" / ") + write(TokenType::Number, *alphaValue);
        return out + QLatin1Char(')');
    }

    const CssValueWriter::AliasWriter &m_alias;
};

} // namespace

QString CssValueWriter::write(TokenType type, const JsonValue &value, const AliasWriter &aliasWriter)
{
    Writer writer(aliasWriter);
    return writer.write(type, value);
}

QString CssValueWriter::fontFamilyName(const QString &name)
{
    bool plain = !name.isEmpty() && !name.front().isDigit();
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-'))) {
            plain = false;
            break;
        }
    }
    if (plain)
        return name;
    QString escaped = name;
    escaped.replace(QLatin1Char('\\'), QLatin1StringView("\\\\")).replace(QLatin1Char('"'), QLatin1StringView("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace helios::slate
