// SPDX-License-Identifier: Apache-2.0
#include "health.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

namespace helios::server {

Health::Health(QString version)
    : m_version(std::move(version))
    , m_started(QDateTime::currentDateTimeUtc()) {
    m_uptime.start();
}

double Health::uptimeSeconds() const {
    return double(m_uptime.nsecsElapsed()) / 1e9;
}

QJsonObject Health::body() const {
    return QJsonObject{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("version"), m_version},
        {QStringLiteral("uptime_seconds"), std::round(uptimeSeconds() * 1000.0) / 1000.0},
        {QStringLiteral("started"), m_started.toString(Qt::ISODate)},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
    };
}

QByteArray Health::bodyBytes() const {
    return QJsonDocument(body()).toJson(QJsonDocument::Compact);
}

} // namespace helios::server
