// SPDX-License-Identifier: Apache-2.0
#include "settings_dialog.h"

#include "backends_page.h"
#include "core/config.h"
#include "language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace helios::workbench {

namespace {
QString key(const char *name) { return QString::fromLatin1(name); }
} // namespace

SettingsDialog::SettingsDialog(const Config &current, QWidget *parent)
    : QDialog(parent)
    , m_configFile(Config::userConfigFile())
    , m_initialTheme(savedTheme())
{
    setWindowTitle(tr("Settings"));
    for (const char *name : {Config::AiUrl, Config::AiModel, Config::AiKey})
        m_originalAi.insert(key(name), current.value(key(name)));

    auto *tabs = new QTabWidget(this);
    m_backends = new BackendsPage(current, tabs);
    tabs->addTab(m_backends, tr("&Backends"));
    tabs->addTab(buildAiPage(), tr("&AI"));
    tabs->addTab(buildAppearancePage(), tr("A&ppearance"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *saved = new QLabel(tr("Saved in %1.").arg(m_configFile), this);
    saved->setTextFormat(Qt::PlainText);
    saved->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(saved);
    layout->addWidget(buttons);

    connect(m_backends, &BackendsPage::validityChanged, this, &SettingsDialog::updateValidity);
    connect(m_aiUrl, &QLineEdit::textChanged, this, &SettingsDialog::updateValidity);
    updateValidity();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::buildAiPage()
{
    auto *page = new QWidget(this);
    m_aiUrl = new QLineEdit(m_originalAi.value(key(Config::AiUrl)), page);
    m_aiUrl->setObjectName(key(Config::AiUrl));
    m_aiUrl->setPlaceholderText(tr("https://api.example.com/v1; empty: no AI expert"));
    m_aiModel = new QLineEdit(m_originalAi.value(key(Config::AiModel)), page);
    m_aiModel->setObjectName(key(Config::AiModel));
    m_aiModel->setPlaceholderText(tr("the model name the endpoint expects"));
    m_aiKey = new QLineEdit(m_originalAi.value(key(Config::AiKey)), page);
    m_aiKey->setObjectName(key(Config::AiKey));
    m_aiKey->setEchoMode(QLineEdit::Password);
    m_aiKey->setPlaceholderText(tr("the endpoint's API key"));

    auto *form = new QFormLayout(page);
    auto *intro = new QLabel(tr("SPARK asks an OpenAI-compatible endpoint as one of its experts "
                                "when a URL is set."),
                             page);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Endpoint &URL:"), m_aiUrl);
    form->addRow(tr("&Model:"), m_aiModel);
    form->addRow(tr("API &key:"), m_aiKey);
    auto *note = new QLabel(tr("The key is stored in the config file, readable by you only."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::buildAppearancePage()
{
    auto *page = new QWidget(this);
    m_theme = new QComboBox(page);
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        m_theme->addItem(themeName(theme), int(theme));
    m_theme->setCurrentIndex(m_theme->findData(int(m_initialTheme)));
    // A preview: Cancel puts the theme the dialog started with back.
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { applyTheme(selectedTheme()); });

    m_language = new QComboBox(page);
    m_language->addItem(languageDisplayName(QString()), QString());
    for (const QString &language : availableLanguages())
        m_language->addItem(languageDisplayName(language), language);
    m_initialLanguage = savedLanguage();
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_initialLanguage)));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    auto *note = new QLabel(tr("A new language applies the next time Helios Workbench starts."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

Theme SettingsDialog::selectedTheme() const { return Theme(m_theme->currentData().toInt()); }

QString SettingsDialog::selectedLanguage() const { return m_language->currentData().toString(); }

void SettingsDialog::updateValidity()
{
    const Result<void> aiUrl = Config::checkValue(key(Config::AiUrl), m_aiUrl->text().trimmed());
    m_error->setVisible(!aiUrl.ok());
    if (!aiUrl.ok())
        m_error->setText(tr("Not a valid URL: %1").arg(aiUrl.error().message));
    m_ok->setEnabled(aiUrl.ok() && m_backends->isValid());
}

QHash<QString, QString> SettingsDialog::changedValues() const
{
    QHash<QString, QString> changed = m_backends->changedValues();
    const QHash<QString, QString> ai{{key(Config::AiUrl), m_aiUrl->text().trimmed()},
                                     {key(Config::AiModel), m_aiModel->text().trimmed()},
                                     {key(Config::AiKey), m_aiKey->text().trimmed()}};
    for (auto it = ai.begin(); it != ai.end(); ++it) {
        if (it.value() != m_originalAi.value(it.key()))
            changed.insert(it.key(), it.value());
    }
    return changed;
}

void SettingsDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const QHash<QString, QString> changed = changedValues();
    if (!changed.isEmpty()) {
        const Result<void> written = Config::writeFile(m_configFile, changed);
        if (!written.ok()) {
            m_error->setText(tr("The settings could not be saved: %1").arg(written.error().toString()));
            m_error->show();
            return;
        }
    }
    applyTheme(selectedTheme());
    saveTheme(selectedTheme());
    saveLanguage(selectedLanguage());
    m_restartNeeded = !changed.isEmpty() || selectedLanguage() != m_initialLanguage;
    QDialog::accept();
}

void SettingsDialog::reject()
{
    if (selectedTheme() != m_initialTheme)
        applyTheme(m_initialTheme);
    QDialog::reject();
}

} // namespace helios::workbench
