// SPDX-License-Identifier: Apache-2.0
#include "tokens_cli_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace helios::cli::tokens {

void printDiagnostics(QTextStream &err, const slate::Diagnostics &diagnostics)
{
    for (const slate::Diagnostic &d : diagnostics)
        err << d.toString() << '\n';
}

int errorCount(const slate::Diagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(), [](const slate::Diagnostic &d) { return d.isError(); }));
}

int warningCount(const slate::Diagnostics &diagnostics)
{
    return int(diagnostics.size()) - errorCount(diagnostics);
}

QString countsText(const slate::Diagnostics &diagnostics)
{
    const int errors = errorCount(diagnostics);
    const int warnings = warningCount(diagnostics);
    return QStringLiteral("%1 error%2, %3 warning%4")
        .arg(errors)
        .arg(errors == 1 ? QString() : QStringLiteral("s"))
        .arg(warnings)
        .arg(warnings == 1 ? QString() : QStringLiteral("s"));
}

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

namespace {

// Writes `bytes` to a new file at `path` (created exclusively, mode 0666 less the umask).
QString writeNew(const QByteArray &path, const QByteArray &bytes)
{
    int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST && ::unlink(path.constData()) == 0) // left by a crashed run with our pid
        fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return QString::fromLocal8Bit(std::strerror(error));
        }
        done += n;
    }
    if (::close(fd) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    return {};
}

} // namespace

QString writeAll(const std::vector<PendingFile> &files)
{
    // Each output goes to a temporary beside it and is renamed over the target once all
    // are complete, so a failure leaves every old output in place. Outputs are
    // regenerable, so there is no fsync: it cost more than the whole token build. The
    // temporaries are named by pid, not by QTemporaryFile: its random names seed Qt's
    // global generator from RDSEED, which took 0.35 ms of every build on this VM.
    std::vector<QByteArray> temporaries;
    temporaries.reserve(files.size());
    const auto fail = [&temporaries](const QString &message) {
        for (const QByteArray &temporary : temporaries)
            ::unlink(temporary.constData());
        return message;
    };
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const PendingFile &file = files[i];
        const QFileInfo info(file.path);
        const QString dir = info.absolutePath();
        if (!QDir().mkpath(dir))
            return fail(QStringLiteral("%1: cannot create the directory %2").arg(file.path, dir));
        const QByteArray temporary = QFile::encodeName(dir + QStringLiteral("/.") + info.fileName()) + '.' + pid
            + '-' + QByteArray::number(qulonglong(i)) + ".tmp";
        const QString error = writeNew(temporary, file.bytes);
        if (!error.isEmpty()) {
            ::unlink(temporary.constData());
            return fail(QStringLiteral("%1: %2").arg(file.path, error));
        }
        temporaries.push_back(temporary);
    }
    for (std::size_t i = 0; i < temporaries.size(); ++i) {
        // rename(2) replaces an existing target atomically; QFile::rename refuses to.
        if (std::rename(temporaries[i].constData(), QFile::encodeName(files[i].path).constData()) != 0) {
            const QString error = QString::fromLocal8Bit(std::strerror(errno));
            temporaries.erase(temporaries.begin(), temporaries.begin() + qsizetype(i));
            return fail(QStringLiteral("%1: %2").arg(files[i].path, error));
        }
    }
    return {};
}

bool takeValue(const QStringList &args, qsizetype &i, QString &value, QString &error)
{
    if (i + 1 >= args.size() || (args[i + 1].startsWith(QLatin1StringView("--")) && args[i + 1].size() > 2)) {
        error = args[i] + QStringLiteral(" needs a value");
        return false;
    }
    value = args[++i];
    return true;
}

} // namespace helios::cli::tokens
