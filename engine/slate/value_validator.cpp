// SPDX-License-Identifier: Apache-2.0
#include "slate/value_validator.h"

#include "slate/alias_syntax.h"

#include <array>

namespace helios::slate {

namespace {

// Names the place being checked ("border width", "gradient stop color") for messages.
// The words are joined only when a message is written: nearly every value is fine.
struct Label {
    QStringView word;
    const Label *parent = nullptr;
    QString text() const { return parent ? parent->text() + QLatin1Char(' ') + word : word.toString(); }
};

constexpr std::array<const char16_t *, 14> colorSpaces{
    u"srgb", u"srgb-linear", u"hsl", u"hwb", u"lab", u"lch", u"oklab", u"oklch",
    u"display-p3", u"a98-rgb", u"prophoto-rgb", u"rec2020", u"xyz-d65", u"xyz-d50"};
constexpr std::array<const char16_t *, 10> colorFunctions{
    u"rgb(", u"rgba(", u"hsl(", u"hsla(", u"hwb(", u"lab(", u"lch(", u"oklab(", u"oklch(", u"color("};
constexpr std::array<const char16_t *, 18> dimensionUnits{
    u"px", u"rem", u"em", u"%", u"vw", u"vh", u"vmin", u"vmax", u"ch", u"ex",
    u"pt", u"pc", u"cm", u"mm", u"in", u"lh", u"rlh", u"q"};
constexpr std::array<const char16_t *, 8> strokeStyles{
    u"solid", u"dashed", u"dotted", u"double", u"groove", u"ridge", u"outset", u"inset"};
constexpr std::array<const char16_t *, 3> lineCaps{u"round", u"butt", u"square"};

struct NamedWeight {
    const char16_t *name;
    int weight;
};
constexpr std::array<NamedWeight, 20> namedWeights{{
    {u"thin", 100}, {u"hairline", 100}, {u"extra-light", 200}, {u"ultra-light", 200},
    {u"light", 300}, {u"normal", 400}, {u"regular", 400}, {u"book", 400}, {u"medium", 500},
    {u"semi-bold", 600}, {u"demi-bold", 600}, {u"bold", 700}, {u"extra-bold", 800},
    {u"ultra-bold", 800}, {u"black", 900}, {u"heavy", 900}, {u"extra-black", 950},
    {u"ultra-black", 950}, {u"semibold", 600}, {u"extrabold", 800},
}};

template <size_t N>
bool oneOf(QStringView s, const std::array<const char16_t *, N> &list)
{
    for (const char16_t *item : list) {
        if (s == QStringView(item))
            return true;
    }
    return false;
}

template <size_t N>
QString listOf(const std::array<const char16_t *, N> &list)
{
    QString out;
    for (const char16_t *item : list) {
        if (!out.isEmpty())
            out += QLatin1StringView(", ");
        out += QString::fromUtf16(item);
    }
    return out;
}

QString describe(const JsonValue &v)
{
    QString text = v.toJsonText();
    if (text.size() > 60)
        text = text.left(57) + QLatin1StringView("...");
    return text;
}

class Checker {
public:
    Checker(Token &token, Diagnostics &diagnostics) : m_token(token), m_diagnostics(diagnostics) {}

    bool ok() const { return m_ok; }

    void bad(const JsonValue &v, const QString &what, const QString &expected)
    {
        bad(v.position(), what, expected, describe(v));
    }

    void bad(SourcePosition position, const QString &what, const QString &expected, const QString &found)
    {
        Diagnostic d;
        d.kind = Diagnostic::Kind::BadValue;
        d.file = m_token.file;
        d.position = position;
        d.tokenPath = m_token.path;
        d.message = what;
        d.expected = expected;
        d.found = found;
        m_diagnostics.push_back(std::move(d));
        m_ok = false;
    }

    // True when `v` is an alias (recorded, or reported when malformed).
    bool alias(const JsonValue &v, TokenType expected, bool whole = false)
    {
        if (!AliasSyntax::isAlias(v))
            return false;
        TokenReference reference;
        QString error;
        if (!AliasSyntax::parse(v, reference, error)) {
            bad(v, error, QStringLiteral("\"{group.token}\" or {\"$ref\": \"#/group/token\"}"));
            return true;
        }
        reference.expectedType = expected;
        reference.wholeValue = whole;
        m_token.references.push_back(std::move(reference));
        return true;
    }

    // Checks `v` as a value of `type`, where `label` names the place ("color", "border width").
    void check(TokenType type, const JsonValue &v, const Label &label)
    {
        if (alias(v, type))
            return;
        switch (type) {
        case TokenType::Color: color(v, label); break;
        case TokenType::Dimension: dimension(v, label); break;
        case TokenType::FontFamily: fontFamily(v, label); break;
        case TokenType::FontWeight: fontWeight(v, label); break;
        case TokenType::Duration: duration(v, label); break;
        case TokenType::CubicBezier: cubicBezier(v, label); break;
        case TokenType::Number:
            if (!v.isNumber())
                bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("a number"));
            break;
        case TokenType::StrokeStyle: strokeStyle(v, label); break;
        case TokenType::Border:
            composite(v, label, {{u"color", TokenType::Color, true}, {u"width", TokenType::Dimension, true},
                                 {u"style", TokenType::StrokeStyle, true}});
            break;
        case TokenType::Transition:
            composite(v, label, {{u"duration", TokenType::Duration, true}, {u"delay", TokenType::Duration, true},
                                 {u"timingFunction", TokenType::CubicBezier, true}});
            break;
        case TokenType::Shadow:
            if (v.isArray()) {
                if (v.children().empty())
                    bad(v, QStringLiteral("bad %1 value: an empty list of shadows").arg(label.text()), QStringLiteral("at least one shadow"));
                for (const JsonValue &layer : v.children())
                    check(TokenType::Shadow, layer, label);
            } else {
                shadow(v, label);
            }
            break;
        case TokenType::Gradient: gradient(v, label); break;
        case TokenType::Typography:
            composite(v, label, {{u"fontFamily", TokenType::FontFamily, true}, {u"fontSize", TokenType::Dimension, true},
                                 {u"fontWeight", TokenType::FontWeight, false}, {u"letterSpacing", TokenType::Dimension, false},
                                 {u"lineHeight", TokenType::Number, false}});
            break;
        case TokenType::Unknown: break;
        }
    }

private:
    struct Field {
        const char16_t *name;
        TokenType type;
        bool required;
    };

    void composite(const JsonValue &v, const Label &label, std::initializer_list<Field> fields)
    {
        if (!v.isObject()) {
            QString names;
            for (const Field &f : fields)
                names += (names.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromUtf16(f.name);
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("an object with ") + names);
            return;
        }
        for (const Field &f : fields) {
            const QStringView name(f.name);
            const JsonValue *member = v.member(name);
            if (!member) {
                if (f.required)
                    bad(v.position(), QStringLiteral("bad %1 value: missing \"%2\"").arg(label.text(), name.toString()),
                        QStringLiteral("a \"%1\" member").arg(name.toString()), QStringLiteral("none"));
                continue;
            }
            check(f.type, *member, Label{name, &label});
        }
    }

    void color(const JsonValue &v, const Label &label)
    {
        const QString expected = QStringLiteral("\"#rrggbb\", \"#rrggbbaa\" or {colorSpace, components, alpha}");
        if (v.isString()) {
            const QString &s = v.toString();
            if (ValueValidator::isHexColor(s))
                return;
            for (const char16_t *fn : colorFunctions) {
                if (s.startsWith(QStringView(fn)) && s.endsWith(QLatin1Char(')')))
                    return;
            }
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), expected);
            return;
        }
        if (!v.isObject()) {
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), expected);
            return;
        }
        const JsonValue *space = v.member(u"colorSpace");
        if (!space || !space->isString() || !oneOf(space->toString(), colorSpaces)) {
            bad(space ? *space : v, QStringLiteral("bad %1 value: unknown colour space").arg(label.text()),
                QStringLiteral("one of ") + listOf(colorSpaces));
        }
        const JsonValue *components = v.member(u"components");
        if (!components || !components->isArray() || components->children().size() != 3) {
            bad(components ? *components : v, QStringLiteral("bad %1 value: \"components\" must list three channels").arg(label.text()),
                QStringLiteral("an array of three numbers"));
        } else {
            for (const JsonValue &c : components->children()) {
                if (!c.isNumber() && !(c.isString() && c.toString() == QLatin1StringView("none"))
                    && !alias(c, TokenType::Number))
                    bad(c, QStringLiteral("bad %1 value: a channel must be a number").arg(label.text()),
                        QStringLiteral("a number or \"none\""));
            }
        }
        if (const JsonValue *alpha = v.member(u"alpha")) {
            if (!alias(*alpha, TokenType::Number) && (!alpha->isNumber() || alpha->toNumber() < 0 || alpha->toNumber() > 1))
                bad(*alpha, QStringLiteral("bad %1 value: alpha out of range").arg(label.text()), QStringLiteral("a number from 0 to 1"));
        }
        if (const JsonValue *hex = v.member(u"hex")) {
            if (!hex->isString() || !ValueValidator::isHexColor(hex->toString()))
                bad(*hex, QStringLiteral("bad %1 value: bad \"hex\"").arg(label.text()), QStringLiteral("\"#rrggbb\""));
        }
    }

    void unitValue(const JsonValue &v, const Label &label, bool isDuration)
    {
        const QString expected = isDuration ? QStringLiteral("\"200ms\", \"0.2s\" or {value, unit: \"ms\"|\"s\"}")
                                            : QStringLiteral("\"16px\", \"1rem\" or {value, unit}");
        auto unitOk = [&](QStringView unit) {
            return isDuration ? (unit == u"ms" || unit == u"s") : ValueValidator::isDimensionUnit(unit);
        };
        if (v.isString()) {
            double n = 0;
            QStringView unit;
            if (v.toString() == QLatin1StringView("0") && !isDuration)
                return;
            if (!ValueValidator::splitNumberAndUnit(v.toString(), n, unit) || !unitOk(unit))
                bad(v, QStringLiteral("bad %1 value").arg(label.text()), expected);
            return;
        }
        if (v.isNumber() && v.toNumber() == 0 && !isDuration)
            return; // a bare 0 is unambiguous
        if (!v.isObject()) {
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), expected);
            return;
        }
        const JsonValue *value = v.member(u"value");
        const JsonValue *unit = v.member(u"unit");
        if (!value || (!value->isNumber() && !alias(*value, TokenType::Number)))
            bad(value ? *value : v, QStringLiteral("bad %1 value: \"value\" must be a number").arg(label.text()), QStringLiteral("a number"));
        if (!unit || !unit->isString() || !unitOk(unit->toString()))
            bad(unit ? *unit : v, QStringLiteral("bad %1 value: unknown unit").arg(label.text()),
                isDuration ? QStringLiteral("\"ms\" or \"s\"") : QStringLiteral("px, rem, em, %, vw, vh ..."));
    }

    void dimension(const JsonValue &v, const Label &label) { unitValue(v, label, false); }
    void duration(const JsonValue &v, const Label &label) { unitValue(v, label, true); }

    void fontFamily(const JsonValue &v, const Label &label)
    {
        if (v.isString() && !v.toString().isEmpty())
            return;
        if (v.isArray() && !v.children().empty()) {
            for (const JsonValue &name : v.children()) {
                if (!(name.isString() && !name.toString().isEmpty()) && !alias(name, TokenType::FontFamily))
                    bad(name, QStringLiteral("bad %1 value: a family name must be a string").arg(label.text()), QStringLiteral("a string"));
            }
            return;
        }
        bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("a family name or an array of names"));
    }

    void fontWeight(const JsonValue &v, const Label &label)
    {
        if (v.isNumber() && v.toNumber() >= 1 && v.toNumber() <= 1000)
            return;
        if (v.isString() && ValueValidator::fontWeightFromName(v.toString()) > 0)
            return;
        bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("a number from 1 to 1000 or a weight name like \"bold\""));
    }

    void cubicBezier(const JsonValue &v, const Label &label)
    {
        const QString expected = QStringLiteral("[x1, y1, x2, y2] with x1 and x2 from 0 to 1");
        if (!v.isArray() || v.children().size() != 4) {
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), expected);
            return;
        }
        for (size_t i = 0; i < 4; ++i) {
            const JsonValue &n = v.children()[i];
            if (alias(n, TokenType::Number))
                continue;
            if (!n.isNumber() || ((i == 0 || i == 2) && (n.toNumber() < 0 || n.toNumber() > 1)))
                bad(n, QStringLiteral("bad %1 value").arg(label.text()), expected);
        }
    }

    void strokeStyle(const JsonValue &v, const Label &label)
    {
        if (v.isString()) {
            if (!oneOf(v.toString(), strokeStyles))
                bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("one of ") + listOf(strokeStyles));
            return;
        }
        if (!v.isObject()) {
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("a style name or {dashArray, lineCap}"));
            return;
        }
        const JsonValue *dashes = v.member(u"dashArray");
        if (!dashes || !dashes->isArray() || dashes->children().empty())
            bad(dashes ? *dashes : v, QStringLiteral("bad %1 value: \"dashArray\" must list dimensions").arg(label.text()),
                QStringLiteral("an array of dimensions"));
        else
            for (const JsonValue &dash : dashes->children())
                check(TokenType::Dimension, dash, Label{u"dash", &label});
        const JsonValue *cap = v.member(u"lineCap");
        if (!cap || !cap->isString() || !oneOf(cap->toString(), lineCaps))
            bad(cap ? *cap : v, QStringLiteral("bad %1 value: bad \"lineCap\"").arg(label.text()), QStringLiteral("one of ") + listOf(lineCaps));
    }

    void shadow(const JsonValue &v, const Label &label)
    {
        composite(v, label, {{u"color", TokenType::Color, true}, {u"offsetX", TokenType::Dimension, true},
                             {u"offsetY", TokenType::Dimension, true}, {u"blur", TokenType::Dimension, true},
                             {u"spread", TokenType::Dimension, false}});
        if (!v.isObject())
            return;
        if (const JsonValue *inset = v.member(u"inset"); inset && !inset->isBool())
            bad(*inset, QStringLiteral("bad %1 value: \"inset\" must be a boolean").arg(label.text()), QStringLiteral("true or false"));
    }

    void gradient(const JsonValue &v, const Label &label)
    {
        if (!v.isArray() || v.children().empty()) {
            bad(v, QStringLiteral("bad %1 value").arg(label.text()), QStringLiteral("an array of {color, position} stops"));
            return;
        }
        for (const JsonValue &stop : v.children())
            composite(stop, Label{u"stop", &label},
                      {{u"color", TokenType::Color, true}, {u"position", TokenType::Number, true}});
    }

    Token &m_token;
    Diagnostics &m_diagnostics;
    bool m_ok = true;
};

} // namespace

bool ValueValidator::validate(Token &token, Diagnostics &diagnostics)
{
    token.references.clear();
    Checker checker(token, diagnostics);
    if (checker.alias(token.value, token.type, true))
        return checker.ok();
    const QString typeName = tokenTypeName(token.type);
    checker.check(token.type, token.value, Label{typeName});
    return checker.ok();
}

bool ValueValidator::isHexColor(QStringView text)
{
    const qsizetype n = text.size() - 1;
    if (!text.startsWith(QLatin1Char('#')) || (n != 3 && n != 4 && n != 6 && n != 8))
        return false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

bool ValueValidator::isDimensionUnit(QStringView unit)
{
    return oneOf(unit, dimensionUnits);
}

bool ValueValidator::splitNumberAndUnit(QStringView text, double &number, QStringView &unit)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('+')
            || ((c == QLatin1Char('e') || c == QLatin1Char('E')) && i + 1 < text.size()
                && (text[i + 1].isDigit() || text[i + 1] == QLatin1Char('-') || text[i + 1] == QLatin1Char('+'))))
            ++i;
        else
            break;
    }
    if (i == 0 || i == text.size())
        return false;
    bool ok = false;
    number = text.left(i).toDouble(&ok);
    unit = text.mid(i);
    return ok;
}

int ValueValidator::fontWeightFromName(QStringView name)
{
    for (const NamedWeight &w : namedWeights) {
        if (name == QStringView(w.name))
            return w.weight;
    }
    return 0;
}

} // namespace helios::slate
