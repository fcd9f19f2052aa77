// SPDX-License-Identifier: Apache-2.0
#include "tokens_cli_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace helios::cli::tokens {

QJsonObject diagnosticJson(const slate::Diagnostic &d)
{
    QJsonObject o{{QStringLiteral("file"), d.file},
                  {QStringLiteral("line"), d.position.line},
                  {QStringLiteral("column"), d.position.column},
                  {QStringLiteral("severity"), d.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                  {QStringLiteral("kind"), slate::diagnosticKindName(d.kind)},
                  {QStringLiteral("message"), d.message}};
    if (!d.tokenPath.isEmpty())
        o.insert(QStringLiteral("tokenPath"), d.tokenPath);
    if (!d.expected.isEmpty())
        o.insert(QStringLiteral("expected"), d.expected);
    if (!d.found.isEmpty())
        o.insert(QStringLiteral("found"), d.found);
    return o;
}

QJsonArray diagnosticsJson(const slate::Diagnostics &diagnostics)
{
    QJsonArray out;
    for (const slate::Diagnostic &d : diagnostics)
        out.append(diagnosticJson(d));
    return out;
}

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
    std::vector<std::unique_ptr<QSaveFile>> open;
    open.reserve(files.size());
    for (const PendingFile &file : files) {
        const QString dir = QFileInfo(file.path).absolutePath();
        if (!QDir().mkpath(dir))
            return QStringLiteral("%1: cannot create the directory %2").arg(file.path, dir);
        auto out = std::make_unique<QSaveFile>(file.path);
        if (!out->open(QIODevice::WriteOnly))
            return QStringLiteral("%1: %2").arg(file.path, out->errorString());
        if (out->write(file.bytes) != file.bytes.size())
            return QStringLiteral("%1: %2").arg(file.path, out->errorString());
        open.push_back(std::move(out));
    }
    // Every temporary is complete: only renames are left. (Returning early above drops
    // the QSaveFiles uncommitted, which removes their temporaries.)
    for (const auto &out : open) {
        if (!out->commit())
            return QStringLiteral("%1: %2").arg(out->fileName(), out->errorString());
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
