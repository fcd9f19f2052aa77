// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_report.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace helios::ignis {

// The directory a build writes into before its output is complete:
// <project>/.helios/staging-<build id>, on the same file system as the output directory
// so that commit() is two renames. The output directory is never half-written: it is
// either the previous build's or this one's.
class BuildStaging {
public:
    static Result<BuildStaging> create(const QString &projectDir, const QString &outDir, const QString &buildId);
    BuildStaging(BuildStaging &&) = default;
    BuildStaging &operator=(BuildStaging &&) = default;

    const QString &root() const { return m_root; }

    // Writes a file (creating its directories) and notes it as an output of `entry`.
    Result<void> write(const QString &relativePath, const QByteArray &bytes, const QString &entry);
    // Notes a file someone else wrote into the staging directory (esbuild).
    void noteOutput(const QString &relativePath, qint64 size, const QString &digest, const QString &entry);
    QByteArray read(const QString &relativePath) const;
    // Sorted by path.
    QList<BuildOutput> outputs() const { return m_outputs.values(); }

    // Replaces the output directory with the staging directory.
    Result<void> commit();
    // Removes the staging directory if it is still there (after a failure).
    void discard();

    static QString manifestName() { return QStringLiteral("manifest.json"); }
    // True if `outDir` holds exactly the build `inputDigest` names: its manifest.json
    // says so and every file it lists is there with its size. `outputs` gets the list.
    static bool isIntact(const QString &outDir, const QString &inputDigest, QList<BuildOutput> *outputs);

private:
    BuildStaging() = default;
    QString m_root;
    QString m_outDir;
    QString m_trash;
    QMap<QString, BuildOutput> m_outputs;
};

} // namespace helios::ignis
