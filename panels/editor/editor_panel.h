// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/git_worktree.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

class QAction;
class QFileSystemWatcher;
class QTabWidget;
class QTreeView;
class QLineEdit;
class QWidget;
class QsciScintilla;

namespace helios {
class Engine;
}

namespace helios::panels {

class CommitDialog;
class FindReplaceBar;
class PanelHost;
class ProjectFilesModel;
class SourceEditor;

// The project's files and an editor for them, as two docks: "files" (the tree, with each
// file's git state) and "editor" (tabs of files with syntax colouring, and a find/replace
// bar). Saving writes the file atomically, which is all a running dev server needs to
// reload. Files changed on disk reload in their tab unless it holds unsaved edits. The git
// status is read on a worker thread after the project changes, after each save and after
// a commit; commits go through CommitDialog.
class EditorPanel : public QObject {
    Q_OBJECT
public:
    // The engine is not used yet: files and git are local to the project directory.
    EditorPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Waits for a git status read under way: it delivers to this panel.
    ~EditorPanel() override;

    QString projectDir() const { return m_projectDir; }
    bool hasUnsavedChanges() const;
    // Absolute paths of the files in tabs, in tab order.
    QStringList openFiles() const;
    QString currentFile() const;
    // The last git status read; empty when the project is not in a repository.
    QList<ignition::GitFileStatus> gitStatus() const { return m_gitStatus; }
    bool isGitRepository() const { return m_isGitRepository; }

    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *fileTree() const { return m_tree; }
    ProjectFilesModel *filesModel() const { return m_files; }
    FindReplaceBar *findBar() const { return m_findBar; }
    QLineEdit *findEdit() const;
    QLineEdit *replaceEdit() const;
    QsciScintilla *currentEditor() const;
    // Ctrl+F, Ctrl+H, Ctrl+S, Ctrl+Shift+S; commit has no shortcut. For menus and toolbars.
    QAction *findAction() const { return m_findAction; }
    QAction *replaceAction() const { return m_replaceAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAllAction() const { return m_saveAllAction; }
    QAction *commitAction() const { return m_commitAction; }
    // The dialog commitAction() opened, while it is open.
    CommitDialog *commitDialog() const;

public Q_SLOTS:
    // Roots the tree at `dir` and closes every tab without asking: callers check
    // hasUnsavedChanges() first. Reads the git status.
    void setProjectDir(const QString &dir);
    // Opens `absolutePath` in a tab (or activates its tab) and, when `line` > 0, moves the
    // cursor to the 1-based line and column. Returns false and notifies the host when the
    // file is unreadable, binary or larger than 5 MB.
    bool openFile(const QString &absolutePath, int line = 0, int column = 0);
    // Saves the current tab / every modified tab; false (and a notification) on the first
    // failure. Each written file emits fileSaved().
    bool save();
    bool saveAll();
    // Closes tab `index`, asking whether to save when it has unsaved edits. False when the
    // user cancels or the save fails.
    bool closeTab(int index);
    // Reads the git status off the UI thread; gitStatusRefreshed() follows.
    void refreshGitStatus();
    // Opens the commit dialog for the project (window-modal, not blocking).
    void openCommitDialog();

Q_SIGNALS:
    void fileSaved(const QString &absolutePath);
    void gitStatusRefreshed();
    void committed(const QString &commitId);

private:
    QWidget *buildTree();
    QWidget *buildEditorArea();
    void createActions(QWidget *editorArea);
    SourceEditor *editorAt(int index) const;
    int tabOf(const QString &absolutePath) const;
    bool saveEditor(SourceEditor *editor);
    void updateTabTitle(SourceEditor *editor);
    void currentTabChanged();
    void fileChangedOnDisk(const QString &absolutePath);
    void gitStatusRead(const QString &dir, const QList<ignition::GitFileStatus> &status, bool isRepository,
                       const QString &error);

    PanelHost &m_host;
    QString m_projectDir;
    ProjectFilesModel *m_files = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    FindReplaceBar *m_findBar = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_replaceAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;
    QAction *m_commitAction = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QPointer<CommitDialog> m_commitDialog;
    QList<ignition::GitFileStatus> m_gitStatus;
    bool m_isGitRepository = false;
    bool m_reading = false;
    bool m_readAgain = false;
    QThreadPool m_gitReader;
};

} // namespace helios::panels
