// SPDX-License-Identifier: Apache-2.0
#include "bus/nats_connection.h"

#include "core/config.h"
#include "core/logging.h"

#include <QUrl>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

namespace helios::data {

namespace {

constexpr int ReconnectWaitMs = 250;
constexpr int ReconnectBufferBytes = 8 * 1024 * 1024;
constexpr int64_t DuplicateWindowNs = int64_t(120) * 1000 * 1000 * 1000;  // 2 minutes
// How many connect timeouts a publish may spend retrying through a reconnect.
constexpr int PublishBudgetTimeouts = 4;

struct ParsedServers {
    std::vector<QByteArray> urls;  // without user info
    QString user;
    QString password;
    bool secure = false;
};

Result<ParsedServers> parseServers(const QString &natsUrl, const QString &clusterUrl)
{
    ParsedServers parsed;
    QStringList all = natsUrl.split(QLatin1Char(','), Qt::SkipEmptyParts);
    all += clusterUrl.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : std::as_const(all)) {
        const QString text = raw.trimmed();
        const QUrl url(text, QUrl::StrictMode);
        const auto malformed = [&](const QString &why) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("malformed NATS URL: ") + why, redactUrl(text));
        };
        if (!url.isValid())
            return malformed(url.errorString());
        const QString scheme = url.scheme();
        if (scheme != QLatin1String("nats") && scheme != QLatin1String("tls"))
            return malformed(QStringLiteral("the scheme must be nats:// or tls://"));
        if (url.host().isEmpty())
            return malformed(QStringLiteral("no host"));
        if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
            return malformed(QStringLiteral("unexpected path \"%1\"").arg(url.path()));
        if (scheme == QLatin1String("tls"))
            parsed.secure = true;
        // cnats would take credentials from the URL as they are, without percent-decoding;
        // QUrl decodes them, and they go to the library once, through natsOptions.
        if (!url.userName().isEmpty() && parsed.user.isEmpty()) {
            parsed.user = url.userName(QUrl::FullyDecoded);
            parsed.password = url.password(QUrl::FullyDecoded);
        }
        QUrl bare = url;
        bare.setUserInfo(QString());
        bare.setScheme(QStringLiteral("nats"));  // cnats takes TLS from natsOptions_SetSecure
        if (bare.port() < 0)
            bare.setPort(4222);
        parsed.urls.push_back(bare.toString(QUrl::RemovePath).toUtf8());
    }
    if (parsed.urls.empty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("NATS_URL is empty"));
    return parsed;
}

ErrorCode connectErrorCode(natsStatus s)
{
    switch (s) {
    case NATS_CONNECTION_AUTH_FAILED:
        return ErrorCode::Unauthenticated;
    case NATS_NOT_PERMITTED:
        return ErrorCode::PermissionDenied;
    case NATS_INVALID_ARG:
        return ErrorCode::InvalidArgument;
    default:
        return ErrorCode::Unavailable;
    }
}

// Failures a reconnecting client or a restarting server produce; anything else (a
// permission error, a wrong subject) will not get better by waiting.
bool transient(natsStatus s, jsErrCode jerr)
{
    switch (s) {
    case NATS_TIMEOUT:
    case NATS_NO_RESPONDERS:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_NOT_YET_CONNECTED:
    case NATS_IO_ERROR:
    case NATS_INSUFFICIENT_BUFFER:
    case NATS_STALE_CONNECTION:
        return true;
    default:
        return jerr == JSClusterNotAvailErr || jerr == JSStreamNotFoundErr;
    }
}

void onDisconnected(natsConnection *nc, void *)
{
    if (!natsConnection_IsClosed(nc))  // not our own close
        qCWarning(lcBus) << "disconnected from NATS; reconnecting";
}
void onReconnected(natsConnection *, void *) { qCInfo(lcBus) << "reconnected to NATS"; }
void onAsyncError(natsConnection *, natsSubscription *, natsStatus err, void *)
{
    qCWarning(lcBus) << "NATS asynchronous error:" << natsStatus_GetText(err);
}

} // namespace

QString NatsConnection::describe(natsStatus status, jsErrCode jsError) const
{
    QString text = QString::fromUtf8(natsStatus_GetText(status));
    natsStatus lastStatus = NATS_OK;
    const char *last = nats_GetLastError(&lastStatus);
    if (last && *last && lastStatus == status)
        text += QStringLiteral(" (") + QString::fromUtf8(last) + QLatin1Char(')');
    if (jsError != 0)
        text += QStringLiteral(" [JetStream error %1]").arg(int(jsError));
    if (!m_password.isEmpty())
        text.replace(m_password, QStringLiteral("***"));
    return text;
}

Result<std::shared_ptr<NatsConnection>> NatsConnection::open(const Config &config)
{
    auto servers = parseServers(config.natsUrl(), config.natsClusterUrl());
    if (!servers.ok())
        return servers.error();
    std::shared_ptr<NatsConnection> self(new NatsConnection);
    self->m_timeoutMs = qMax(100, config.connectTimeoutMs());
    self->m_password = servers->password;
    QStringList redacted;
    for (const QString &url : config.natsUrl().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                  + config.natsClusterUrl().split(QLatin1Char(','), Qt::SkipEmptyParts))
        redacted.append(redactUrl(url.trimmed()));
    self->m_location = redacted.join(QLatin1Char(','));

    natsOptions *opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    std::vector<const char *> urls;
    for (const QByteArray &url : servers->urls)
        urls.push_back(url.constData());
    const QByteArray user = servers->user.toUtf8();
    const QByteArray password = servers->password.toUtf8();
    if (s == NATS_OK)
        s = natsOptions_SetServers(opts, urls.data(), int(urls.size()));
    if (s == NATS_OK && !user.isEmpty()) {
        // A user without a password is a token, as in nats://token@host.
        s = password.isEmpty() ? natsOptions_SetToken(opts, user.constData())
                               : natsOptions_SetUserInfo(opts, user.constData(), password.constData());
    }
    if (s == NATS_OK && servers->secure)
        s = natsOptions_SetSecure(opts, true);
    if (s == NATS_OK)
        s = natsOptions_SetName(opts, "helios");
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(opts, self->m_timeoutMs);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(opts, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(opts, ReconnectWaitMs);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectBufSize(opts, ReconnectBufferBytes);
    // Down at start is an error the caller sees, not a silent background retry.
    if (s == NATS_OK)
        s = natsOptions_SetRetryOnFailedConnect(opts, false, nullptr, nullptr);
    // A request (a JetStream publish) fails at once on a disconnect instead of waiting
    // out its timeout, so publish() can retry as soon as the client is back.
    if (s == NATS_OK)
        s = natsOptions_SetFailRequestsOnDisconnect(opts, true);
    if (s == NATS_OK)
        s = natsOptions_SetDisconnectedCB(opts, onDisconnected, nullptr);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectedCB(opts, onReconnected, nullptr);
    if (s == NATS_OK)
        s = natsOptions_SetErrorHandler(opts, onAsyncError, nullptr);
    if (s != NATS_OK) {
        const Error error = makeError(ErrorCode::InvalidArgument,
                                      QStringLiteral("invalid NATS options: ") + self->describe(s),
                                      self->m_location);
        natsOptions_Destroy(opts);
        return error;
    }
    s = natsConnection_Connect(&self->m_nc, opts);
    natsOptions_Destroy(opts);
    if (s != NATS_OK) {
        self->m_nc = nullptr;
        return makeError(connectErrorCode(s),
                         QStringLiteral("cannot connect to NATS: ") + self->describe(s), self->m_location);
    }

    jsOptions jsOpts;
    jsOptions_Init(&jsOpts);
    jsOpts.Wait = self->m_timeoutMs;
    s = natsConnection_JetStream(&self->m_js, self->m_nc, &jsOpts);
    if (s != NATS_OK)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("cannot create a JetStream context: ") + self->describe(s),
                         self->m_location);
    HELIOS_TRY(self->ensureStream());
    qCInfo(lcBus) << "connected to NATS at" << self->m_location;
    return self;
}

NatsConnection::~NatsConnection()
{
    jsCtx_Destroy(m_js);
    if (m_nc) {
        natsConnection_Close(m_nc);
        natsConnection_Destroy(m_nc);
    }
}

Result<void> NatsConnection::ensureStream()
{
    const QStringList filters = eventSubjectFilters();
    std::vector<QByteArray> subjectBytes;
    for (const QString &f : filters)
        subjectBytes.push_back(f.toUtf8());
    std::vector<const char *> subjects;
    for (const QByteArray &b : subjectBytes)
        subjects.push_back(b.constData());

    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = StreamName;
    cfg.Subjects = subjects.data();
    cfg.SubjectsLen = int(subjects.size());
    cfg.Storage = js_FileStorage;
    cfg.Duplicates = DuplicateWindowNs;

    jsErrCode jerr = jsErrCode(0);
    natsStatus s = js_AddStream(nullptr, m_js, &cfg, nullptr, &jerr);
    if (s != NATS_OK && jerr == JSStreamNameExistErr) {
        // The stream exists with another configuration (an older subject list): bring
        // it up to date rather than fail.
        jerr = jsErrCode(0);
        s = js_UpdateStream(nullptr, m_js, &cfg, nullptr, &jerr);
    }
    if (s == NATS_OK)
        return {};
    const ErrorCode code = (jerr == JSNotEnabledForAccountErr || s == NATS_NO_RESPONDERS)
                               ? ErrorCode::Unsupported
                               : connectErrorCode(s);
    return makeError(code,
                     QStringLiteral("cannot create or update the JetStream stream %1 (is JetStream enabled?): %2")
                         .arg(QLatin1StringView(StreamName), describe(s, jerr)),
                     m_location);
}

Result<void> NatsConnection::publish(const Event &event)
{
    if (const QString problem = publishProblem(event); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, m_location);
    const QByteArray subject = event.type.toUtf8();
    const QByteArray msgId = event.id.toUtf8();
    const QByteArray payload = event.toJson();
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(PublishBudgetTimeouts * m_timeoutMs);
    std::chrono::milliseconds backoff{50};
    for (int attempt = 1;; ++attempt) {
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        jsPubOptions po;
        jsPubOptions_Init(&po);
        po.MsgId = msgId.constData();  // the same id on every attempt: the server de-duplicates
        po.ExpectStream = StreamName;
        po.MaxWait = std::clamp<int64_t>(int64_t(remaining), 100, m_timeoutMs);
        jsPubAck *ack = nullptr;
        jsErrCode jerr = jsErrCode(0);
        const natsStatus s = js_Publish(&ack, m_js, subject.constData(), payload.constData(),
                                        int(payload.size()), &po, &jerr);
        jsPubAck_Destroy(ack);
        if (s == NATS_OK) {
            if (attempt > 1)
                qCInfo(lcBus) << "event" << event.id << "stored after" << attempt << "attempts";
            return {};
        }
        if (!transient(s, jerr))
            return makeError(s == NATS_CONNECTION_CLOSED ? ErrorCode::Unavailable : ErrorCode::Internal,
                             QStringLiteral("cannot publish %1: %2").arg(event.type, describe(s, jerr)),
                             m_location);
        if (Clock::now() + backoff >= deadline)
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("NATS did not acknowledge event %1 within %2 ms (%3 attempts): %4")
                                 .arg(event.id)
                                 .arg(PublishBudgetTimeouts * m_timeoutMs)
                                 .arg(attempt)
                                 .arg(describe(s, jerr)),
                             m_location);
        qCDebug(lcBus) << "publish of" << event.id << "failed, retrying:" << natsStatus_GetText(s);
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
    }
}

Result<void> NatsConnection::ping()
{
    const natsStatus s = natsConnection_FlushTimeout(m_nc, m_timeoutMs);
    if (s != NATS_OK)
        return makeError(ErrorCode::Unavailable, QStringLiteral("NATS does not answer: ") + describe(s),
                         m_location);
    return {};
}

} // namespace helios::data
