// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace helios::ignis {

// One gzip'd tar layer, ready to push: the bytes a registry stores and the two digests
// an image needs (the blob's own, and the diff_id of the uncompressed tar).
struct LayerBlob {
    QByteArray bytes; // gzip of the tar
    QString digest;   // "sha256:<hex>" of `bytes`
    qint64 size = 0;  // bytes.size()
    QString diffId;   // "sha256:<hex>" of the uncompressed tar
    qint64 uncompressedSize = 0;
    int entryCount = 0; // tar entries, directories included
};

// Turns a directory tree into a reproducible image layer: a POSIX (pax restricted) tar,
// entries sorted by path, placed under a root path inside the image together with the
// root's parent directories, owned by 0:0, modes normalised (0644 files, 0755
// directories and executables, 0777 symlinks), every mtime set to one given time, and
// gzip'd without a name or timestamp in its header. The same tree and settings give
// byte-identical output.
//
// Symlinks are stored as symlinks and never followed; one whose target is absolute or
// leaves the tree is refused, so that the layer cannot point outside what was built.
// Hard links are stored as separate files; sockets, pipes and devices are refused.
class LayerWriter {
public:
    LayerWriter();

    // Where the tree goes in the image: an absolute path without "." or "..". "/" puts
    // it at the top of the file system. Default "/srv/www".
    void setRootPath(const QString &rootPath);
    QString rootPath() const { return m_rootPath; }

    // The mtime of every entry. Default: the Unix epoch.
    void setModificationTime(const QDateTime &time);
    QDateTime modificationTime() const { return m_modificationTime; }

    // Fails with InvalidArgument for a missing or empty source dir, a bad root path or a
    // symlink leaving the tree, Unsupported for special files, Io when a file cannot be
    // read, Internal when libarchive fails.
    Result<LayerBlob> write(const QString &sourceDir) const;

    // "srv/www" for "/srv/www/" (the form tar paths use), "" for "/"; InvalidArgument for
    // a relative path or one with "." or ".." components.
    static Result<QString> normalizedRoot(const QString &rootPath);

private:
    QString m_rootPath;
    QDateTime m_modificationTime;
};

} // namespace helios::ignis
