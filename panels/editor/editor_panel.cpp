// SPDX-License-Identifier: Apache-2.0
#include "editor_panel.h"

#include "commit_dialog.h"
#include "find_replace_bar.h"
#include "panel_host.h"
#include "project_files_model.h"
#include "source_editor.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace helios::panels {

namespace {
Q_LOGGING_CATEGORY(lcEditorPanel, "helios.panels.editor")
}

using ignition::GitFileStatus;
using ignition::GitWorktree;

EditorPanel::EditorPanel(Engine &, PanelHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_files(new ProjectFilesModel(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_gitReader.setMaxThreadCount(1);
    QWidget *tree = buildTree();
    QWidget *editorArea = buildEditorArea();
    createActions(editorArea);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorPanel::fileChangedOnDisk);
    currentTabChanged();
    host.addDock(QStringLiteral("files"), tr("Files"), tree, Qt::LeftDockWidgetArea);
    host.addDock(QStringLiteral("editor"), tr("Editor"), editorArea, Qt::RightDockWidgetArea);
}

EditorPanel::~EditorPanel()
{
    m_gitReader.waitForDone();
}

QWidget *EditorPanel::buildTree()
{
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("projectFileTree"));
    m_tree->setModel(m_files);
    m_tree->setHeaderHidden(true);
    // Name only: size, type and date are noise in a project tree.
    for (int column = 1; column < m_files->columnCount(); ++column)
        m_tree->hideColumn(column);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setMinimumWidth(200);
    // Activation is a double-click or Enter (a single click where the style says so).
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid() && !m_files->isDir(index))
            openFile(m_files->filePath(index));
    });
    return m_tree;
}

QWidget *EditorPanel::buildEditorArea()
{
    auto *area = new QWidget;
    area->setObjectName(QStringLiteral("editorPanel"));
    m_tabs = new QTabWidget(area);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_findBar = new FindReplaceBar(area);
    m_findBar->hide();
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);
    area->setMinimumSize(480, 320);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &EditorPanel::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &EditorPanel::currentTabChanged);
    return area;
}

void EditorPanel::createActions(QWidget *editorArea)
{
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("editorFindAction"));
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    m_replaceAction = new QAction(tr("&Replace…"), this);
    m_replaceAction->setObjectName(QStringLiteral("editorReplaceAction"));
    m_replaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setObjectName(QStringLiteral("editorSaveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAllAction = new QAction(tr("Save A&ll"), this);
    m_saveAllAction->setObjectName(QStringLiteral("editorSaveAllAction"));
    m_saveAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_commitAction = new QAction(tr("&Commit…"), this);
    m_commitAction->setObjectName(QStringLiteral("editorCommitAction"));
    m_commitAction->setEnabled(false);
    // On the editor's widget so the shortcuts work before a window puts them in a menu.
    editorArea->addActions({m_findAction, m_replaceAction, m_saveAction, m_saveAllAction});
    connect(m_findAction, &QAction::triggered, this, [this] { m_findBar->start(false); });
    connect(m_replaceAction, &QAction::triggered, this, [this] { m_findBar->start(true); });
    connect(m_saveAction, &QAction::triggered, this, &EditorPanel::save);
    connect(m_saveAllAction, &QAction::triggered, this, &EditorPanel::saveAll);
    connect(m_commitAction, &QAction::triggered, this, &EditorPanel::openCommitDialog);
}

CommitDialog *EditorPanel::commitDialog() const
{
    return m_commitDialog;
}

QLineEdit *EditorPanel::findEdit() const
{
    return m_findBar->findEdit();
}

QLineEdit *EditorPanel::replaceEdit() const
{
    return m_findBar->replaceEdit();
}

SourceEditor *EditorPanel::editorAt(int index) const
{
    return qobject_cast<SourceEditor *>(m_tabs->widget(index));
}

QsciScintilla *EditorPanel::currentEditor() const
{
    return editorAt(m_tabs->currentIndex());
}

int EditorPanel::tabOf(const QString &absolutePath) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (editorAt(i)->filePath() == absolutePath)
            return i;
    return -1;
}

bool EditorPanel::hasUnsavedChanges() const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (editorAt(i)->isModified())
            return true;
    return false;
}

QStringList EditorPanel::openFiles() const
{
    QStringList files;
    for (int i = 0; i < m_tabs->count(); ++i)
        files.append(editorAt(i)->filePath());
    return files;
}

QString EditorPanel::currentFile() const
{
    const SourceEditor *editor = editorAt(m_tabs->currentIndex());
    return editor ? editor->filePath() : QString();
}

void EditorPanel::setProjectDir(const QString &dir)
{
    m_projectDir = dir.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    while (m_tabs->count() > 0) {
        QWidget *editor = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete editor;
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_projectDir.isEmpty()) {
        m_tree->setRootIndex(m_files->setRootPath(QString()));
        m_tree->setEnabled(false);
    } else {
        m_tree->setEnabled(true);
        m_tree->setRootIndex(m_files->setRootPath(m_projectDir));
    }
    m_gitStatus.clear();
    m_isGitRepository = false;
    m_commitAction->setEnabled(false);
    refreshGitStatus();
}

bool EditorPanel::openFile(const QString &absolutePath, int line, int column)
{
    const QString path = QDir::cleanPath(QFileInfo(absolutePath).absoluteFilePath());
    int index = tabOf(path);
    if (index < 0) {
        auto *editor = new SourceEditor;
        QString error;
        if (!editor->load(path, &error)) {
            delete editor;
            m_host.notify(error);
            return false;
        }
        index = m_tabs->addTab(editor, QFileInfo(path).fileName());
        m_tabs->setTabToolTip(index, QDir::toNativeSeparators(path));
        connect(editor, &QsciScintilla::modificationChanged, this, [this, editor] { updateTabTitle(editor); });
        m_watcher->addPath(path);
    }
    m_tabs->setCurrentIndex(index);
    SourceEditor *editor = editorAt(index);
    editor->goTo(line, column);
    editor->setFocus();
    return true;
}

void EditorPanel::updateTabTitle(SourceEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    const QString name = QFileInfo(editor->filePath()).fileName();
    m_tabs->setTabText(index, editor->isModified() ? QString(name + QLatin1Char('*')) : name);
}

void EditorPanel::currentTabChanged()
{
    SourceEditor *editor = editorAt(m_tabs->currentIndex());
    m_findBar->setEditor(editor);
    const bool hasEditor = editor != nullptr;
    m_findAction->setEnabled(hasEditor);
    m_replaceAction->setEnabled(hasEditor);
    m_saveAction->setEnabled(hasEditor);
    m_saveAllAction->setEnabled(hasEditor);
}

bool EditorPanel::saveEditor(SourceEditor *editor)
{
    QString error;
    if (!editor->save(&error)) {
        m_host.notify(error);
        return false;
    }
    // QSaveFile replaced the file, which ends the watch on it.
    if (!m_watcher->files().contains(editor->filePath()))
        m_watcher->addPath(editor->filePath());
    Q_EMIT fileSaved(editor->filePath());
    return true;
}

bool EditorPanel::save()
{
    SourceEditor *editor = editorAt(m_tabs->currentIndex());
    if (!editor)
        return false;
    const bool saved = saveEditor(editor);
    if (saved)
        refreshGitStatus();
    return saved;
}

bool EditorPanel::saveAll()
{
    bool savedAny = false;
    bool failed = false;
    for (int i = 0; i < m_tabs->count() && !failed; ++i) {
        SourceEditor *editor = editorAt(i);
        if (!editor->isModified())
            continue;
        failed = !saveEditor(editor);
        savedAny = savedAny || !failed;
    }
    if (savedAny)
        refreshGitStatus();
    return !failed;
}

bool EditorPanel::closeTab(int index)
{
    SourceEditor *editor = editorAt(index);
    if (!editor)
        return false;
    if (editor->isModified()) {
        const auto answer = QMessageBox::question(
            m_tabs, tr("Unsaved Changes"),
            tr("%1 has unsaved changes. Save them before closing?").arg(QFileInfo(editor->filePath()).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveEditor(editor)))
            return false;
        if (answer == QMessageBox::Save)
            refreshGitStatus();
    }
    m_watcher->removePath(editor->filePath());
    m_tabs->removeTab(index);
    delete editor;
    return true;
}

void EditorPanel::fileChangedOnDisk(const QString &absolutePath)
{
    const int index = tabOf(absolutePath);
    if (index < 0)
        return;
    // Atomic writers (ours included) replace the file, which ends the watch on it.
    if (QFileInfo::exists(absolutePath) && !m_watcher->files().contains(absolutePath))
        m_watcher->addPath(absolutePath);
    if (editorAt(index)->syncWithDisk() == SourceEditor::DiskChange::Conflict)
        m_host.notify(tr("%1 changed on disk; the editor keeps your unsaved changes.")
                          .arg(QDir::toNativeSeparators(absolutePath)));
    refreshGitStatus();
}

void EditorPanel::refreshGitStatus()
{
    if (m_projectDir.isEmpty()) {
        m_files->setGitStatus(m_projectDir, {});
        return;
    }
    if (m_reading) {
        m_readAgain = true; // the read under way may predate the change
        return;
    }
    m_reading = true;
    const QString dir = m_projectDir;
    // libgit2 hashes every changed file: not on the UI thread. The answer is queued to this
    // panel, which waits for the reader when it goes away.
    m_gitReader.start([this, dir] {
        auto status = GitWorktree::status(dir);
        const bool isRepository = status.ok() || status.error().code != ErrorCode::NotFound;
        const QList<GitFileStatus> files = status.ok() ? *status : QList<GitFileStatus>();
        const QString error = status.ok() || !isRepository ? QString() : status.error().toString();
        QMetaObject::invokeMethod(
            this, [this, dir, files, isRepository, error] { gitStatusRead(dir, files, isRepository, error); },
            Qt::QueuedConnection);
    });
}

void EditorPanel::gitStatusRead(const QString &dir, const QList<GitFileStatus> &status, bool isRepository,
                                const QString &error)
{
    m_reading = false;
    if (dir == m_projectDir) {
        if (!error.isEmpty()) {
            qCWarning(lcEditorPanel) << "git status not read:" << error;
            m_host.notify(tr("The git status of %1 could not be read: %2").arg(QDir::toNativeSeparators(dir), error));
        }
        m_gitStatus = status;
        m_isGitRepository = isRepository && error.isEmpty();
        m_commitAction->setEnabled(m_isGitRepository);
        m_files->setGitStatus(dir, status);
        Q_EMIT gitStatusRefreshed();
    }
    if (m_readAgain || dir != m_projectDir) {
        m_readAgain = false;
        refreshGitStatus();
    }
}

void EditorPanel::openCommitDialog()
{
    if (m_projectDir.isEmpty() || !m_isGitRepository) {
        m_host.notify(tr("The project is not in a git repository: there is nothing to commit to."));
        return;
    }
    if (m_commitDialog) {
        m_commitDialog->raise();
        m_commitDialog->activateWindow();
        return;
    }
    if (hasUnsavedChanges())
        m_host.notify(tr("Some files have unsaved changes; the commit takes them as they are on disk."));
    auto *dialog = new CommitDialog(m_projectDir, m_tabs->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CommitDialog::committed, this, [this](const QString &commitId) {
        m_host.notify(tr("Committed %1.").arg(commitId.left(7)));
        refreshGitStatus();
        Q_EMIT committed(commitId);
    });
    connect(dialog, &CommitDialog::commitFailed, this, [this](const QString &error) {
        m_host.notify(tr("The commit failed: %1").arg(error));
    });
    m_commitDialog = dialog;
    dialog->open();
}

} // namespace helios::panels
