// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/git_worktree.h"

#include <QDialog>
#include <QThreadPool>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace helios::panels {

// Commits a project's changes: reads the changed files (all checked) and the configured
// author off the UI thread, then commits the checked files with the message through
// GitWorktree, also off the UI thread. Commit stays disabled while the message is empty,
// no file is checked, or work is under way. On success emits committed() and accepts; on
// failure shows the reason, emits commitFailed() and stays open.
class CommitDialog : public QDialog {
    Q_OBJECT
public:
    explicit CommitDialog(const QString &workDir, QWidget *parent = nullptr);
    // Waits for a status read or commit under way: both deliver to this dialog.
    ~CommitDialog() override;

    QString workDir() const { return m_workDir; }
    QListWidget *fileList() const { return m_files; }
    QPlainTextEdit *messageEdit() const { return m_message; }
    QLineEdit *authorNameEdit() const { return m_authorName; }
    QLineEdit *authorEmailEdit() const { return m_authorEmail; }
    QPushButton *commitButton() const { return m_commitButton; }
    QLabel *statusLabel() const { return m_status; }
    // The checked files, with both paths of a rename, relative to workDir().
    QStringList checkedPaths() const;

public Q_SLOTS:
    // Starts the commit; does nothing while the button is disabled.
    void commit();

Q_SIGNALS:
    // The changed files are listed (or the reason they could not be read is shown).
    void changesLoaded();
    void committed(const QString &commitId);
    // `error` is the engine's English text; the dialog shows a translated summary.
    void commitFailed(const QString &error);

private:
    void load();
    void showChanges(const QList<ignition::GitFileStatus> &files, const ignition::GitClient::Signature &author,
                     const QString &error);
    void finishCommit(const QString &commitId, const QString &error);
    void updateCommitButton();

    QString m_workDir;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLineEdit *m_authorName = nullptr;
    QLineEdit *m_authorEmail = nullptr;
    QPushButton *m_commitButton = nullptr;
    QLabel *m_status = nullptr;
    bool m_busy = false;
    QThreadPool m_worker;
};

} // namespace helios::panels
