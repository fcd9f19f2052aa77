// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace helios::waypoint {

// One successful build made deployable: a version pointing at an image digest in the
// ArtifactStore. Immutable once recorded.
struct Release {
    QString id;            // uuid
    QString projectId;     // as ignis::BuildHistory::projectIdFor
    QString projectDir;
    QString version;       // "1.4.2" (semver schemes) or "17" (build-number scheme)
    int number = 0;        // 1, 2, 3 ... per project, in creation order
    QString buildId;       // the build it came from
    QString image;         // "helios/acme-ui:1.4.2"
    QString imageDigest;   // the manifest's digest, "sha256:..."
    QString imageRoot;     // where the site's files are inside the image ("/srv/www")
    QString gitCommit;     // HEAD when released, hex; empty outside a git repository
    QStringList changelog; // "abc1234 Subject line" per commit since the previous release, newest first
    QString createdAt;     // RFC 3339 UTC
};

// One timed step of a deployment, kept in its history.
struct DeploymentStep {
    QString name;    // "config", "pull", "rollout", "ready", "health", "switch", "rollback", "record"
    bool ok = false;
    qint64 ms = 0;
    QString detail;  // one line: what happened ("3 of 3 probes answered 200", the error)
};

enum class DeploymentStatus {
    AwaitingApproval, // the environment's gate has not been passed yet
    Running,
    Succeeded,        // live and healthy
    Failed,           // did not become healthy; the environment was put back (see rolledBackTo)
    RolledBack,       // an explicit rollback that succeeded
};
QString deploymentStatusName(DeploymentStatus status); // "awaiting_approval", "running", ...
DeploymentStatus deploymentStatusFromName(const QString &name);

// One attempt to put a release into an environment (or an explicit rollback).
struct Deployment {
    QString id;
    QString projectId;
    QString environment;      // "dev", "staging", "prod"
    QString releaseId;
    QString version;
    QString kind;             // "deploy", "promote", "auto" (on build.completed), "rollback"
    QString target;           // "local" or "kubernetes"
    DeploymentStatus status = DeploymentStatus::Running;
    QString requestedBy;      // subject
    QString approvedBy;       // subject; empty when the environment has no gate or not yet approved
    QString approvedAt;
    QString createdAt;
    QString finishedAt;
    qint64 durationMs = 0;
    QString url;              // the environment's address after this deployment
    QString deploymentUrl;    // this deployment's own address (local target)
    QString rolledBackTo;     // the version the environment went back to, if it did
    QString error;
    QList<DeploymentStep> steps;
};

} // namespace helios::waypoint
