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

    JsonValue() = default;
    static JsonValue makeString(QString text, SourcePosition position = {});
    static JsonValue makeNumber(double number, SourcePosition position = {});

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    const QString &toString() const { return m_string; }

    // Array elements or object members, in source order.
    const std::vector<JsonValue> &children() const { return m_children; }
    std::vector<JsonValue> &children() { return m_children; }
    // The first member named `key`, or nullptr. Linear: objects in token files are small,
    // and big groups are iterated, not looked up.
    const JsonValue *member(QStringView key) const;
    // The value reached by member names / array indexes, or nullptr (JSON Pointer walk).
    const JsonValue *at(const QStringList &path) const;

    // Set on object members only.
    const QString &key() const { return m_key; }
    SourcePosition keyPosition() const { return m_keyPosition; }
    SourcePosition position() const { return m_position; }

    // Short description of the kind for messages ("a string", "an object").
    QString kindName() const;
    // Compact JSON text of this value (for "found ..." in diagnostics and for JSON output).
    QString toJsonText() const;

    // Builders used by the reader.
    void setKind(Kind kind) { m_kind = kind; }
    void setBool(bool b) { m_kind = Kind::Bool; m_bool = b; }
    void setNumber(double n) { m_kind = Kind::Number; m_number = n; }
    void setString(QString s) { m_kind = Kind::String; m_string = std::move(s); }
    void setPosition(SourcePosition p) { m_position = p; }
    void setKey(QString key, SourcePosition p) { m_key = std::move(key); m_keyPosition = p; }

private:
    std::vector<JsonValue> m_children;
    QString m_string;
    QString m_key;
    double m_number = 0;
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
