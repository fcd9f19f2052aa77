// SPDX-License-Identifier: Apache-2.0
#include "build_panel.h"

#include "build_duration_chart.h"
#include "build_history_model.h"
#include "build_log_model.h"
#include "build_runner.h"
#include "panel_host.h"

#include "bus/bus.h"
#include "engine.h"
#include "ignis/production_build.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace helios::panels {

namespace {
Q_LOGGING_CATEGORY(lcBuildPanel, "helios.panels.build")
}

using ignis::BuildReport;

BuildPanel::BuildPanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
    , m_log(new BuildLogModel(this))
    , m_history(new BuildHistoryModel(this))
    , m_runner(new BuildRunner(engine, this)) {
    m_reader.setMaxThreadCount(1);
    buildUi();
    connect(m_runner, &BuildRunner::progressed, this, &BuildPanel::showProgress);
    connect(m_runner, &BuildRunner::finished, this, &BuildPanel::buildEnded);
    subscribe();
    updateButtons();
    host.addDock(QStringLiteral("build"), tr("Build"), m_content, Qt::BottomDockWidgetArea);
}

BuildPanel::~BuildPanel() {
    // In this order: no more bus events, no build, no history read touching the engine.
    m_subscription.reset();
    delete m_runner;
    m_runner = nullptr;
    m_reader.waitForDone();
}

void BuildPanel::buildUi() {
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("buildPanel"));
    auto *layout = new QVBoxLayout(m_content);

    auto *projectRow = new QHBoxLayout;
    auto *projectLabel = new QLabel(tr("Project:"), m_content);
    m_projectEdit = new QLineEdit(m_content);
    m_projectEdit->setObjectName(QStringLiteral("projectEdit"));
    m_projectEdit->setPlaceholderText(tr("Directory with a helios.json"));
    projectLabel->setBuddy(m_projectEdit);
    m_openButton = new QPushButton(tr("Open…"), m_content);
    m_openButton->setObjectName(QStringLiteral("openProjectButton"));
    m_useCache = new QCheckBox(tr("Use cache"), m_content);
    m_useCache->setObjectName(QStringLiteral("useCacheBox"));
    m_useCache->setChecked(true);
    m_useCache->setToolTip(tr("Reuse the results of earlier builds whose inputs have not changed"));
    m_buildButton = new QPushButton(tr("Build"), m_content);
    m_buildButton->setObjectName(QStringLiteral("buildButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), m_content);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    projectRow->addWidget(projectLabel);
    projectRow->addWidget(m_projectEdit, 1);
    projectRow->addWidget(m_openButton);
    projectRow->addWidget(m_useCache);
    projectRow->addWidget(m_buildButton);
    projectRow->addWidget(m_cancelButton);

    m_progress = new QProgressBar(m_content);
    m_progress->setObjectName(QStringLiteral("buildProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m steps"));

    m_logView = new QListView(m_content);
    m_logView->setObjectName(QStringLiteral("buildLog"));
    m_logView->setModel(m_log);
    m_logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setMouseTracking(true);

    m_statistics = new QLabel(m_content);
    m_statistics->setObjectName(QStringLiteral("buildStatistics"));
    m_historyView = new QTableView(m_content);
    m_historyView->setObjectName(QStringLiteral("buildHistory"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_chart = new BuildDurationChart(m_content);
    m_chart->setObjectName(QStringLiteral("buildDurationChart"));

    auto *historySplit = new QSplitter(Qt::Vertical, m_content);
    historySplit->addWidget(m_historyView);
    historySplit->addWidget(m_chart);
    auto *historyPane = new QWidget(m_content);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_statistics);
    historyLayout->addWidget(historySplit, 1);
    auto *split = new QSplitter(Qt::Horizontal, m_content);
    split->addWidget(m_logView);
    split->addWidget(historyPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    layout->addLayout(projectRow);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    m_content->setMinimumSize(640, 360);

    connect(m_projectEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_projectEdit->text() != m_projectDir)
            setProjectDir(m_projectEdit->text());
    });
    connect(m_openButton, &QPushButton::clicked, this, &BuildPanel::openProjectWithDialog);
    connect(m_buildButton, &QPushButton::clicked, this, &BuildPanel::build);
    connect(m_cancelButton, &QPushButton::clicked, this, &BuildPanel::cancel);
    // Activation is a double-click or Enter (a single click where the style says so).
    connect(m_logView, &QAbstractItemView::activated, this, &BuildPanel::openLogEntry);
}

void BuildPanel::subscribe() {
    data::Bus::SubscribeOptions options;
    options.pattern = QStringLiteral("build.>");
    // The handler runs on a bus thread: only queue a refresh to this panel from there.
    auto subscription = m_engine.bus().subscribe(options, [this](const data::Event &) {
        QMetaObject::invokeMethod(
            this, [this] { refreshHistory(); }, Qt::QueuedConnection);
        return true;
    });
    if (subscription.ok())
        m_subscription = std::move(*subscription);
    else
        qCWarning(lcBuildPanel) << "no build events, the history refreshes only after own builds:"
                                << subscription.error().toString();
}

bool BuildPanel::isBuilding() const {
    return m_runner && m_runner->isRunning();
}

void BuildPanel::setProjectDir(const QString &dir) {
    m_projectDir = dir.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absolutePath());
    m_projectEdit->setText(m_projectDir);
    updateButtons();
    refreshHistory();
}

void BuildPanel::openProjectWithDialog() {
    const QString dir =
        QFileDialog::getExistingDirectory(m_content, tr("Open Project"), m_projectDir);
    if (!dir.isEmpty())
        setProjectDir(dir);
}

void BuildPanel::updateButtons() {
    const bool building = isBuilding();
    m_buildButton->setEnabled(!building && !m_projectDir.isEmpty());
    m_cancelButton->setEnabled(building);
    m_useCache->setEnabled(!building);
    m_projectEdit->setEnabled(!building);
    m_openButton->setEnabled(!building);
}

void BuildPanel::build() {
    if (isBuilding() || m_projectDir.isEmpty())
        return;
    m_log->clear();
    m_progress->setRange(0, 0); // busy until the build says how many steps it has
    m_log->appendProgress(
        m_useCache->isChecked()
            ? tr("Building %1").arg(QDir::toNativeSeparators(m_projectDir))
            : tr("Building %1 without the cache").arg(QDir::toNativeSeparators(m_projectDir)));
    m_runner->start(m_projectDir, m_useCache->isChecked());
    updateButtons();
    Q_EMIT buildStarted();
}

void BuildPanel::cancel() {
    if (!isBuilding())
        return;
    m_runner->cancel();
    m_log->appendProgress(tr("Cancelling…"));
    m_cancelButton->setEnabled(false);
}

void BuildPanel::showProgress(const ignis::BuildProgress &progress) {
    m_progress->setRange(0, std::max(progress.steps, 1));
    m_progress->setValue(std::clamp(progress.step, 0, m_progress->maximum()));
    // The step text comes from the engine, in English.
    m_log->appendProgress(
        tr("[%1/%2] %3").arg(progress.step + 1).arg(progress.steps).arg(progress.text));
    m_logView->scrollToBottom();
}

void BuildPanel::buildEnded(const BuildReport &report, const QStringList &codeFrames) {
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    const QString duration = BuildHistoryModel::formatDuration(report.durationMs);
    if (report.succeeded()) {
        m_progress->setValue(m_progress->maximum());
        m_log->appendSummary(
            tr("Build succeeded in %1: %n file(s), %2, cache %3", nullptr,
               int(report.outputs.size()))
                .arg(duration, QLocale().formattedDataSize(report.outputBytes()), report.cache),
            true);
    } else {
        int errors = 0;
        for (const ignis::BuildMessage &message : report.messages)
            errors += message.isError() ? 1 : 0;
        m_log->appendSummary(
            tr("Build failed after %1 with %n error(s)", nullptr, errors).arg(duration), false);
    }
    m_log->appendMessages(m_runner->projectDir(), report.messages, codeFrames);

    const int located = m_log->firstLocatedError();
    if (located >= 0) {
        const QModelIndex index = m_log->index(located);
        m_logView->setCurrentIndex(index);
        m_logView->scrollTo(index);
    } else {
        m_logView->scrollToBottom();
    }
    if (!report.succeeded()) {
        QString first;
        for (const ignis::BuildMessage &message : report.messages)
            if (message.isError()) {
                first = message.toString();
                break;
            }
        m_host.notify(tr("The build of %1 failed: %2")
                          .arg(QFileInfo(m_runner->projectDir()).fileName(), first));
    }
    updateButtons();
    refreshHistory();
    Q_EMIT buildFinished(report.succeeded());
}

void BuildPanel::openLogEntry(const QModelIndex &index) {
    if (!index.isValid() || index.model() != m_log ||
        !index.data(BuildLogModel::LocatedRole).toBool())
        return;
    Q_EMIT openLocation(index.data(BuildLogModel::FileRole).toString(),
                        index.data(BuildLogModel::LineRole).toInt(),
                        index.data(BuildLogModel::ColumnRole).toInt());
}

void BuildPanel::refreshHistory() {
    if (m_projectDir.isEmpty()) {
        m_history->setReports({});
        m_chart->setReports({});
        m_statistics->clear();
        return;
    }
    if (m_reading) {
        m_readAgain = true; // the read under way may have started before the change
        return;
    }
    m_reading = true;
    const QString dir = m_projectDir;
    // Store reads can wait on a remote database: never on the UI thread. The answer is
    // queued to this panel; Qt drops it if the panel is gone.
    m_reader.start([this, dir] {
        ignis::BuildHistory history(m_engine.store());
        const QString projectId = history.projectIdFor(dir);
        QList<BuildReport> reports;
        ignis::BuildStatistics statistics;
        QString error;
        if (auto recent = history.recent(projectId, HistoryLimit); recent.ok())
            reports = std::move(*recent);
        else
            error = recent.error().toString();
        if (auto figures = history.statistics(projectId); figures.ok())
            statistics = *figures;
        else if (error.isEmpty())
            error = figures.error().toString();
        QMetaObject::invokeMethod(
            this,
            [this, dir, reports, statistics, error] {
                historyRead(dir, reports, statistics, error);
            },
            Qt::QueuedConnection);
    });
}

void BuildPanel::historyRead(const QString &projectDir, const QList<BuildReport> &reports,
                             const ignis::BuildStatistics &statistics, const QString &error) {
    m_reading = false;
    if (projectDir == m_projectDir) {
        if (!error.isEmpty()) {
            qCWarning(lcBuildPanel) << "build history not read:" << error;
            m_statistics->setText(tr("The build history could not be read."));
            m_statistics->setToolTip(error);
        } else {
            m_history->setReports(reports);
            m_chart->setReports(reports);
            m_statistics->setToolTip({});
            m_statistics->setText(
                statistics.builds == 0
                    ? tr("No builds yet.")
                    : tr("%n build(s): %1 succeeded, %2 failed, %3 from the cache; %4 on average",
                         nullptr, int(statistics.builds))
                          .arg(statistics.succeeded)
                          .arg(statistics.failed)
                          .arg(statistics.cacheHits)
                          .arg(BuildHistoryModel::formatDuration(
                              qint64(statistics.meanDurationMs))));
        }
        Q_EMIT historyRefreshed();
    }
    if (m_readAgain || projectDir != m_projectDir) {
        m_readAgain = false;
        refreshHistory();
    }
}

} // namespace helios::panels
