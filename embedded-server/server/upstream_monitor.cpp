// SPDX-License-Identifier: Apache-2.0
#include "upstream_monitor.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace helios::server {

namespace {
constexpr int kProbeIntervalMs = 5000;
constexpr int kProbeTimeoutMs = 2000;
} // namespace

UpstreamMonitor::UpstreamMonitor(QHash<QString, QUrl> upstreams, QSslConfiguration tls, QObject *parent)
    : QObject(parent)
    , m_upstreams(std::move(upstreams))
    , m_tls(std::move(tls))
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    if (m_upstreams.isEmpty())
        return;
    connect(m_timer, &QTimer::timeout, this, &UpstreamMonitor::probeAll);
    m_timer->start(kProbeIntervalMs);
    probeAll();
}

void UpstreamMonitor::probeAll()
{
    for (auto it = m_upstreams.cbegin(); it != m_upstreams.cend(); ++it) {
        QUrl url = it.value();
        url.setPath(QStringLiteral("/healthz"));
        QNetworkRequest request(url);
        request.setSslConfiguration(m_tls);
        request.setTransferTimeout(kProbeTimeoutMs);
        QNetworkReply *reply = m_network->get(request);
        const QString subsystem = it.key();
        const QString where = QStringLiteral("upstream %1:%2").arg(url.host()).arg(url.port());
        connect(reply, &QNetworkReply::finished, this, [this, reply, subsystem, where]() {
            reply->deleteLater();
            if (reply->error() == QNetworkReply::NoError)
                m_status.insert(subsystem, {State::Up, where});
            else
                m_status.insert(subsystem, {State::Down, where + QStringLiteral(": ") + reply->errorString()});
        });
    }
}

} // namespace helios::server
