// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/source_position.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace helios::slate {

// A JSON value that remembers where it was written. Token files need positions for every
// key and value (diagnostics point at them), which QJsonValue cannot give. Object members
// keep their source order; each member value carries its key and the key's position, so an
// object is simply an ordered list of children.
class JsonValue {
public:
    enum class Kind : unsigned char { Null, Bool, Number, String, Array, Object };

    JsonValue() noexcept : m_number(0) {}
    JsonValue(const JsonValue &other);
    JsonValue(JsonValue &&other) noexcept;
    JsonValue &operator=(const JsonValue &other);
    JsonValue &operator=(JsonValue &&other) noexcept;
    ~JsonValue() { destroyPayload(); }

    static JsonValue makeString(QString text, SourcePosition position = {});
    static JsonValue makeNumber(double number, SourcePosition position = {});

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    bool toBool() const { return m_kind == Kind::Bool && m_bool; }
    double toNumber() const { return m_kind == Kind::Number ? m_number : 0; }
    const QString &toString() const { return m_kind == Kind::String ? m_string : noString(); }

    // Array elements or object members, in source order; empty for other kinds.
    const std::vector<JsonValue> &children() const { return hasChildren() ? m_children : noChildren(); }
    // Only for an array or object (setKind first).
    std::vector<JsonValue> &children();
    // The first member named `key`, or nullptr. Linear: objects in token files are small,
    // and big groups are iterated, not looked up.
    const JsonValue *member(QStringView key) const;
    // The value reached by member names / array indexes, or nullptr (JSON Pointer walk).
    const JsonValue *at(const QStringList &path) const;

    // Set on object members only.
    const QString &key() const { return m_key; }
    // Whether the member name is `name`. The size and the first character rule out
    // nearly every other name without a call ("$value" against "$type", "100" against
    // "200"): member lookups and the reader's duplicate check run once per member.
    bool hasKey(QStringView name) const
    {
        return m_key.size() == name.size() && (name.isEmpty() || m_key.front() == name.front())
            && QStringView(m_key) == name;
    }
    SourcePosition keyPosition() const { return m_keyPosition; }
    SourcePosition position() const { return m_position; }

    // Short description of the kind for messages ("a string", "an object").
    QString kindName() const;
    // Compact JSON text of this value (for "found ..." in diagnostics and for JSON output).
    QString toJsonText() const;

    // Builders used by the reader. setKind() to Array or Object starts with no children.
    void setKind(Kind kind);
    void setBool(bool b) { setKind(Kind::Bool); m_bool = b; }
    void setNumber(double n) { setKind(Kind::Number); m_number = n; }
    void setString(QString s) { setKind(Kind::String); m_string = std::move(s); }
    void setPosition(SourcePosition p) { m_position = p; }
    void setKey(QString key, SourcePosition p) { m_key = std::move(key); m_keyPosition = p; }

private:
    bool hasChildren() const { return m_kind == Kind::Array || m_kind == Kind::Object; }
    static const QString &noString();
    static const std::vector<JsonValue> &noChildren();
    void destroyPayload() noexcept;
    // Makes this value's payload a copy (or a move) of `other`'s; this one has none.
    void copyPayload(const JsonValue &other);
    void movePayload(JsonValue &other) noexcept;

    // A token file is tens of thousands of values, and every token holds two: one of
    // these three by kind, not all three side by side, keeps a value at 72 bytes.
    union {
        double m_number;                    // Number
        QString m_string;                   // String
        std::vector<JsonValue> m_children;  // Array, Object
    };
    QString m_key;
    SourcePosition m_position;
    SourcePosition m_keyPosition;
    Kind m_kind = Kind::Null;
    bool m_bool = false;
};

// Shortest text that reads back as the same double ("0.1", "16", "1e+21").
QString formatJsonNumber(double number);
// The same text appended to `out`.
void appendJsonNumber(QString &out, double number);
// `text` as a JSON string literal, quotes included, appended to `out`.
void appendJsonString(QString &out, QStringView text);

} // namespace helios::slate
