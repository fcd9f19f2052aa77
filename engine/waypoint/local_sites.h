// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace helios {
class Config;
}

namespace helios::waypoint {

// The local target's deployments on disk and which one each environment serves.
// Deployments are immutable directories under <root>/<deploymentId>; an environment is
// a pointer to one, switched atomically: a request resolves the pointer once, so during
// a switch every request is answered whole by either the old or the new deployment.
// Thread-safe: deploy threads switch, server threads resolve.
//
// The pointers are also kept in <root>/environments.json (replaced atomically on every
// switch, re-read when another process replaced it), so that `helios deploy` in one
// process moves what `helios serve` in another serves, and a restart serves the same.
//
// Paths served (by embedded-server/sites' SiteServer):
//   /deployments/<deploymentId>/<file>          one deployment, forever the same
//   /environments/<projectId>/<env>/<file>      whatever the environment points at
// A directory path serves its index.html; a path with no file and no extension serves
// the deployment's index.html (single-page applications); ".." never leaves a deployment.
class LocalSites {
public:
    explicit LocalSites(QString rootDir); // <dataDir>/waypoint/deployments

    // The port they are served on: HELIOS_SITES_PORT, DefaultPort when unset, 0 for a
    // free one; an error naming the key and where it was set when it is no port number.
    static constexpr quint16 DefaultPort = 3105;
    static Result<quint16> configuredPort(const Config &config);

    QString rootDir() const { return m_rootDir; }
    QString deploymentDir(const QString &deploymentId) const;
    static QString deploymentPath(const QString &deploymentId);                       // "/deployments/<id>/"
    static QString environmentPath(const QString &projectId, const QString &environment); // "/environments/<p>/<e>/"
    // Ids, project ids and environment names are one path segment of [A-Za-z0-9._-]
    // not starting with '.'; anything else is never served or switched to.
    static bool isSafeSegment(QStringView segment);

    // Points the environment at the deployment (its directory must exist, else nothing
    // changes); returns the deployment it pointed at before (empty for none).
    QString switchEnvironment(const QString &projectId, const QString &environment, const QString &deploymentId);
    // The environment serves nothing any more (404); returns what it pointed at.
    QString clearEnvironment(const QString &projectId, const QString &environment);
    QString environmentDeployment(const QString &projectId, const QString &environment) const;

    // Deletes deployment directories of the environment's project that no environment
    // points at, keeping `keep` (newest first; the caller passes the retained ids).
    // Returns how many were removed.
    int prune(const QStringList &candidates, const QStringList &keep);

    struct Resolved {
        int status = 404;          // 200, 404
        QString filePath;          // set for 200
        QByteArray contentType;    // from the extension; "application/octet-stream" otherwise
        QString deploymentId;      // which deployment answered
    };
    Resolved resolve(QStringView path) const; // the request path, percent-decoded, no query

private:
    struct FileStamp {
        qint64 inode = -1;
        qint64 modifiedNs = -1;
        qint64 size = -1;
        bool operator==(const FileStamp &) const = default;
    };
    QString pointersFile() const;
    FileStamp currentStamp() const;
    // Both with m_mutex held.
    void reloadIfChanged() const;
    void persist(); // logs, and keeps serving from memory, when the file cannot be written

    QString m_rootDir;
    mutable QMutex m_mutex;
    mutable QHash<QString, QString> m_environments; // "<projectId>/<env>" -> deploymentId
    mutable FileStamp m_loadedStamp;
};

} // namespace helios::waypoint
