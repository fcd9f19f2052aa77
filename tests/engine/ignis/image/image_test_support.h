// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace helios::test {

// Helpers shared by the image tests.

// One tar entry as libarchive reads it back from a layer.
struct LayerEntry {
    enum class Kind { File, Directory, Symlink, Other };
    QString path;
    Kind kind = Kind::Other;
    int mode = 0; // permission bits only
    qint64 uid = -1;
    qint64 gid = -1;
    qint64 mtime = -1;
    QString symlink;
    QByteArray data;
};

// Reads a gzip'd tar with libarchive (the reader, independent of the writer's code).
// Returns false and sets `error` when it is not one.
bool readLayer(const QByteArray &gzip, QList<LayerEntry> *entries, QString *error);

// The gunzipped bytes, or empty with `error` set.
QByteArray gunzip(const QByteArray &gzip, QString *error);

// Writes `bytes` to `path`, creating parent directories; `mode` in octal permission bits.
bool writeFile(const QString &path, const QByteArray &bytes, int mode = 0644);

// Pushes a small base image built with ignis::LayerWriter (root "/", a bin/tool and an
// etc/os-release) into `repository` under `tag`. `docker` selects Docker v2 schema 2
// media types instead of OCI ones. Returns the manifest digest and fills `layer` with the
// layer's descriptor.
struct BaseImageBlobs {
    QString manifestDigest;
    data::Descriptor layer;
    data::Descriptor config;
    QByteArray configBytes;
};
Result<BaseImageBlobs> pushBaseImage(data::ArtifactStore &store, const QString &workDir,
                                     const QString &repository, const QString &tag,
                                     const QString &architecture, bool docker);

// Pushes an OCI index over manifests already in `repository` (by digest), one per
// {digest, architecture} pair, all linux, under `tag`.
Result<QString> pushIndex(data::ArtifactStore &store, const QString &repository, const QString &tag,
                          const QList<std::pair<QString, QString>> &manifests);

// What a command-line tool (skopeo, umoci) did.
struct ToolRun {
    int exitCode = -1; // -1: it did not finish in time or did not start
    QByteArray output;
    QByteArray errors;
    QString describe(const QString &program) const;
};

// Runs a tool with a bound on its time (two minutes).
ToolRun runTool(const QString &program, const QStringList &arguments);

} // namespace helios::test
