// SPDX-License-Identifier: Apache-2.0
#include "parameters_page.h"

#include "template_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace helios::workbench {

namespace {

QLabel *smallLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

} // namespace

ParametersPage::ParametersPage(const TemplatePage &templates, QWidget *parent)
    : QWizardPage(parent), m_templates(templates)
{
    setTitle(tr("Parameters"));
    setSubTitle(tr("What the template fills in. Fields marked * are required."));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_pageError = new QLabel(this);
    m_pageError->setObjectName(QStringLiteral("parametersError"));
    m_pageError->setWordWrap(true);
    m_pageError->setStyleSheet(QStringLiteral("color: #c62828"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_pageError);
    m_form = new QWidget(scroll);
    new QFormLayout(m_form);
    scroll->setWidget(m_form);
}

QWidget *ParametersPage::field(const QString &name) const
{
    for (const Field &f : m_fields)
        if (f.parameter.name == name)
            return f.input;
    return nullptr;
}

QLabel *ParametersPage::problemLabel(const QString &name) const
{
    for (const Field &f : m_fields)
        if (f.parameter.name == name)
            return f.problem;
    return nullptr;
}

void ParametersPage::initializePage()
{
    // Going back and forth keeps what was typed, unless another template was chosen.
    const TemplateChoice *choice = m_templates.chosen();
    if (choice && choice->reference != m_builtFor) {
        m_builtFor = choice->reference;
        rebuild(choice->manifest);
    }
}

void ParametersPage::rebuild(const ignition::TemplateManifest &manifest)
{
    m_manifest = manifest;
    m_fields.clear();
    m_pageError->clear();
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);

    using Type = ignition::TemplateParameter::Type;
    for (const ignition::TemplateParameter &p : manifest.parameters) {
        Field f{p, {}, nullptr, nullptr};
        auto *cell = new QWidget(m_form);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        if (p.type == Type::Bool) {
            auto *check = new QCheckBox(p.description, cell);
            check->setChecked(p.defaultValue == u"true");
            f.input = check;
            cellLayout->addWidget(check);
        } else if (p.type == Type::Enum) {
            auto *combo = new QComboBox(cell);
            combo->addItems(p.choices);
            combo->setCurrentText(p.defaultValue);
            f.input = combo;
            cellLayout->addWidget(combo);
            cellLayout->addWidget(smallLabel(p.description, cell));
        } else {
            auto *edit = new QLineEdit(p.defaultValue, cell);
            if (!p.required && !p.defaultValue.isEmpty())
                edit->setPlaceholderText(p.defaultValue);
            if (!p.pattern.isEmpty())
                f.pattern = QRegularExpression(QRegularExpression::anchoredPattern(p.pattern));
            f.problem = smallLabel(QString(), cell);
            f.problem->setObjectName(p.name + QStringLiteral("Problem"));
            f.problem->setStyleSheet(QStringLiteral("color: #c62828"));
            f.problem->hide();
            f.input = edit;
            cellLayout->addWidget(edit);
            cellLayout->addWidget(smallLabel(p.description, cell));
            cellLayout->addWidget(f.problem);
            connect(edit, &QLineEdit::textChanged, this, [this] {
                showProblems();
                Q_EMIT completeChanged();
            });
        }
        f.input->setObjectName(p.name + QStringLiteral("Field"));
        f.input->setToolTip(p.description);
        form->addRow(p.required ? tr("%1 *").arg(p.name) : p.name, cell);
        m_fields.append(f);
    }
    showProblems();
    Q_EMIT completeChanged();
}

QString ParametersPage::problemOf(const Field &f) const
{
    const auto *edit = qobject_cast<const QLineEdit *>(f.input);
    if (!edit)
        return {};
    const QString text = edit->text();
    if (text.isEmpty())
        return f.parameter.required ? tr("%1 is required").arg(f.parameter.name) : QString();
    if (f.pattern.isValid() && !f.pattern.pattern().isEmpty() && !f.pattern.match(text).hasMatch())
        return tr("%1 must match the pattern %2").arg(f.parameter.name, f.parameter.pattern);
    return {};
}

void ParametersPage::showProblems()
{
    for (const Field &f : m_fields) {
        if (!f.problem)
            continue;
        const QString problem = problemOf(f);
        f.problem->setText(problem);
        f.problem->setVisible(!problem.isEmpty());
    }
}

bool ParametersPage::isComplete() const
{
    if (m_fields.isEmpty() && !m_templates.chosen())
        return false;
    for (const Field &f : m_fields)
        if (!problemOf(f).isEmpty())
            return false;
    return true;
}

QMap<QString, QString> ParametersPage::values() const
{
    QMap<QString, QString> values;
    for (const Field &f : m_fields) {
        if (const auto *check = qobject_cast<const QCheckBox *>(f.input)) {
            values.insert(f.parameter.name, check->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (const auto *combo = qobject_cast<const QComboBox *>(f.input)) {
            values.insert(f.parameter.name, combo->currentText());
        } else if (const auto *edit = qobject_cast<const QLineEdit *>(f.input)) {
            if (!edit->text().isEmpty() || f.parameter.required)
                values.insert(f.parameter.name, edit->text());
        }
    }
    return values;
}

bool ParametersPage::validatePage()
{
    // The manifest has the last word (a rule the fields do not check shows here).
    const auto resolved = m_manifest.resolveParameters(values());
    m_pageError->setText(resolved.ok() ? QString() : tr("The template refuses these values: %1").arg(resolved.error().message));
    return resolved.ok();
}

} // namespace helios::workbench
