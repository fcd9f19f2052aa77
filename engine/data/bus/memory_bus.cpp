// SPDX-License-Identifier: Apache-2.0
#include "bus/memory_bus.h"

#include "bus/subject_pattern.h"
#include "core/logging.h"

#include <QHash>
#include <QSet>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace helios::data {

namespace {
// How long a handler that returned false waits before it sees the same event again:
// long enough not to spin on a failing consumer, short enough for tests and UIs.
constexpr std::chrono::milliseconds RedeliveryDelay{200};
} // namespace

struct MemoryBus::Log {
    struct Entry {
        quint64 seq;
        Event event;
    };

    explicit Log(int capacity) : capacity(capacity) {}

    // The first sequence a new durable starts at, under `mutex`.
    quint64 oldestSeq() const { return entries.empty() ? nextSeq : entries.front().seq; }

    std::mutex mutex;
    // Signalled on every publish and every stop request; all workers share it.
    std::condition_variable changed;
    std::deque<Entry> entries;  // contiguous sequences: entries[i].seq == front().seq + i
    QSet<QString> ids;          // the ids in `entries`, for de-duplication
    quint64 nextSeq = 1;
    const int capacity;
    QHash<QString, quint64> ackedByDurable;  // last acknowledged (or skipped) sequence
    QSet<QString> activeDurables;
};

namespace {

struct WorkerState {
    SubjectPattern pattern;
    QString durable;
    Bus::Handler handler;
    quint64 cursor = 0;  // the next sequence to look at
    bool stop = false;   // guarded by Log::mutex
};

void runWorker(const std::shared_ptr<MemoryBus::Log> &log, const std::shared_ptr<WorkerState> &state)
{
    std::unique_lock lock(log->mutex);
    const auto advance = [&](quint64 next) {
        state->cursor = next;
        if (!state->durable.isEmpty())
            log->ackedByDurable.insert(state->durable, next - 1);
    };
    while (!state->stop) {
        if (state->cursor >= log->nextSeq) {
            log->changed.wait(lock);
            continue;
        }
        const quint64 oldest = log->oldestSeq();
        if (state->cursor < oldest) {
            qCWarning(lcBus) << "subscriber fell behind the in-memory log; skipped"
                             << (oldest - state->cursor) << "events";
            advance(oldest);
            continue;
        }
        const auto &entry = log->entries[state->cursor - oldest];
        if (!state->pattern.matches(entry.event.type)) {
            advance(entry.seq + 1);
            continue;
        }
        const quint64 seq = entry.seq;
        const Event event = entry.event;  // the entry may be evicted while the handler runs
        lock.unlock();
        const bool acknowledged = state->handler(event);
        lock.lock();
        if (acknowledged) {
            advance(seq + 1);
        } else {
            log->changed.wait_for(lock, RedeliveryDelay, [&] { return state->stop; });
        }
    }
    if (!state->durable.isEmpty())
        log->activeDurables.remove(state->durable);
}

class MemorySubscription final : public Subscription {
public:
    MemorySubscription(std::shared_ptr<MemoryBus::Log> log, std::shared_ptr<WorkerState> state)
        : m_log(std::move(log)), m_state(std::move(state))
    {
        m_worker = std::thread([log = m_log, state = m_state] { runWorker(log, state); });
    }

    ~MemorySubscription() override
    {
        {
            std::lock_guard lock(m_log->mutex);
            m_state->stop = true;
        }
        m_log->changed.notify_all();
        // Destroyed from inside its own handler: the handler is the one running, and the
        // worker leaves its loop as soon as it returns, so joining would only deadlock.
        if (m_worker.get_id() == std::this_thread::get_id())
            m_worker.detach();
        else
            m_worker.join();
    }

private:
    std::shared_ptr<MemoryBus::Log> m_log;
    std::shared_ptr<WorkerState> m_state;
    std::thread m_worker;
};

} // namespace

MemoryBus::MemoryBus(int logCapacity) : m_log(std::make_shared<Log>(qMax(1, logCapacity))) {}

MemoryBus::~MemoryBus() = default;

QString MemoryBus::kind() const { return QStringLiteral("memory"); }

QString MemoryBus::location() const { return QStringLiteral("in-process"); }

Result<void> MemoryBus::publish(const Event &event)
{
    if (const QString problem = publishProblem(event); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, QStringLiteral("memory bus"));
    {
        std::lock_guard lock(m_log->mutex);
        if (m_log->ids.contains(event.id))
            return {};  // already stored: publishing is idempotent on the id
        m_log->entries.push_back(Log::Entry{m_log->nextSeq++, event});
        m_log->ids.insert(event.id);
        if (m_log->entries.size() > size_t(m_log->capacity)) {
            m_log->ids.remove(m_log->entries.front().event.id);
            m_log->entries.pop_front();
        }
    }
    m_log->changed.notify_all();
    return {};
}

Result<std::unique_ptr<Subscription>> MemoryBus::subscribe(const SubscribeOptions &options,
                                                           Handler handler)
{
    auto pattern = SubjectPattern::parse(options.pattern);
    if (!pattern.ok())
        return pattern.error();
    if (!handler)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("subscribe needs a handler"));
    auto state = std::make_shared<WorkerState>();
    state->pattern = std::move(*pattern);
    state->durable = options.durable;
    state->handler = std::move(handler);
    {
        std::lock_guard lock(m_log->mutex);
        if (options.durable.isEmpty()) {
            state->cursor = m_log->nextSeq;
        } else {
            if (m_log->activeDurables.contains(options.durable))
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("durable \"%1\" already has a live subscription")
                                     .arg(options.durable),
                                 QStringLiteral("memory bus"));
            m_log->activeDurables.insert(options.durable);
            const auto acked = m_log->ackedByDurable.constFind(options.durable);
            state->cursor = acked != m_log->ackedByDurable.cend() ? *acked + 1 : m_log->oldestSeq();
        }
    }
    return std::unique_ptr<Subscription>(std::make_unique<MemorySubscription>(m_log, std::move(state)));
}

Result<void> MemoryBus::ping() { return {}; }

} // namespace helios::data
