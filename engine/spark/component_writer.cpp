// SPDX-License-Identifier: Apache-2.0
#include "spark/component_writer.h"

#include "core/logging.h"
#include "spark/component_library.h"
#include "spark/validation/component_validator.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace helios::spark {

namespace {

bool isInside(const QString &path, const QString &root) { return path.startsWith(root + QLatin1Char('/')); }

Result<void> writeAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    if (file.write(content) != content.size() || !file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    return {};
}

// `relative` under `root` (canonical) as an existing directory, made one level at a time so
// that a symbolic link leading out of `root` is seen before anything is created beyond it.
// Returns its canonical path.
Result<QString> insideDirectory(const QString &root, const QString &relative)
{
    QString current = root;
    const QStringList segments = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        const QString next = current + QLatin1Char('/') + segment;
        if (!QFileInfo::exists(next) && !QDir(current).mkdir(segment))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create the folder"), next);
        const QString canonical = QFileInfo(next).canonicalFilePath();
        if (canonical.isEmpty() || !QFileInfo(canonical).isDir() || !isInside(canonical, root))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 leads outside the project or is not a folder (a symbolic link?): "
                                            "nothing was written")
                                 .arg(next),
                             next);
        current = canonical;
    }
    return current;
}

// Appends `line` to the project's `relativeFile` unless `present` matches it already or the
// file is not there (a project without it does not want the line). Returns whether the
// file was changed.
Result<bool> appendLineUnlessPresent(const QString &projectDir, const QString &relativeFile,
                                     const QRegularExpression &present, const QByteArray &line)
{
    const QString path = projectDir + QLatin1Char('/') + relativeFile;
    QFileInfo info(path);
    if (!info.isFile())
        return false;
    const QString canonical = info.canonicalFilePath();
    if (!isInside(canonical, projectDir))
        return false; // a link to a file elsewhere is not the project's to edit
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read: %1").arg(file.errorString()), path);
    QByteArray content = file.readAll();
    file.close();
    if (present.match(QString::fromUtf8(content)).hasMatch())
        return false;
    if (!content.isEmpty() && !content.endsWith('\n'))
        content.append('\n');
    content.append(line + '\n');
    HELIOS_TRY(writeAtomically(canonical, content));
    return true;
}

// src/index.ts exports the component; src/stories.ts (the template's showcase list) lists
// its stories when it has any. Returns the files changed.
Result<QStringList> registerComponent(const QString &projectDir, const GeneratedComponent &component)
{
    const QByteArray name = component.name.toUtf8();
    QStringList changed;
    const QRegularExpression exported(
        QStringLiteral("from\\s+['\"]\\./components/%1(/index(\\.ts)?)?['\"]").arg(component.name));
    const auto index = appendLineUnlessPresent(projectDir, QStringLiteral("src/index.ts"), exported,
                                               "export * from './components/" + name + "';");
    if (!index.ok())
        return index.error();
    if (*index)
        changed.append(QStringLiteral("src/index.ts"));

    const QString storiesFile = component.name + QLatin1Char('/') + component.name + QStringLiteral(".stories.tsx");
    const bool hasStories = std::any_of(component.files.cbegin(), component.files.cend(),
                                        [&](const GeneratedFile &file) { return file.path == storiesFile; });
    if (!hasStories)
        return changed;
    const QRegularExpression listed(
        QStringLiteral("from\\s+['\"]\\./components/%1/%1\\.stories(\\.tsx)?['\"]").arg(component.name));
    const auto stories = appendLineUnlessPresent(projectDir, QStringLiteral("src/stories.ts"), listed,
                                                 "export * as " + name + " from './components/" + name + '/' + name +
                                                     ".stories';");
    if (!stories.ok())
        return stories.error();
    if (*stories)
        changed.append(QStringLiteral("src/stories.ts"));
    return changed;
}

} // namespace

Result<QStringList> writeComponentIntoProject(const GeneratedComponent &component, const QString &projectDir)
{
    const QString project = QFileInfo(projectDir).canonicalFilePath();
    if (project.isEmpty() || !QFileInfo(project).isDir())
        return makeError(ErrorCode::NotFound, QStringLiteral("no project directory"), projectDir);
    if (const QString problem = ComponentLibrary::nameProblem(component.name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, projectDir);
    if (component.files.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the component has no files"), component.name);

    QSet<QString> seen;
    for (const GeneratedFile &file : component.files) {
        if (!ComponentValidator::isAllowedPath(component.name, file.path))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("refusing the path \"%1\": a component's files stay in its folder %2/; "
                                            "nothing was written")
                                 .arg(file.path.left(200), component.name),
                             projectDir);
        if (seen.contains(file.path))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the component has two files at %1; nothing was written").arg(file.path),
                             projectDir);
        seen.insert(file.path);
    }

    const QString componentsRelative = QStringLiteral("src/components");
    const QString components = project + QLatin1Char('/') + componentsRelative;
    // Every target's folder is made and checked before the first byte is written.
    QStringList targets;
    targets.reserve(component.files.size());
    for (const GeneratedFile &file : component.files) {
        const QString relative = componentsRelative + QLatin1Char('/') + QDir::cleanPath(file.path);
        const auto parent = insideDirectory(project, relative.section(QLatin1Char('/'), 0, -2));
        if (!parent.ok())
            return parent.error();
        const QFileInfo existing(*parent + QLatin1Char('/') + relative.section(QLatin1Char('/'), -1));
        if (existing.isSymLink() || existing.isDir())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 is a %2, not a file this component may replace; nothing was written")
                                 .arg(file.path, existing.isSymLink() ? QStringLiteral("symbolic link")
                                                                      : QStringLiteral("folder")),
                             components);
        targets.append(existing.absoluteFilePath());
    }

    const QDir root(project);
    QStringList written;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        HELIOS_TRY(writeAtomically(targets.at(i), component.files.at(i).content));
        written.append(root.relativeFilePath(targets.at(i)));
    }
    const auto registered = registerComponent(project, component);
    if (!registered.ok())
        return registered.error();
    written.append(*registered);
    qCInfo(lcSpark) << "wrote component" << component.name << "into" << project << ":" << written.size() << "files";
    return written;
}

} // namespace helios::spark
