// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace helios {
class Engine;
}

namespace helios::workbench {

class ParametersPage;
class ScaffoldJob;
class TemplatePage;

// Page 3, the last: where the project goes (a parent folder and the project's folder name,
// which follows the "name" parameter until edited), refused inline when that folder exists
// and is not empty. Finish scaffolds off the UI thread with a progress bar and the running
// step's label; a failure is shown here with its message and the wizard stays open.
// cancelScaffold() stops a running scaffold (scaffoldStopped() once it has).
class LocationPage : public QWizardPage {
    Q_OBJECT
public:
    LocationPage(Engine &engine, const TemplatePage &templates, const ParametersPage &parameters,
                 QWidget *parent = nullptr);

    QLineEdit *parentDirEdit() const { return m_parentEdit; }
    QLineEdit *folderNameEdit() const { return m_folderEdit; }
    QCheckBox *installCheck() const { return m_installCheck; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *progressBar() const { return m_progress; }
    bool isScaffolding() const;
    void cancelScaffold();
    // Empty until a scaffold succeeded.
    QString createdProjectDir() const { return m_createdDir; }
    // Where the project will be written (absolute).
    QString targetDir() const;

    void initializePage() override;
    bool isComplete() const override;
    // Starts the scaffold and refuses to finish until it succeeded.
    bool validatePage() override;

Q_SIGNALS:
    void projectCreated(const QString &dir);
    // The scaffold ended without a project: it failed or was cancelled.
    void scaffoldStopped();

private:
    QString targetProblem() const;
    void updateState();
    void setRunning(bool running);
    void browse();

    const TemplatePage &m_templates;
    const ParametersPage &m_parameters;
    ScaffoldJob *m_job = nullptr;
    QLineEdit *m_parentEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLineEdit *m_folderEdit = nullptr;
    QCheckBox *m_installCheck = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_step = nullptr;
    QString m_failure;            // the last scaffold's error, until the inputs change
    QString m_createdDir;
    bool m_folderEdited = false;  // the user typed a folder name: stop following "name"
};

} // namespace helios::workbench
