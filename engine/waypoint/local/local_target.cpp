// SPDX-License-Identifier: Apache-2.0
#include "waypoint/local_target.h"

#include "core/logging.h"
#include "waypoint/image_unpacker.h"
#include "waypoint/local_sites.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocale>

namespace helios::waypoint {

namespace {

// "helios/acme-ui:1.4.2" or "registry:5000/acme@sha256:..." -> the repository.
QString repositoryOf(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    QString reference = at < 0 ? image : image.left(at);
    const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
    if (colon > reference.lastIndexOf(QLatin1Char('/')))
        reference.truncate(colon);
    return reference;
}

// `base` with `path` appended to its own path ("http://h:1/sites" + "/deployments/x/").
QUrl under(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

bool hasFiles(const QString &dir)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    return it.hasNext();
}

Result<QString> unpackRelease(data::ArtifactStore &artifacts, LocalSites &sites, const Release &release,
                              const QString &deploymentId)
{
    if (!LocalSites::isSafeSegment(deploymentId))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" cannot name a deployment directory").arg(deploymentId));
    const QString dir = sites.deploymentDir(deploymentId);
    // Deployments are immutable: the same id was unpacked from the same release.
    if (QFileInfo(dir).isDir())
        return QStringLiteral("deployment %1 is unpacked already").arg(deploymentId);
    const QString repository = repositoryOf(release.image);
    const Result<UnpackedImage> unpacked = unpackImage(artifacts, repository, release.imageDigest, release.imageRoot, dir);
    if (!unpacked.ok())
        return unpacked.error();
    return QStringLiteral("unpacked %1@%2: %3 layers, %4 files, %5")
        .arg(repository, release.imageDigest.left(19))
        .arg(unpacked->layers)
        .arg(unpacked->files)
        .arg(QLocale::c().formattedDataSize(unpacked->bytes));
}

} // namespace

LocalTarget::LocalTarget(data::ArtifactStore &artifacts, LocalSites &sites, QUrl probeBase, QUrl publicBase)
    : m_artifacts(artifacts)
    , m_sites(sites)
    , m_probeBase(std::move(probeBase))
    , m_publicBase(std::move(publicBase))
{
}

Result<QString> LocalTarget::pull(const RolloutRequest &request)
{
    if (request.cancelled && request.cancelled->load())
        return makeError(ErrorCode::Unavailable, QStringLiteral("deployment cancelled before the pull"), request.deploymentId);
    return unpackRelease(m_artifacts, m_sites, request.release, request.deploymentId);
}

Result<RolledOut> LocalTarget::rollOut(const RolloutRequest &request)
{
    // Nothing to start: the deployment is served at its own address as soon as its
    // directory exists, and no environment points at it yet.
    const QString dir = m_sites.deploymentDir(request.deploymentId);
    if (!QFileInfo(dir).isDir())
        return makeError(ErrorCode::NotFound, QStringLiteral("deployment was not pulled"), dir);
    const QString path = LocalSites::deploymentPath(request.deploymentId);
    RolledOut rolledOut;
    rolledOut.probeUrl = under(m_probeBase, path);
    rolledOut.deploymentUrl = under(m_publicBase, path).toString();
    rolledOut.detail = QStringLiteral("%1 served at %2").arg(request.release.version, rolledOut.deploymentUrl);
    return rolledOut;
}

Result<QString> LocalTarget::awaitReady(const RolloutRequest &request)
{
    const QString dir = m_sites.deploymentDir(request.deploymentId);
    if (!hasFiles(dir))
        return makeError(ErrorCode::Unavailable, QStringLiteral("deployment directory has no files"), dir);
    return QStringLiteral("deployment %1 is on disk").arg(request.deploymentId);
}

Result<QString> LocalTarget::activate(const RolloutRequest &request)
{
    const QString &projectId = request.release.projectId;
    const QString &environment = request.environment.name;
    if (!LocalSites::isSafeSegment(projectId) || !LocalSites::isSafeSegment(environment))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1/%2\" cannot name a served environment").arg(projectId, environment));
    const QString previous = m_sites.switchEnvironment(projectId, environment, request.deploymentId);
    if (m_sites.environmentDeployment(projectId, environment) != request.deploymentId)
        return makeError(ErrorCode::NotFound, QStringLiteral("environment %1 not switched: deployment directory is gone").arg(environment),
                         m_sites.deploymentDir(request.deploymentId));
    qCInfo(lcWaypoint) << "environment" << environment << "of" << projectId << "switched from"
                       << (previous.isEmpty() ? QStringLiteral("nothing") : previous) << "to" << request.deploymentId;
    return under(m_publicBase, LocalSites::environmentPath(projectId, environment)).toString();
}

Result<QString> LocalTarget::restore(const QString &projectId, const EnvironmentPolicy &environment,
                                     const std::optional<std::pair<Release, QString>> &previous)
{
    if (!previous) {
        // It had nothing live: it serves nothing again (a 404, never the failed release).
        const QString failed = m_sites.clearEnvironment(projectId, environment.name);
        return failed.isEmpty() ? QStringLiteral("environment %1 had nothing live and still has not").arg(environment.name)
                                : QStringLiteral("environment %1 had nothing live; %2 taken down").arg(environment.name, failed);
    }
    const auto &[release, deploymentId] = *previous;
    // A pruned deployment is unpacked again: its release's image is still in the store.
    const Result<QString> unpacked = unpackRelease(m_artifacts, m_sites, release, deploymentId);
    if (!unpacked.ok())
        return unpacked.error();
    m_sites.switchEnvironment(projectId, environment.name, deploymentId);
    if (m_sites.environmentDeployment(projectId, environment.name) != deploymentId)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("environment %1 not switched back: deployment directory is gone").arg(environment.name),
                         m_sites.deploymentDir(deploymentId));
    return QStringLiteral("environment %1 back on %2 (%3)").arg(environment.name, release.version, deploymentId);
}

QString LocalTarget::prune(const QString &projectId, const EnvironmentPolicy &environment, const QStringList &candidates,
                           const QStringList &keep)
{
    Q_UNUSED(projectId)
    const int removed = m_sites.prune(candidates, keep);
    return QStringLiteral("%1 retired deployment(s) of %2 removed, %3 kept").arg(removed).arg(environment.name).arg(keep.size());
}

} // namespace helios::waypoint
