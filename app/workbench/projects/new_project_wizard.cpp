// SPDX-License-Identifier: Apache-2.0
#include "new_project_wizard.h"

#include "location_page.h"
#include "parameters_page.h"
#include "template_page.h"

#include <utility>

namespace helios::workbench {

NewProjectWizard::NewProjectWizard(Engine &engine, QWidget *parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("newProjectWizard"));
    setWindowTitle(tr("New Project"));
    m_templatePage = new TemplatePage(this);
    m_parametersPage = new ParametersPage(*m_templatePage, this);
    m_locationPage = new LocationPage(engine, *m_templatePage, *m_parametersPage, this);
    addPage(m_templatePage);
    addPage(m_parametersPage);
    addPage(m_locationPage);
    setButtonText(QWizard::FinishButton, tr("Create"));
    connect(m_locationPage, &LocationPage::projectCreated, this, [this](const QString &dir) {
        Q_EMIT projectCreated(dir);
        accept();
    });
    connect(m_locationPage, &LocationPage::scaffoldStopped, this, [this] {
        if (std::exchange(m_closeWhenStopped, false))
            QWizard::done(QDialog::Rejected);
    });
}

NewProjectWizard::~NewProjectWizard() = default;

QString NewProjectWizard::createdProjectDir() const { return m_locationPage->createdProjectDir(); }
bool NewProjectWizard::isScaffolding() const { return m_locationPage->isScaffolding(); }
QListWidget *NewProjectWizard::templateList() const { return m_templatePage->templateList(); }
QLineEdit *NewProjectWizard::otherTemplateEdit() const { return m_templatePage->otherTemplateEdit(); }
QWidget *NewProjectWizard::parameterField(const QString &name) const { return m_parametersPage->field(name); }
QLabel *NewProjectWizard::parameterProblemLabel(const QString &name) const { return m_parametersPage->problemLabel(name); }
QLineEdit *NewProjectWizard::parentDirEdit() const { return m_locationPage->parentDirEdit(); }
QLineEdit *NewProjectWizard::folderNameEdit() const { return m_locationPage->folderNameEdit(); }
QCheckBox *NewProjectWizard::installCheck() const { return m_locationPage->installCheck(); }
QLabel *NewProjectWizard::errorLabel() const { return m_locationPage->errorLabel(); }
QProgressBar *NewProjectWizard::progressBar() const { return m_locationPage->progressBar(); }

void NewProjectWizard::done(int result)
{
    if (result == QDialog::Rejected && m_locationPage->isScaffolding()) {
        m_closeWhenStopped = true;
        m_locationPage->cancelScaffold();
        return;
    }
    QWizard::done(result);
}

} // namespace helios::workbench
