// SPDX-License-Identifier: Apache-2.0
#include "layer_reader.h"

#include <QIODevice>

#include <archive.h>
#include <archive_entry.h>

namespace helios::waypoint {

namespace {

struct ArchiveDeleter {
    void operator()(struct archive *a) const { archive_read_free(a); }
};

} // namespace

struct LayerReader::Private {
    std::unique_ptr<struct archive, ArchiveDeleter> archive{archive_read_new()};
    QString name;
    bool opened = false;
    Error openError;

    Error archiveError(const QString &what) const
    {
        const char *message = archive_error_string(archive.get());
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("layer %1: %2").arg(what, message ? QString::fromLocal8Bit(message) : QStringLiteral("unreadable")),
                         name);
    }
};

LayerReader::LayerReader(const QByteArray &layer, QString name)
    : d(std::make_unique<Private>())
{
    d->name = std::move(name);
    // gzip (what OCI layers are, in practice) or none; every tar dialect, since base
    // images come from many builders.
    archive_read_support_filter_gzip(d->archive.get());
    archive_read_support_filter_none(d->archive.get());
    archive_read_support_format_tar(d->archive.get());
    // libarchive keeps reading from this buffer; the caller keeps it alive.
    if (archive_read_open_memory(d->archive.get(), layer.constData(), size_t(layer.size())) == ARCHIVE_OK)
        d->opened = true;
    else
        d->openError = d->archiveError(QStringLiteral("not a tar archive"));
}

LayerReader::~LayerReader() = default;

Result<bool> LayerReader::next(LayerEntry &entry)
{
    if (!d->opened)
        return d->openError;
    struct archive_entry *header = nullptr;
    const int status = archive_read_next_header(d->archive.get(), &header);
    if (status == ARCHIVE_EOF)
        return false;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
        return d->archiveError(QStringLiteral("damaged tar header"));

    entry = LayerEntry{};
    const char *path = archive_entry_pathname_utf8(header);
    if (!path)
        path = archive_entry_pathname(header);
    entry.path = QString::fromUtf8(path ? path : "");
    entry.size = archive_entry_size(header);
    entry.executable = (archive_entry_perm(header) & 0111) != 0;
    if (const char *hardlink = archive_entry_hardlink_utf8(header); hardlink || archive_entry_hardlink(header)) {
        entry.type = LayerEntry::Type::Hardlink;
        entry.linkTarget = QString::fromUtf8(hardlink ? hardlink : archive_entry_hardlink(header));
        return true;
    }
    switch (archive_entry_filetype(header)) {
    case AE_IFREG:
        entry.type = LayerEntry::Type::File;
        break;
    case AE_IFDIR:
        entry.type = LayerEntry::Type::Directory;
        break;
    case AE_IFLNK: {
        entry.type = LayerEntry::Type::Symlink;
        const char *target = archive_entry_symlink_utf8(header);
        entry.linkTarget = QString::fromUtf8(target ? target : archive_entry_symlink(header));
        break;
    }
    default:
        entry.type = LayerEntry::Type::Other;
        break;
    }
    return true;
}

Result<qint64> LayerReader::copyData(QIODevice &out)
{
    qint64 total = 0;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        const la_ssize_t n = archive_read_data(d->archive.get(), buffer.data(), size_t(buffer.size()));
        if (n == 0)
            return total;
        if (n < 0)
            return d->archiveError(QStringLiteral("data ends early"));
        if (out.write(buffer.constData(), n) != n)
            return makeError(ErrorCode::Io, QStringLiteral("cannot write: ") + out.errorString(), d->name);
        total += n;
    }
}

} // namespace helios::waypoint
