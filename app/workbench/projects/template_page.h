// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/template_manifest.h"

#include <QList>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace helios::workbench {

// A template the wizard can scaffold from: what ScaffoldRequest::templateReference takes
// (a built-in name, a folder or a git URL) and its manifest.
struct TemplateChoice {
    QString reference;
    ignition::TemplateManifest manifest;
    QString error;               // set instead of a manifest when it could not be read
};

// Page 1: the built-in templates with their descriptions, and a field for any other
// template (a folder holding template.json, or a git URL) read off the UI thread, since a
// git template has to be cloned to see its manifest.
class TemplatePage : public QWizardPage {
    Q_OBJECT
public:
    explicit TemplatePage(QWidget *parent = nullptr);

    QListWidget *templateList() const { return m_list; }
    QLineEdit *otherTemplateEdit() const { return m_otherEdit; }
    // The selected template, or null.
    const TemplateChoice *chosen() const;

    bool isComplete() const override;

protected:
    // Enter in the "another template" field loads it; it must not also press the
    // wizard's Next, which QLineEdit would let the key go on to.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addChoice(const TemplateChoice &choice);
    void loadOther();
    void showSelected();

    QList<TemplateChoice> m_choices;
    QListWidget *m_list = nullptr;
    QLabel *m_description = nullptr;
    QLineEdit *m_otherEdit = nullptr;
    QPushButton *m_loadButton = nullptr;
    QLabel *m_otherStatus = nullptr;
};

} // namespace helios::workbench
