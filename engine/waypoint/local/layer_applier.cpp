// SPDX-License-Identifier: Apache-2.0
#include "layer_applier.h"

#include "core/logging.h"
#include "layer_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <unistd.h>

namespace helios::waypoint {

namespace {

const QString WhiteoutPrefix = QStringLiteral(".wh.");
const QString OpaqueMarker = QStringLiteral(".wh..wh..opq");

Error refused(const QString &entryPath, const QString &why, const QString &digest)
{
    return makeError(ErrorCode::Corrupt, QStringLiteral("layer entry \"%1\" refused: %2").arg(entryPath, why), digest);
}

// "./srv//www/" -> "srv/www"; nullopt for a ".." component anywhere.
std::optional<QString> normalizedPath(const QString &raw)
{
    QStringList parts;
    for (const QString &part : raw.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1StringView("."))
            continue;
        if (part == QLatin1StringView(".."))
            return std::nullopt;
        parts.append(part);
    }
    return parts.join(QLatin1Char('/'));
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QString nameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString joined(const QString &dir, const QString &name)
{
    return dir.isEmpty() ? name : dir + QLatin1Char('/') + name;
}

// Where a relative link at `linkDir` (relative to the root) lands, lexically; nullopt
// when it climbs out of the root.
std::optional<QString> linkDestination(const QString &linkDir, const QString &target)
{
    QStringList parts = linkDir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1StringView("."))
            continue;
        if (part == QLatin1StringView("..")) {
            if (parts.isEmpty())
                return std::nullopt;
            parts.removeLast();
        } else {
            parts.append(part);
        }
    }
    return parts.join(QLatin1Char('/'));
}

// Removes a file, link or whole directory (links inside are removed, never followed).
void removePath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir() && !info.isSymLink())
        QDir(path).removeRecursively();
    else if (info.exists() || info.isSymLink())
        QFile::remove(path);
}

} // namespace

LayerApplier::LayerApplier(const QString &rootPath, QString targetDir)
    : m_root(normalizedPath(rootPath).value_or(QString()))
    , m_targetDir(std::move(targetDir))
{
}

Result<void> LayerApplier::apply(const QByteArray &layer, const QString &digest)
{
    m_writtenThisLayer.clear();
    LayerReader reader(layer, digest);
    LayerEntry entry;
    for (;;) {
        const Result<bool> more = reader.next(entry);
        if (!more.ok())
            return more.error();
        if (!*more)
            return {};
        HELIOS_TRY(applyEntry(reader, entry, digest));
    }
}

Result<void> LayerApplier::applyEntry(LayerReader &reader, const LayerEntry &entry, const QString &digest)
{
    const std::optional<QString> imagePath = normalizedPath(entry.path);
    if (!imagePath)
        return refused(entry.path, QStringLiteral("its path climbs out with \"..\""), digest);
    if (imagePath->isEmpty())
        return {}; // "./", the image's top directory

    const QString name = nameOf(*imagePath);
    if (name == OpaqueMarker) {
        makeOpaque(parentOf(*imagePath));
        return {};
    }
    if (name.startsWith(WhiteoutPrefix)) {
        whiteOut(joined(parentOf(*imagePath), name.mid(WhiteoutPrefix.size())));
        return {};
    }

    const std::optional<QString> relative = belowRoot(*imagePath);
    if (!relative)
        return {}; // the base image's own files: not part of the site
    if (relative->isEmpty()) {
        if (entry.type != LayerEntry::Type::Directory)
            return refused(entry.path, QStringLiteral("the image's site root is not a directory"), digest);
        return {};
    }

    HELIOS_TRY(prepareParents(*relative, digest));
    const QString target = absolute(*relative);
    switch (entry.type) {
    case LayerEntry::Type::Directory: {
        const QFileInfo existing(target);
        if (existing.isSymLink() || (existing.exists() && !existing.isDir()))
            removePath(target);
        if (!QDir().mkpath(target))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create directory"), target);
        break;
    }
    case LayerEntry::Type::File: {
        removePath(target);
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create file: ") + file.errorString(), target);
        const Result<qint64> written = reader.copyData(file);
        if (!written.ok())
            return written.error();
        if (entry.executable)
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        break;
    }
    case LayerEntry::Type::Symlink: {
        if (entry.linkTarget.startsWith(QLatin1Char('/')))
            return refused(entry.path, QStringLiteral("absolute symbolic link to \"%1\"").arg(entry.linkTarget), digest);
        if (!linkDestination(parentOf(*relative), entry.linkTarget))
            return refused(entry.path,
                           QStringLiteral("symbolic link to \"%1\" leaves %2").arg(entry.linkTarget, QLatin1Char('/') + m_root),
                           digest);
        removePath(target);
        if (::symlink(QFile::encodeName(entry.linkTarget).constData(), QFile::encodeName(target).constData()) != 0)
            return makeError(ErrorCode::Io, QStringLiteral("cannot create symbolic link"), target);
        break;
    }
    case LayerEntry::Type::Hardlink: {
        const std::optional<QString> linkedImagePath = normalizedPath(entry.linkTarget);
        const std::optional<QString> linked = linkedImagePath ? belowRoot(*linkedImagePath) : std::nullopt;
        if (!linked || linked->isEmpty())
            return refused(entry.path, QStringLiteral("hard link to \"%1\" outside %2").arg(entry.linkTarget, QLatin1Char('/') + m_root),
                           digest);
        const QFileInfo source(absolute(*linked));
        if (!source.isFile() || source.isSymLink())
            return refused(entry.path, QStringLiteral("hard link to \"%1\", which is no file before it").arg(entry.linkTarget),
                           digest);
        removePath(target);
        if (!QFile::copy(source.filePath(), target))
            return makeError(ErrorCode::Io, QStringLiteral("cannot copy hard-linked file"), target);
        break;
    }
    case LayerEntry::Type::Other:
        // Devices and pipes have no place in a web site; serving one would hang.
        qCDebug(lcWaypoint) << "skipping special file" << entry.path << "in layer" << digest;
        return {};
    }
    markWritten(*relative);
    return {};
}

std::optional<QString> LayerApplier::belowRoot(const QString &imagePath) const
{
    if (m_root.isEmpty())
        return imagePath;
    if (imagePath == m_root)
        return QString();
    if (imagePath.startsWith(m_root + QLatin1Char('/')))
        return imagePath.mid(m_root.size() + 1);
    return std::nullopt;
}

bool LayerApplier::isAncestorOfRoot(const QString &imagePath) const
{
    return !m_root.isEmpty() && (imagePath.isEmpty() || m_root.startsWith(imagePath + QLatin1Char('/')));
}

void LayerApplier::whiteOut(const QString &imagePath)
{
    if (isAncestorOfRoot(imagePath)) {
        clearLower(QString());
        return;
    }
    const std::optional<QString> relative = belowRoot(imagePath);
    if (!relative)
        return;
    if (relative->isEmpty())
        clearLower(QString());
    else if (!m_writtenThisLayer.contains(*relative) && !hasLinkedParent(*relative))
        removePath(absolute(*relative));
}

void LayerApplier::makeOpaque(const QString &imageDir)
{
    if (isAncestorOfRoot(imageDir)) {
        clearLower(QString());
        return;
    }
    if (const std::optional<QString> relative = belowRoot(imageDir))
        clearLower(*relative);
}

void LayerApplier::clearLower(const QString &relativeDir)
{
    const QFileInfo dirInfo(absolute(relativeDir));
    if (!dirInfo.isDir() || dirInfo.isSymLink())
        return;
    const QStringList children =
        QDir(dirInfo.filePath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &child : children) {
        const QString relative = joined(relativeDir, child);
        if (!m_writtenThisLayer.contains(relative))
            removePath(absolute(relative));
        else
            clearLower(relative); // kept, but what lower layers put inside it goes
    }
}

Result<void> LayerApplier::prepareParents(const QString &relative, const QString &digest)
{
    QString prefix;
    const QStringList parts = parentOf(relative).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        prefix = joined(prefix, part);
        const QFileInfo info(absolute(prefix));
        if (info.isSymLink())
            return refused(relative, QStringLiteral("it would be written through the symbolic link \"%1\"").arg(prefix), digest);
        if (info.exists() && !info.isDir())
            removePath(info.filePath()); // a later layer's directory replaces a lower file
        if (!info.isDir() && !QDir().mkdir(info.filePath()))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create directory"), info.filePath());
    }
    return {};
}

bool LayerApplier::hasLinkedParent(const QString &relative) const
{
    for (QString path = parentOf(relative); !path.isEmpty(); path = parentOf(path))
        if (QFileInfo(absolute(path)).isSymLink())
            return true;
    return false;
}

void LayerApplier::markWritten(const QString &relative)
{
    for (QString path = relative; !path.isEmpty(); path = parentOf(path))
        m_writtenThisLayer.insert(path);
}

QString LayerApplier::absolute(const QString &relative) const
{
    return relative.isEmpty() ? m_targetDir : m_targetDir + QLatin1Char('/') + relative;
}

} // namespace helios::waypoint
