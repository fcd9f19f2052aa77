// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/template_manifest.h"

#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QWizardPage>

class QFormLayout;
class QLabel;

namespace helios::workbench {

class TemplatePage;

// Page 2: one field per parameter of the chosen template's manifest -- a line edit for a
// string (its pattern checked as the user types, the problem shown under it), a combo box
// for an enum, a check box for a bool -- prefilled with the defaults. Next stays disabled
// while a field is invalid or a required one is empty.
class ParametersPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ParametersPage(const TemplatePage &templates, QWidget *parent = nullptr);

    // The input for a parameter (QLineEdit, QComboBox or QCheckBox), or null.
    QWidget *field(const QString &name) const;
    // The inline problem shown under a string parameter's field, or null.
    QLabel *problemLabel(const QString &name) const;
    // The values to scaffold with. An empty optional string is left out, so the
    // template's default applies.
    QMap<QString, QString> values() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    struct Field {
        ignition::TemplateParameter parameter;
        QRegularExpression pattern; // anchored; invalid when the parameter has none
        QWidget *input = nullptr;
        QLabel *problem = nullptr;
    };

    void rebuild(const ignition::TemplateManifest &manifest);
    QString problemOf(const Field &field) const;
    void showProblems();

    const TemplatePage &m_templates;
    QString m_builtFor; // the template reference the fields were made for
    ignition::TemplateManifest m_manifest;
    QList<Field> m_fields;
    QWidget *m_form = nullptr;
    QLabel *m_pageError = nullptr;
};

} // namespace helios::workbench
