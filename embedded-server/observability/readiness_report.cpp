// SPDX-License-Identifier: Apache-2.0
#include "readiness_report.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace helios::server {

QJsonObject ReadinessReport::toJson() const {
    QJsonObject backendsObject;
    for (const BackendCheck &check : backends) {
        QJsonObject entry{
            {QStringLiteral("ok"), check.ok},
            {QStringLiteral("kind"), check.kind},
            // A tenth of a millisecond is all the precision a probe's latency has.
            {QStringLiteral("ms"), std::round(check.milliseconds * 10.0) / 10.0},
        };
        if (check.timedOut)
            entry.insert(QStringLiteral("timeout"), true);
        if (!check.ok)
            entry.insert(QStringLiteral("error"), check.error);
        backendsObject.insert(check.name, entry);
    }
    return QJsonObject{
        {QStringLiteral("ready"), ready},
        {QStringLiteral("cached"), cached},
        {QStringLiteral("backends"), backendsObject},
    };
}

QByteArray ReadinessReport::toJsonBytes() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QStringList ReadinessReport::failing() const {
    QStringList names;
    for (const BackendCheck &check : backends) {
        if (!check.ok)
            names.append(check.name);
    }
    return names;
}

QString ReadinessReport::redactSecrets(const QString &text) {
    // userinfo with a password: "://user:secret@" -> "://user:***@". The user part may be
    // empty ("redis://:secret@host").
    static const QRegularExpression urlPassword(QStringLiteral("(://[^/\\s:@]*:)[^@\\s/]*@"));
    static const QRegularExpression passwordParameter(QStringLiteral("(password=)[^&\\s]*"),
                                                      QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(urlPassword, QStringLiteral("\\1***@"));
    out.replace(passwordParameter, QStringLiteral("\\1***"));
    return out;
}

} // namespace helios::server
