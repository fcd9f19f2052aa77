// SPDX-License-Identifier: Apache-2.0
#include "spark_panel.h"

#include "expert_scores_view.h"
#include "generated_files_view.h"
#include "panel_host.h"
#include "spark_runner.h"
#include "validation_view.h"

#include "spark/expert_family.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace helios::panels {

namespace {

// The engine names its phases by id; the user reads them translated.
QString phaseText(const spark::GenerationProgress &progress) {
    const QString &phase = progress.phase;
    if (phase == QLatin1StringView("tokens"))
        return SparkPanel::tr("Loading the tokens…");
    if (phase == QLatin1StringView("route"))
        return SparkPanel::tr("Choosing an expert…");
    if (phase == QLatin1StringView("generate"))
        return SparkPanel::tr("Writing the component…");
    if (phase == QLatin1StringView("validate"))
        return SparkPanel::tr("Validating…");
    if (phase == QLatin1StringView("save"))
        return SparkPanel::tr("Saving the version…");
    if (phase == QLatin1StringView("write"))
        return SparkPanel::tr("Writing into the project…");
    if (phase == QLatin1StringView("build"))
        return SparkPanel::tr("Building the project…");
    return progress.text;
}

QPushButton *button(const QString &text, const QString &name, QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

SparkPanel::SparkPanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_runner(new SparkRunner(engine, this)) {
    buildUi();
    connect(m_runner, &SparkRunner::progressed, this, &SparkPanel::showProgress);
    connect(m_runner, &SparkRunner::generated, this, &SparkPanel::generationDone);
    connect(m_runner, &SparkRunner::generationFailed, this, &SparkPanel::generationFailed);
    connect(m_runner, &SparkRunner::accepted, this, &SparkPanel::acceptDone);
    connect(m_runner, &SparkRunner::acceptFailed, this, &SparkPanel::acceptFailed);
    updateButtons();
    host.addDock(QStringLiteral("spark"), tr("Spark"), m_content, Qt::RightDockWidgetArea);
}

SparkPanel::~SparkPanel() {
    // The runner cancels and joins its thread before anything it reports to goes away;
    // the widgets belong to the host.
    delete m_runner;
    m_runner = nullptr;
}

void SparkPanel::buildUi() {
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("sparkPanel"));

    m_projectLabel = new QLabel(m_content);
    m_projectLabel->setObjectName(QStringLiteral("sparkProject"));
    m_prompt = new QPlainTextEdit(m_content);
    m_prompt->setObjectName(QStringLiteral("sparkPrompt"));
    m_prompt->setPlaceholderText(tr("Describe a component, e.g. “a card with a title, an image and two "
                                    "buttons”. Ctrl+Enter generates."));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMaximumHeight(m_prompt->fontMetrics().height() * 5);
    m_prompt->installEventFilter(this);

    m_history = new QComboBox(m_content);
    m_history->setObjectName(QStringLiteral("sparkHistory"));
    m_history->setPlaceholderText(tr("Earlier prompts"));
    m_history->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_history->setMinimumContentsLength(24);
    m_expert = new QComboBox(m_content);
    m_expert->setObjectName(QStringLiteral("sparkExpert"));
    m_expert->addItem(tr("Automatic"));
    for (const spark::ExpertFamilyInfo &info : spark::expertFamilies)
        m_expert->addItem(QString(info.id), QString(info.id));
    m_expert->setToolTip(tr("Let the router choose the expert, or force one"));

    m_generateButton = button(tr("Generate"), QStringLiteral("sparkGenerate"), m_content);
    m_cancelButton = button(tr("Cancel"), QStringLiteral("sparkCancel"), m_content);
    m_regenerateButton = button(tr("Regenerate"), QStringLiteral("sparkRegenerate"), m_content);
    m_acceptButton = button(tr("Accept"), QStringLiteral("sparkAccept"), m_content);
    m_acceptButton->setToolTip(tr("Write the component into the project and build it"));

    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(new QLabel(tr("History:"), m_content));
    choiceRow->addWidget(m_history, 1);
    choiceRow->addWidget(new QLabel(tr("Expert:"), m_content));
    choiceRow->addWidget(m_expert);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_generateButton);
    buttonRow->addWidget(m_cancelButton);
    buttonRow->addWidget(m_regenerateButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_acceptButton);

    m_progress = new QProgressBar(m_content);
    m_progress->setObjectName(QStringLiteral("sparkProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m steps"));
    m_phase = new QLabel(m_content);
    m_phase->setObjectName(QStringLiteral("sparkPhase"));
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("sparkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_scores = new ExpertScoresView(m_content);
    m_scores->setObjectName(QStringLiteral("sparkScores"));
    m_files = new GeneratedFilesView(m_content);
    m_files->setObjectName(QStringLiteral("sparkFiles"));
    m_validation = new ValidationView(m_content);
    m_validation->setObjectName(QStringLiteral("sparkValidation"));
    auto *split = new QSplitter(Qt::Vertical, m_content);
    split->addWidget(m_scores);
    split->addWidget(m_files);
    split->addWidget(m_validation);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(m_projectLabel);
    layout->addWidget(m_prompt);
    layout->addLayout(choiceRow);
    layout->addLayout(buttonRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_phase);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    m_content->setMinimumSize(480, 480);
    setProjectDir({});

    connect(m_generateButton, &QPushButton::clicked, this, &SparkPanel::generate);
    connect(m_cancelButton, &QPushButton::clicked, this, &SparkPanel::cancel);
    connect(m_regenerateButton, &QPushButton::clicked, this, &SparkPanel::regenerate);
    connect(m_acceptButton, &QPushButton::clicked, this, &SparkPanel::accept);
    connect(m_history, &QComboBox::activated, this, [this](int index) {
        m_prompt->setPlainText(m_history->itemText(index));
        m_prompt->setFocus();
    });
    connect(m_validation, &ValidationView::locationActivated, m_files, &GeneratedFilesView::showLocation);
}

bool SparkPanel::eventFilter(QObject *watched, QEvent *event) {
    // Ctrl+Enter in the prompt generates; a plain Enter is a new line.
    if (watched == m_prompt && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            generate();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

bool SparkPanel::isBusy() const {
    return m_runner && m_runner->isRunning();
}

QStringList SparkPanel::history() const {
    QStringList prompts;
    for (int i = 0; i < m_history->count(); ++i)
        prompts << m_history->itemText(i);
    return prompts;
}

void SparkPanel::setProjectDir(const QString &dir) {
    m_projectDir = dir.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absolutePath());
    m_projectLabel->setText(m_projectDir.isEmpty()
                                ? tr("No project: the built-in tokens are used and Accept is off.")
                                : tr("Project: %1").arg(QDir::toNativeSeparators(m_projectDir)));
    updateButtons();
}

void SparkPanel::updateButtons() {
    const bool busy = isBusy();
    m_generateButton->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_regenerateButton->setEnabled(!busy && !m_lastPrompt.isEmpty());
    m_acceptButton->setEnabled(!busy && !m_projectDir.isEmpty() && m_generation &&
                               m_generation->validation.passed());
    m_expert->setEnabled(!busy);
    m_history->setEnabled(!busy && m_history->count() > 0);
}

void SparkPanel::showStatus(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void SparkPanel::endProgress(bool done) {
    m_progress->setRange(0, 1);
    m_progress->setValue(done ? 1 : 0);
    m_phase->clear();
}

void SparkPanel::generate() {
    start(m_prompt->toPlainText().trimmed());
}

void SparkPanel::regenerate() {
    if (!m_lastPrompt.isEmpty())
        start(m_lastPrompt);
}

void SparkPanel::start(const QString &prompt) {
    if (isBusy())
        return;
    if (prompt.isEmpty()) {
        showStatus(tr("Describe the component to generate first."), true);
        m_prompt->setFocus();
        return;
    }
    std::optional<spark::ExpertFamily> expert;
    if (const QString id = m_expert->currentData().toString(); !id.isEmpty())
        expert = spark::familyFromId(id);
    m_generation.reset();
    m_scores->clear();
    m_files->clearFiles();
    m_validation->clearReport();
    m_lastPrompt = prompt;
    m_progress->setRange(0, 0); // busy until the pipeline says how many steps it has
    m_phase->setText(tr("Starting…"));
    showStatus(QString(), false);
    m_runner->generate(prompt, m_projectDir, expert);
    updateButtons();
    Q_EMIT generationStarted();
}

void SparkPanel::cancel() {
    if (!isBusy())
        return;
    m_runner->cancel();
    m_phase->setText(tr("Cancelling…"));
    m_cancelButton->setEnabled(false);
}

void SparkPanel::showProgress(const spark::GenerationProgress &progress) {
    if (progress.steps > 0) {
        m_progress->setRange(0, progress.steps);
        m_progress->setValue(std::clamp(progress.step, 0, progress.steps));
    }
    if (!progress.phase.isEmpty() || !progress.text.isEmpty())
        m_phase->setText(phaseText(progress));
}

void SparkPanel::rememberPrompt(const QString &prompt) {
    // Most recent first, each prompt once.
    const int existing = m_history->findText(prompt, Qt::MatchExactly);
    if (existing >= 0)
        m_history->removeItem(existing);
    m_history->insertItem(0, prompt);
    m_history->setCurrentIndex(-1);
}

void SparkPanel::generationDone(const spark::Generation &generation) {
    m_generation = generation;
    rememberPrompt(m_lastPrompt);
    endProgress(true);
    m_scores->setRouting(generation.routing);
    m_files->setFiles(generation.component.files);
    m_validation->setReport(generation.validation);
    const spark::GeneratedComponent &component = generation.component;
    if (generation.validation.passed()) {
        QString text = tr("%1 by the %2 expert passed validation (%3).")
                           .arg(component.name, component.expert, generation.tokensSource);
        if (!component.notes.isEmpty())
            text += QLatin1Char(' ') + tr("Assumed: %1").arg(component.notes.join(QStringLiteral("; ")));
        showStatus(text, false);
    } else {
        showStatus(tr("%1 failed validation and cannot be accepted; see the findings below.").arg(component.name),
                   true);
    }
    updateButtons();
    Q_EMIT generationFinished(true);
}

void SparkPanel::generationFailed(const QString &message, bool cancelled) {
    endProgress(false);
    // The message comes from the engine, in English.
    showStatus(cancelled ? tr("The generation was cancelled.") : tr("Nothing was generated: %1").arg(message),
               !cancelled);
    updateButtons();
    Q_EMIT generationFinished(false);
}

void SparkPanel::accept() {
    if (isBusy() || m_projectDir.isEmpty() || !m_generation || !m_generation->validation.passed())
        return;
    m_progress->setRange(0, 0);
    m_phase->setText(tr("Writing into the project…"));
    m_runner->accept(*m_generation, m_projectDir);
    updateButtons();
}

void SparkPanel::acceptDone(const spark::AcceptOutcome &outcome, const QString &projectDir) {
    endProgress(true);
    const QString name = m_generation ? m_generation->component.name : QString();
    const QString project = QFileInfo(projectDir).fileName();
    const int files = int(outcome.written.size());
    const QString message =
        outcome.built
            ? tr("%1 was written into %2 (%n file(s)) and the build succeeded: %3", nullptr, files)
                  .arg(name, project, outcome.buildSummary)
            : tr("%1 was written into %2 (%n file(s)), but the build failed: %3", nullptr, files)
                  .arg(name, project, outcome.buildSummary);
    showStatus(message, !outcome.built);
    m_host.notify(message);
    updateButtons();
    Q_EMIT acceptFinished(outcome.built);
}

void SparkPanel::acceptFailed(const QString &message) {
    endProgress(false);
    const QString text = tr("The component was not written: %1").arg(message);
    showStatus(text, true);
    m_host.notify(text);
    updateButtons();
    Q_EMIT acceptFinished(false);
}

} // namespace helios::panels
