// SPDX-License-Identifier: Apache-2.0
#include "mcp/json_schema_check.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace helios::mcp {

namespace {

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1StringView("integer"))
        return value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() == std::floor(value.toDouble());
    return typeOf(value) == type;
}

QString named(const QString &where) { return where.isEmpty() ? QStringLiteral("the arguments") : where; }

QString member(const QString &where, const QString &key)
{
    return where.isEmpty() ? key : where + QLatin1Char('.') + key;
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString checkType(const QJsonValue &value, const QJsonObject &schema, const QString &where)
{
    const QJsonValue type = schema.value(QLatin1StringView("type"));
    if (type.isUndefined())
        return {};
    QStringList types;
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray())
            types << t.toString();
    } else {
        types << type.toString();
    }
    for (const QString &t : std::as_const(types)) {
        if (hasType(value, t))
            return {};
    }
    return QStringLiteral("%1: expected %2, got %3")
        .arg(named(where), types.join(QStringLiteral(" or ")), value.isUndefined() ? QStringLiteral("nothing") : typeOf(value));
}

QString checkString(const QString &text, const QJsonObject &schema, const QString &where)
{
    const qsizetype length = codePoints(text);
    if (schema.contains(QLatin1StringView("minLength")) && length < schema.value(QLatin1StringView("minLength")).toInteger())
        return QStringLiteral("%1: must have at least %2 characters").arg(named(where)).arg(schema.value(QLatin1StringView("minLength")).toInteger());
    if (schema.contains(QLatin1StringView("maxLength")) && length > schema.value(QLatin1StringView("maxLength")).toInteger())
        return QStringLiteral("%1: must have at most %2 characters").arg(named(where)).arg(schema.value(QLatin1StringView("maxLength")).toInteger());
    if (schema.contains(QLatin1StringView("pattern"))) {
        const QString pattern = schema.value(QLatin1StringView("pattern")).toString();
        const QRegularExpression expression(pattern);
        if (!expression.isValid() || !expression.match(text).hasMatch())
            return QStringLiteral("%1: \"%2\" does not match %3").arg(named(where), text.left(80), pattern);
    }
    return {};
}

QString checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &where)
{
    const QJsonObject properties = schema.value(QLatin1StringView("properties")).toObject();
    for (const QJsonValue &required : schema.value(QLatin1StringView("required")).toArray()) {
        if (!object.contains(required.toString()))
            return QStringLiteral("%1: missing (required)").arg(member(where, required.toString()));
    }
    const bool closed = schema.value(QLatin1StringView("additionalProperties")) == QJsonValue(false);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (properties.contains(it.key())) {
            if (QString problem = checkAgainstSchema(it.value(), properties.value(it.key()).toObject(), member(where, it.key()));
                !problem.isEmpty())
                return problem;
        } else if (closed) {
            return QStringLiteral("%1: not an argument of this tool (expected one of: %2)")
                .arg(member(where, it.key().left(80)), properties.keys().join(QStringLiteral(", ")));
        }
    }
    return {};
}

QString checkArray(const QJsonArray &array, const QJsonObject &schema, const QString &where)
{
    if (schema.contains(QLatin1StringView("minItems")) && array.size() < schema.value(QLatin1StringView("minItems")).toInteger())
        return QStringLiteral("%1: needs at least %2 items").arg(named(where)).arg(schema.value(QLatin1StringView("minItems")).toInteger());
    if (schema.contains(QLatin1StringView("maxItems")) && array.size() > schema.value(QLatin1StringView("maxItems")).toInteger())
        return QStringLiteral("%1: has %2 items, at most %3 are allowed")
            .arg(named(where))
            .arg(array.size())
            .arg(schema.value(QLatin1StringView("maxItems")).toInteger());
    const QJsonObject items = schema.value(QLatin1StringView("items")).toObject();
    if (items.isEmpty())
        return {};
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (QString problem = checkAgainstSchema(array.at(i), items, QStringLiteral("%1[%2]").arg(named(where)).arg(i));
            !problem.isEmpty())
            return problem;
    }
    return {};
}

} // namespace

QString checkAgainstSchema(const QJsonValue &value, const QJsonObject &schema, const QString &where)
{
    if (QString problem = checkType(value, schema, where); !problem.isEmpty())
        return problem;
    if (schema.contains(QLatin1StringView("enum"))) {
        const QJsonArray allowed = schema.value(QLatin1StringView("enum")).toArray();
        if (!allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue &a : allowed)
                names << (a.isString() ? a.toString() : QString::number(a.toDouble()));
            return QStringLiteral("%1: must be one of %2").arg(named(where), names.join(QStringLiteral(", ")));
        }
    }
    if (value.isString())
        return checkString(value.toString(), schema, where);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (schema.contains(QLatin1StringView("minimum")) && number < schema.value(QLatin1StringView("minimum")).toDouble())
            return QStringLiteral("%1: must be at least %2").arg(named(where)).arg(schema.value(QLatin1StringView("minimum")).toDouble());
        if (schema.contains(QLatin1StringView("maximum")) && number > schema.value(QLatin1StringView("maximum")).toDouble())
            return QStringLiteral("%1: must be at most %2").arg(named(where)).arg(schema.value(QLatin1StringView("maximum")).toDouble());
        return {};
    }
    if (value.isObject())
        return checkObject(value.toObject(), schema, where);
    if (value.isArray())
        return checkArray(value.toArray(), schema, where);
    return {};
}

} // namespace helios::mcp
