// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringView>

namespace helios::waypoint {

// The local target's deployments on disk and which one each environment serves.
// Deployments are immutable directories under <root>/<deploymentId>; an environment is
// a pointer to one, switched atomically: a request resolves the pointer once, so during
// a switch every request is answered whole by either the old or the new deployment.
// Thread-safe: deploy threads switch, server threads resolve.
//
// Paths served (by embedded-server/sites' SiteServer):
//   /deployments/<deploymentId>/<file>          one deployment, forever the same
//   /environments/<projectId>/<env>/<file>      whatever the environment points at
// A directory path serves its index.html; a path with no file and no extension serves
// the deployment's index.html (single-page applications); ".." never leaves a deployment.
class LocalSites {
public:
    explicit LocalSites(QString rootDir); // <dataDir>/waypoint/deployments

    QString rootDir() const { return m_rootDir; }
    QString deploymentDir(const QString &deploymentId) const;
    static QString deploymentPath(const QString &deploymentId);                       // "/deployments/<id>/"
    static QString environmentPath(const QString &projectId, const QString &environment); // "/environments/<p>/<e>/"

    // Points the environment at the deployment (its directory must exist); returns the
    // deployment it pointed at before (empty for none).
    QString switchEnvironment(const QString &projectId, const QString &environment, const QString &deploymentId);
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
    QString m_rootDir;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_environments; // "<projectId>/<env>" -> deploymentId
};

} // namespace helios::waypoint
