// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_image.h"

#include "ignis/image/image_publisher.h"
#include "ignis/project_config.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace helios::ignis {

namespace {

QJsonObject packageJson(const QString &projectDir)
{
    QFile file(projectDir + QStringLiteral("/package.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(4096).trimmed() : QByteArray();
}

// The commit HEAD points at, read from .git directly: a label needs no libgit2 session.
QString gitRevision(const QString &projectDir)
{
    const QString git = projectDir + QStringLiteral("/.git");
    const QByteArray head = readSmallFile(git + QStringLiteral("/HEAD"));
    if (!head.startsWith("ref: "))
        return QString::fromLatin1(head);  // detached: the id itself (or empty)
    const QByteArray ref = head.mid(5);
    if (const QByteArray id = readSmallFile(git + QLatin1Char('/') + QString::fromUtf8(ref)); !id.isEmpty())
        return QString::fromLatin1(id);
    for (const QByteArray &line : readSmallFile(git + QStringLiteral("/packed-refs")).split('\n'))
        if (line.endsWith(QByteArray(' ' + ref)))
            return QString::fromLatin1(line.left(line.indexOf(' ')));
    return {};
}

} // namespace

Result<BaseImageReference> parseImageReference(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    BaseImageReference reference;
    if (at > 0) {
        reference.repository = text.left(at);
        reference.reference = text.mid(at + 1);
    } else if (colon > 0 && !text.mid(colon).contains(QLatin1Char('/'))) {
        reference.repository = text.left(colon);
        reference.reference = text.mid(colon + 1);
    }
    if (reference.repository.isEmpty() || reference.reference.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an image reference is repository:tag or repository@sha256:..., not \"%1\"").arg(text));
    return reference;
}

Result<PublishedImage> publishBuildImage(data::ArtifactStore &store, const ProjectConfig &config,
                                         const BuildImageOptions &options)
{
    const QJsonObject package = packageJson(config.projectDir);
    ImageSpec spec;
    spec.sourceDir = config.outDir;
    spec.rootPath = config.imageRoot;
    spec.repository = config.imageRepository;
    // Tags allow [A-Za-z0-9_.-]: semver build metadata ("1.0.0+abc") keeps its meaning with '-'.
    QString version = options.version.isEmpty() ? package.value(QStringLiteral("version")).toString(QStringLiteral("0.0.0"))
                                                : options.version;
    spec.tag = version.replace(QLatin1Char('+'), QLatin1Char('-'));
    spec.created = QDateTime::fromString(options.created, Qt::ISODateWithMs);
    if (!spec.created.isValid())
        spec.created = QDateTime::currentDateTimeUtc();
    const QString base = options.base.isEmpty() ? config.imageBase : options.base;
    if (!base.isEmpty()) {
        auto reference = parseImageReference(base);
        HELIOS_TRY(reference);
        spec.base = *reference;
    }
    spec.labels.insert(QStringLiteral("org.opencontainers.image.title"), config.name);
    spec.labels.insert(QStringLiteral("org.opencontainers.image.version"), version);
    if (const QString revision = gitRevision(config.projectDir); !revision.isEmpty())
        spec.labels.insert(QStringLiteral("org.opencontainers.image.revision"), revision);
    if (const QString description = package.value(QStringLiteral("description")).toString(); !description.isEmpty())
        spec.labels.insert(QStringLiteral("org.opencontainers.image.description"), description);
    if (const QString license = package.value(QStringLiteral("license")).toString(); !license.isEmpty())
        spec.labels.insert(QStringLiteral("org.opencontainers.image.licenses"), license);
    return ImagePublisher(store).publish(spec);
}

} // namespace helios::ignis
