// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace helios::server {

// The answer of one back end in one readiness check.
struct BackendCheck {
    QString name;
    QString kind;
    bool ok = false;
    bool timedOut = false;   // no answer within Readiness::Options::timeout
    double milliseconds = 0; // time to the answer; the timeout when there was none
    QString error;           // empty when ok; secrets removed
};

// The body of /readyz:
//   {"ready": false, "cached": false,
//    "backends": {"store": {"ok": true, "kind": "sqlite", "ms": 0.4},
//                 "cache": {"ok": false, "kind": "redis", "ms": 3000,
//                           "timeout": true, "error": "..."}}}
// No URL, host credentials or password ever appear in it: errors pass through
// redactSecrets() when the report is built.
struct ReadinessReport {
    bool ready = false;
    bool cached = false; // served from the previous check (see Readiness::Options::cacheFor)
    QList<BackendCheck> backends;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const; // compact UTF-8
    int httpStatus() const { return ready ? 200 : 503; }
    // The names of the back ends that are not ok, in check order.
    QStringList failing() const;

    // Replaces the password of every URL in `text` ("scheme://user:secret@host") and
    // every "password=…" parameter with "***". Error messages come from back ends we do
    // not control the wording of, so this is applied to all of them, not trusted.
    static QString redactSecrets(const QString &text);
};

} // namespace helios::server
