// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace helios::server {

// Asks each upstream node's /healthz every few seconds, off nothing but the event loop,
// so the landing page can show the health of subsystems that run elsewhere without
// waiting on them.
class UpstreamMonitor : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, Up, Down };
    struct Status {
        State state = State::Unknown;
        QString detail; // "upstream 10.0.0.2:3001", or why it is down
    };

    UpstreamMonitor(QHash<QString, QUrl> upstreams, QSslConfiguration tls, QObject *parent = nullptr);

    Status status(const QString &subsystem) const { return m_status.value(subsystem); }

private:
    void probeAll();

    QHash<QString, QUrl> m_upstreams;
    QHash<QString, Status> m_status;
    QSslConfiguration m_tls;
    QNetworkAccessManager *m_network;
    QTimer *m_timer;
};

} // namespace helios::server
