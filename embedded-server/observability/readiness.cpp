// SPDX-License-Identifier: Apache-2.0
#include "readiness.h"

#include "core/logging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <utility>
#include <vector>

namespace helios::server {

namespace {
void deliver(QObject *context, const Readiness::Callback &done, const ReadinessReport &report) {
    // Queued even on the same thread: check() promises never to call back re-entrantly.
    QMetaObject::invokeMethod(
        context, [done, report] { done(report); }, Qt::QueuedConnection);
}
} // namespace

struct Readiness::Private {
    QList<BackendProbe> probes;
    Options options;
    QThreadPool pool;

    // One flag per probe: a ping of it is running on the pool (perhaps from a round that
    // already timed out). Only touched on the owner's thread.
    std::vector<bool> busy;

    quint64 roundId = 0;
    bool roundRunning = false;
    std::vector<std::optional<BackendCheck>> results;
    int pending = 0;
    QList<std::pair<QPointer<QObject>, Callback>> waiters;

    std::optional<ReadinessReport> last;
    QElapsedTimer lastAge;
    QStringList lastFailing;
};

Readiness::Readiness(Engine &engine, Options options, QObject *parent)
    : Readiness(engineProbes(engine), options, parent) {}

Readiness::Readiness(QList<BackendProbe> probes, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    d->probes = std::move(probes);
    d->options = options;
    d->busy.assign(std::size_t(d->probes.size()), false);
    // One thread per probe is enough: a probe is never pinged twice at once.
    d->pool.setMaxThreadCount(std::max<int>(1, int(d->probes.size())));
    d->pool.setObjectName(QStringLiteral("helios-readiness"));
}

Readiness::~Readiness() {
    // The workers post their results to this object; wait for them while it still
    // exists (results posted meanwhile are discarded with it).
    d->pool.waitForDone();
}

std::optional<ReadinessReport> Readiness::lastReport() const {
    return d->last;
}

void Readiness::check(QObject *context, Callback done) {
    if (!context || !done)
        return;
    if (d->last && d->lastAge.isValid() &&
        d->lastAge.elapsed() <
            std::chrono::duration_cast<std::chrono::milliseconds>(d->options.cacheFor).count()) {
        ReadinessReport cached = *d->last;
        cached.cached = true;
        deliver(context, done, cached);
        return;
    }
    d->waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!d->roundRunning)
        startRound();
}

void Readiness::startRound() {
    d->roundRunning = true;
    const quint64 round = ++d->roundId;
    d->results.assign(std::size_t(d->probes.size()), std::nullopt);
    d->pending = int(d->probes.size());
    const double timeoutMs = double(d->options.timeout.count());

    for (int i = 0; i < int(d->probes.size()); ++i) {
        const BackendProbe &probe = d->probes.at(i);
        if (d->busy[std::size_t(i)]) {
            d->results[std::size_t(i)] = BackendCheck{
                probe.name, probe.kind, false,
                true,       timeoutMs,  QStringLiteral("the previous ping has not answered yet")};
            --d->pending;
            continue;
        }
        d->busy[std::size_t(i)] = true;
        Readiness *target = this;
        d->pool.start([target, round, i, name = probe.name, kind = probe.kind, ping = probe.ping] {
            QElapsedTimer timer;
            timer.start();
            const Result<void> result =
                ping ? ping()
                     : Result<void>(
                           makeError(ErrorCode::Internal, QStringLiteral("no ping function")));
            BackendCheck check{
                name, kind, result.ok(), false, double(timer.nsecsElapsed()) / 1e6, QString()};
            if (!result.ok())
                check.error = ReadinessReport::redactSecrets(result.error().toString());
            // `target` is alive: its destructor waits for this pool before it goes.
            QMetaObject::invokeMethod(
                target, [target, round, i, check] { target->probeFinished(round, i, check); },
                Qt::QueuedConnection);
        });
    }
    if (d->pending == 0) {
        finishRound();
        return;
    }
    QTimer::singleShot(d->options.timeout, this, [this, round] { roundTimedOut(round); });
}

void Readiness::probeFinished(quint64 round, int index, const BackendCheck &check) {
    d->busy[std::size_t(index)] = false;
    if (!d->roundRunning || round != d->roundId || d->results[std::size_t(index)])
        return; // a late answer to a round that already went out without it
    d->results[std::size_t(index)] = check;
    if (--d->pending == 0)
        finishRound();
}

void Readiness::roundTimedOut(quint64 round) {
    if (!d->roundRunning || round != d->roundId)
        return;
    const double timeoutMs = double(d->options.timeout.count());
    for (int i = 0; i < int(d->probes.size()); ++i) {
        auto &slot = d->results[std::size_t(i)];
        if (slot)
            continue;
        const BackendProbe &probe = d->probes.at(i);
        slot = BackendCheck{
            probe.name, probe.kind,
            false,      true,
            timeoutMs,  QStringLiteral("no answer within %1 ms").arg(d->options.timeout.count())};
    }
    d->pending = 0;
    finishRound();
}

void Readiness::finishRound() {
    ReadinessReport report;
    report.ready = true;
    for (const auto &slot : d->results) {
        report.backends.append(*slot);
        report.ready = report.ready && slot->ok;
    }
    d->roundRunning = false;
    const bool first = !d->last.has_value();
    d->last = report;
    d->lastAge.start();

    const QStringList failing = report.failing();
    if (first || failing != d->lastFailing) {
        if (failing.isEmpty() && !first)
            qCInfo(lcServer) << "readiness: every back end answers";
        for (const BackendCheck &check : std::as_const(report.backends)) {
            if (!check.ok)
                qCWarning(lcServer) << "readiness:" << check.name << "(" << check.kind
                                    << ") is down:" << check.error;
        }
        d->lastFailing = failing;
        Q_EMIT readinessChanged(report);
    }

    const auto waiters = std::exchange(d->waiters, {});
    for (const auto &[context, done] : waiters) {
        if (context)
            deliver(context, done, report);
    }
}

} // namespace helios::server
