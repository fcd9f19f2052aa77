// SPDX-License-Identifier: Apache-2.0
#include "commit_dialog.h"

#include "git_status_style.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace helios::panels {

using ignition::GitClient;
using ignition::GitFileStatus;
using ignition::GitWorktree;

namespace {
// Each file row keeps the paths a commit of it takes (two for a rename).
constexpr int PathsRole = Qt::UserRole + 1;
} // namespace

CommitDialog::CommitDialog(const QString &workDir, QWidget *parent)
    : QDialog(parent)
    , m_workDir(workDir)
{
    setObjectName(QStringLiteral("commitDialog"));
    setWindowTitle(tr("Commit Changes"));
    m_worker.setMaxThreadCount(1);

    m_files = new QListWidget(this);
    m_files->setObjectName(QStringLiteral("commitFiles"));
    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(QStringLiteral("commitMessage"));
    m_message->setPlaceholderText(tr("Describe the change"));
    m_authorName = new QLineEdit(this);
    m_authorName->setObjectName(QStringLiteral("authorName"));
    m_authorEmail = new QLineEdit(this);
    m_authorEmail->setObjectName(QStringLiteral("authorEmail"));
    m_status = new QLabel(tr("Reading the changes…"), this);
    m_status->setObjectName(QStringLiteral("commitStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_commitButton = buttons->addButton(tr("Commit"), QDialogButtonBox::AcceptRole);
    m_commitButton->setObjectName(QStringLiteral("commitButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("Files:"), m_files);
    form->addRow(tr("Message:"), m_message);
    form->addRow(tr("Author:"), m_authorName);
    form->addRow(tr("Email:"), m_authorEmail);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 480);

    connect(m_message, &QPlainTextEdit::textChanged, this, &CommitDialog::updateCommitButton);
    connect(m_files, &QListWidget::itemChanged, this, &CommitDialog::updateCommitButton);
    connect(m_authorName, &QLineEdit::textChanged, this, &CommitDialog::updateCommitButton);
    connect(m_authorEmail, &QLineEdit::textChanged, this, &CommitDialog::updateCommitButton);
    // Accepting happens only once the commit has succeeded.
    connect(buttons, &QDialogButtonBox::accepted, this, &CommitDialog::commit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

CommitDialog::~CommitDialog()
{
    m_worker.waitForDone();
}

void CommitDialog::load()
{
    m_busy = true;
    updateCommitButton();
    const QString dir = m_workDir;
    m_worker.start([this, dir] {
        auto status = GitWorktree::status(dir);
        const GitClient::Signature author = GitWorktree::configuredAuthor(dir);
        const QList<GitFileStatus> files = status.ok() ? *status : QList<GitFileStatus>();
        const QString error = status.ok() ? QString() : status.error().toString();
        QMetaObject::invokeMethod(
            this, [this, files, author, error] { showChanges(files, author, error); }, Qt::QueuedConnection);
    });
}

void CommitDialog::showChanges(const QList<GitFileStatus> &files, const GitClient::Signature &author,
                               const QString &error)
{
    m_busy = false;
    m_files->clear();
    for (const GitFileStatus &file : files) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(GitStatusStyle::letter(file), QDir::toNativeSeparators(file.path)), m_files);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setForeground(GitStatusStyle::colour(file.state));
        item->setToolTip(GitStatusStyle::description(file));
        QStringList paths{file.path};
        if (!file.oldPath.isEmpty())
            paths.append(file.oldPath);
        item->setData(PathsRole, paths);
    }
    if (m_authorName->text().isEmpty())
        m_authorName->setText(author.name);
    if (m_authorEmail->text().isEmpty())
        m_authorEmail->setText(author.email);
    if (!error.isEmpty())
        m_status->setText(tr("The changes could not be read: %1").arg(error));
    else if (files.isEmpty())
        m_status->setText(tr("Nothing to commit: no file has changed."));
    else
        m_status->setText(tr("%n changed file(s)", nullptr, int(files.size())));
    updateCommitButton();
    Q_EMIT changesLoaded();
}

QStringList CommitDialog::checkedPaths() const
{
    QStringList paths;
    for (int row = 0; row < m_files->count(); ++row) {
        const QListWidgetItem *item = m_files->item(row);
        if (item->checkState() == Qt::Checked)
            paths += item->data(PathsRole).toStringList();
    }
    return paths;
}

void CommitDialog::updateCommitButton()
{
    m_commitButton->setEnabled(!m_busy && !m_message->toPlainText().trimmed().isEmpty() && !checkedPaths().isEmpty()
                               && !m_authorName->text().trimmed().isEmpty()
                               && !m_authorEmail->text().trimmed().isEmpty());
    m_files->setEnabled(!m_busy);
    m_message->setReadOnly(m_busy);
}

void CommitDialog::commit()
{
    if (!m_commitButton->isEnabled())
        return;
    m_busy = true;
    updateCommitButton();
    m_status->setText(tr("Committing…"));
    const QString dir = m_workDir;
    const QStringList paths = checkedPaths();
    const QString message = m_message->toPlainText();
    const GitClient::Signature author{m_authorName->text().trimmed(), m_authorEmail->text().trimmed()};
    m_worker.start([this, dir, paths, message, author] {
        auto id = GitWorktree::commit(dir, paths, message, author);
        const QString commitId = id.ok() ? *id : QString();
        const QString error = id.ok() ? QString() : id.error().toString();
        QMetaObject::invokeMethod(
            this, [this, commitId, error] { finishCommit(commitId, error); }, Qt::QueuedConnection);
    });
}

void CommitDialog::finishCommit(const QString &commitId, const QString &error)
{
    m_busy = false;
    updateCommitButton();
    if (!error.isEmpty()) {
        m_status->setText(tr("The commit failed: %1").arg(error));
        Q_EMIT commitFailed(error);
        return;
    }
    m_status->setText(tr("Committed %1.").arg(commitId.left(7)));
    Q_EMIT committed(commitId);
    accept();
}

} // namespace helios::panels
