// SPDX-License-Identifier: Apache-2.0
#include "template_page.h"

#include "ignition/template_source.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace helios::workbench {

namespace {

TemplateChoice readTemplate(const QString &reference)
{
    TemplateChoice choice{reference, {}, {}};
    const auto source = ignition::TemplateSource::open(reference);
    if (source.ok())
        choice.manifest = source->manifest();
    else
        choice.error = source.error().toString();
    return choice;
}

} // namespace

TemplatePage::TemplatePage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Template"));
    setSubTitle(tr("Choose what the new project starts from."));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("templateDescription"));
    m_description->setWordWrap(true);
    m_otherEdit = new QLineEdit(this);
    m_otherEdit->setObjectName(QStringLiteral("otherTemplateEdit"));
    m_otherEdit->setPlaceholderText(tr("Another template: a folder with template.json, or a git URL"));
    m_loadButton = new QPushButton(tr("Load"), this);
    m_loadButton->setObjectName(QStringLiteral("loadTemplateButton"));
    m_otherStatus = new QLabel(this);
    m_otherStatus->setObjectName(QStringLiteral("otherTemplateStatus"));
    m_otherStatus->setWordWrap(true);

    auto *otherRow = new QHBoxLayout;
    otherRow->addWidget(m_otherEdit, 1);
    otherRow->addWidget(m_loadButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_description);
    layout->addLayout(otherRow);
    layout->addWidget(m_otherStatus);

    // The built-in templates are compiled-in resources: reading their manifests is quick.
    for (const QString &name : ignition::TemplateSource::builtInNames())
        addChoice(readTemplate(name));
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showSelected();
        Q_EMIT completeChanged();
    });
    connect(m_loadButton, &QPushButton::clicked, this, &TemplatePage::loadOther);
    m_otherEdit->installEventFilter(this);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

const TemplateChoice *TemplatePage::chosen() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_choices.size() ? &m_choices.at(row) : nullptr;
}

bool TemplatePage::isComplete() const { return chosen() != nullptr; }

bool TemplatePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_otherEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            loadOther();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void TemplatePage::addChoice(const TemplateChoice &choice)
{
    if (!choice.error.isEmpty()) {
        m_otherStatus->setText(tr("The template %1 could not be read: %2").arg(choice.reference, choice.error));
        return;
    }
    m_choices.append(choice);
    auto *item = new QListWidgetItem(choice.manifest.name == choice.reference
                                         ? choice.manifest.name
                                         : tr("%1 (from %2)").arg(choice.manifest.name, choice.reference),
                                     m_list);
    item->setToolTip(choice.manifest.description);
}

void TemplatePage::loadOther()
{
    const QString reference = m_otherEdit->text().trimmed();
    if (reference.isEmpty())
        return;
    m_loadButton->setEnabled(false);
    m_otherStatus->setText(tr("Reading %1…").arg(reference));
    auto *watcher = new QFutureWatcher<TemplateChoice>(this);
    connect(watcher, &QFutureWatcher<TemplateChoice>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loadButton->setEnabled(true);
        const TemplateChoice choice = watcher->result();
        if (choice.error.isEmpty())
            m_otherStatus->clear();
        addChoice(choice); // a failure shows in m_otherStatus
        if (choice.error.isEmpty())
            m_list->setCurrentRow(m_list->count() - 1);
    });
    watcher->setFuture(QtConcurrent::run(readTemplate, reference));
}

void TemplatePage::showSelected()
{
    const TemplateChoice *choice = chosen();
    m_description->setText(choice ? choice->manifest.description : QString());
}

} // namespace helios::workbench
