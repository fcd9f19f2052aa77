// SPDX-License-Identifier: Apache-2.0
#include "location_page.h"

#include "parameters_page.h"
#include "scaffold_job.h"
#include "template_page.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QWizard>

namespace helios::workbench {

namespace {

const QString ParentDirKey = QStringLiteral("projects/parentDir");

bool hasNpmInstall(const ignition::TemplateManifest &manifest)
{
    for (const ignition::TemplateStep &step : manifest.steps)
        if (step.type == ignition::TemplateStep::Type::NpmInstall)
            return true;
    return false;
}

} // namespace

LocationPage::LocationPage(Engine &engine, const TemplatePage &templates, const ParametersPage &parameters,
                           QWidget *parent)
    : QWizardPage(parent), m_templates(templates), m_parameters(parameters), m_job(new ScaffoldJob(engine, this))
{
    setTitle(tr("Location"));
    setSubTitle(tr("Where the project is created. Finish writes it and records it."));

    m_parentEdit = new QLineEdit(QSettings().value(ParentDirKey, QDir::homePath()).toString(), this);
    m_parentEdit->setObjectName(QStringLiteral("parentDirEdit"));
    m_browseButton = new QPushButton(tr("Browse…"), this);
    m_browseButton->setObjectName(QStringLiteral("browseParentButton"));
    m_folderEdit = new QLineEdit(this);
    m_folderEdit->setObjectName(QStringLiteral("folderNameEdit"));
    m_installCheck = new QCheckBox(tr("Install dependencies (npm install)"), this);
    m_installCheck->setObjectName(QStringLiteral("installCheck"));
    m_installCheck->setChecked(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("locationError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scaffoldProgress"));
    m_progress->hide();
    m_step = new QLabel(this);
    m_step->setObjectName(QStringLiteral("scaffoldStep"));
    m_step->setWordWrap(true);

    auto *parentRow = new QHBoxLayout;
    parentRow->addWidget(m_parentEdit, 1);
    parentRow->addWidget(m_browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Parent folder:"), parentRow);
    form->addRow(tr("Project folder:"), m_folderEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_installCheck);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_step);
    layout->addWidget(m_progress);

    connect(m_browseButton, &QPushButton::clicked, this, &LocationPage::browse);
    connect(m_parentEdit, &QLineEdit::textChanged, this, [this] {
        m_failure.clear();
        updateState();
    });
    connect(m_folderEdit, &QLineEdit::textEdited, this, [this] { m_folderEdited = true; });
    connect(m_folderEdit, &QLineEdit::textChanged, this, [this] {
        m_failure.clear();
        updateState();
    });
    connect(m_job, &ScaffoldJob::progressed, this, [this](int finished, int count, const QString &label) {
        m_progress->setRange(0, count);
        m_progress->setValue(finished);
        m_step->setText(label);
    });
    connect(m_job, &ScaffoldJob::failed, this, [this](const QString &message) {
        m_failure = tr("The project could not be created: %1").arg(message);
        setRunning(false);
        Q_EMIT scaffoldStopped();
    });
    connect(m_job, &ScaffoldJob::succeeded, this, [this](const QString &dir) {
        m_createdDir = dir;
        QSettings().setValue(ParentDirKey, m_parentEdit->text());
        m_step->setText(tr("Created %1").arg(QDir::toNativeSeparators(dir)));
        setRunning(false);
        Q_EMIT projectCreated(dir);
    });
}

void LocationPage::initializePage()
{
    if (!m_folderEdited)
        m_folderEdit->setText(m_parameters.values().value(QStringLiteral("name")));
    const TemplateChoice *choice = m_templates.chosen();
    m_installCheck->setVisible(choice && hasNpmInstall(choice->manifest));
    updateState();
}

QString LocationPage::targetDir() const
{
    return QDir::cleanPath(QDir(m_parentEdit->text().trimmed()).absoluteFilePath(m_folderEdit->text().trimmed()));
}

QString LocationPage::targetProblem() const
{
    const QString parentDir = m_parentEdit->text().trimmed();
    const QString folder = m_folderEdit->text().trimmed();
    if (parentDir.isEmpty())
        return tr("Choose the folder the project goes in.");
    if (folder.isEmpty())
        return tr("Name the project's folder.");
    if (folder.contains(u'/') || folder.contains(u'\\') || folder == u"." || folder == u"..")
        return tr("The project folder is a name, not a path: %1").arg(folder);
    const QFileInfo target(targetDir());
    if (target.exists() && !target.isDir())
        return tr("%1 exists and is not a folder.").arg(QDir::toNativeSeparators(target.filePath()));
    if (target.isDir() && !QDir(target.filePath()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return tr("%1 exists and is not empty: choose another folder.").arg(QDir::toNativeSeparators(target.filePath()));
    return {};
}

bool LocationPage::isScaffolding() const { return m_job->isRunning(); }

void LocationPage::cancelScaffold()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_step->setText(tr("Stopping…"));
}

bool LocationPage::isComplete() const { return !m_job->isRunning() && targetProblem().isEmpty(); }

void LocationPage::updateState()
{
    const QString problem = targetProblem();
    m_error->setText(problem.isEmpty() ? m_failure : problem);
    Q_EMIT completeChanged();
}

bool LocationPage::validatePage()
{
    if (!m_createdDir.isEmpty())
        return true; // the accept() that follows a successful scaffold
    const TemplateChoice *choice = m_templates.chosen();
    if (!choice || m_job->isRunning() || !targetProblem().isEmpty())
        return false;
    ignition::ScaffoldRequest request;
    request.templateReference = choice->reference;
    request.targetDir = targetDir();
    request.parameters = m_parameters.values();
    request.install = m_installCheck->isVisible() ? m_installCheck->isChecked() : false;
    m_failure.clear();
    m_progress->setRange(0, 0);
    m_step->setText(tr("Starting…"));
    setRunning(true);
    m_job->start(request);
    return false;
}

void LocationPage::setRunning(bool running)
{
    m_progress->setVisible(running || !m_createdDir.isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_parentEdit), static_cast<QWidget *>(m_browseButton),
                       static_cast<QWidget *>(m_folderEdit), static_cast<QWidget *>(m_installCheck)})
        w->setEnabled(!running);
    // No way back while it runs; Cancel stops it (NewProjectWizard::done).
    if (QWizard *w = wizard())
        w->setOption(QWizard::DisabledBackButtonOnLastPage, running);
    updateState();
}

void LocationPage::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Parent Folder"), m_parentEdit->text());
    if (!dir.isEmpty())
        m_parentEdit->setText(QDir::toNativeSeparators(dir));
}

} // namespace helios::workbench
