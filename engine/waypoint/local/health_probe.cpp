// SPDX-License-Identifier: Apache-2.0
#include "waypoint/health_probe.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace helios::waypoint {

namespace {

// How often a wait looks at `cancelled`.
constexpr int kCancelCheckMs = 50;

bool isCancelled(const std::atomic_bool *cancelled)
{
    return cancelled && cancelled->load();
}

// base + path, keeping base's own path: "http://h/deployments/x/" + "/healthz.txt" is
// "http://h/deployments/x/healthz.txt" (QUrl::resolved would drop the deployment).
QUrl probeUrlFor(const QUrl &base, const QString &checkPath)
{
    QUrl url = base;
    QString path = checkPath.isEmpty() ? QStringLiteral("/") : checkPath;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    if (question >= 0) {
        url.setQuery(path.mid(question + 1));
        path.truncate(question);
    }
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    return url;
}

struct Attempt {
    int status = 0;  // 0: no HTTP answer
    QString problem; // why there was none: "connection refused", "no answer within 2000 ms"
};

// One GET, bounded by `timeoutMs` from start to the end of the body, on a loop of the
// calling thread's own.
Attempt getOnce(QNetworkAccessManager &network, const QUrl &url, int timeoutMs, const std::atomic_bool *cancelled)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("User-Agent", "helios-waypoint-health");
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QEventLoop loop;
    bool timedOut = false;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QTimer cancelCheck;
    QObject::connect(&cancelCheck, &QTimer::timeout, &loop, [&] {
        if (isCancelled(cancelled))
            reply->abort();
    });
    deadline.start(std::max(1, timeoutMs));
    cancelCheck.start(kCancelCheckMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    Attempt attempt;
    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut)
        attempt.problem = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    else if (isCancelled(cancelled))
        attempt.problem = QStringLiteral("cancelled");
    else if (attempt.status == 0)
        attempt.problem = reply->errorString();
    if (timedOut || isCancelled(cancelled))
        attempt.status = 0;
    return attempt;
}

// Waits `ms`, waking early when cancelled.
void pause(int ms, const std::atomic_bool *cancelled)
{
    QDeadlineTimer until(std::max(0, ms));
    while (!until.hasExpired() && !isCancelled(cancelled))
        QThread::msleep(std::min<qint64>(kCancelCheckMs, std::max<qint64>(1, until.remainingTime())));
}

} // namespace

Result<HealthResult> probeHealth(const QUrl &base, const HealthCheck &check, const std::atomic_bool *cancelled)
{
    const QUrl url = probeUrlFor(base, check.path);
    if (!url.isValid() || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https")))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("health check needs an http(s) URL"),
                         url.toString(QUrl::RemoveUserInfo));
    const int attempts = std::max(1, check.attempts);
    const int threshold = std::clamp(check.successThreshold, 1, attempts);

    QNetworkAccessManager network;
    // A proxy from the environment must not stand between the probe and this machine.
    if (QHostAddress(url.host()).isLoopback() || url.host() == QLatin1StringView("localhost"))
        network.setProxy(QNetworkProxy::NoProxy);

    HealthResult result;
    QString lastProblem;
    for (int i = 0; i < attempts && !isCancelled(cancelled); ++i) {
        if (i > 0)
            pause(check.intervalMs, cancelled);
        if (isCancelled(cancelled))
            break;
        const Attempt attempt = getOnce(network, url, check.timeoutMs, cancelled);
        ++result.attempts;
        result.lastStatus = attempt.status;
        lastProblem = attempt.problem;
        if (attempt.status >= 200 && attempt.status < 300)
            ++result.successes;
        else
            result.successes = 0;
        qCDebug(lcWaypoint) << "health probe" << result.attempts << "of" << attempts << url.path() << "->"
                            << attempt.status << attempt.problem;
        if (result.successes >= threshold)
            break;
        // Stop as soon as the threshold is out of reach.
        if (result.successes + (attempts - result.attempts) < threshold)
            break;
    }

    const QString shown = url.path() + (url.hasQuery() ? QLatin1Char('?') + url.query() : QString());
    if (result.successes >= threshold) {
        result.summary = QStringLiteral("%1 of %2 probes of %3 answered %4")
                             .arg(result.successes)
                             .arg(result.attempts)
                             .arg(shown)
                             .arg(result.lastStatus);
        return result;
    }
    const QString answer = result.lastStatus != 0 ? QString::number(result.lastStatus) : lastProblem;
    result.summary = QStringLiteral("GET %1: %2 (%3 attempts, %4 consecutive 2xx needed)")
                         .arg(shown, isCancelled(cancelled) ? QStringLiteral("cancelled") : answer)
                         .arg(result.attempts)
                         .arg(threshold);
    return makeError(ErrorCode::Unavailable, result.summary, url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

} // namespace helios::waypoint
