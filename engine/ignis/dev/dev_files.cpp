// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace helios::ignis::dev {

const QStringList &moduleExtensions()
{
    static const QStringList extensions{QStringLiteral(".tsx"), QStringLiteral(".ts"), QStringLiteral(".jsx"),
                                        QStringLiteral(".js"), QStringLiteral(".mjs")};
    return extensions;
}

bool isModule(const QString &path)
{
    return std::any_of(moduleExtensions().begin(), moduleExtensions().end(),
                       [&](const QString &extension) { return path.endsWith(extension); });
}

bool usesJsx(const QString &urlPath)
{
    return urlPath.endsWith(QLatin1String(".tsx")) || urlPath.endsWith(QLatin1String(".jsx"));
}

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? file.readAll() : QByteArray();
}

QString scratchDir()
{
    for (const QString &dir : {qEnvironmentVariable("XDG_RUNTIME_DIR"), QStringLiteral("/dev/shm")}) {
        const QFileInfo info(dir);
        if (!dir.isEmpty() && info.isDir() && info.isWritable())
            return dir;
    }
    return QDir::tempPath();
}

QByteArray jsString(const QString &text)
{
    // A JSON string is a JavaScript string literal: the one element of a compact array.
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

} // namespace helios::ignis::dev
