// SPDX-License-Identifier: Apache-2.0
#include "spark/llm/llm_expert.h"

#include "core/logging.h"
#include "spark/experts/component_files.h"
#include "spark/llm/answer_files.h"
#include "spark/llm/chat_stream.h"
#include "spark/llm/llm_prompt.h"
#include "spark/token_palette.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace helios::spark {

namespace {

// Error bodies are read for their message only; no need to keep a large page.
constexpr qsizetype maxErrorBody = 64 * 1024;

QString bodyMessage(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonValue error = document.object().value(QLatin1StringView("error"));
        if (error.isObject())
            return error.toObject().value(QLatin1StringView("message")).toString().left(500);
        if (error.isString())
            return error.toString().left(500);
    }
    return QString::fromUtf8(body.left(500)).simplified();
}

} // namespace

std::optional<LlmSettings> LlmSettings::fromConfig(const Config &config)
{
    const QString url = config.value(QString::fromLatin1(Config::AiUrl)).trimmed();
    if (url.isEmpty())
        return std::nullopt;
    LlmSettings settings;
    settings.url = url;
    settings.model = config.value(QString::fromLatin1(Config::AiModel)).trimmed();
    settings.key = config.value(QString::fromLatin1(Config::AiKey)).trimmed();
    return settings;
}

QUrl LlmSettings::endpoint() const
{
    QUrl endpoint(url.trimmed());
    QString path = endpoint.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1StringView("/chat/completions")))
        return endpoint.adjusted(QUrl::StripTrailingSlash);
    if (!path.endsWith(QLatin1StringView("/v1")))
        path += QStringLiteral("/v1");
    endpoint.setPath(path + QStringLiteral("/chat/completions"));
    return endpoint;
}

LlmExpert::LlmExpert(LlmSettings settings)
    : m_settings(std::move(settings))
{
}

QString LlmExpert::scrub(QString text) const
{
    if (m_settings.key.size() >= 4)
        text.replace(m_settings.key, QStringLiteral("***"));
    return text;
}

Result<GeneratedComponent> LlmExpert::generate(const ComponentRequest &request, ExpertFamily family,
                                               const TokenPalette &palette,
                                               const std::function<void(const QString &delta)> &onDelta,
                                               const std::atomic_bool *cancelled) const
{
    const QUrl endpoint = m_settings.endpoint();
    const QString where = scrub(redactUrl(endpoint.toString()));
    if (!endpoint.isValid() || endpoint.host().isEmpty()
        || (endpoint.scheme() != QLatin1StringView("http") && endpoint.scheme() != QLatin1StringView("https")))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("HELIOS_AI_URL must be an http or https URL"), where);
    if (cancelled && cancelled->load())
        return makeError(ErrorCode::Conflict, QStringLiteral("the generation was cancelled"), where);

    const QString name = componentName(request, family);
    QJsonObject system{{QStringLiteral("role"), QStringLiteral("system")},
                       {QStringLiteral("content"), llm::systemPrompt(family, name, palette)}};
    QJsonObject user{{QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), llm::userPrompt(request, name)}};
    QJsonObject body{{QStringLiteral("stream"), true}, {QStringLiteral("messages"), QJsonArray{system, user}}};
    if (!m_settings.model.isEmpty())
        body.insert(QStringLiteral("model"), m_settings.model);

    QNetworkRequest httpRequest(endpoint);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    httpRequest.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream"));
    if (!m_settings.key.isEmpty())
        httpRequest.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_settings.key.toUtf8());
    // A redirect could carry the key to another host: none are followed.
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(0);   // the overall timeout below governs

    qCInfo(lcSpark) << "asking the LLM expert at" << where << "for" << name << "(" << familyInfo(family).id
                    << (m_settings.model.isEmpty() ? QStringLiteral("default model") : m_settings.model) << ")";
    QElapsedTimer clock;
    clock.start();

    QNetworkAccessManager network;
    QEventLoop loop;
    QNetworkReply *reply = network.post(httpRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    ChatStream stream(onDelta);
    std::optional<Error> failure;
    enum class Body { Unknown, Stream, Json, Error } kind = Body::Unknown;
    QByteArray plainBody;
    bool timedOut = false;
    bool wasCancelled = false;

    const auto classify = [&] {
        if (kind != Body::Unknown)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
        if (status >= 300 || status == 0)
            kind = Body::Error;
        else if (type.contains(QLatin1StringView("application/json")))
            kind = Body::Json;
        else
            kind = Body::Stream;
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        classify();
        const QByteArray bytes = reply->readAll();
        if (failure)
            return;
        if (kind == Body::Stream) {
            if (auto fed = stream.feed(bytes); !fed.ok()) {
                failure = fed.error();
                reply->abort();
            }
        } else if (plainBody.size() < ChatStream::maxAnswerBytes) {
            plainBody += bytes;
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(m_settings.timeoutMs);
    QTimer cancelPoll;
    if (cancelled) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (cancelled->load()) {
                wasCancelled = true;
                reply->abort();
            }
        });
        cancelPoll.start(50);
    }
    if (!reply->isFinished())
        loop.exec();
    deadline.stop();
    cancelPoll.stop();
    classify();
    if (kind != Body::Stream)
        plainBody += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkErrorText = reply->errorString();
    reply->deleteLater();

    if (wasCancelled)
        return makeError(ErrorCode::Conflict, QStringLiteral("the generation was cancelled"), where);
    if (timedOut)
        return makeError(ErrorCode::Timeout,
                         QStringLiteral("the model did not answer within %1 s").arg(m_settings.timeoutMs / 1000.0), where);
    if (failure)
        return makeError(failure->code, scrub(failure->message), where);
    if (status >= 300 || (status == 0 && networkError != QNetworkReply::NoError)) {
        const QString detail = kind == Body::Error && !plainBody.isEmpty() ? bodyMessage(plainBody.left(maxErrorBody))
                                                                           : networkErrorText;
        const ErrorCode code = status == 401 || status == 403 ? ErrorCode::Unauthenticated
                             : status == 404 ? ErrorCode::NotFound
                             : status == 429 ? ErrorCode::Unavailable
                             : status >= 400 && status < 500 ? ErrorCode::InvalidArgument
                                                             : ErrorCode::Unavailable;
        const QString what = status > 0 ? QStringLiteral("the model's server answered HTTP %1").arg(status)
                                         : QStringLiteral("cannot reach the model's server");
        return makeError(code, scrub(what + (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail)), where);
    }
    if (networkError != QNetworkReply::NoError)
        return makeError(ErrorCode::Unavailable, scrub(QStringLiteral("the model's answer broke off: ") + networkErrorText), where);

    if (kind == Body::Json) {
        // A server that ignored "stream": a whole completion, or an error object, as JSON.
        const QJsonDocument document = QJsonDocument::fromJson(plainBody);
        if (!document.isObject())
            return makeError(ErrorCode::Corrupt, QStringLiteral("the model's server sent JSON that is not an object"), where);
        if (document.object().contains(QLatin1StringView("error")))
            return makeError(ErrorCode::Unavailable,
                             scrub(QStringLiteral("the model reported an error: ") + bodyMessage(plainBody)), where);
        QByteArray asEvent = QByteArrayLiteral("data: ") + QJsonDocument(document.object()).toJson(QJsonDocument::Compact)
            + QByteArrayLiteral("\n\n");
        if (auto fed = stream.feed(asEvent); !fed.ok())
            return makeError(fed.error().code, scrub(fed.error().message), where);
    } else if (auto finished = stream.finish(); !finished.ok()) {
        return makeError(finished.error().code, scrub(finished.error().message), where);
    }
    if (kind == Body::Stream && !stream.done() && stream.finishReason().isEmpty())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the model's stream ended before its [DONE] (after %1 events)").arg(stream.events()),
                         where);
    if (stream.content().trimmed().isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("the model's answer is empty"), where);

    auto files = AnswerFiles::parse(stream.content(), name);
    if (!files.ok())
        return makeError(files.error().code, files.error().message, where);
    GeneratedComponent component;
    component.name = name;
    component.family = family;
    component.expert = QStringLiteral("llm");
    component.files = std::move(files->files);
    component.notes = std::move(files->notes);
    if (stream.finishReason() == QLatin1StringView("length"))
        component.notes << QStringLiteral("the model stopped at its length limit: files may be incomplete");
    qCInfo(lcSpark) << "the LLM expert wrote" << component.files.size() << "files for" << name << "in"
                    << clock.elapsed() << "ms";
    return component;
}

} // namespace helios::spark
