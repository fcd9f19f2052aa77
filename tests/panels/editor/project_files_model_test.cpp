// SPDX-License-Identifier: Apache-2.0
// ProjectFilesModel over a real directory: the folders it hides (only below the project),
// and the git states it shows on files and on the folders above them. No
// QAbstractItemModelTester: it would walk the whole file system from "/".
#include "editor/git_status_style.h"
#include "editor/project_files_model.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using helios::ignition::GitFileStatus;
using helios::panels::GitStatusStyle;
using helios::panels::ProjectFilesModel;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The names under the folder `dir` as listed so far. Looked up afresh each time: the proxy's
// indexes do not survive the rows the file system model adds while it lists.
QStringList childNames(ProjectFilesModel &model, const QString &dir)
{
    const QModelIndex parent = model.indexForPath(dir);
    // A folder is listed when asked, as a view does on expanding it.
    if (model.canFetchMore(parent))
        model.fetchMore(parent);
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(QFileInfo(model.filePath(model.index(row, 0, parent))).fileName());
    names.sort();
    return names;
}

} // namespace

class ProjectFilesModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // The project sits in a folder called dist: only folders below the project hide.
        m_root = m_dir->filePath(u"dist/project"_s);
        for (const char *file : {"package.json", "src/App.tsx", "src/theme.css", "node_modules/react/index.js",
                                 "dist/app.js", ".git/HEAD", ".gitignore", "src/dist/keep.ts"})
            QVERIFY(writeFile(m_root + u'/' + QString::fromLatin1(file), "x\n"));
    }
    void cleanup() { m_dir.reset(); }

    void testHidesGeneratedFoldersBelowTheProjectOnly()
    {
        ProjectFilesModel model;
        const QModelIndex root = model.setRootPath(m_root);
        QVERIFY(root.isValid());
        QCOMPARE(model.filePath(root), m_root);
        const QStringList top{u".gitignore"_s, u"package.json"_s, u"src"_s};
        QTRY_COMPARE(childNames(model, m_root), top);
        const QModelIndex src = model.indexForPath(m_root + u"/src"_s);
        QVERIFY(src.isValid());
        QVERIFY(model.isDir(src));
        // A dist folder deeper down is hidden too: no hand-edited sources live in one.
        const QStringList sources{u"App.tsx"_s, u"theme.css"_s};
        QTRY_COMPARE(childNames(model, m_root + u"/src"_s), sources);
    }

    void testShowsGitStatesOnFilesAndTheirFolders()
    {
        ProjectFilesModel model;
        QVERIFY(model.setRootPath(m_root).isValid());
        QTRY_COMPARE(childNames(model, m_root).size(), 3);
        QTRY_COMPARE(childNames(model, m_root + u"/src"_s).size(), 2);
        const QPersistentModelIndex src = model.indexForPath(m_root + u"/src"_s);
        const QPersistentModelIndex app = model.indexForPath(m_root + u"/src/App.tsx"_s);
        const QPersistentModelIndex theme = model.indexForPath(m_root + u"/src/theme.css"_s);
        const QPersistentModelIndex package = model.indexForPath(m_root + u"/package.json"_s);
        QVERIFY(app.isValid() && theme.isValid() && package.isValid());
        QCOMPARE(app.data().toString(), u"App.tsx"_s);
        QCOMPARE(app.data(ProjectFilesModel::GitStateRole).toString(), QString());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QList<GitFileStatus> status{{u"src/App.tsx"_s, GitFileStatus::State::Modified, false, {}},
                                          {u"src/theme.css"_s, GitFileStatus::State::New, true, {}}};
        // The states of another root are ignored.
        model.setGitStatus(m_dir->path(), status);
        QCOMPARE(changed.size(), 0);
        model.setGitStatus(m_root, status);
        QVERIFY(changed.size() >= 3); // both files and src
        QCOMPARE(app.data().toString(), u"App.tsx  M"_s);
        QCOMPARE(app.data(ProjectFilesModel::GitStateRole).toString(), u"M"_s);
        QCOMPARE(app.data(Qt::ForegroundRole).value<QColor>(), GitStatusStyle::colour(GitFileStatus::State::Modified));
        QCOMPARE(app.data(Qt::ToolTipRole).toString(), u"Modified"_s);
        QCOMPARE(theme.data().toString(), u"theme.css  A"_s);
        QCOMPARE(theme.data(Qt::ToolTipRole).toString(), u"Added"_s);
        QCOMPARE(src.data(Qt::ForegroundRole).value<QColor>(), GitStatusStyle::colour(GitFileStatus::State::Modified));
        QCOMPARE(package.data().toString(), u"package.json"_s);
        QVERIFY(!package.data(Qt::ForegroundRole).isValid());

        model.setGitStatus(m_root, {});
        QCOMPARE(app.data().toString(), u"App.tsx"_s);
        QVERIFY(!src.data(Qt::ForegroundRole).isValid());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

QTEST_MAIN(ProjectFilesModelTest)
#include "project_files_model_test.moc"
