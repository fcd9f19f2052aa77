// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QIODevice;

namespace helios::waypoint {

// One entry of an image layer, as the tar header says.
struct LayerEntry {
    enum class Type { File, Directory, Symlink, Hardlink, Other };
    Type type = Type::Other;
    QString path;       // as stored: "srv/www/index.html", "./srv/www/", "/etc/x"
    QString linkTarget; // symlinks: as stored; hard links: the other entry's path
    qint64 size = 0;
    bool executable = false;
};

// Reads an OCI layer held in memory -- a tar (ustar, pax with long names, GNU long
// names), compressed with gzip or not -- one entry at a time. libarchive does the
// decoding (the engine already links it to write layers); deciding what may be written
// where is the caller's job. Not thread-safe; one reader per layer.
class LayerReader {
public:
    // `layer` must stay alive and unchanged while the reader is used; `name` (the
    // blob's digest) is the context of errors.
    LayerReader(const QByteArray &layer, QString name);
    ~LayerReader();
    LayerReader(const LayerReader &) = delete;
    LayerReader &operator=(const LayerReader &) = delete;

    // Fills `entry` with the next one; false at the end. Corrupt when the bytes are not
    // a tar (or a compressed one) or end in the middle of an entry.
    Result<bool> next(LayerEntry &entry);
    // The current entry's data into `out`; returns the bytes written. Corrupt when the
    // layer ends early, Io when `out` cannot take them.
    Result<qint64> copyData(QIODevice &out);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::waypoint
