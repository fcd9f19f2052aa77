// SPDX-License-Identifier: Apache-2.0
#include "ignis/input_snapshot.h"

#include "core/sha256.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace helios::ignis {

namespace {

namespace fs = std::filesystem;

struct FileDigest {
    QString path;     // relative, '/'-separated
    QByteArray hex;
    qint64 size = 0;
    QString error;
};

bool isSkippedDirectory(const fs::path &name)
{
    return name == "node_modules" || name == ".git" || name == ".helios";
}

// Plain open/read: QFile's extra stat calls cost more than the hashing for small files.
void hashRange(const QString &root, std::vector<FileDigest> &files, size_t begin, size_t end)
{
    Sha256 hash;
    std::vector<char> buffer(64 * 1024);
    const QByteArray base = QFile::encodeName(root) + '/';
    for (size_t i = begin; i < end; ++i) {
        FileDigest &file = files[i];
        const QByteArray path = base + QFile::encodeName(file.path);
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            file.error = QString::fromLocal8Bit(std::strerror(errno));
            continue;
        }
        ssize_t n = 0;
        while ((n = ::read(fd, buffer.data(), buffer.size())) > 0) {
            hash.add(QByteArrayView(buffer.data(), n));
            file.size += n;
            // A regular file reads short only at its end: no second read to learn that.
            if (size_t(n) < buffer.size())
                break;
        }
        if (n < 0)
            file.error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        file.hex = hash.result().toHex();
    }
}

} // namespace

Result<InputSnapshot> InputSnapshot::take(const QString &projectDir, const QStringList &excludedDirs)
{
    const fs::path root(projectDir.toStdString());
    std::vector<fs::path> excluded;
    for (const QString &dir : excludedDirs)
        excluded.push_back(root / dir.toStdString());

    std::vector<FileDigest> files;
    std::error_code error;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
    if (error)
        return makeError(ErrorCode::Io, QStringLiteral("cannot list the project: ") + QString::fromStdString(error.message()),
                         projectDir);
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
        if (error)
            return makeError(ErrorCode::Io, QStringLiteral("cannot list the project: ") + QString::fromStdString(error.message()),
                             projectDir);
        const fs::directory_entry &entry = *it;
        if (entry.is_directory(error)) {
            if (isSkippedDirectory(entry.path().filename()) ||
                std::find(excluded.begin(), excluded.end(), entry.path()) != excluded.end())
                it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(error))
            continue;  // sockets, dangling links: nothing a bundler reads
        files.push_back({QString::fromStdString(entry.path().lexically_relative(root).generic_string()), {}, 0, {}});
    }
    std::sort(files.begin(), files.end(), [](const FileDigest &a, const FileDigest &b) { return a.path < b.path; });

    // Reading is most of the cost; two threads keep both cores of a small machine busy.
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
    const size_t chunk = (files.size() + workers - 1) / std::max<size_t>(workers, 1);
    std::vector<std::thread> threads;
    for (size_t begin = chunk; begin < files.size(); begin += chunk)
        threads.emplace_back(hashRange, projectDir, std::ref(files), begin, std::min(files.size(), begin + chunk));
    hashRange(projectDir, files, 0, std::min(files.size(), chunk));
    for (std::thread &thread : threads)
        thread.join();

    InputSnapshot snapshot;
    snapshot.m_digests.reserve(qsizetype(files.size()));
    Sha256 listing;
    Sha256 content;
    for (const FileDigest &file : files) {
        if (!file.error.isEmpty())
            return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(file.path, file.error), projectDir);
        const QByteArray path = file.path.toUtf8();
        listing.add(path);
        listing.add(QByteArrayView("\n", 1));
        content.add(path);
        content.add(QByteArrayView("\0", 1));
        content.add(file.hex);
        content.add(QByteArrayView("\n", 1));
        snapshot.m_digests.insert(file.path, QString::fromLatin1(file.hex));
        snapshot.m_totalBytes += file.size;
    }
    snapshot.m_listingDigest = listing.result().toHex();
    snapshot.m_contentDigest = content.result().toHex();
    return snapshot;
}

} // namespace helios::ignis
