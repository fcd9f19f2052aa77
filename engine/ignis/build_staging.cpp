// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_staging.h"

#include "core/ids.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::ignis {

Result<BuildStaging> BuildStaging::create(const QString &projectDir, const QString &outDir, const QString &buildId)
{
    BuildStaging staging;
    const QString work = projectDir + QStringLiteral("/.helios");
    staging.m_root = work + QStringLiteral("/staging-") + buildId;
    staging.m_trash = work + QStringLiteral("/previous-") + buildId;
    staging.m_outDir = outDir;
    if (!QDir().mkpath(staging.m_root))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the staging directory"), staging.m_root);
    return staging;
}

Result<void> BuildStaging::write(const QString &relativePath, const QByteArray &bytes, const QString &entry)
{
    const QString path = m_root + QLatin1Char('/') + relativePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    // No fsync: a build output is reproducible, and commit() makes it visible only whole.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(relativePath, file.errorString()), path);
    noteOutput(relativePath, bytes.size(), sha256Digest(bytes), entry);
    return {};
}

void BuildStaging::noteOutput(const QString &relativePath, qint64 size, const QString &digest, const QString &entry)
{
    BuildOutput &output = m_outputs[relativePath];
    output.path = relativePath;
    output.size = size;
    output.digest = digest;
    if (!entry.isEmpty() || output.entry.isEmpty())
        output.entry = entry;
}

QByteArray BuildStaging::read(const QString &relativePath) const
{
    QFile file(m_root + QLatin1Char('/') + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<void> BuildStaging::commit()
{
    const bool hadOutput = QFileInfo::exists(m_outDir);
    if (hadOutput && !QDir().rename(m_outDir, m_trash))
        return makeError(ErrorCode::Io, QStringLiteral("cannot move the previous output aside"), m_outDir);
    QDir().mkpath(QFileInfo(m_outDir).absolutePath());
    if (!QDir().rename(m_root, m_outDir)) {
        if (hadOutput)
            QDir().rename(m_trash, m_outDir);
        return makeError(ErrorCode::Io, QStringLiteral("cannot move the new output into place"), m_outDir);
    }
    if (hadOutput)
        QDir(m_trash).removeRecursively();
    return {};
}

void BuildStaging::discard()
{
    if (QFileInfo::exists(m_root))
        QDir(m_root).removeRecursively();
    // .helios holds nothing else a build needs; leave it only if something else is there.
    QDir().rmdir(QFileInfo(m_root).absolutePath());
}

bool BuildStaging::isIntact(const QString &outDir, const QString &inputDigest, QList<BuildOutput> *outputs)
{
    QFile file(outDir + QLatin1Char('/') + manifestName());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
    if (manifest.value(QStringLiteral("inputDigest")).toString() != inputDigest)
        return false;
    QList<BuildOutput> listed = outputsFromJson(manifest.value(QStringLiteral("outputs")).toArray());
    for (const BuildOutput &output : std::as_const(listed)) {
        const QFileInfo info(outDir + QLatin1Char('/') + output.path);
        if (!info.isFile() || info.size() != output.size)
            return false;
    }
    listed.append({manifestName(), bytes.size(), sha256Digest(bytes), QStringLiteral("manifest")});
    *outputs = listed;
    return true;
}

} // namespace helios::ignis
