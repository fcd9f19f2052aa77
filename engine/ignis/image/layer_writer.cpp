// SPDX-License-Identifier: Apache-2.0
#include "ignis/image/layer_writer.h"

#include "core/logging.h"
#include "core/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace helios::ignis {

namespace {

// Files are read and handed to libarchive in pieces of this size, so a large build
// output never sits in memory twice.
constexpr qint64 ReadChunk = 256 * 1024;

struct TreeEntry {
    enum class Kind { Directory, File, Symlink };
    QByteArray path; // inside the image, UTF-8, no leading '/'
    Kind kind = Kind::File;
    QString sourcePath;
    QByteArray linkTarget;
    bool executable = false;
    qint64 size = 0;
};

struct ArchiveDeleter {
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;
using EntryPtr = std::unique_ptr<archive_entry, EntryDeleter>;

// The tar goes through two libarchive writers: the tar writer's output is hashed (the
// diff_id is over the uncompressed tar) and passed on to a "raw" writer whose gzip filter
// compresses it into `compressed`. Both stream, so only the compressed bytes are kept.
struct Sink {
    Sha256 tarHash;
    qint64 tarSize = 0;
    struct archive *gzipWriter = nullptr;
    QByteArray compressed;
};

la_ssize_t writeTar(struct archive *, void *clientData, const void *buffer, size_t length) {
    auto *sink = static_cast<Sink *>(clientData);
    const auto bytes =
        QByteArrayView(static_cast<const char *>(buffer), static_cast<qsizetype>(length));
    sink->tarHash.add(bytes);
    sink->tarSize += bytes.size();
    // The raw writer may take less than offered; keep going until all of it is in.
    qsizetype written = 0;
    while (written < bytes.size()) {
        const la_ssize_t n = archive_write_data(sink->gzipWriter, bytes.constData() + written,
                                                static_cast<size_t>(bytes.size() - written));
        if (n <= 0)
            return -1;
        written += n;
    }
    return static_cast<la_ssize_t>(length);
}

la_ssize_t writeGzip(struct archive *, void *clientData, const void *buffer, size_t length) {
    static_cast<Sink *>(clientData)
        ->compressed.append(static_cast<const char *>(buffer), static_cast<qsizetype>(length));
    return static_cast<la_ssize_t>(length);
}

Error archiveError(struct archive *a, const QString &what, const QString &context = {}) {
    const char *message = archive_error_string(a);
    return makeError(
        ErrorCode::Internal,
        QStringLiteral("libarchive: %1: %2")
            .arg(what, message ? QString::fromUtf8(message) : QStringLiteral("unknown error")),
        context);
}

QString digestOf(const QByteArray &sha256) {
    return QStringLiteral("sha256:") + QString::fromLatin1(sha256.toHex());
}

// Collects the entries under `dir` (relative path `relative`, "" at the top) into `out`.
Result<void> collect(const QString &dir, const QString &relative, const QByteArray &prefix,
                     QList<TreeEntry> &out) {
    const QFileInfoList children = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : children) {
        const QString childRelative =
            relative.isEmpty() ? info.fileName() : relative + QLatin1Char('/') + info.fileName();
        TreeEntry entry;
        entry.path = prefix + childRelative.toUtf8();
        entry.sourcePath = info.filePath();
        if (info.isSymLink()) {
            // QFileInfo resolves link targets; the layer needs the link's own text.
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = ::readlink(QFile::encodeName(info.filePath()).constData(),
                                         target.data(), static_cast<size_t>(target.size()));
            if (n < 0 || n >= target.size())
                return makeError(ErrorCode::Io, QStringLiteral("cannot read symlink"),
                                 info.filePath());
            target.truncate(n);
            // Checked by its text alone: every other link in the tree passes the same
            // check, so following a chain of them cannot leave the tree either.
            const QString text = QString::fromUtf8(target);
            const QString resolved =
                QDir::cleanPath(relative.isEmpty() ? text : relative + QLatin1Char('/') + text);
            if (text.startsWith(QLatin1Char('/')) || resolved == QLatin1StringView("..") ||
                resolved.startsWith(QLatin1StringView("../")))
                return makeError(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("symlink %1 points to \"%2\", outside the source directory; "
                                   "only relative links inside it can go into an image")
                        .arg(childRelative, text),
                    info.filePath());
            entry.kind = TreeEntry::Kind::Symlink;
            entry.linkTarget = target;
        } else if (info.isDir()) {
            entry.kind = TreeEntry::Kind::Directory;
            out.append(entry);
            HELIOS_TRY(collect(info.filePath(), childRelative, prefix, out));
            continue;
        } else if (info.isFile()) {
            entry.kind = TreeEntry::Kind::File;
            entry.size = info.size();
            entry.executable = info.permissions() & (QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                     QFileDevice::ExeOther);
        } else {
            return makeError(
                ErrorCode::Unsupported,
                QStringLiteral("%1 is a socket, pipe or device; an image layer holds only files, "
                               "directories and symlinks")
                    .arg(childRelative),
                info.filePath());
        }
        out.append(entry);
    }
    return {};
}

Result<void> writeEntry(struct archive *tar, const TreeEntry &entry, qint64 mtime) {
    EntryPtr header(archive_entry_new());
    archive_entry_set_pathname_utf8(header.get(), entry.path.constData());
    archive_entry_set_uid(header.get(), 0);
    archive_entry_set_gid(header.get(), 0);
    archive_entry_set_mtime(header.get(), static_cast<time_t>(mtime), 0);
    switch (entry.kind) {
    case TreeEntry::Kind::Directory:
        archive_entry_set_filetype(header.get(), AE_IFDIR);
        archive_entry_set_perm(header.get(), 0755);
        archive_entry_set_size(header.get(), 0);
        break;
    case TreeEntry::Kind::Symlink:
        archive_entry_set_filetype(header.get(), AE_IFLNK);
        archive_entry_set_perm(header.get(), 0777);
        archive_entry_set_symlink_utf8(header.get(), entry.linkTarget.constData());
        archive_entry_set_size(header.get(), 0);
        break;
    case TreeEntry::Kind::File:
        archive_entry_set_filetype(header.get(), AE_IFREG);
        archive_entry_set_perm(header.get(), entry.executable ? 0755 : 0644);
        archive_entry_set_size(header.get(), entry.size);
        break;
    }
    if (archive_write_header(tar, header.get()) != ARCHIVE_OK)
        return archiveError(
            tar, QStringLiteral("cannot write the header of ") + QString::fromUtf8(entry.path),
            entry.sourcePath);
    if (entry.kind != TreeEntry::Kind::File)
        return {};

    QFile file(entry.sourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read: ") + file.errorString(),
                         entry.sourcePath);
    qint64 total = 0;
    while (total < entry.size) {
        const QByteArray chunk = file.read(std::min(ReadChunk, entry.size - total));
        if (chunk.isEmpty())
            break;
        if (archive_write_data(tar, chunk.constData(), static_cast<size_t>(chunk.size())) !=
            chunk.size())
            return archiveError(
                tar, QStringLiteral("cannot write the data of ") + QString::fromUtf8(entry.path),
                entry.sourcePath);
        total += chunk.size();
    }
    // The size went into the header already: a file that changed size since would make
    // a tar that lies about it.
    if (total != entry.size || !file.atEnd())
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("file changed size while the layer was written (expected %1 bytes)")
                .arg(entry.size),
            entry.sourcePath);
    return {};
}

} // namespace

LayerWriter::LayerWriter()
    : m_rootPath(QStringLiteral("/srv/www"))
    , m_modificationTime(QDateTime::fromSecsSinceEpoch(0, Qt::UTC)) {}

void LayerWriter::setRootPath(const QString &rootPath) {
    m_rootPath = rootPath;
}

void LayerWriter::setModificationTime(const QDateTime &time) {
    m_modificationTime = time;
}

Result<QString> LayerWriter::normalizedRoot(const QString &rootPath) {
    if (!rootPath.startsWith(QLatin1Char('/')))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("root path \"%1\" in the image must be absolute").arg(rootPath));
    const QStringList parts = rootPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == QLatin1StringView(".") || part == QLatin1StringView(".."))
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("root path \"%1\" in the image must not contain \".\" or \"..\"")
                    .arg(rootPath));
    }
    return parts.join(QLatin1Char('/'));
}

Result<LayerBlob> LayerWriter::write(const QString &sourceDir) const {
    auto root = normalizedRoot(m_rootPath);
    HELIOS_TRY(root);
    if (!m_modificationTime.isValid() || m_modificationTime.toSecsSinceEpoch() < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the layer's modification time must be a valid time after 1970"));
    const QFileInfo source(sourceDir);
    if (sourceDir.isEmpty() || !source.isDir())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("source directory does not exist"), sourceDir);

    // The root's parents first ("srv/", "srv/www/"), then the tree below it.
    QList<TreeEntry> entries;
    QByteArray prefix;
    for (const QString &part : root->split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix += part.toUtf8();
        TreeEntry parent;
        parent.path = prefix;
        parent.kind = TreeEntry::Kind::Directory;
        entries.append(parent);
        prefix += '/';
    }
    const qsizetype parents = entries.size();
    HELIOS_TRY(collect(source.absoluteFilePath(), QString(), prefix, entries));
    if (entries.size() == parents)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("source directory is empty: nothing to put in a layer"),
                         sourceDir);
    // Byte order of UTF-8 paths: a directory always sorts before what it contains.
    std::sort(entries.begin(), entries.end(),
              [](const TreeEntry &a, const TreeEntry &b) { return a.path < b.path; });

    Sink sink;
    ArchivePtr gzip(archive_write_new());
    ArchivePtr tar(archive_write_new());
    if (!gzip || !tar)
        return makeError(ErrorCode::Internal, QStringLiteral("libarchive: out of memory"));
    sink.gzipWriter = gzip.get();

    // No blocking on the gzip stream: padding after it would be read as a second,
    // broken gzip member by some tools.
    if (archive_write_set_format_raw(gzip.get()) != ARCHIVE_OK ||
        archive_write_add_filter_gzip(gzip.get()) != ARCHIVE_OK ||
        archive_write_set_filter_option(gzip.get(), "gzip", "timestamp", nullptr) != ARCHIVE_OK ||
        archive_write_set_bytes_per_block(gzip.get(), 0) != ARCHIVE_OK ||
        archive_write_open2(gzip.get(), &sink, nullptr, writeGzip, nullptr, nullptr) != ARCHIVE_OK)
        return archiveError(gzip.get(), QStringLiteral("cannot set up the gzip stream"));
    EntryPtr stream(archive_entry_new());
    archive_entry_set_pathname(stream.get(), "layer.tar");
    archive_entry_set_filetype(stream.get(), AE_IFREG);
    if (archive_write_header(gzip.get(), stream.get()) != ARCHIVE_OK)
        return archiveError(gzip.get(), QStringLiteral("cannot start the gzip stream"));

    if (archive_write_set_format_pax_restricted(tar.get()) != ARCHIVE_OK ||
        archive_write_open2(tar.get(), &sink, nullptr, writeTar, nullptr, nullptr) != ARCHIVE_OK)
        return archiveError(tar.get(), QStringLiteral("cannot set up the tar stream"));

    const qint64 mtime = m_modificationTime.toSecsSinceEpoch();
    for (const TreeEntry &entry : std::as_const(entries))
        HELIOS_TRY(writeEntry(tar.get(), entry, mtime));
    if (archive_write_close(tar.get()) != ARCHIVE_OK)
        return archiveError(tar.get(), QStringLiteral("cannot finish the tar stream"));
    if (archive_write_close(gzip.get()) != ARCHIVE_OK)
        return archiveError(gzip.get(), QStringLiteral("cannot finish the gzip stream"));

    LayerBlob layer;
    layer.bytes = std::move(sink.compressed);
    layer.size = layer.bytes.size();
    layer.digest = digestOf(Sha256::hash(layer.bytes));
    layer.diffId = digestOf(sink.tarHash.result());
    layer.uncompressedSize = sink.tarSize;
    layer.entryCount = static_cast<int>(entries.size());
    qCDebug(lcIgnis) << "layer of" << sourceDir << "under" << m_rootPath << ":" << layer.entryCount
                     << "entries," << layer.uncompressedSize << "bytes of tar," << layer.size
                     << "gzip'd";
    return layer;
}

} // namespace helios::ignis
