// SPDX-License-Identifier: Apache-2.0
#include "build/build_duration_chart.h"
#include "build/build_history_model.h"
#include "build/build_log_model.h"
#include "build/build_panel.h"

#include "backend_under_test.h"
#include "engine.h"
#include "ignis/production_build.h"
#include "panel_host.h"
#include "recording_panel_host.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace helios::panels;
using helios::ignis::BuildReport;

namespace {

// esbuild and the Store do the work: generous, since the machine may be busy.
constexpr int BuildTimeoutMs = 120000;

using FakeHost = helios::test::RecordingPanelHost;

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString canonical(const QString &path) {
    return QFileInfo(path).canonicalFilePath();
}

} // namespace

class BuildPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_project = m_dir->filePath(QStringLiteral("project"));
        QVERIFY(writeFile(
            m_project + QStringLiteral("/helios.json"),
            R"({"name":"t","build":{"outDir":"dist","entries":[{"name":"app","entry":"src/main.tsx","html":"index.html"}]}})"));
        QVERIFY(
            writeFile(m_project + QStringLiteral("/index.html"),
                      "<!doctype html>\n<html><body><div id=\"root\"></div>\n"
                      "<script type=\"module\" src=\"/src/main.tsx\"></script>\n</body></html>\n"));
        QVERIFY(writeFile(m_project + QStringLiteral("/src/main.tsx"),
                          "const greeting: string = 'hello';\n"
                          "document.getElementById('root')!.textContent = greeting;\n"));
        auto engine = helios::Engine::open(
            helios::test::configFor(m_dir->filePath(QStringLiteral("data")), {}));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<BuildPanel>(*m_engine, *m_host);
        QCOMPARE(m_host->dockId, QStringLiteral("build"));
        QVERIFY(m_host->widget);
        m_host->widget->resize(1200, 800);
        m_host->widget->show();
    }

    void cleanup() {
        m_panel.reset();
        m_host.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testBuildNeedsAProject() {
        QVERIFY(!m_panel->buildButton()->isEnabled());
        QVERIFY(!m_panel->cancelButton()->isEnabled());
        m_panel->build(); // ignored
        QVERIFY(!m_panel->isBuilding());
        m_panel->setProjectDir(m_project);
        QVERIFY(m_panel->buildButton()->isEnabled());
        QCOMPARE(m_panel->projectDir(), QDir::cleanPath(m_project));
        QVERIFY(m_panel->useCacheBox()->isChecked());
    }

    void testBuildShowsProgressHistoryChartAndClickableErrors() {
        QAbstractItemModelTester historyTester(
            m_panel->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(m_panel->logModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(m_panel.get(), &BuildPanel::historyRefreshed);
        m_panel->setProjectDir(m_project);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, BuildTimeoutMs);
        QCOMPARE(m_panel->historyModel()->rowCount(), 0);

        // A good build.
        QSignalSpy finished(m_panel.get(), &BuildPanel::buildFinished);
        QTest::mouseClick(m_panel->buildButton(), Qt::LeftButton);
        QVERIFY(m_panel->isBuilding());
        QVERIFY(!m_panel->buildButton()->isEnabled());
        QVERIFY(m_panel->cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, BuildTimeoutMs);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(logText()));
        QVERIFY(m_panel->buildButton()->isEnabled());
        QVERIFY(!m_panel->cancelButton()->isEnabled());
        QProgressBar *progress = m_panel->progressBar();
        QVERIFY(progress->maximum() > 1);
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY2(kindCount(BuildLogModel::Kind::Progress) > 2, qPrintable(logText()));
        QCOMPARE(kindCount(BuildLogModel::Kind::Summary), 1);
        QCOMPARE(m_panel->logModel()->firstLocatedError(), -1);

        BuildHistoryModel *history = m_panel->historyModel();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 1 &&
                                     history->report(0).status != BuildReport::Status::Running,
                                 BuildTimeoutMs);
        QCOMPARE(history->index(0, BuildHistoryModel::Status)
                     .data(BuildHistoryModel::RawValueRole)
                     .toInt(),
                 int(BuildReport::Status::Succeeded));
        QCOMPARE(history->index(0, BuildHistoryModel::Status).data().toString(),
                 QStringLiteral("succeeded"));
        QVERIFY(history->index(0, BuildHistoryModel::OutputSize)
                    .data(BuildHistoryModel::RawValueRole)
                    .toLongLong() > 0);
        QCOMPARE(m_panel->chart()->buildCount(), 1);
        QCOMPARE(m_panel->chart()->failedSet()->at(0), 0.0);
        QVERIFY(QFileInfo::exists(m_project + QStringLiteral("/dist/index.html")));

        // Break the syntax on line 2 and build again.
        QVERIFY(writeFile(m_project + QStringLiteral("/src/main.tsx"),
                          "const greeting: string = 'hello';\n"
                          "document.getElementById('root')!.textContent = (greeting;\n"));
        QTest::mouseClick(m_panel->buildButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, BuildTimeoutMs);
        QVERIFY2(!finished.at(1).at(0).toBool(), qPrintable(logText()));
        QVERIFY(!m_host->messages.isEmpty()); // the failure reached the notification area

        BuildLogModel *log = m_panel->logModel();
        const int row = log->firstLocatedError();
        QVERIFY2(row >= 0, qPrintable(logText()));
        const QModelIndex error = log->index(row);
        QVERIFY2(error.data().toString().startsWith(QStringLiteral("src/main.tsx:2:")),
                 qPrintable(logText()));
        QCOMPARE(canonical(error.data(BuildLogModel::FileRole).toString()),
                 canonical(m_project + QStringLiteral("/src/main.tsx")));
        QCOMPARE(error.data(BuildLogModel::LineRole).toInt(), 2);
        QVERIFY(!error.data(Qt::ToolTipRole).toString().isEmpty());

        // Double-clicking the error asks for the file at that place.
        QSignalSpy opened(m_panel.get(), &BuildPanel::openLocation);
        QListView *view = m_panel->logView();
        view->scrollTo(error);
        const QRect rect = view->visualRect(error);
        QVERIFY(rect.isValid());
        // QTest sends a widget only the double-click event; the press before it is ours.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(opened.size(), 1);
        QCOMPARE(canonical(opened.at(0).at(0).toString()),
                 canonical(m_project + QStringLiteral("/src/main.tsx")));
        QCOMPARE(opened.at(0).at(1).toInt(), 2);
        QCOMPARE(opened.at(0).at(2).toInt(), error.data(BuildLogModel::ColumnRole).toInt());
        QVERIFY(opened.at(0).at(2).toInt() > 0);
        // So does Enter on it.
        view->setCurrentIndex(error);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1), opened.at(0));
        // A line without a location opens nothing.
        m_panel->openLogEntry(log->index(0));
        QCOMPARE(opened.size(), 2);

        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 2 &&
                                     history->report(0).status == BuildReport::Status::Failed,
                                 BuildTimeoutMs);
        QCOMPARE(history->report(1).status, BuildReport::Status::Succeeded);
        QCOMPARE(m_panel->chart()->buildCount(), 2);
        QCOMPARE(m_panel->chart()->succeededSet()->at(1), 0.0); // the newest, on the right, failed
        QVERIFY(QFileInfo::exists(m_project +
                                  QStringLiteral("/dist/index.html"))); // the old output stays
    }

    void testHistoryFollowsBuildsMadeElsewhere() {
        QSignalSpy refreshed(m_panel.get(), &BuildPanel::historyRefreshed);
        m_panel->setProjectDir(m_project);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, BuildTimeoutMs);
        QCOMPARE(m_panel->historyModel()->rowCount(), 0);

        // As `helios build` or another window would: the panel hears of it on the bus.
        helios::ignis::BuildOptions options;
        options.projectDir = m_project;
        options.useCache = false;
        const BuildReport report = helios::ignis::ProductionBuild(*m_engine, options).run();
        QVERIFY(report.succeeded());
        BuildHistoryModel *history = m_panel->historyModel();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 1 &&
                                     history->report(0).status == BuildReport::Status::Succeeded,
                                 BuildTimeoutMs);
        QCOMPARE(history->report(0).id, report.id);
        QCOMPARE(history->index(0, BuildHistoryModel::Cache)
                     .data(BuildHistoryModel::RawValueRole)
                     .toString(),
                 QStringLiteral("off"));
        QCOMPARE(m_panel->chart()->buildCount(), 1);
    }

private:
    int kindCount(BuildLogModel::Kind kind) const {
        int count = 0;
        for (int row = 0; row < m_panel->logModel()->rowCount(); ++row)
            count +=
                m_panel->logModel()->index(row).data(BuildLogModel::KindRole).toInt() == int(kind)
                    ? 1
                    : 0;
        return count;
    }

    QString logText() const {
        QStringList lines;
        for (int row = 0; row < m_panel->logModel()->rowCount(); ++row)
            lines.append(m_panel->logModel()->index(row).data().toString());
        return lines.join(QLatin1Char('\n'));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<FakeHost> m_host;
    std::unique_ptr<BuildPanel> m_panel;
};

QTEST_MAIN(BuildPanelTest)
#include "build_panel_test.moc"
