// SPDX-License-Identifier: Apache-2.0
#include "slate_api.h"

#include "api_errors.h"
#include "router.h"

#include "slate/build_config.h"
#include "slate/css_formatter.h"
#include "slate/json_formatter.h"
#include "slate/scss_formatter.h"
#include "slate/tailwind_formatter.h"
#include "slate/token_library.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/typescript_formatter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>
#include <memory>

namespace helios::server {

namespace {

using slate::TokenLibrary;

QJsonObject infoJson(const slate::TokenSetInfo &info)
{
    return {{QStringLiteral("name"), info.name},
            {QStringLiteral("version"), info.version},
            {QStringLiteral("author"), info.author},
            {QStringLiteral("createdAt"), info.createdAt},
            {QStringLiteral("contentSha256"), info.contentSha256},
            {QStringLiteral("tokenCount"), info.tokenCount}};
}

QJsonObject setJson(const slate::StoredTokenSet &set)
{
    QJsonObject out = infoJson(set.info);
    QJsonArray files;
    for (const slate::TokenFile &file : set.files) {
        files.append(QJsonObject{{QStringLiteral("fileName"), file.fileName},
                                 {QStringLiteral("content"), QString::fromUtf8(file.bytes)}});
    }
    out.insert(QStringLiteral("files"), files);
    return out;
}

// The schemas the OpenAPI document shows, kept beside the code that reads the values.
QJsonObject stringSchema() { return {{QStringLiteral("type"), QStringLiteral("string")}}; }
QJsonObject integerSchema() { return {{QStringLiteral("type"), QStringLiteral("integer")}}; }

QJsonObject infoSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("name"), stringSchema()},
                         {QStringLiteral("version"), integerSchema()},
                         {QStringLiteral("author"), stringSchema()},
                         {QStringLiteral("createdAt"), stringSchema()},
                         {QStringLiteral("contentSha256"), stringSchema()},
                         {QStringLiteral("tokenCount"), integerSchema()}}}};
}

QJsonObject filesSchema()
{
    const QJsonObject file{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("required"), QJsonArray{QStringLiteral("fileName"), QStringLiteral("content")}},
                           {QStringLiteral("properties"),
                            QJsonObject{{QStringLiteral("fileName"), stringSchema()},
                                        {QStringLiteral("content"), stringSchema()}}}};
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("files")}},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("files"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                      {QStringLiteral("minItems"), 1},
                                      {QStringLiteral("items"), file}}}}}};
}

QJsonObject setSchema()
{
    QJsonObject schema = infoSchema();
    QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("files"),
                      filesSchema().value(QStringLiteral("properties")).toObject().value(QStringLiteral("files")));
    schema.insert(QStringLiteral("properties"), properties);
    return schema;
}

QJsonObject diagnosticsSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("ok"), QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
                         {QStringLiteral("tokenCount"), integerSchema()},
                         {QStringLiteral("diagnostics"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                      {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}}}}};
}

QJsonObject response(const QString &description, const QJsonObject &schema = {})
{
    QJsonObject out{{QStringLiteral("description"), description}};
    if (!schema.isEmpty())
        out.insert(QStringLiteral("schema"), schema);
    return out;
}

// The token files of a body, or nullopt after answering 400 with what is wrong.
std::optional<QList<slate::TokenFile>> filesFromBody(RequestContext &context)
{
    const std::optional<QJsonObject> body = jsonObjectBody(context);
    if (!body)
        return std::nullopt;
    const auto refuse = [&](const QString &message) {
        context.responder.sendError(400, QByteArrayLiteral("invalid_body"), message);
        return std::nullopt;
    };
    const QJsonValue files = body->value(QStringLiteral("files"));
    if (!files.isArray() || files.toArray().isEmpty())
        return refuse(QStringLiteral("\"files\" must be a non-empty array of {fileName, content}"));
    QList<slate::TokenFile> out;
    const QJsonArray array = files.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject file = array.at(i).toObject();
        const QJsonValue fileName = file.value(QStringLiteral("fileName"));
        const QJsonValue content = file.value(QStringLiteral("content"));
        if (!array.at(i).isObject() || !fileName.isString() || !content.isString())
            return refuse(QStringLiteral("files[%1] must be an object with string \"fileName\" and \"content\"").arg(i));
        const QString name = fileName.toString();
        if (name.isEmpty() || name.size() > 200 || name.contains(u'/') || name.contains(u'\\') || name.startsWith(u'.'))
            return refuse(QStringLiteral("files[%1].fileName must be a plain file name").arg(i));
        out.append({name, content.toString().toUtf8()});
    }
    return out;
}

bool validName(RequestContext &context, const QString &name)
{
    const QString problem = TokenLibrary::nameProblem(name);
    if (problem.isEmpty())
        return true;
    context.responder.sendError(400, QByteArrayLiteral("invalid_argument"), problem);
    return false;
}

// Answers of GET /sets/{name}, rendered once. Reading a set from the library means
// decoding it from the Cache, which costs far more than sending it; so for a second the
// rendered bytes are answered as they are. That is well inside the staleness the library
// already allows a reader on another node (TokenLibrary::Options::mutableTtl), and a
// write through this node drops the entry at once.
class RenderedSets {
public:
    struct Entry {
        QByteArray body;
        QByteArray etag;
        std::chrono::steady_clock::time_point renderedAt;
    };
    static constexpr std::chrono::milliseconds kFreshFor{1000};
    static constexpr qsizetype kMaxEntries = 512;

    const Entry *fresh(const QString &name) const
    {
        const auto it = m_entries.constFind(name);
        if (it == m_entries.constEnd() || std::chrono::steady_clock::now() - it->renderedAt > kFreshFor)
            return nullptr;
        return &*it;
    }
    const Entry &store(const QString &name, const slate::StoredTokenSet &set)
    {
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear(); // rare, and cheaper than tracking recency per read
        return *m_entries.insert(name, {QJsonDocument(setJson(set)).toJson(QJsonDocument::Compact),
                                        '"' + set.info.contentSha256.toLatin1() + '"',
                                        std::chrono::steady_clock::now()});
    }
    void drop(const QString &name) { m_entries.remove(name); }

private:
    QHash<QString, Entry> m_entries;
};

// A rendered set with its digest as ETag: a client that has it gets 304.
void sendSet(RequestContext &context, const QByteArray &body, const QByteArray &etag)
{
    if (context.request.header("if-none-match") == etag) {
        context.responder.send(304, {}, {}, {{QByteArrayLiteral("etag"), etag}});
        return;
    }
    context.responder.send(200, QByteArrayLiteral("application/json"), body, {{QByteArrayLiteral("etag"), etag}});
}

void sendSet(RequestContext &context, const slate::StoredTokenSet &set)
{
    sendSet(context, QJsonDocument(setJson(set)).toJson(QJsonDocument::Compact),
            '"' + set.info.contentSha256.toLatin1() + '"');
}

QByteArray contentType(const QString &format)
{
    if (format == u"css")
        return QByteArrayLiteral("text/css; charset=utf-8");
    if (format == u"scss")
        return QByteArrayLiteral("text/x-scss; charset=utf-8");
    if (format == u"ts" || format == u"dts" || format == u"tailwind")
        return QByteArrayLiteral("text/javascript; charset=utf-8");
    return QByteArrayLiteral("application/json");
}

QByteArray render(const slate::TokenSet &set, const QString &format, slate::FormatOptions options, bool caseGiven)
{
    if (!caseGiven && (format == u"ts" || format == u"dts"))
        options.nameCase = slate::NameCase::Camel;
    if (format == u"css")
        return slate::CssFormatter::format(set, options);
    if (format == u"scss")
        return slate::ScssFormatter::format(set, options);
    if (format == u"ts")
        return slate::TypeScriptFormatter::module(set, options);
    if (format == u"dts")
        return slate::TypeScriptFormatter::declarations(set, options);
    if (format == u"json")
        return slate::JsonFormatter::flat(set, options);
    if (format == u"json-nested")
        return slate::JsonFormatter::nested(set, options);
    return slate::TailwindFormatter::format(set, options);
}

void addReads(Router &router, TokenLibrary &library, const std::shared_ptr<RenderedSets> &rendered)
{
    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/slate/sets"), Access::Viewer,
                QStringLiteral("The latest version of every token set"), QStringLiteral("slate"), {},
                {{QStringLiteral("200"),
                  response(QStringLiteral("The sets"),
                           {{QStringLiteral("type"), QStringLiteral("object")},
                            {QStringLiteral("properties"),
                             QJsonObject{{QStringLiteral("sets"),
                                          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                      {QStringLiteral("items"), infoSchema()}}}}}})}}},
               [&library](RequestContext &context) {
                   auto sets = library.list();
                   if (!sets)
                       return sendEngineError(context.responder, sets.error());
                   QJsonArray out;
                   for (const slate::TokenSetInfo &info : *sets)
                       out.append(infoJson(info));
                   context.responder.sendJson(200, {{QStringLiteral("sets"), out}});
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/slate/sets/{name}"), Access::Viewer,
                QStringLiteral("The latest version of a token set, with its files"), QStringLiteral("slate"), {},
                {{QStringLiteral("200"), response(QStringLiteral("The set"), setSchema())},
                 {QStringLiteral("304"), response(QStringLiteral("Not modified (If-None-Match)"))}}},
               [&library, rendered](RequestContext &context) {
                   const QString name = context.parameter(u"name");
                   if (const RenderedSets::Entry *entry = rendered->fresh(name))
                       return sendSet(context, entry->body, entry->etag);
                   if (!validName(context, name))
                       return;
                   auto set = library.latest(name);
                   if (!set)
                       return sendEngineError(context.responder, set.error());
                   const RenderedSets::Entry &entry = rendered->store(name, *set);
                   sendSet(context, entry.body, entry.etag);
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/slate/sets/{name}/versions"), Access::Viewer,
                QStringLiteral("Every version of a token set, oldest first"), QStringLiteral("slate"), {},
                {{QStringLiteral("200"), response(QStringLiteral("The versions"),
                                                  {{QStringLiteral("type"), QStringLiteral("object")}})}}},
               [&library](RequestContext &context) {
                   const QString name = context.parameter(u"name");
                   if (!validName(context, name))
                       return;
                   auto versions = library.versions(name);
                   if (!versions)
                       return sendEngineError(context.responder, versions.error());
                   if (versions->isEmpty())
                       return context.responder.sendError(404, QByteArrayLiteral("not_found"),
                                                          QStringLiteral("no token set \"%1\"").arg(name));
                   QJsonArray out;
                   for (const slate::TokenSetInfo &info : *versions)
                       out.append(infoJson(info));
                   context.responder.sendJson(200, {{QStringLiteral("name"), name}, {QStringLiteral("versions"), out}});
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/slate/sets/{name}/versions/{version}"), Access::Viewer,
                QStringLiteral("One version of a token set, with its files"), QStringLiteral("slate"), {},
                {{QStringLiteral("200"), response(QStringLiteral("The set"), setSchema())}}},
               [&library](RequestContext &context) {
                   const QString name = context.parameter(u"name");
                   if (!validName(context, name))
                       return;
                   bool ok = false;
                   const int version = context.parameter(u"version").toInt(&ok);
                   if (!ok || version < 1)
                       return context.responder.sendError(400, QByteArrayLiteral("invalid_argument"),
                                                          QStringLiteral("a version is a positive integer"));
                   auto set = library.version(name, version);
                   if (!set)
                       return sendEngineError(context.responder, set.error());
                   sendSet(context, *set);
               });
}

void addWrites(Router &router, TokenLibrary &library, const std::shared_ptr<RenderedSets> &rendered)
{
    router.add({QByteArrayLiteral("PUT"), QStringLiteral("/api/slate/sets/{name}"), Access::Developer,
                QStringLiteral("Store files as the next version of a token set (validated first)"),
                QStringLiteral("slate"), filesSchema(),
                {{QStringLiteral("200"), response(QStringLiteral("Unchanged: equal to the latest version"),
                                                  {{QStringLiteral("type"), QStringLiteral("object")}})},
                 {QStringLiteral("201"), response(QStringLiteral("Stored as a new version"),
                                                  {{QStringLiteral("type"), QStringLiteral("object")}})},
                 {QStringLiteral("422"), response(QStringLiteral("The files have errors; nothing stored"),
                                                  diagnosticsSchema())}}},
               [&library, rendered](RequestContext &context) {
                   const QString name = context.parameter(u"name");
                   if (!validName(context, name))
                       return;
                   const auto files = filesFromBody(context);
                   if (!files)
                       return;
                   slate::Diagnostics diagnostics;
                   auto outcome = library.publish(name, *files, context.identity ? context.identity->subject : QString(),
                                                  &diagnostics);
                   rendered->drop(name); // after the write: a read racing it must not keep the old bytes
                   if (!outcome && outcome.error().code == ErrorCode::InvalidArgument && slate::hasErrors(diagnostics)) {
                       const QJsonObject error{{QStringLiteral("status"), 422},
                                               {QStringLiteral("code"), QStringLiteral("invalid_tokens")},
                                               {QStringLiteral("message"), outcome.error().message}};
                       return context.responder.sendJson(422, {{QStringLiteral("error"), error},
                                                               {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
                   }
                   if (!outcome)
                       return sendEngineError(context.responder, outcome.error());
                   context.responder.sendJson(outcome->created ? 201 : 200,
                                              {{QStringLiteral("created"), outcome->created},
                                               {QStringLiteral("set"), infoJson(outcome->info)},
                                               {QStringLiteral("warnings"), slate::diagnosticsToJson(outcome->warnings)}});
               });

    router.add({QByteArrayLiteral("POST"), QStringLiteral("/api/slate/validate"), Access::Viewer,
                QStringLiteral("Validate token files without storing them"), QStringLiteral("slate"), filesSchema(),
                {{QStringLiteral("200"), response(QStringLiteral("Every diagnostic of the files"), diagnosticsSchema())}}},
               [](RequestContext &context) {
                   const auto files = filesFromBody(context);
                   if (!files)
                       return;
                   slate::TokenReader reader;
                   for (const slate::TokenFile &file : *files)
                       reader.addData(file.bytes, file.fileName);
                   slate::TokenSet set = reader.finish();
                   slate::TokenResolver::resolve(set);
                   context.responder.sendJson(200, {{QStringLiteral("ok"), !set.hasErrors()},
                                                    {QStringLiteral("tokenCount"), set.size()},
                                                    {QStringLiteral("diagnostics"), slate::diagnosticsToJson(set.diagnostics())}});
               });
}

void addOutputs(Router &router, TokenLibrary &library)
{
    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/slate/sets/{name}/outputs/{format}"), Access::Viewer,
                QStringLiteral("The latest version built to a format (css, scss, ts, dts, json, json-nested, tailwind); "
                               "query: prefix, nameCase, outputReferences"),
                QStringLiteral("slate"), {},
                {{QStringLiteral("200"), response(QStringLiteral("The output file"), stringSchema())}},
                QByteArrayLiteral("text/plain")},
               [&library](RequestContext &context) {
                   const QString name = context.parameter(u"name");
                   const QString format = context.parameter(u"format");
                   if (!validName(context, name))
                       return;
                   if (!slate::BuildConfig::formats().contains(format))
                       return context.responder.sendError(404, QByteArrayLiteral("not_found"),
                                                          QStringLiteral("no format \"%1\"; formats: %2")
                                                              .arg(format, slate::BuildConfig::formats().join(u", ")));
                   slate::FormatOptions options;
                   options.prefix = QString::fromUtf8(context.request.queryValue("prefix"));
                   options.outputReferences = context.request.queryValue("outputReferences") == "true";
                   const QString nameCase = QString::fromUtf8(context.request.queryValue("nameCase"));
                   if (!nameCase.isEmpty() && !slate::BuildConfig::parseNameCase(nameCase, options.nameCase))
                       return context.responder.sendError(400, QByteArrayLiteral("invalid_argument"),
                                                          QStringLiteral("nameCase is kebab, camel or dotted"));
                   auto stored = library.latest(name);
                   if (!stored)
                       return sendEngineError(context.responder, stored.error());
                   slate::TokenReader reader;
                   for (const slate::TokenFile &file : stored->files)
                       reader.addData(file.bytes, file.fileName);
                   slate::TokenSet set = reader.finish();
                   slate::TokenResolver::resolve(set);
                   if (set.hasErrors()) // stored sets were valid when stored; say so if not
                       return context.responder.sendError(500, QByteArrayLiteral("internal"),
                                                          QStringLiteral("the stored set no longer resolves"));
                   context.responder.send(200, contentType(format), render(set, format, options, !nameCase.isEmpty()));
               });
}

} // namespace

void addSlateRoutes(Router &router, TokenLibrary &library)
{
    auto rendered = std::make_shared<RenderedSets>();
    addReads(router, library, rendered);
    addWrites(router, library, rendered);
    addOutputs(router, library);
}

} // namespace helios::server
