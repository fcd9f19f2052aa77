// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// The content of every file a build may read: each file under the project directory
// (except node_modules, .git, .helios and the excluded directories, such as the output)
// hashed with SHA-256. node_modules stand for themselves through the lockfile, which is
// a project file like any other.
//
// Two digests summarise it: `listingDigest` over the sorted relative paths alone (a new
// or deleted file can change how imports resolve), `contentDigest` over paths and
// contents (any change at all).
class InputSnapshot {
public:
    static Result<InputSnapshot> take(const QString &projectDir, const QStringList &excludedDirs);

    // Hex SHA-256 of a file by its path relative to the project ("src/main.tsx");
    // empty when the snapshot has no such file.
    QString digestOf(const QString &relativePath) const { return m_digests.value(relativePath); }
    int fileCount() const { return int(m_digests.size()); }
    qint64 totalBytes() const { return m_totalBytes; }
    const QByteArray &listingDigest() const { return m_listingDigest; }
    const QByteArray &contentDigest() const { return m_contentDigest; }

private:
    QHash<QString, QString> m_digests;
    qint64 m_totalBytes = 0;
    QByteArray m_listingDigest;
    QByteArray m_contentDigest;
};

} // namespace helios::ignis
