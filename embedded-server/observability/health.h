// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

namespace helios::server {

// The body of /healthz: "the process is alive and its event loop answers". It checks no
// back end on purpose (that is /readyz): a liveness probe that fails because Redis is
// down would make an orchestrator restart a healthy server.
//   {"status": "ok", "version": "0.1.0", "uptime_seconds": 12.5,
//    "started": "2026-11-27T20:59:59Z", "pid": 1234}
// Create it when the server starts; uptime counts from then on a monotonic clock.
class Health {
public:
    explicit Health(QString version);

    QJsonObject body() const;
    QByteArray bodyBytes() const; // compact UTF-8 JSON
    double uptimeSeconds() const;
    QString version() const { return m_version; }

private:
    QString m_version;
    QDateTime m_started;
    QElapsedTimer m_uptime;
};

} // namespace helios::server
