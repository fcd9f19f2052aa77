// SPDX-License-Identifier: Apache-2.0
#include "deploy_panel.h"

#include "deploy_texts.h"
#include "deployment_timeline_model.h"
#include "environment_table_model.h"
#include "panel_host.h"
#include "release_table_model.h"

#include "bus/bus.h"
#include "engine.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace helios::panels {

namespace {

Q_LOGGING_CATEGORY(lcDeployPanel, "helios.panels.deploy")

using waypoint::DeploymentStatus;

QPushButton *button(const QString &text, const QString &name, const QString &tip, QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(tip);
    return b;
}

QTableView *table(QAbstractItemModel *model, const QString &name, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

// What deploy_gate enforces: deploying to, approving for and rolling back an environment
// all take at least a developer, and at least the environment's approver.
landing::Role neededRole(const waypoint::EnvironmentPolicy &policy) {
    return std::max(policy.approver.value_or(landing::Role::Developer), landing::Role::Developer);
}

} // namespace

DeployPanel::DeployPanel(Engine &engine, waypoint::WaypointService &service, PanelHost &host,
                         QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
    , m_environments(new EnvironmentTableModel(this))
    , m_releases(new ReleaseTableModel(this))
    , m_timeline(new DeploymentTimelineModel(this))
    , m_runner(new DeployRunner(service, engine.store(), this)) {
    buildUi();
    connect(m_runner, &DeployRunner::snapshotRead, this, &DeployPanel::showSnapshot);
    connect(m_runner, &DeployRunner::progressed, this, &DeployPanel::showProgress);
    connect(m_runner, &DeployRunner::actionFinished, this, &DeployPanel::actionDone);
    subscribe();
    setProjectDir({});
    host.addDock(QStringLiteral("deploy"), tr("Deploy"), m_content, Qt::RightDockWidgetArea);
}

DeployPanel::~DeployPanel() {
    // In this order: no more bus events, then no call into the service.
    m_deploymentEvents.reset();
    m_buildEvents.reset();
    delete m_runner;
    m_runner = nullptr;
}

void DeployPanel::buildUi() {
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("deployPanel"));

    m_projectLabel = new QLabel(m_content);
    m_projectLabel->setObjectName(QStringLiteral("deployProject"));
    m_identityLabel = new QLabel(m_content);
    m_identityLabel->setObjectName(QStringLiteral("deployIdentity"));

    m_environmentView = table(m_environments, QStringLiteral("deployEnvironments"), m_content);
    m_releaseView = table(m_releases, QStringLiteral("deployReleases"), m_content);
    m_timelineView = new QListView(m_content);
    m_timelineView->setObjectName(QStringLiteral("deployTimeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setMouseTracking(true);

    m_deployButton =
        button(tr("Deploy"), QStringLiteral("deployDeploy"),
               tr("Deploy the selected release to the selected environment"), m_content);
    m_approveButton = button(
        tr("Approve"), QStringLiteral("deployApprove"),
        tr("Approve the deployment waiting for the selected environment and run it"), m_content);
    m_promoteButton =
        button(tr("Promote"), QStringLiteral("deployPromote"),
               tr("Deploy what the previous environment runs to the selected one"), m_content);
    m_rollbackButton =
        button(tr("Roll back"), QStringLiteral("deployRollback"),
               tr("Put the selected environment back on its previous healthy release"), m_content);
    m_refreshButton = button(tr("Refresh"), QStringLiteral("deployRefresh"),
                             tr("Read the deployments again"), m_content);
    auto *buttonRow = new QHBoxLayout;
    for (QPushButton *b : {m_deployButton, m_approveButton, m_promoteButton, m_rollbackButton})
        buttonRow->addWidget(b);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_refreshButton);

    m_progress = new QProgressBar(m_content);
    m_progress->setObjectName(QStringLiteral("deployProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_step = new QLabel(m_content);
    m_step->setObjectName(QStringLiteral("deployStep"));
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *releasesPane = new QWidget(m_content);
    auto *releasesLayout = new QVBoxLayout(releasesPane);
    releasesLayout->setContentsMargins(0, 0, 0, 0);
    releasesLayout->addWidget(new QLabel(tr("Releases"), releasesPane));
    releasesLayout->addWidget(m_releaseView, 1);
    auto *timelinePane = new QWidget(m_content);
    auto *timelineLayout = new QVBoxLayout(timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(new QLabel(tr("History"), timelinePane));
    timelineLayout->addWidget(m_timelineView, 1);
    auto *split = new QSplitter(Qt::Vertical, m_content);
    split->addWidget(m_environmentView);
    split->addWidget(releasesPane);
    split->addWidget(timelinePane);
    split->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(m_projectLabel);
    layout->addWidget(m_identityLabel);
    layout->addWidget(split, 1);
    layout->addLayout(buttonRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_step);
    layout->addWidget(m_status);
    m_content->setMinimumSize(520, 480);

    connect(m_deployButton, &QPushButton::clicked, this, &DeployPanel::deploy);
    connect(m_approveButton, &QPushButton::clicked, this, &DeployPanel::approve);
    connect(m_promoteButton, &QPushButton::clicked, this, &DeployPanel::promote);
    connect(m_rollbackButton, &QPushButton::clicked, this, &DeployPanel::rollback);
    connect(m_refreshButton, &QPushButton::clicked, this, &DeployPanel::refresh);
    connect(m_environmentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeployPanel::updateButtons);
    connect(m_releaseView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeployPanel::updateButtons);
}

void DeployPanel::subscribe() {
    // The handlers run on a bus thread: only queue a refresh to this panel from there.
    const auto queueRefresh = [this](const data::Event &) {
        QMetaObject::invokeMethod(this, &DeployPanel::refresh, Qt::QueuedConnection);
        return true;
    };
    const auto follow = [&](const QString &pattern, std::unique_ptr<data::Subscription> &into) {
        data::Bus::SubscribeOptions options;
        options.pattern = pattern;
        auto subscription = m_engine.bus().subscribe(options, queueRefresh);
        if (subscription.ok())
            into = std::move(*subscription);
        else
            qCWarning(lcDeployPanel)
                << "no" << pattern << "events; the panel refreshes only after its own actions:"
                << subscription.error().toString();
    };
    follow(QStringLiteral("deployment.>"), m_deploymentEvents);
    follow(QStringLiteral("build.completed"), m_buildEvents);
}

bool DeployPanel::isBusy() const {
    return m_runner && m_runner->isRunning();
}

void DeployPanel::setProjectDir(const QString &dir) {
    m_projectDir = dir.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absolutePath());
    m_projectLabel->setText(m_projectDir.isEmpty()
                                ? tr("No project open.")
                                : tr("Project: %1").arg(QDir::toNativeSeparators(m_projectDir)));
    // Nothing of the previous project stays on screen while the new one is read.
    m_snapshot = DeploySnapshot{m_projectDir, {}, m_snapshot.identity, {}, {}, {}, {}};
    m_environments->setRows({});
    m_releases->setReleases({});
    m_timeline->setDeployments({});
    showStatus(QString(), false);
    updateButtons();
    refresh();
}

void DeployPanel::refresh() {
    m_runner->read(m_projectDir);
}

QString DeployPanel::selectedEnvironment() const {
    const EnvironmentRow *row = selectedRow();
    return row ? row->state.name : QString();
}

QString DeployPanel::selectedVersion() const {
    const QModelIndexList rows = m_releaseView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_releases->releases().at(rows.first().row()).version;
}

const EnvironmentRow *DeployPanel::selectedRow() const {
    const QModelIndexList rows = m_environmentView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : &m_environments->rows().at(rows.first().row());
}

void DeployPanel::selectEnvironment(const QString &name) {
    const int row = m_environments->rowOf(name);
    if (row >= 0)
        m_environmentView->selectRow(row);
    else
        m_environmentView->clearSelection();
}

void DeployPanel::selectRelease(const QString &version) {
    const int row = m_releases->rowOf(version);
    if (row >= 0)
        m_releaseView->selectRow(row);
    else
        m_releaseView->clearSelection();
}

void DeployPanel::showSnapshot(const DeploySnapshot &snapshot) {
    if (snapshot.projectDir != m_projectDir)
        return; // a read for the project shown before
    const QString environment = selectedEnvironment();
    const QString version = selectedVersion();
    m_snapshot = snapshot;

    QList<EnvironmentRow> rows;
    for (const waypoint::EnvironmentState &state : snapshot.environments) {
        EnvironmentRow row{state, std::nullopt};
        // History is newest first: the first one waiting is the newest.
        for (const waypoint::Deployment &deployment : snapshot.history)
            if (deployment.environment == state.name &&
                deployment.status == DeploymentStatus::AwaitingApproval) {
                row.pending = deployment;
                break;
            }
        rows.append(row);
    }
    m_environments->setRows(rows);
    m_releases->setReleases(snapshot.releases);
    m_timeline->setDeployments(snapshot.history);
    // The rows were replaced: keep what the user had selected, else the first of each.
    selectEnvironment(environment.isEmpty() && !rows.isEmpty() ? rows.first().state.name
                                                               : environment);
    selectRelease(version.isEmpty() && !snapshot.releases.isEmpty()
                      ? snapshot.releases.first().version
                      : version);

    const landing::Identity &identity = snapshot.identity;
    m_identityLabel->setText(
        identity.subject.isEmpty()
            ? QString()
            : tr("Acting as %1 (%2)").arg(identity.subject, landing::roleName(identity.role)));
    // A read's own message replaces the previous read's, never an action's outcome.
    if (!snapshot.error.isEmpty())
        showReadHint(tr("The deployments could not be read: %1").arg(snapshot.error), true);
    else if (!m_projectDir.isEmpty() && snapshot.environments.isEmpty())
        showReadHint(tr("No releases yet: build the project, or run `helios deploy`."), false);
    else
        showReadHint(QString(), false);
    updateButtons();
    Q_EMIT refreshed();
}

bool DeployPanel::hasEarlierHealthyRelease(const EnvironmentRow &row) const {
    // As the service decides: a succeeded deployment of another release, older than the
    // live one.
    bool olderThanLive = false;
    for (const waypoint::Deployment &deployment : m_snapshot.history) {
        if (deployment.environment != row.state.name)
            continue;
        if (deployment.id == row.state.currentDeploymentId)
            olderThanLive = true;
        else if (olderThanLive && deployment.status == DeploymentStatus::Succeeded &&
                 deployment.releaseId != row.state.currentReleaseId)
            return true;
    }
    return false;
}

void DeployPanel::updateButtons() {
    const EnvironmentRow *row = selectedRow();
    const bool idle = !isBusy();
    const landing::Role role = m_snapshot.identity.role;
    const bool allowed = row && role >= neededRole(row->state.policy);
    const QString roleTip =
        row && !allowed
            ? tr("Needs the %1 role; you are %2")
                  .arg(landing::roleName(neededRole(row->state.policy)), landing::roleName(role))
            : QString();

    m_deployButton->setEnabled(idle && allowed && !selectedVersion().isEmpty());
    m_approveButton->setEnabled(idle && allowed && row->pending.has_value());
    bool promotable = false;
    if (row && !row->state.policy.promotesFrom.isEmpty()) {
        const int from = m_environments->rowOf(row->state.policy.promotesFrom);
        promotable = from >= 0 && !m_environments->rows().at(from).state.currentVersion.isEmpty();
    }
    m_promoteButton->setEnabled(idle && allowed && promotable);
    m_rollbackButton->setEnabled(idle && allowed && !row->state.currentDeploymentId.isEmpty() &&
                                 hasEarlierHealthyRelease(*row));
    m_refreshButton->setEnabled(true);
    // A disabled button says why when the role is the reason.
    m_approveButton->setToolTip(
        roleTip.isEmpty()
            ? tr("Approve the deployment waiting for the selected environment and run it")
            : roleTip);
}

void DeployPanel::showReadHint(const QString &text, bool error) {
    if (m_showingReadHint || m_status->text().isEmpty()) {
        showStatus(text, error);
        m_showingReadHint = !text.isEmpty();
    }
}

void DeployPanel::showStatus(const QString &text, bool error) {
    m_showingReadHint = false;
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void DeployPanel::beginAction(const QString &text) {
    m_progress->setRange(0, 0); // busy until the action ends
    m_step->setText(text);
    m_step->setToolTip(QString());
    showStatus(QString(), false);
    updateButtons();
}

void DeployPanel::deploy() {
    const QString environment = selectedEnvironment();
    const QString version = selectedVersion();
    if (environment.isEmpty() || version.isEmpty() ||
        !m_runner->deploy(m_snapshot.projectId, environment, version))
        return;
    beginAction(tr("Deploying %1 to %2…").arg(version, environment));
}

void DeployPanel::approve() {
    const EnvironmentRow *row = selectedRow();
    if (!row || !row->pending || !m_runner->approve(row->pending->id, row->state.name))
        return;
    beginAction(tr("Approving %1 for %2…").arg(row->pending->version, row->state.name));
}

void DeployPanel::promote() {
    const QString environment = selectedEnvironment();
    if (environment.isEmpty() || !m_runner->promote(m_snapshot.projectId, environment))
        return;
    beginAction(tr("Promoting to %1…").arg(environment));
}

void DeployPanel::rollback() {
    const QString environment = selectedEnvironment();
    if (environment.isEmpty() || !m_runner->rollback(m_snapshot.projectId, environment))
        return;
    beginAction(tr("Rolling %1 back…").arg(environment));
}

void DeployPanel::showProgress(const waypoint::DeployProgress &progress) {
    m_step->setText(tr("%1…").arg(stepText(progress.step)));
    m_step->setToolTip(progress.text); // the engine's line, in English
}

void DeployPanel::actionDone(const DeployActionOutcome &outcome) {
    using Action = DeployActionOutcome::Action;
    m_progress->setRange(0, 1);
    m_progress->setValue(outcome.ok ? 1 : 0);
    m_step->clear();
    m_step->setToolTip(QString());
    QString text;
    bool error = !outcome.ok;
    if (!outcome.ok) {
        // The engine's message, in English, says what and where.
        switch (outcome.action) {
        case Action::Approve:
            text = tr("The deployment to %1 was not approved: %2")
                       .arg(outcome.environment, outcome.error);
            break;
        case Action::Rollback:
            text = tr("%1 was not rolled back: %2").arg(outcome.environment, outcome.error);
            break;
        case Action::Deploy:
        case Action::Promote:
            text = tr("The deployment to %1 did not start: %2")
                       .arg(outcome.environment, outcome.error);
            break;
        }
    } else {
        const waypoint::Deployment &d = outcome.deployment;
        switch (d.status) {
        case DeploymentStatus::AwaitingApproval:
            text = tr("%1 waits for approval before it goes to %2.").arg(d.version, d.environment);
            break;
        case DeploymentStatus::Succeeded:
            text = tr("%1 is live on %2: %3").arg(d.version, d.environment, d.url);
            break;
        case DeploymentStatus::RolledBack:
            text = tr("%1 is back on %2.").arg(d.environment, d.version);
            break;
        case DeploymentStatus::Failed:
            error = true;
            text = d.rolledBackTo.isEmpty()
                       ? tr("%1 failed on %2: %3").arg(d.version, d.environment, d.error)
                       : tr("%1 failed on %2 and it was put back on %3: %4")
                             .arg(d.version, d.environment, d.rolledBackTo, d.error);
            break;
        case DeploymentStatus::Running:
            text = tr("%1 is still deploying to %2.").arg(d.version, d.environment);
            break;
        }
    }
    showStatus(text, error);
    m_host.notify(text);
    updateButtons();
    refresh();
    Q_EMIT actionFinished(!error);
}

} // namespace helios::panels
