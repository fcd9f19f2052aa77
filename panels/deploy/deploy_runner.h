// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "landing/identity.h"
#include "waypoint/deployment_history.h"
#include "waypoint/release.h"
#include "waypoint/waypoint_service.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace helios::data {
class Store;
}

namespace helios::panels {

// Everything the Deploy panel shows of one project, read in one go.
struct DeploySnapshot {
    QString projectDir;
    QString projectId;
    landing::Identity identity; // who the panel's actions run as
    QList<waypoint::EnvironmentState> environments;
    QList<waypoint::Release> releases;   // newest first
    QList<waypoint::Deployment> history; // every environment's, newest first
    QString error;                       // the first read that failed (English)
};

// What a deploy, approve, promote or rollback came to.
struct DeployActionOutcome {
    enum class Action { Deploy, Approve, Promote, Rollback };
    Action action = Action::Deploy;
    QString environment;
    bool ok = false;
    waypoint::Deployment deployment; // set when ok
    QString error;                   // the engine's message when not ok (English)
};

// Runs WaypointService calls off the UI thread: reads on one thread of its own (a
// refresh never waits behind a running deployment) and actions, one at a time, on
// another. Results arrive on the thread that owns the runner. Actions run as
// waypoint::localIdentity(), read when the action starts. The service and the store
// must outlive the runner.
class DeployRunner : public QObject {
    Q_OBJECT
public:
    DeployRunner(waypoint::WaypointService &service, data::Store &store, QObject *parent = nullptr);
    // Asks a running deploy to stop at its next check and waits for the running calls to
    // end; nothing is reported after that.
    ~DeployRunner() override;

    bool isRunning() const { return m_running; }

    // Reads the project's snapshot; snapshotRead() follows. Requests made while a read
    // runs are folded into one more read after it.
    void read(const QString &projectDir);

    // Each returns false, starting nothing, while an action runs. progressed() reports
    // the steps, then actionFinished() follows exactly once.
    bool deploy(const QString &projectId, const QString &environment, const QString &version);
    bool approve(const QString &deploymentId, const QString &environment);
    bool promote(const QString &projectId, const QString &environment);
    bool rollback(const QString &projectId, const QString &environment);

Q_SIGNALS:
    void snapshotRead(const helios::panels::DeploySnapshot &snapshot);
    void progressed(const helios::waypoint::DeployProgress &progress);
    void actionFinished(const helios::panels::DeployActionOutcome &outcome);

private:
    using Call = std::function<Result<waypoint::Deployment>(
        const landing::Identity &, const std::function<void(const waypoint::DeployProgress &)> &)>;
    bool start(DeployActionOutcome::Action action, const QString &environment, Call call);
    void startRead();

    waypoint::WaypointService &m_service;
    data::Store &m_store;
    QThread m_readThread;
    QThread m_actionThread;
    // Live on their threads: what work is queued to.
    QObject *m_readContext = nullptr;
    QObject *m_actionContext = nullptr;
    std::atomic_bool m_cancelled{false};
    bool m_running = false;
    bool m_reading = false;
    bool m_readAgain = false;
    QString m_readDir;
};

} // namespace helios::panels
