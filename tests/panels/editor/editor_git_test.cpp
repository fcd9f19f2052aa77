// SPDX-License-Identifier: Apache-2.0
// EditorPanel on a real git repository: the tree shows modified and new files after a
// save, the commit dialog lists them all checked, refuses an empty message, commits the
// checked files off the UI thread and the status is clean afterwards.
#include "editor/commit_dialog.h"
#include "editor/editor_panel.h"
#include "editor/project_files_model.h"

#include "backend_under_test.h"
#include "engine.h"
#include "ignition/git_client.h"
#include "ignition/git_worktree.h"
#include "two_dock_panel_host.h"

#include "editor/qscintilla.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using helios::ignition::GitClient;
using helios::ignition::GitFileStatus;
using helios::ignition::GitWorktree;
using helios::panels::CommitDialog;
using helios::panels::EditorPanel;
using helios::panels::ProjectFilesModel;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class EditorGitTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_project = m_dir->filePath(u"project"_s);
        QVERIFY(writeFile(m_project + u"/src/App.tsx"_s, "export const App = () => null;\n"));
        QVERIFY(writeFile(m_project + u"/src/theme.css"_s, ":root { --brand: red; }\n"));
        auto first = GitClient::initAndCommit(m_project, u"main"_s, {}, u"first"_s);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        auto engine = helios::Engine::open(helios::test::configFor(m_dir->filePath(u"data"_s), {}));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<helios::test::TwoDockPanelHost>();
        m_panel = std::make_unique<EditorPanel>(*m_engine, *m_host);
        QSignalSpy refreshed(m_panel.get(), &EditorPanel::gitStatusRefreshed);
        m_panel->setProjectDir(m_project);
        QVERIFY(refreshed.wait());
        QVERIFY(m_panel->isGitRepository());
        QVERIFY(m_panel->gitStatus().isEmpty());
        QVERIFY(m_panel->commitAction()->isEnabled());
    }

    void cleanup()
    {
        m_panel.reset();
        m_host.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testSavedEditsShowInTheTree()
    {
        const QString app = m_project + u"/src/App.tsx"_s;
        QVERIFY(writeFile(m_project + u"/src/Button.tsx"_s, "export const Button = () => null;\n"));
        QVERIFY(m_panel->openFile(app));
        m_panel->currentEditor()->append(u"// edited\n"_s);
        QSignalSpy refreshed(m_panel.get(), &EditorPanel::gitStatusRefreshed);
        QVERIFY(m_panel->save());
        QTRY_VERIFY(!refreshed.isEmpty());
        QTRY_COMPARE(m_panel->gitStatus().size(), 2);
        const QList<GitFileStatus> expected{{u"src/App.tsx"_s, GitFileStatus::State::Modified, false, {}},
                                            {u"src/Button.tsx"_s, GitFileStatus::State::New, false, {}}};
        QCOMPARE(m_panel->gitStatus(), expected);

        ProjectFilesModel *model = m_panel->filesModel();
        m_panel->fileTree()->expand(model->indexForPath(m_project + u"/src"_s));
        QTRY_VERIFY(model->indexForPath(app).isValid());
        QTRY_VERIFY(model->indexForPath(m_project + u"/src/Button.tsx"_s).isValid());
        QCOMPARE(model->indexForPath(app).data(ProjectFilesModel::GitStateRole).toString(), u"M"_s);
        QCOMPARE(model->indexForPath(m_project + u"/src/Button.tsx"_s).data(ProjectFilesModel::GitStateRole).toString(),
                 u"U"_s);
        QCOMPARE(model->indexForPath(m_project + u"/src/theme.css"_s).data(ProjectFilesModel::GitStateRole).toString(),
                 QString());
    }

    void testCommitDialogCommitsTheCheckedFiles()
    {
        QVERIFY(writeFile(m_project + u"/src/App.tsx"_s, "export const App = () => 1;\n"));
        QVERIFY(writeFile(m_project + u"/src/Button.tsx"_s, "export const Button = () => null;\n"));
        QVERIFY(QFile::remove(m_project + u"/src/theme.css"_s));
        QSignalSpy refreshed(m_panel.get(), &EditorPanel::gitStatusRefreshed);
        m_panel->refreshGitStatus();
        QVERIFY(refreshed.wait());

        m_panel->commitAction()->trigger();
        CommitDialog *dialog = m_panel->commitDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy loaded(dialog, &CommitDialog::changesLoaded);
        QVERIFY(loaded.wait());
        QCOMPARE(dialog->fileList()->count(), 3);
        QCOMPARE(dialog->checkedPaths(), (QStringList{u"src/App.tsx"_s, u"src/Button.tsx"_s, u"src/theme.css"_s}));
        QVERIFY(!dialog->authorNameEdit()->text().isEmpty());
        // No message, no commit.
        QVERIFY(!dialog->commitButton()->isEnabled());
        dialog->authorNameEdit()->setText(u"Test Author"_s);
        dialog->authorEmailEdit()->setText(u"test@example.org"_s);
        QTest::keyClicks(dialog->messageEdit(), u"Bump App, add Button, drop the theme"_s);
        QVERIFY(dialog->commitButton()->isEnabled());
        // Leave the new Button out of this commit.
        dialog->fileList()->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog->checkedPaths(), (QStringList{u"src/App.tsx"_s, u"src/theme.css"_s}));

        QSignalSpy committed(m_panel.get(), &EditorPanel::committed);
        QTest::mouseClick(dialog->commitButton(), Qt::LeftButton);
        QVERIFY(committed.wait());
        const QString id = committed.at(0).at(0).toString();
        QCOMPARE(id.size(), 40);
        QTRY_VERIFY(m_panel->commitDialog() == nullptr); // accepted and deleted on close
        QVERIFY(m_host->messages.contains(u"Committed %1."_s.arg(id.left(7))));
        const QList<GitFileStatus> rest{{u"src/Button.tsx"_s, GitFileStatus::State::New, false, {}}};
        QTRY_COMPARE(m_panel->gitStatus(), rest);
        auto status = GitWorktree::status(m_project);
        QVERIFY(status.ok());
        QCOMPARE(*status, rest);
    }

    void testNothingChangedMeansNothingToCommit()
    {
        m_panel->commitAction()->trigger();
        CommitDialog *dialog = m_panel->commitDialog();
        QVERIFY(dialog);
        QSignalSpy loaded(dialog, &CommitDialog::changesLoaded);
        QVERIFY(loaded.wait());
        QCOMPARE(dialog->fileList()->count(), 0);
        QTest::keyClicks(dialog->messageEdit(), u"nothing"_s);
        QVERIFY(!dialog->commitButton()->isEnabled());
        dialog->reject();
        QTRY_VERIFY(m_panel->commitDialog() == nullptr);
    }

    void testOutsideARepositoryThereIsNoCommit()
    {
        const QString plain = m_dir->filePath(u"plain"_s);
        QVERIFY(QDir().mkpath(plain));
        QSignalSpy refreshed(m_panel.get(), &EditorPanel::gitStatusRefreshed);
        m_panel->setProjectDir(plain);
        QVERIFY(refreshed.wait());
        QVERIFY(!m_panel->isGitRepository());
        QVERIFY(!m_panel->commitAction()->isEnabled());
        QVERIFY(m_host->messages.isEmpty()); // not being a repository is no error
        m_panel->openCommitDialog();
        QVERIFY(m_panel->commitDialog() == nullptr);
        QCOMPARE(m_host->messages.size(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<helios::test::TwoDockPanelHost> m_host;
    std::unique_ptr<EditorPanel> m_panel;
};

QTEST_MAIN(EditorGitTest)
#include "editor_git_test.moc"
