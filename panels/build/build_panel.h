// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_history.h"
#include "ignis/build_report.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QTableView;
class QWidget;

namespace helios {
class Engine;
namespace data {
class Subscription;
}
namespace ignis {
struct BuildProgress;
}
} // namespace helios

namespace helios::panels {

class BuildDurationChart;
class BuildHistoryModel;
class BuildLogModel;
class BuildRunner;
class PanelHost;

// Production builds of one project: Build (and Cancel) with a "Use cache" choice, a
// progress bar and a log of the running build, whose located errors open in an editor
// through openLocation(), and the project's recent builds as a table and a chart of
// durations. The build runs on a worker thread and the history is read on another; the
// history refreshes after each build and whenever the bus announces one (another
// window, `helios build`).
class BuildPanel : public QObject {
    Q_OBJECT
public:
    // How many recent builds the table and the chart show.
    static constexpr int HistoryLimit = 30;

    BuildPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Cancels a running build and waits for it and for a history read: both use the
    // engine and this panel.
    ~BuildPanel() override;

    QString projectDir() const { return m_projectDir; }
    bool isBuilding() const;

    QWidget *widget() const { return m_content; }
    QPushButton *buildButton() const { return m_buildButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QCheckBox *useCacheBox() const { return m_useCache; }
    QProgressBar *progressBar() const { return m_progress; }
    BuildLogModel *logModel() const { return m_log; }
    QListView *logView() const { return m_logView; }
    BuildHistoryModel *historyModel() const { return m_history; }
    QTableView *historyView() const { return m_historyView; }
    BuildDurationChart *chart() const { return m_chart; }

public Q_SLOTS:
    // The project the panel builds and shows the history of; refreshes the history.
    void setProjectDir(const QString &dir);
    void openProjectWithDialog();
    // Starts a build of projectDir(); does nothing while one runs or without a project.
    void build();
    void cancel();
    // Reads the project's history off the UI thread; historyRefreshed() follows.
    void refreshHistory();
    // Emits openLocation() when the log row at `index` is a located message.
    void openLogEntry(const QModelIndex &index);

Q_SIGNALS:
    void openLocation(const QString &absoluteFile, int line, int column);
    void buildStarted();
    void buildFinished(bool succeeded);
    void historyRefreshed();

private:
    void buildUi();
    void subscribe();
    void updateButtons();
    void showProgress(const ignis::BuildProgress &progress);
    void buildEnded(const ignis::BuildReport &report, const QStringList &codeFrames);
    void historyRead(const QString &projectDir, const QList<ignis::BuildReport> &reports,
                     const ignis::BuildStatistics &statistics, const QString &error);

    Engine &m_engine;
    PanelHost &m_host;
    QString m_projectDir;
    QWidget *m_content = nullptr;
    QLineEdit *m_projectEdit = nullptr;
    QPushButton *m_openButton = nullptr;
    QCheckBox *m_useCache = nullptr;
    QPushButton *m_buildButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    BuildLogModel *m_log = nullptr;
    QListView *m_logView = nullptr;
    BuildHistoryModel *m_history = nullptr;
    QTableView *m_historyView = nullptr;
    BuildDurationChart *m_chart = nullptr;
    QLabel *m_statistics = nullptr;
    BuildRunner *m_runner = nullptr;
    bool m_reading = false;
    bool m_readAgain = false;
    QThreadPool m_reader;
    std::unique_ptr<data::Subscription> m_subscription;
};

} // namespace helios::panels
