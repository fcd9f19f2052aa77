// SPDX-License-Identifier: Apache-2.0
#include "openapi_document.h"

#include "router.h"

#include <QJsonArray>

namespace helios::server {

namespace {

QJsonObject errorSchemaRef()
{
    return {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}};
}

QJsonObject errorSchema()
{
    const QJsonObject detail{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("status"), QStringLiteral("code"), QStringLiteral("message")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}},
                     {QStringLiteral("code"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                     {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("error"), detail}}}};
}

QJsonObject content(const QString &type, const QJsonObject &schema)
{
    QJsonObject media;
    if (!schema.isEmpty())
        media.insert(QStringLiteral("schema"), schema);
    return {{type, media}};
}

QString roleText(Access access)
{
    switch (access) {
    case Access::Public:
        return QStringLiteral("none");
    case Access::Viewer:
        return QStringLiteral("viewer");
    case Access::Developer:
        return QStringLiteral("developer");
    case Access::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

// "get /api/slate/sets/{name}" -> "get_api_slate_sets_name": unique because routes are.
QString operationId(const RouteSpec &spec)
{
    QString id = QString::fromLatin1(spec.method).toLower();
    for (const QChar c : spec.pattern) {
        if (c.isLetterOrNumber())
            id.append(c);
        else if (!id.endsWith(u'_'))
            id.append(u'_');
    }
    while (id.endsWith(u'_'))
        id.chop(1);
    return id;
}

QJsonObject operation(const Router::Route &route)
{
    const RouteSpec &spec = route.spec;
    QJsonObject op{{QStringLiteral("summary"), spec.summary},
                   {QStringLiteral("operationId"), operationId(spec)},
                   {QStringLiteral("x-helios-role"), roleText(spec.access)}};
    if (!spec.tag.isEmpty())
        op.insert(QStringLiteral("tags"), QJsonArray{spec.tag});

    QJsonArray parameters;
    for (const QString &segment : route.segments) {
        if (segment.startsWith(u'{')) {
            QJsonObject parameter;
            parameter.insert(QStringLiteral("name"), segment.mid(1, segment.size() - 2));
            parameter.insert(QStringLiteral("in"), QStringLiteral("path"));
            parameter.insert(QStringLiteral("required"), true);
            parameter.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
            parameters.append(parameter);
        }
    }
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);

    if (!spec.requestBody.isEmpty()) {
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), true},
                              {QStringLiteral("content"), content(QStringLiteral("application/json"), spec.requestBody)}});
    }

    QJsonObject responses;
    for (auto it = spec.responses.begin(); it != spec.responses.end(); ++it) {
        const QJsonObject declared = it.value().toObject();
        QJsonObject response{{QStringLiteral("description"), declared.value(QStringLiteral("description")).toString()}};
        const QJsonObject schema = declared.value(QStringLiteral("schema")).toObject();
        if (!schema.isEmpty() || declared.contains(QStringLiteral("schema")))
            response.insert(QStringLiteral("content"), content(QString::fromLatin1(spec.responseType), schema));
        responses.insert(it.key(), response);
    }
    responses.insert(QStringLiteral("default"),
                     QJsonObject{{QStringLiteral("description"), QStringLiteral("An error, as a JSON error body")},
                                 {QStringLiteral("content"), content(QStringLiteral("application/json"), errorSchemaRef())}});
    op.insert(QStringLiteral("responses"), responses);

    if (spec.access == Access::Public)
        op.insert(QStringLiteral("security"), QJsonArray{});
    return op;
}

} // namespace

QJsonObject openApiDocument(const Router &router, const QString &title, const QString &version)
{
    QJsonObject paths;
    for (const auto &route : router.routes()) {
        QJsonObject item = paths.value(route->spec.pattern).toObject();
        item.insert(QString::fromLatin1(route->spec.method).toLower(), operation(*route));
        paths.insert(route->spec.pattern, item);
    }
    const QJsonObject bearer{{QStringLiteral("type"), QStringLiteral("http")},
                             {QStringLiteral("scheme"), QStringLiteral("bearer")},
                             {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.1.0")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("version"), version}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray{}}}}},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("securitySchemes"), QJsonObject{{QStringLiteral("bearer"), bearer}}},
                         {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), errorSchema()}}}}}};
}

} // namespace helios::server
