// SPDX-License-Identifier: Apache-2.0
#include "build/build_history_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::ignis::BuildOutput;
using helios::ignis::BuildReport;

namespace {

BuildReport report(const QString &id, BuildReport::Status status, qint64 ms, const QString &cache,
                   qint64 bytes) {
    BuildReport r;
    r.id = id;
    r.status = status;
    r.durationMs = ms;
    r.cache = cache;
    r.startedAt = QStringLiteral("2025-03-01T10:15:30.250Z");
    if (bytes > 0)
        r.outputs.append(BuildOutput{QStringLiteral("assets/app.js"), bytes,
                                     QStringLiteral("sha256:00"), QStringLiteral("app")});
    return r;
}

} // namespace

class BuildHistoryModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
    }

    void testAnEmptyHistoryHasColumnsButNoRows() {
        BuildHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(BuildHistoryModel::ColumnCount));
        QCOMPARE(model.headerData(BuildHistoryModel::Status, Qt::Horizontal).toString(),
                 QStringLiteral("Status"));
    }

    void testRow_data() {
        QTest::addColumn<BuildReport>("build");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("cache");
        QTest::addColumn<QString>("size");
        QTest::newRow("a succeeded build shows its duration, cache and output size")
            << report(QStringLiteral("b1"), BuildReport::Status::Succeeded, 312,
                      QStringLiteral("miss"), 2048)
            << QStringLiteral("succeeded") << QStringLiteral("312 ms") << QStringLiteral("miss")
            << QStringLiteral("2.00 KiB");
        QTest::newRow("a failed build wrote nothing, so it has no output size")
            << report(QStringLiteral("b2"), BuildReport::Status::Failed, 4200,
                      QStringLiteral("partial"), 0)
            << QStringLiteral("failed") << QStringLiteral("4.2 s") << QStringLiteral("partial")
            << QString();
        QTest::newRow("a running build has no duration or cache yet")
            << report(QStringLiteral("b3"), BuildReport::Status::Running, 0, QStringLiteral("miss"),
                      0)
            << QStringLiteral("running") << QString() << QString() << QString();
        QTest::newRow("a build without the cache says so")
            << report(QStringLiteral("b4"), BuildReport::Status::Succeeded, 65400,
                      QStringLiteral("off"), 100)
            << QStringLiteral("succeeded") << QStringLiteral("1 min 5 s") << QStringLiteral("off")
            << QStringLiteral("100 bytes");
    }
    void testRow() {
        QFETCH(BuildReport, build);
        QFETCH(QString, status);
        QFETCH(QString, duration);
        QFETCH(QString, cache);
        QFETCH(QString, size);
        BuildHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReports({build});
        QCOMPARE(model.rowCount(), 1);
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model.index(0, column).data(role);
        };
        QCOMPARE(cell(BuildHistoryModel::Status).toString(), status);
        QCOMPARE(cell(BuildHistoryModel::Duration).toString(), duration);
        QCOMPARE(cell(BuildHistoryModel::Cache).toString(), cache);
        QCOMPARE(cell(BuildHistoryModel::OutputSize).toString(), size);
        QVERIFY(!cell(BuildHistoryModel::Started).toString().isEmpty());
        QCOMPARE(cell(BuildHistoryModel::Status, BuildHistoryModel::RawValueRole).toInt(),
                 int(build.status));
        QCOMPARE(cell(BuildHistoryModel::Duration, BuildHistoryModel::RawValueRole).toLongLong(),
                 build.durationMs);
        QCOMPARE(cell(BuildHistoryModel::OutputSize, BuildHistoryModel::RawValueRole).toLongLong(),
                 build.outputBytes());
        QCOMPARE(cell(BuildHistoryModel::Started, BuildHistoryModel::RawValueRole).toDateTime(),
                 QDateTime(QDate(2025, 3, 1), QTime(10, 15, 30, 250), Qt::UTC));
        QCOMPARE(cell(BuildHistoryModel::Started, BuildHistoryModel::BuildIdRole).toString(),
                 build.id);
        QVERIFY(!cell(BuildHistoryModel::Status, Qt::DecorationRole).isNull());
    }

    void testTheSameBuildsUpdateInPlace() {
        BuildHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BuildReport running = report(QStringLiteral("b2"), BuildReport::Status::Running, 0,
                                     QStringLiteral("miss"), 0);
        const BuildReport older = report(QStringLiteral("b1"), BuildReport::Status::Succeeded, 10,
                                         QStringLiteral("miss"), 10);
        model.setReports({running, older});
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        running.status = BuildReport::Status::Succeeded;
        running.durationMs = 20;
        model.setReports({running, older});
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(model.index(0, BuildHistoryModel::Status).data().toString(),
                 QStringLiteral("succeeded"));

        const BuildReport newest =
            report(QStringLiteral("b3"), BuildReport::Status::Failed, 5, QStringLiteral("miss"), 0);
        model.setReports({newest, running, older});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.report(0).id, QStringLiteral("b3"));
        model.setReports({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(BuildHistoryModelTest)
#include "build_history_model_test.moc"
