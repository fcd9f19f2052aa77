// SPDX-License-Identifier: Apache-2.0
#include "bus/event.h"

#include "core/ids.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace helios::data {

Event Event::make(const QString &type, const QString &source, const QString &subject,
                  const QJsonObject &data)
{
    return Event{newId(), type, source, nowUtc(), subject, data};
}

QByteArray Event::toJson() const
{
    QJsonObject o{
        {QStringLiteral("specversion"), QStringLiteral("1.0")},
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("source"), source},
        {QStringLiteral("time"), time},
        {QStringLiteral("datacontenttype"), QStringLiteral("application/json")},
        {QStringLiteral("data"), data},
    };
    if (!subject.isEmpty())
        o.insert(QStringLiteral("subject"), subject);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<Event> Event::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("event is not a JSON object: ") + parseError.errorString());
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("specversion")).toString() != QStringLiteral("1.0"))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("event specversion must be \"1.0\""));
    Event e;
    const struct {
        const char *name;
        QString *field;
        bool required;
    } attributes[] = {{"id", &e.id, true},         {"type", &e.type, true},
                      {"source", &e.source, true}, {"time", &e.time, false},
                      {"subject", &e.subject, false}};
    for (const auto &a : attributes) {
        const QJsonValue v = o.value(QLatin1StringView(a.name));
        if (v.isUndefined() && !a.required)
            continue;
        if (!v.isString() || v.toString().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("event attribute \"%1\" must be a non-empty string")
                                 .arg(QLatin1StringView(a.name)));
        *a.field = v.toString();
    }
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!data.isUndefined() && !data.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("event data must be a JSON object"));
    e.data = data.toObject();
    return e;
}

QStringList eventTypes()
{
    return {QStringLiteral("project.created"),      QStringLiteral("token.updated"),
            QStringLiteral("component.generated"),  QStringLiteral("component.created"),
            QStringLiteral("build.started"),        QStringLiteral("build.completed"),
            QStringLiteral("build.failed"),         QStringLiteral("deployment.started"),
            QStringLiteral("deployment.completed"), QStringLiteral("deployment.failed"),
            QStringLiteral("deployment.rolled_back")};
}

QStringList eventSubjectFilters()
{
    // Built once: publishProblem() runs on every publish. Copies share the data.
    static const QStringList filters = [] {
        QStringList result;
        for (const QString &type : eventTypes()) {
            const QString filter = type.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".>");
            if (!result.contains(filter))
                result.append(filter);
        }
        return result;
    }();
    return filters;
}

QString publishProblem(const Event &event)
{
    if (event.id.isEmpty())
        return QStringLiteral("event has no id");
    const QStringList tokens = event.type.split(QLatin1Char('.'));
    for (const QString &token : tokens) {
        if (token.isEmpty() || token == QLatin1String("*") || token == QLatin1String(">"))
            return QStringLiteral("event type \"%1\" is not a concrete subject").arg(event.type);
        for (const QChar c : token) {
            if (c.isSpace())
                return QStringLiteral("event type \"%1\" contains white space").arg(event.type);
        }
    }
    const QStringList filters = eventSubjectFilters();
    for (const QString &filter : filters) {
        if (subjectMatches(filter, event.type))
            return {};
    }
    return QStringLiteral("event type \"%1\" is outside the bus subjects (%2)")
        .arg(event.type, filters.join(QStringLiteral(", ")));
}

bool subjectMatches(const QString &pattern, const QString &type)
{
    const QStringList p = pattern.split(QLatin1Char('.'));
    const QStringList t = type.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p[i] == QLatin1String(">"))
            return i == p.size() - 1 && t.size() > i;
        if (i >= t.size())
            return false;
        if (p[i] != QLatin1String("*") && p[i] != t[i])
            return false;
    }
    return p.size() == t.size();
}

} // namespace helios::data
