// SPDX-License-Identifier: Apache-2.0
#include "bus/nats_subscription.h"

#include "bus/nats_connection.h"
#include "core/logging.h"

#include <QCryptographicHash>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace helios::data {

namespace {
constexpr int64_t Nanos = 1000 * 1000;  // per millisecond
// A fetch waits this long for a message; a stop request interrupts it earlier.
constexpr int64_t FetchWaitMs = 1000;
constexpr int64_t RedeliveryDelayMs = 200;
constexpr int64_t AckWaitMs = 30000;
// How many connect timeouts an acknowledgement may spend retrying through a reconnect.
constexpr int AckBudgetTimeouts = 4;
// How long the server keeps an ephemeral consumer whose subscriber stopped asking.
constexpr int64_t EphemeralInactiveMs = 60000;
constexpr auto ErrorPause = std::chrono::milliseconds(200);
// After this many idle fetches the worker checks that its consumer still exists.
constexpr int IdleFetchesBeforeCheck = 10;
} // namespace

struct NatsSubscription::Worker {
    std::shared_ptr<NatsConnection> connection;
    QByteArray filter;
    QByteArray durable;   // empty: ephemeral
    QByteArray consumer;  // the bound consumer (== durable, or a server-assigned name)
    Bus::Handler handler;
    uint64_t lastSeq = 0;  // the last stream sequence acknowledged or terminated
    uint64_t startSeq = 0; // where an ephemeral began, for re-creating it

    std::mutex mutex;  // guards sub, stop and fetching
    std::condition_variable stopped;
    natsSubscription *sub = nullptr;
    bool stop = false;
    bool fetching = false;  // waiting in a fetch, which a stop may interrupt
    std::thread thread;

    jsOptions apiOptions() const
    {
        jsOptions o;
        jsOptions_Init(&o);
        o.Wait = connection->timeoutMs();
        return o;
    }
    bool stopping()
    {
        std::lock_guard lock(mutex);
        return stop;
    }
    Result<void> createConsumer(bool again);
    Result<natsSubscription *> bind();
    void run();
    void handle(natsMsg *msg);
    void ack(natsMsg *msg);
    void recoverConsumer();
};

Result<void> NatsSubscription::Worker::createConsumer(bool again)
{
    jsConsumerConfig cc;
    jsConsumerConfig_Init(&cc);
    cc.Durable = durable.isEmpty() ? nullptr : durable.constData();
    cc.FilterSubject = filter.constData();
    cc.AckPolicy = js_AckExplicit;
    cc.AckWait = AckWaitMs * Nanos;
    // One message in flight: redeliveries cannot overtake later events.
    cc.MaxAckPending = 1;
    if (durable.isEmpty())
        cc.InactiveThreshold = EphemeralInactiveMs * Nanos;
    const uint64_t resumeAt = lastSeq ? lastSeq + 1 : startSeq;
    if (again && resumeAt > 0) {
        cc.DeliverPolicy = js_DeliverByStartSequence;
        cc.OptStartSeq = resumeAt;
    } else {
        cc.DeliverPolicy = durable.isEmpty() ? js_DeliverNew : js_DeliverAll;
    }
    jsOptions o = apiOptions();
    jsConsumerInfo *info = nullptr;
    jsErrCode jerr = jsErrCode(0);
    natsStatus s = js_AddConsumer(&info, connection->jetStream(), NatsConnection::StreamName, &cc, &o, &jerr);
    if (s != NATS_OK && !durable.isEmpty()) {
        // The durable exists with settings that cannot change (it was re-created at a
        // start sequence): keep it, its position is what matters.
        const natsStatus addStatus = s;
        const jsErrCode addError = jerr;
        s = js_GetConsumerInfo(&info, connection->jetStream(), NatsConnection::StreamName,
                               durable.constData(), &o, &jerr);
        if (s != NATS_OK) {
            s = addStatus;
            jerr = addError;
        } else if (QByteArray(info->Config->FilterSubject) != filter) {
            const QString existing = QString::fromUtf8(info->Config->FilterSubject);
            jsConsumerInfo_Destroy(info);
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("durable \"%1\" already exists for pattern \"%2\", not \"%3\"")
                                 .arg(QString::fromUtf8(durable), existing, QString::fromUtf8(filter)),
                             connection->location());
        }
    }
    if (s != NATS_OK)
        return makeError(s == NATS_TIMEOUT || s == NATS_CONNECTION_DISCONNECTED ? ErrorCode::Unavailable
                                                                                 : ErrorCode::Internal,
                         QStringLiteral("cannot create the JetStream consumer for \"%1\": %2")
                             .arg(QString::fromUtf8(filter), connection->describe(s, jerr)),
                         connection->location());
    consumer = QByteArray(info->Name);
    if (durable.isEmpty() && startSeq == 0)
        startSeq = info->Delivered.Stream + 1;  // DeliverNew: the first sequence it can see
    jsConsumerInfo_Destroy(info);
    return {};
}

Result<natsSubscription *> NatsSubscription::Worker::bind()
{
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = NatsConnection::StreamName;
    so.Consumer = consumer.constData();  // bound, so cnats never deletes the consumer
    jsOptions o = apiOptions();
    natsSubscription *created = nullptr;
    jsErrCode jerr = jsErrCode(0);
    const natsStatus s = js_PullSubscribe(&created, connection->jetStream(), filter.constData(),
                                          consumer.constData(), &o, &so, &jerr);
    if (s != NATS_OK)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot subscribe to the JetStream consumer %1: %2")
                             .arg(QString::fromUtf8(consumer), connection->describe(s, jerr)),
                         connection->location());
    return created;
}

void NatsSubscription::Worker::ack(natsMsg *msg)
{
    // Synchronous, so that once the handler returned true and this returned, a new
    // subscriber of the same durable starts after this event. An acknowledgement lost to
    // a server restart is sent again once the client is back: the server still holds the
    // event as pending, and with one event in flight the consumer would otherwise stall
    // for the whole ack wait.
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(AckBudgetTimeouts * connection->timeoutMs());
    auto pause = std::chrono::milliseconds(50);
    for (;;) {
        jsOptions o = apiOptions();
        jsErrCode jerr = jsErrCode(0);
        const natsStatus s = natsMsg_AckSync(msg, &o, &jerr);
        if (s == NATS_OK)
            return;
        const bool retry = s == NATS_TIMEOUT || s == NATS_NO_RESPONDERS || s == NATS_CONNECTION_DISCONNECTED
                           || s == NATS_NOT_YET_CONNECTED || s == NATS_IO_ERROR;
        if (!retry || Clock::now() + pause >= deadline) {
            qCWarning(lcBus) << "acknowledgement not confirmed; the event may come again and be skipped:"
                             << natsStatus_GetText(s);
            return;
        }
        qCDebug(lcBus) << "acknowledgement failed, retrying:" << natsStatus_GetText(s);
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(1000));
    }
}

void NatsSubscription::Worker::handle(natsMsg *msg)
{
    uint64_t seq = 0;
    jsMsgMetaData *meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
        seq = meta->Sequence.Stream;
        jsMsgMetaData_Destroy(meta);
    }
    if (seq != 0 && seq <= lastSeq) {
        ack(msg);  // handled already; only its acknowledgement got lost
        return;
    }
    if (stopping()) {
        natsMsg_Nak(msg, nullptr);  // leave it to the next subscriber, at once
        return;
    }
    const auto event = Event::fromJson(
        QByteArray::fromRawData(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)));
    if (!event.ok()) {
        qCWarning(lcBus).nospace() << "dropping a malformed event on " << natsMsg_GetSubject(msg)
                                   << " (stream sequence " << seq << "): " << event.error().message;
        natsMsg_Term(msg, nullptr);  // never redelivered: it would block the consumer
        lastSeq = qMax(lastSeq, seq);
        return;
    }
    if (handler(*event)) {
        ack(msg);
        lastSeq = qMax(lastSeq, seq);
    } else {
        natsMsg_NakWithDelay(msg, RedeliveryDelayMs, nullptr);
    }
}

void NatsSubscription::Worker::recoverConsumer()
{
    if (natsConnection_Status(connection->connection()) != NATS_CONN_STATUS_CONNECTED)
        return;  // the client is still reconnecting; the consumer may be fine
    jsOptions o = apiOptions();
    jsConsumerInfo *info = nullptr;
    jsErrCode jerr = jsErrCode(0);
    const natsStatus s = js_GetConsumerInfo(&info, connection->jetStream(), NatsConnection::StreamName,
                                            consumer.constData(), &o, &jerr);
    jsConsumerInfo_Destroy(info);
    if (s == NATS_OK || (s != NATS_NOT_FOUND && jerr != JSConsumerNotFoundErr))
        return;
    qCWarning(lcBus) << "JetStream consumer" << consumer << "is gone; creating it again at stream sequence"
                     << (lastSeq ? lastSeq + 1 : startSeq);
    auto created = createConsumer(true);
    if (!created.ok()) {
        qCWarning(lcBus) << created.error().toString();
        return;
    }
    auto bound = bind();
    if (!bound.ok()) {
        qCWarning(lcBus) << bound.error().toString();
        return;
    }
    std::lock_guard lock(mutex);
    natsSubscription_Destroy(sub);
    sub = *bound;
    if (stop)
        natsSubscription_Unsubscribe(sub);
}

void NatsSubscription::Worker::run()
{
    int idleFetches = 0;
    for (;;) {
        natsSubscription *current = nullptr;
        {
            std::lock_guard lock(mutex);
            if (stop)
                break;
            current = sub;
            fetching = true;
        }
        natsMsgList list{nullptr, 0};
        jsErrCode jerr = jsErrCode(0);
        const natsStatus s = natsSubscription_Fetch(&list, current, 1, FetchWaitMs, &jerr);
        {
            std::lock_guard lock(mutex);
            fetching = false;
        }
        if (s == NATS_OK) {
            idleFetches = 0;
            for (int i = 0; i < list.Count; ++i)
                handle(list.Msgs[i]);
            natsMsgList_Destroy(&list);
            continue;
        }
        if (stopping())
            break;
        if (s == NATS_TIMEOUT) {
            if (++idleFetches % IdleFetchesBeforeCheck == 0)
                recoverConsumer();
            continue;
        }
        qCDebug(lcBus) << "fetch from" << consumer << "failed:" << natsStatus_GetText(s);
        {
            std::unique_lock lock(mutex);
            stopped.wait_for(lock, ErrorPause, [this] { return stop; });
        }
        recoverConsumer();
    }
    natsSubscription_Destroy(sub);
    sub = nullptr;
    if (durable.isEmpty()) {
        jsOptions o = apiOptions();
        js_DeleteConsumer(connection->jetStream(), NatsConnection::StreamName, consumer.constData(), &o,
                          nullptr);
    }
}

NatsSubscription::NatsSubscription(std::shared_ptr<Worker> worker) : m_worker(std::move(worker)) {}

Result<std::unique_ptr<Subscription>> NatsSubscription::start(std::shared_ptr<NatsConnection> connection,
                                                              const Bus::SubscribeOptions &options,
                                                              Bus::Handler handler)
{
    auto worker = std::make_shared<Worker>();
    worker->connection = std::move(connection);
    worker->filter = options.pattern.toUtf8();
    worker->durable = options.durable.isEmpty() ? QByteArray() : consumerName(options.durable).toUtf8();
    worker->handler = std::move(handler);
    HELIOS_TRY(worker->createConsumer(false));
    auto bound = worker->bind();
    if (!bound.ok()) {
        if (worker->durable.isEmpty()) {
            jsOptions o = worker->apiOptions();
            js_DeleteConsumer(worker->connection->jetStream(), NatsConnection::StreamName,
                              worker->consumer.constData(), &o, nullptr);
        }
        return bound.error();
    }
    worker->sub = *bound;
    // The thread holds the worker, so a subscription destroyed from inside its own
    // handler can detach and let the worker finish cleaning up.
    worker->thread = std::thread([worker] { worker->run(); });
    return std::unique_ptr<Subscription>(new NatsSubscription(std::move(worker)));
}

NatsSubscription::~NatsSubscription()
{
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->stop = true;
        // Wakes a waiting fetch (the consumer is bound, so cnats keeps it). Not while an
        // event is handled: its acknowledgement still has to go out.
        if (m_worker->fetching)
            natsSubscription_Unsubscribe(m_worker->sub);
    }
    m_worker->stopped.notify_all();
    if (m_worker->thread.get_id() == std::this_thread::get_id())
        m_worker->thread.detach();
    else
        m_worker->thread.join();
}

QString NatsSubscription::consumerName(const QString &durable)
{
    QString name;
    name.reserve(durable.size());
    bool changed = false;
    for (const QChar c : durable) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                             || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                             || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
                             || c == QLatin1Char('-');
        name.append(allowed ? c : QLatin1Char('_'));
        changed = changed || !allowed;
    }
    constexpr qsizetype MaxLength = 64;
    if (changed || name.size() > MaxLength) {
        const QByteArray digest =
            QCryptographicHash::hash(durable.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
        name = name.left(MaxLength) + QLatin1Char('_') + QString::fromLatin1(digest);
    }
    return name;
}

} // namespace helios::data
