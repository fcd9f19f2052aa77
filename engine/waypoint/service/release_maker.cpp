// SPDX-License-Identifier: Apache-2.0
#include "release_maker.h"

#include "core/ids.h"
#include "core/logging.h"
#include "engine.h"
#include "ignis/build_history.h"
#include "ignis/build_image.h"
#include "ignis/project_config.h"
#include "waypoint/changelog.h"
#include "waypoint_context.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::waypoint {

namespace {

// A semver scheme's first release starts at package.json's version.
QString packageVersion(const QString &projectDir)
{
    QFile file(projectDir + QStringLiteral("/package.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("version")).toString();
}

Error configError(const ignis::ProjectConfig &config)
{
    QStringList lines;
    for (const ignis::BuildMessage &message : config.messages)
        if (message.isError())
            lines << message.toString();
    return makeError(ErrorCode::InvalidArgument, lines.join(QLatin1Char('\n')), config.file);
}

} // namespace

Result<Release> ReleaseMaker::create(const BuildOutcome &build)
{
    if (build.buildId.isEmpty() || build.projectDir.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a release needs the build's id and project directory"));
    const auto released = m_context.history.releaseOfBuild(build.buildId);
    HELIOS_TRY(released);
    if (released->has_value())
        return **released;

    const QString canonical = QFileInfo(build.projectDir).canonicalFilePath();
    if (canonical.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("build %1's project directory %2 does not exist")
                                                  .arg(build.buildId, build.projectDir));
    const auto policy = readDeployPolicy(canonical);
    HELIOS_TRY(policy);
    ignis::ProjectConfig config = ignis::ProjectConfig::read(canonical);
    if (config.hasErrors())
        return configError(config);
    if (!build.outDir.isEmpty())
        config.outDir = build.outDir;

    Release release;
    release.projectId = ignis::BuildHistory(m_context.engine.store()).projectIdFor(canonical);
    release.projectDir = canonical;
    release.buildId = build.buildId;
    release.imageRoot = config.imageRoot;
    release.createdAt = nowUtc();

    const auto previous = m_context.history.latestRelease(release.projectId);
    HELIOS_TRY(previous);
    const QString previousVersion = previous->has_value() ? (*previous)->version : QString();
    const int number = previous->has_value() ? (*previous)->number + 1 : 1;
    const auto version = nextVersion(policy->versionScheme, previousVersion, packageVersion(canonical), number);
    HELIOS_TRY(version);
    release.version = *version;

    const auto changelog = changelogSince(canonical, previous->has_value() ? (*previous)->gitCommit : QString());
    HELIOS_TRY(changelog);
    release.gitCommit = changelog->head;
    release.changelog = changelog->entries;

    if (!build.imageDigest.isEmpty()) {
        release.image = build.image;
        release.imageDigest = build.imageDigest;
    } else {
        // The build did not publish: the release's own image, tagged with its version.
        const auto published = ignis::publishBuildImage(m_context.engine.artifacts(), config,
                                                        {release.version, QString(), release.createdAt});
        HELIOS_TRY(published);
        release.image = published->reference();
        release.imageDigest = published->manifest.digest;
    }

    HELIOS_TRY(m_context.history.savePolicy(release.projectId, *policy));
    auto added = m_context.history.addRelease(release);
    HELIOS_TRY(added);
    qCInfo(lcWaypoint) << "released" << canonical << added->version << "as" << added->image << added->imageDigest;
    return added;
}

} // namespace helios::waypoint
