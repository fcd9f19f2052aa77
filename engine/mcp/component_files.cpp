// SPDX-License-Identifier: Apache-2.0
#include "mcp/component_files.h"

#include "ignis/project_config.h"
#include "spark/component_library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace helios::mcp {

namespace {

constexpr qsizetype MaxPathLength = 200;

QString componentsDir(const QString &projectDir) { return projectDir + QStringLiteral("/src/components"); }

} // namespace

const QStringList &allowedComponentSuffixes()
{
    // .module.css is a .css; SPARK's validator and writer take exactly these.
    static const QStringList suffixes{QStringLiteral(".tsx"), QStringLiteral(".ts"), QStringLiteral(".css")};
    return suffixes;
}

QString componentPathProblem(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("the path is empty");
    if (path.size() > MaxPathLength)
        return QStringLiteral("the path has more than %1 characters").arg(MaxPathLength);
    if (path.startsWith(QLatin1Char('/')) || QDir::isAbsolutePath(path))
        return QStringLiteral("\"%1\" is absolute: paths are relative to the component's folder").arg(path.left(80));
    for (const QChar c : path) {
        if (c == QLatin1Char('\\'))
            return QStringLiteral("\"%1\" has a backslash: use \"/\"").arg(path.left(80));
        if (c == QLatin1Char(':'))
            return QStringLiteral("\"%1\" has a colon").arg(path.left(80));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("the path has a control character (NUL, newline…)");
    }
    const QStringList segments = path.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment == QLatin1StringView(".."))
            return QStringLiteral("\"%1\" climbs out with \"..\": files stay inside the component's folder").arg(path.left(80));
        if (segment.isEmpty() || segment == QLatin1StringView("."))
            return QStringLiteral("\"%1\" has an empty or \".\" segment").arg(path.left(80));
        if (segment.startsWith(QLatin1Char('.')))
            return QStringLiteral("\"%1\" names a hidden file or folder").arg(path.left(80));
    }
    const QStringList &suffixes = allowedComponentSuffixes();
    if (std::none_of(suffixes.cbegin(), suffixes.cend(), [&](const QString &suffix) { return path.endsWith(suffix); }))
        return QStringLiteral("\"%1\" is not a component file: the suffixes are %2")
            .arg(path.left(80), suffixes.join(QStringLiteral(", ")));
    return {};
}

QStringList componentNamesOnDisk(const QString &projectDir)
{
    QStringList names;
    const QDir dir(componentsDir(projectDir));
    const QFileInfoList entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!entry.isSymLink() && spark::ComponentLibrary::nameProblem(entry.fileName()).isEmpty())
            names << entry.fileName();
    }
    return names;
}

Result<QList<spark::GeneratedFile>> readComponentFolder(const QString &projectDir, const QString &name)
{
    const QString folder = componentsDir(projectDir) + QLatin1Char('/') + name;
    const QFileInfo folderInfo(folder);
    if (!folderInfo.isDir() || folderInfo.isSymLink())
        return makeError(ErrorCode::NotFound, QStringLiteral("no component %1 in the project (src/components/%1/)").arg(name),
                         folder);
    QList<spark::GeneratedFile> files;
    const QDir root(folder);
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue; // a link may lead anywhere: only the folder's own files are its files
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("cannot read: %1").arg(file.errorString()), path);
        files.append(spark::GeneratedFile{root.relativeFilePath(path), file.readAll()});
    }
    std::sort(files.begin(), files.end(),
              [](const spark::GeneratedFile &a, const spark::GeneratedFile &b) { return a.path < b.path; });
    return files;
}

QString componentProjectKey(const QString &projectDir)
{
    const ignis::ProjectConfig config = ignis::ProjectConfig::read(projectDir);
    QString key = config.name.isEmpty() ? QFileInfo(projectDir).fileName() : config.name;
    for (QChar &c : key) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
                        || u == u'_' || u == u'-' || u == u'/' || u == u'@';
        if (!ok)
            c = QLatin1Char('-');
    }
    key.truncate(200);
    return key.isEmpty() ? QStringLiteral("project") : key;
}

} // namespace helios::mcp
