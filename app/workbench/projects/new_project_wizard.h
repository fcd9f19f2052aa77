// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizard>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QCheckBox;

namespace helios {
class Engine;
}

namespace helios::workbench {

class LocationPage;
class ParametersPage;
class TemplatePage;

// New Project: template -> parameters -> location. Finish runs IGNITION's Scaffolder off
// the UI thread (which also records the project in the Store and announces
// project.created, as `helios new` does); on success the wizard emits projectCreated and
// closes, on failure it shows the error on the last page and stays open. Cancel while it
// runs stops the scaffold (what it made is removed) and closes once it has stopped.
class NewProjectWizard : public QWizard {
    Q_OBJECT
public:
    explicit NewProjectWizard(Engine &engine, QWidget *parent = nullptr);
    ~NewProjectWizard() override;

    // Empty until a project was created; canonical.
    QString createdProjectDir() const;
    bool isScaffolding() const;

    // For tests and for the main window's automation.
    QListWidget *templateList() const;
    QLineEdit *otherTemplateEdit() const;
    // The input of one template parameter (QLineEdit, QComboBox or QCheckBox) once the
    // parameters page was shown, else null.
    QWidget *parameterField(const QString &name) const;
    // The problem shown under a string parameter's field.
    QLabel *parameterProblemLabel(const QString &name) const;
    QLineEdit *parentDirEdit() const;
    QLineEdit *folderNameEdit() const;
    QCheckBox *installCheck() const;
    // The location page's inline error: a refused target folder or a failed scaffold.
    QLabel *errorLabel() const;
    QProgressBar *progressBar() const;

    // Rejecting while a scaffold runs cancels it; the wizard closes when it has stopped
    // (or accepts, if the project was made before the cancel arrived).
    void done(int result) override;

Q_SIGNALS:
    void projectCreated(const QString &dir);

private:
    TemplatePage *m_templatePage = nullptr;
    ParametersPage *m_parametersPage = nullptr;
    LocationPage *m_locationPage = nullptr;
    bool m_closeWhenStopped = false;
};

} // namespace helios::workbench
