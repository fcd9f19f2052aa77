// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <optional>

namespace helios::waypoint {

struct LayerEntry;
class LayerReader;

// Applies an image's layers, lowest first, to a directory that receives what the image
// holds under one root path ("srv/www"); everything else in the image is skipped.
// OCI whiteouts remove what lower layers put there (".wh.<name>" one path,
// ".wh..wh..opq" a directory's lower contents). Refused with Corrupt, before anything is
// written for the entry: a ".." path, a symbolic link that is absolute or leaves the
// root, a hard link to something outside it, and an entry that would be written through
// a symbolic link.
class LayerApplier {
public:
    // `rootPath` as in the image ("/srv/www"); `targetDir` exists and is empty.
    LayerApplier(const QString &rootPath, QString targetDir);

    // `digest` names the layer in errors.
    Result<void> apply(const QByteArray &layer, const QString &digest);

private:
    Result<void> applyEntry(LayerReader &reader, const LayerEntry &entry, const QString &digest);
    // The path below the root ("" for the root itself), or nullopt outside it.
    std::optional<QString> belowRoot(const QString &imagePath) const;
    bool isAncestorOfRoot(const QString &imagePath) const;
    void whiteOut(const QString &imagePath);
    void makeOpaque(const QString &imageDir);
    // Removes what earlier layers left under `relativeDir`, keeping this layer's entries.
    void clearLower(const QString &relativeDir);
    // Creates the parents of `relative`; Corrupt when one of them is a symbolic link.
    Result<void> prepareParents(const QString &relative, const QString &digest);
    bool hasLinkedParent(const QString &relative) const;
    void markWritten(const QString &relative);
    QString absolute(const QString &relative) const;

    QString m_root; // "srv/www"; "" for the whole image
    QString m_targetDir;
    QSet<QString> m_writtenThisLayer; // relative paths and their parents
};

} // namespace helios::waypoint
