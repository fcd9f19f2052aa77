// SPDX-License-Identifier: Apache-2.0
#include "event_display.h"

#include "bus/event.h"
#include "core/config.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace helios::panels {

namespace {

const QString Masked = QStringLiteral("***");

QStringList wordsOf(const QString &key)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (!c.isLetterOrNumber()) {
            if (!word.isEmpty())
                words.append(word.toLower());
            word.clear();
            continue;
        }
        // "apiKey" and "HTTPToken" split before the upper-case letter that starts a word.
        const bool startsWord = c.isUpper() && !word.isEmpty()
            && (key.at(i - 1).isLower()
                || (i + 1 < key.size() && key.at(i + 1).isLower() && key.at(i - 1).isUpper()));
        if (startsWord) {
            words.append(word.toLower());
            word.clear();
        }
        word.append(c);
    }
    if (!word.isEmpty())
        words.append(word.toLower());
    return words;
}

// A string that is a URL with credentials gets its password masked; other text is kept.
QString redactedText(const QString &text)
{
    if (text.contains(QStringLiteral("://")) && text.contains(QLatin1Char('@')))
        return redactUrl(text);
    return text;
}

QJsonValue redactedValue(const QJsonValue &value)
{
    if (value.isString())
        return redactedText(value.toString());
    if (value.isObject())
        return redactedEventData(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redactedValue(item));
        return out;
    }
    return value;
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return redactedText(value.toString()).simplified();
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Object:
        // Nested objects would make the line unreadable; the details view has them.
        return QStringLiteral("{…}");
    case QJsonValue::Array:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString valueText(const QJsonValue &value)
{
    if (!value.isArray())
        return scalarText(value);
    QStringList items;
    for (const QJsonValue &item : value.toArray())
        items.append(item.isArray() ? QStringLiteral("[…]") : scalarText(item));
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

bool isSecretKey(const QString &key)
{
    static const QStringList anyWord{QStringLiteral("password"),   QStringLiteral("passwd"),
                                     QStringLiteral("secret"),     QStringLiteral("credential"),
                                     QStringLiteral("credentials"), QStringLiteral("authorization")};
    static const QStringList lastWord{QStringLiteral("key"), QStringLiteral("token"),
                                      QStringLiteral("apikey")};
    const QStringList words = wordsOf(key);
    if (words.isEmpty())
        return false;
    for (const QString &word : words) {
        if (anyWord.contains(word))
            return true;
    }
    return lastWord.contains(words.last());
}

QJsonObject redactedEventData(const QJsonObject &data)
{
    QJsonObject out;
    for (auto it = data.begin(); it != data.end(); ++it)
        out.insert(it.key(), isSecretKey(it.key()) ? QJsonValue(Masked) : redactedValue(it.value()));
    return out;
}

QString eventDataSummary(const QJsonObject &data, int maxLength)
{
    QStringList parts;
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!isSecretKey(it.key()))
            parts.append(it.key() + QLatin1Char('=') + valueText(it.value()));
    }
    QString line = parts.join(QStringLiteral(", "));
    if (line.size() > maxLength)
        line = line.left(qMax(0, maxLength - 1)) + QStringLiteral("…");
    return line;
}

QString eventDetailsJson(const data::Event &event)
{
    data::Event shown = event;
    shown.data = redactedEventData(event.data);
    const QJsonDocument doc = QJsonDocument::fromJson(shown.toJson());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QString eventLocalTime(const QString &rfc3339)
{
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!time.isValid())
        return rfc3339;
    return time.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
}

} // namespace helios::panels
