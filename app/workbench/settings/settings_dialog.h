// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "appearance.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace helios {
class Config;
}

namespace helios::workbench {

class BackendsPage;

// Settings: back ends (tested with their Test buttons), the AI endpoint, theme and
// language. The theme is previewed as soon as it is picked and restored on Cancel. OK
// saves theme and language in QSettings and writes the back-end and AI keys the user
// changed to the config file Config::load() reads (Config::userConfigFile()); back ends
// and the language take effect on the next start. While any value is invalid, OK is
// disabled and nothing is written. No label ever shows the AI key or a URL's password.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const Config &current, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The file OK writes to.
    QString configFile() const { return m_configFile; }

    // The widgets, for tests and for a caller that wants to focus one.
    BackendsPage *backendsPage() const { return m_backends; }
    QLineEdit *aiUrlEdit() const { return m_aiUrl; }
    QLineEdit *aiModelEdit() const { return m_aiModel; }
    QLineEdit *aiKeyEdit() const { return m_aiKey; }
    QComboBox *themeCombo() const { return m_theme; }
    QComboBox *languageCombo() const { return m_language; }
    QPushButton *okButton() const { return m_ok; }
    QLabel *errorLabel() const { return m_error; }

    Theme selectedTheme() const;
    QString selectedLanguage() const; // "" = the system's
    // After OK: whether what was saved applies only when the workbench starts again (a
    // back end, the AI endpoint or the language changed).
    bool restartNeeded() const { return m_restartNeeded; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    QWidget *buildAiPage();
    QWidget *buildAppearancePage();
    void updateValidity();
    QHash<QString, QString> changedValues() const;

    QString m_configFile;
    QString m_initialLanguage;
    bool m_restartNeeded = false;
    Theme m_initialTheme = Theme::System;
    QHash<QString, QString> m_originalAi; // AI keys as the dialog found them
    BackendsPage *m_backends = nullptr;
    QLineEdit *m_aiUrl = nullptr;
    QLineEdit *m_aiModel = nullptr;
    QLineEdit *m_aiKey = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_ok = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace helios::workbench
