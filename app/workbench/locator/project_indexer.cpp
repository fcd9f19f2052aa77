// SPDX-License-Identifier: Apache-2.0
#include "project_indexer.h"

#include "slate/token_reader.h"

#include <QDir>
#include <QFileInfo>

namespace helios::workbench {

namespace {

bool skippedFolder(const QString &name)
{
    return name == u"node_modules" || name == u"dist" || name == u".git";
}

// Depth first, names sorted, so the same tree always gives the same list.
void collectFiles(const QDir &root, const QString &dir, int maxFiles, QList<LocatorEntry> &out)
{
    const QFileInfoList children = QDir(dir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                                                           QDir::Name | QDir::DirsLast);
    for (const QFileInfo &child : children) {
        if (out.size() >= maxFiles)
            return;
        if (child.isDir()) {
            if (!child.isSymLink() && !skippedFolder(child.fileName()))
                collectFiles(root, child.filePath(), maxFiles, out);
            continue;
        }
        LocatorEntry entry;
        entry.kind = LocatorEntry::Kind::File;
        entry.title = child.fileName();
        entry.detail = root.relativeFilePath(child.filePath());
        entry.file = child.absoluteFilePath();
        entry.line = 1;
        entry.column = 1;
        out.append(entry);
    }
}

} // namespace

QList<LocatorEntry> ProjectIndexer::index(const QString &projectDir, int maxFiles)
{
    QList<LocatorEntry> entries = components(projectDir);
    entries += tokens(projectDir);
    entries += files(projectDir, maxFiles);
    return entries;
}

QList<LocatorEntry> ProjectIndexer::files(const QString &projectDir, int maxFiles)
{
    QList<LocatorEntry> entries;
    const QDir root(projectDir);
    if (root.exists())
        collectFiles(root, root.absolutePath(), maxFiles, entries);
    return entries;
}

QList<LocatorEntry> ProjectIndexer::tokens(const QString &projectDir)
{
    QList<LocatorEntry> entries;
    const QDir root(projectDir);
    const QDir tokenDir(root.filePath(QStringLiteral("tokens")));
    const QStringList names = tokenDir.entryList({QStringLiteral("*.tokens.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        // One reader per file: merged, a theme file's override would hide the base token.
        slate::TokenReader reader;
        const QString path = tokenDir.absoluteFilePath(name);
        const QString relative = root.relativeFilePath(path);
        reader.addFile(path, relative);
        const slate::TokenSet set = reader.finish();
        for (const slate::Token &token : set.tokens()) {
            LocatorEntry entry;
            entry.kind = LocatorEntry::Kind::Token;
            entry.title = token.path;
            entry.line = qMax(1, token.position.line);
            entry.column = qMax(1, token.position.column);
            entry.detail = QStringLiteral("%1:%2").arg(relative).arg(entry.line);
            entry.file = path;
            entries.append(entry);
        }
    }
    return entries;
}

QList<LocatorEntry> ProjectIndexer::components(const QString &projectDir)
{
    QList<LocatorEntry> entries;
    const QDir root(projectDir);
    const QDir componentDir(root.filePath(QStringLiteral("src/components")));
    for (const QString &name : componentDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString source = componentDir.absoluteFilePath(name + u'/' + name + QStringLiteral(".tsx"));
        if (!QFileInfo(source).isFile())
            continue;
        LocatorEntry entry;
        entry.kind = LocatorEntry::Kind::Component;
        entry.title = name;
        entry.detail = root.relativeFilePath(source);
        entry.file = source;
        entry.line = 1;
        entry.column = 1;
        entries.append(entry);
    }
    return entries;
}

} // namespace helios::workbench
