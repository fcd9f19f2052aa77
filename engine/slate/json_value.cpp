// SPDX-License-Identifier: Apache-2.0
#include "slate/json_value.h"

#include <charconv>
#include <cmath>

namespace helios::slate {

namespace {
const QString emptyString;
const std::vector<JsonValue> emptyChildren;
} // namespace

const QString &JsonValue::noString() { return emptyString; }
const std::vector<JsonValue> &JsonValue::noChildren() { return emptyChildren; }

std::vector<JsonValue> &JsonValue::children()
{
    Q_ASSERT(hasChildren());
    if (!hasChildren()) {
        // A caller's mistake; give it an empty list whose changes are dropped rather than
        // another kind's storage.
        static thread_local std::vector<JsonValue> scratch;
        scratch.clear();
        return scratch;
    }
    return m_children;
}

void JsonValue::destroyPayload() noexcept
{
    switch (m_kind) {
    case Kind::String: m_string.~QString(); break;
    case Kind::Array:
    case Kind::Object: m_children.~vector(); break;
    default: break;
    }
}

void JsonValue::copyPayload(const JsonValue &other)
{
    switch (other.m_kind) {
    case Kind::String: new (&m_string) QString(other.m_string); break;
    case Kind::Array:
    case Kind::Object: new (&m_children) std::vector<JsonValue>(other.m_children); break;
    default: m_number = other.m_number; break;
    }
    m_kind = other.m_kind;
    m_bool = other.m_bool;
}

void JsonValue::movePayload(JsonValue &other) noexcept
{
    switch (other.m_kind) {
    case Kind::String: new (&m_string) QString(std::move(other.m_string)); break;
    case Kind::Array:
    case Kind::Object: new (&m_children) std::vector<JsonValue>(std::move(other.m_children)); break;
    default: m_number = other.m_number; break;
    }
    m_kind = other.m_kind;
    m_bool = other.m_bool;
}

JsonValue::JsonValue(const JsonValue &other)
    : m_key(other.m_key), m_position(other.m_position), m_keyPosition(other.m_keyPosition)
{
    copyPayload(other);
}

JsonValue::JsonValue(JsonValue &&other) noexcept
    : m_key(std::move(other.m_key)), m_position(other.m_position), m_keyPosition(other.m_keyPosition)
{
    movePayload(other);
}

JsonValue &JsonValue::operator=(const JsonValue &other)
{
    if (this != &other) {
        JsonValue copy(other); // `other` may be inside this value
        *this = std::move(copy);
    }
    return *this;
}

JsonValue &JsonValue::operator=(JsonValue &&other) noexcept
{
    if (this != &other) {
        // `other` may be one of this value's children: take it before dropping them.
        JsonValue taken(std::move(other));
        destroyPayload();
        m_kind = Kind::Null;
        movePayload(taken);
        m_key = std::move(taken.m_key);
        m_position = taken.m_position;
        m_keyPosition = taken.m_keyPosition;
    }
    return *this;
}

void JsonValue::setKind(Kind kind)
{
    destroyPayload();
    m_kind = kind;
    m_bool = false;
    if (hasChildren())
        new (&m_children) std::vector<JsonValue>();
    else if (kind == Kind::String)
        new (&m_string) QString();
    else
        m_number = 0;
}

JsonValue JsonValue::makeString(QString text, SourcePosition position)
{
    JsonValue v;
    v.setString(std::move(text));
    v.m_position = position;
    return v;
}

JsonValue JsonValue::makeNumber(double number, SourcePosition position)
{
    JsonValue v;
    v.setNumber(number);
    v.m_position = position;
    return v;
}

const JsonValue *JsonValue::member(QStringView key) const
{
    if (m_kind != Kind::Object)
        return nullptr;
    for (const JsonValue &child : m_children) {
        if (child.hasKey(key))
            return &child;
    }
    return nullptr;
}

const JsonValue *JsonValue::at(const QStringList &path) const
{
    const JsonValue *node = this;
    for (const QString &segment : path) {
        if (node->isArray()) {
            bool ok = false;
            const int i = segment.toInt(&ok);
            if (!ok || i < 0 || size_t(i) >= node->children().size())
                return nullptr;
            node = &node->children()[size_t(i)];
        } else {
            node = node->member(segment);
            if (!node)
                return nullptr;
        }
    }
    return node;
}

QString JsonValue::kindName() const
{
    switch (m_kind) {
    case Kind::Null: return QStringLiteral("null");
    case Kind::Bool: return QStringLiteral("a boolean");
    case Kind::Number: return QStringLiteral("a number");
    case Kind::String: return QStringLiteral("a string");
    case Kind::Array: return QStringLiteral("an array");
    case Kind::Object: return QStringLiteral("an object");
    }
    return {};
}

static void appendJsonText(QString &out, const JsonValue &v)
{
    switch (v.kind()) {
    case JsonValue::Kind::Null: out += QLatin1StringView("null"); break;
    case JsonValue::Kind::Bool: out += v.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"); break;
    case JsonValue::Kind::Number: appendJsonNumber(out, v.toNumber()); break;
    case JsonValue::Kind::String: appendJsonString(out, v.toString()); break;
    case JsonValue::Kind::Array: {
        out += QLatin1Char('[');
        bool first = true;
        for (const JsonValue &c : v.children()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            appendJsonText(out, c);
        }
        out += QLatin1Char(']');
        break;
    }
    case JsonValue::Kind::Object: {
        out += QLatin1Char('{');
        bool first = true;
        for (const JsonValue &c : v.children()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            appendJsonString(out, c.key());
            out += QLatin1Char(':');
            appendJsonText(out, c);
        }
        out += QLatin1Char('}');
        break;
    }
    }
}

QString JsonValue::toJsonText() const
{
    QString out;
    appendJsonText(out, *this);
    return out;
}

QString formatJsonNumber(double number)
{
    QString out;
    appendJsonNumber(out, number);
    return out;
}

void appendJsonNumber(QString &out, double number)
{
    if (!std::isfinite(number)) {
        out += QLatin1StringView("null");
        return;
    }
    if (number == 0) {
        out += QLatin1Char('0'); // also folds -0
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    out += QLatin1StringView(buffer, result.ptr - buffer);
}

void appendJsonString(QString &out, QStringView text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += QLatin1StringView("\\\""); break;
        case u'\\': out += QLatin1StringView("\\\\"); break;
        case u'\n': out += QLatin1StringView("\\n"); break;
        case u'\r': out += QLatin1StringView("\\r"); break;
        case u'\t': out += QLatin1StringView("\\t"); break;
        case u'\b': out += QLatin1StringView("\\b"); break;
        case u'\f': out += QLatin1StringView("\\f"); break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += QLatin1StringView("\\u00");
                out += QLatin1Char(hex[u >> 4]);
                out += QLatin1Char(hex[u & 0xf]);
            } else {
                out += c;
            }
        }
    }
    out += QLatin1Char('"');
}

} // namespace helios::slate
