// SPDX-License-Identifier: Apache-2.0
#include "slate/css_value_writer.h"

#include "slate/alias_syntax.h"
#include "slate/value_validator.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace helios::slate {

namespace {

// Appends to the caller's text rather than returning pieces: a build writes every token
// value, and a QString per part of a value was most of the formatters' time.
class Writer {
public:
    Writer(QString &out, const CssValueWriter::AliasWriter &aliasWriter) : m_out(out), m_alias(aliasWriter) {}

    void write(TokenType type, const JsonValue &v)
    {
        if (m_alias && AliasSyntax::isAlias(v)) {
            TokenReference ref;
            QString error;
            if (AliasSyntax::parse(v, ref, error)) {
                m_alias(m_out, ref, type);
                return;
            }
        }
        switch (type) {
        case TokenType::Color: color(v); return;
        case TokenType::Dimension:
        case TokenType::Duration: unitValue(v); return;
        case TokenType::FontFamily: fontFamily(v); return;
        case TokenType::FontWeight:
            if (v.isString())
                m_out += QString::number(ValueValidator::fontWeightFromName(v.toString()));
            else
                scalar(v);
            return;
        case TokenType::CubicBezier:
            m_out += QLatin1StringView("cubic-bezier(");
            for (size_t i = 0; i < v.children().size(); ++i) {
                if (i)
                    m_out += QLatin1StringView(", ");
                write(TokenType::Number, v.children()[i]);
            }
            m_out += QLatin1Char(')');
            return;
        case TokenType::Number: scalar(v); return;
        case TokenType::StrokeStyle:
            // CSS cannot draw a custom dash pattern; "dashed" is its closest keyword.
            m_out += v.isString() ? v.toString() : QStringLiteral("dashed");
            return;
        case TokenType::Border:
            shorthand(v, {{TokenType::Dimension, u"width"}, {TokenType::StrokeStyle, u"style"}, {TokenType::Color, u"color"}});
            return;
        case TokenType::Transition:
            shorthand(v, {{TokenType::Duration, u"duration"}, {TokenType::CubicBezier, u"timingFunction"},
                          {TokenType::Duration, u"delay"}});
            return;
        case TokenType::Shadow: {
            if (!v.isArray()) {
                shadow(v);
                return;
            }
            const qsizetype start = m_out.size();
            for (const JsonValue &layer : v.children()) {
                if (m_out.size() > start)
                    m_out += QLatin1StringView(", ");
                write(TokenType::Shadow, layer);
            }
            return;
        }
        case TokenType::Gradient: {
            const qsizetype start = m_out.size();
            for (const JsonValue &stop : v.children()) {
                if (m_out.size() > start)
                    m_out += QLatin1StringView(", ");
                part(TokenType::Color, stop, u"color");
                if (const JsonValue *pos = stop.member(u"position")) {
                    m_out += QLatin1Char(' ');
                    if (pos->isNumber()) {
                        appendJsonNumber(m_out, std::clamp(pos->toNumber(), 0.0, 1.0) * 100);
                        m_out += QLatin1Char('%');
                    } else {
                        m_out += QLatin1StringView("calc(");
                        write(TokenType::Number, *pos);
                        m_out += QLatin1StringView(" * 100%)");
                    }
                }
            }
            return;
        }
        case TokenType::Typography:
            // font: [weight] size[/line-height] family
            if (v.member(u"fontWeight")) {
                part(TokenType::FontWeight, v, u"fontWeight");
                m_out += QLatin1Char(' ');
            }
            part(TokenType::Dimension, v, u"fontSize");
            if (v.member(u"lineHeight")) {
                m_out += QLatin1Char('/');
                part(TokenType::Number, v, u"lineHeight");
            }
            m_out += QLatin1Char(' ');
            part(TokenType::FontFamily, v, u"fontFamily");
            return;
        case TokenType::Unknown: scalar(v); return;
        }
    }

private:
    void part(TokenType type, const JsonValue &object, QStringView key)
    {
        if (const JsonValue *member = object.member(key))
            write(type, *member);
    }

    struct Part {
        TokenType type;
        QStringView key;
    };

    // The members of `object` named by `parts`, as a space-separated shorthand; a part
    // that is missing or writes nothing leaves no separator behind.
    void shorthand(const JsonValue &object, std::initializer_list<Part> parts)
    {
        const qsizetype start = m_out.size();
        for (const Part &p : parts) {
            const JsonValue *member = object.member(p.key);
            if (!member)
                continue;
            const qsizetype before = m_out.size();
            if (before > start)
                m_out += QLatin1Char(' ');
            const qsizetype mark = m_out.size();
            write(p.type, *member);
            if (m_out.size() == mark)
                m_out.truncate(before);
        }
    }

    void scalar(const JsonValue &v)
    {
        if (v.isNumber())
            appendJsonNumber(m_out, v.toNumber());
        else if (v.isString())
            m_out += v.toString();
        else
            m_out += v.toJsonText();
    }

    void unitValue(const JsonValue &v)
    {
        if (!v.isObject()) {
            scalar(v);
            return;
        }
        const JsonValue &number = *v.member(u"value");
        const QString &unit = v.member(u"unit")->toString();
        if (m_alias && AliasSyntax::isAlias(number)) { // "var(--x)px" is not CSS
            m_out += QLatin1StringView("calc(");
            write(TokenType::Number, number);
            m_out += QLatin1StringView(" * 1") + unit + QLatin1Char(')');
            return;
        }
        write(TokenType::Number, number);
        m_out += unit;
    }

    void fontFamily(const JsonValue &v)
    {
        if (v.isString()) {
            m_out += CssValueWriter::fontFamilyName(v.toString());
            return;
        }
        const qsizetype start = m_out.size();
        for (const JsonValue &name : v.children()) {
            if (m_out.size() > start)
                m_out += QLatin1StringView(", ");
            write(TokenType::FontFamily, name); // also flattens a stack aliased into a stack
        }
    }

    void shadow(const JsonValue &v)
    {
        if (const JsonValue *inset = v.member(u"inset"); inset && inset->isBool() && inset->toBool())
            m_out += QLatin1StringView("inset ");
        shorthand(v, {{TokenType::Dimension, u"offsetX"}, {TokenType::Dimension, u"offsetY"},
                      {TokenType::Dimension, u"blur"}, {TokenType::Dimension, u"spread"}, {TokenType::Color, u"color"}});
    }

    void hexByte(double unit)
    {
        static const char digits[] = "0123456789abcdef";
        const int b = int(std::lround(std::clamp(unit, 0.0, 1.0) * 255));
        m_out += QLatin1Char(digits[b >> 4]);
        m_out += QLatin1Char(digits[b & 0xf]);
    }

    void channel(const JsonValue &c, QLatin1StringView suffix = {})
    {
        if (c.isString() && c.toString() == QLatin1StringView("none")) {
            m_out += QLatin1StringView("none");
            return;
        }
        write(TokenType::Number, c);
        m_out += suffix;
    }

    void color(const JsonValue &v)
    {
        if (v.isString()) {
            m_out += v.toString();
            return;
        }
        const QString &space = v.member(u"colorSpace")->toString();
        const auto &c = v.member(u"components")->children();
        const JsonValue *alphaValue = v.member(u"alpha");
        const bool plainAlpha = !alphaValue || alphaValue->isNumber();
        const double alpha = alphaValue && alphaValue->isNumber() ? alphaValue->toNumber() : 1.0;
        const bool numeric = c[0].isNumber() && c[1].isNumber() && c[2].isNumber();
        if (space == QLatin1StringView("srgb") && plainAlpha) {
            const JsonValue *hex = v.member(u"hex");
            if (hex && alpha >= 1) {
                m_out += hex->toString();
                return;
            }
            if (numeric) {
                m_out += QLatin1Char('#');
                hexByte(c[0].toNumber());
                hexByte(c[1].toNumber());
                hexByte(c[2].toNumber());
                if (alpha < 1)
                    hexByte(alpha);
                return;
            }
        }
        const QLatin1StringView percent("%");
        if (space == QLatin1StringView("hsl") || space == QLatin1StringView("hwb")) {
            m_out += space + QLatin1Char('(');
            channel(c[0]);
            m_out += QLatin1Char(' ');
            channel(c[1], percent);
            m_out += QLatin1Char(' ');
            channel(c[2], percent);
        } else {
            const bool named = space == QLatin1StringView("lab") || space == QLatin1StringView("lch")
                || space == QLatin1StringView("oklab") || space == QLatin1StringView("oklch");
            if (named) {
                m_out += space + QLatin1Char('(');
            } else {
                m_out += QLatin1StringView("color(") + space + QLatin1Char(' ');
            }
            channel(c[0]);
            m_out += QLatin1Char(' ');
            channel(c[1]);
            m_out += QLatin1Char(' ');
            channel(c[2]);
        }
        if (alphaValue && !(alphaValue->isNumber() && alpha >= 1)) {
            m_out += QLatin1StringView(" / ");
            write(TokenType::Number, *alphaValue);
        }
        m_out += QLatin1Char(')');
    }

    QString &m_out;
    const CssValueWriter::AliasWriter &m_alias;
};

} // namespace

void CssValueWriter::append(QString &out, TokenType type, const JsonValue &value, const AliasWriter &aliasWriter)
{
    Writer(out, aliasWriter).write(type, value);
}

QString CssValueWriter::write(TokenType type, const JsonValue &value, const AliasWriter &aliasWriter)
{
    QString out;
    append(out, type, value, aliasWriter);
    return out;
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
