// SPDX-License-Identifier: Apache-2.0
#include "tokens_cli_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

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

QString writeAll(const std::vector<PendingFile> &files)
{
    // Each output goes to a temporary beside it and is renamed over the target once all
    // are complete, so a failure leaves every old output in place. Outputs are
    // regenerable, so there is no fsync: it cost more than the whole token build.
    std::vector<std::unique_ptr<QTemporaryFile>> written;
    written.reserve(files.size());
    for (const PendingFile &file : files) {
        const QFileInfo info(file.path);
        const QString dir = info.absolutePath();
        if (!QDir().mkpath(dir))
            return QStringLiteral("%1: cannot create the directory %2").arg(file.path, dir);
        auto out = std::make_unique<QTemporaryFile>(dir + QStringLiteral("/.") + info.fileName()
                                                    + QStringLiteral(".XXXXXX"));
        if (!out->open())
            return QStringLiteral("%1: %2").arg(file.path, out->errorString());
        if (out->write(file.bytes) != file.bytes.size() || !out->flush())
            return QStringLiteral("%1: %2").arg(file.path, out->errorString());
        // QTemporaryFile creates files 0600; outputs are ordinary files.
        out->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                            | QFileDevice::ReadOther);
        written.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < written.size(); ++i) {
        QTemporaryFile &out = *written[i];
        out.close();
        // std::rename replaces an existing target atomically; QFile::rename refuses to.
        if (std::rename(QFile::encodeName(out.fileName()).constData(),
                        QFile::encodeName(files[i].path).constData())
            != 0) {
            return QStringLiteral("%1: %2").arg(files[i].path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        out.setAutoRemove(false);
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
