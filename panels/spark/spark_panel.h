// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/spark_pipeline.h"

#include <QObject>
#include <QString>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace helios {
class Engine;
}

namespace helios::panels {

class ExpertScoresView;
class GeneratedFilesView;
class PanelHost;
class SparkRunner;
class ValidationView;

// SPARK in the workbench: a prompt (Ctrl+Enter generates) with this session's history,
// an expert choice ("Automatic" or one family), Generate, Cancel and Regenerate, the
// progress of the running generation, the router's scores as bars, the generated files
// in highlighted read-only tabs and what validation found (a row opens its file at the
// line). Accept writes a generation that passed validation into the project and builds
// it, then tells the host. All pipeline work runs on the runner's thread.
class SparkPanel : public QObject {
    Q_OBJECT
public:
    SparkPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Cancels a running generation and waits for the worker thread.
    ~SparkPanel() override;

    QString projectDir() const { return m_projectDir; }
    bool isBusy() const;
    // The generation shown, if any.
    const std::optional<spark::Generation> &generation() const { return m_generation; }
    // This session's prompts, most recent first.
    QStringList history() const;

    QWidget *widget() const { return m_content; }
    QPlainTextEdit *promptEdit() const { return m_prompt; }
    QComboBox *historyBox() const { return m_history; }
    QComboBox *expertBox() const { return m_expert; }
    QPushButton *generateButton() const { return m_generateButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *regenerateButton() const { return m_regenerateButton; }
    QPushButton *acceptButton() const { return m_acceptButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *phaseLabel() const { return m_phase; }
    QLabel *statusLabel() const { return m_status; }
    ExpertScoresView *scoresView() const { return m_scores; }
    GeneratedFilesView *filesView() const { return m_files; }
    ValidationView *validationView() const { return m_validation; }

public Q_SLOTS:
    // The project generations read tokens from and Accept writes into; empty for none
    // (the built-in tokens, nothing to accept into).
    void setProjectDir(const QString &dir);
    // Generates from the prompt box; an empty prompt is refused with a message.
    void generate();
    // The last generated prompt again, with the expert chosen now.
    void regenerate();
    void cancel();
    // Writes the shown generation into the project and builds it.
    void accept();

Q_SIGNALS:
    void generationStarted();
    void generationFinished(bool produced);
    void acceptFinished(bool succeeded);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void start(const QString &prompt);
    void updateButtons();
    void showStatus(const QString &text, bool error);
    void endProgress(bool done);
    void rememberPrompt(const QString &prompt);
    void showProgress(const spark::GenerationProgress &progress);
    void generationDone(const spark::Generation &generation);
    void generationFailed(const QString &message, bool cancelled);
    void acceptDone(const spark::AcceptOutcome &outcome, const QString &projectDir);
    void acceptFailed(const QString &message);

    PanelHost &m_host;
    QString m_projectDir;
    QString m_lastPrompt;
    std::optional<spark::Generation> m_generation;
    QWidget *m_content = nullptr;
    QLabel *m_projectLabel = nullptr;
    QPlainTextEdit *m_prompt = nullptr;
    QComboBox *m_history = nullptr;
    QComboBox *m_expert = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_regenerateButton = nullptr;
    QPushButton *m_acceptButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_phase = nullptr;
    QLabel *m_status = nullptr;
    ExpertScoresView *m_scores = nullptr;
    GeneratedFilesView *m_files = nullptr;
    ValidationView *m_validation = nullptr;
    SparkRunner *m_runner = nullptr;
};

} // namespace helios::panels
