// SPDX-License-Identifier: Apache-2.0
#include "build/build_log_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::ignis::BuildMessage;
using helios::ignis::BuildMessages;

namespace {

BuildMessage message(BuildMessage::Severity severity, const QString &file, int line, int column,
                     const QString &text) {
    BuildMessage m;
    m.severity = severity;
    m.file = file;
    m.line = line;
    m.column = column;
    m.text = text;
    return m;
}

} // namespace

class BuildLogModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testProgressThenSummaryThenMessages() {
        BuildLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendProgress(QStringLiteral("[1/6] reading helios.json"));
        model.appendSummary(QStringLiteral("Build failed"), false);
        const BuildMessages messages{
            message(BuildMessage::Severity::Warning, QStringLiteral("src/a.tsx"), 4, 2,
                    QStringLiteral("unused")),
            message(BuildMessage::Severity::Error, QString(), 0, 0,
                    QStringLiteral("helios.json has no entries")),
            message(BuildMessage::Severity::Error, QStringLiteral("src/main.tsx"), 3, 17,
                    QStringLiteral("Expected \")\"")),
        };
        model.appendMessages(QStringLiteral("/work/p"), messages,
                             {QString(), QString(), QStringLiteral("> 3 | x\n")});
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0).data(BuildLogModel::KindRole).toInt(),
                 int(BuildLogModel::Kind::Progress));
        QCOMPARE(model.index(1).data(BuildLogModel::KindRole).toInt(),
                 int(BuildLogModel::Kind::Summary));
        QCOMPARE(model.index(2).data(BuildLogModel::KindRole).toInt(),
                 int(BuildLogModel::Kind::Warning));
        QCOMPARE(model.firstLocatedError(), 4);

        const QModelIndex located = model.index(4);
        QCOMPARE(located.data().toString(),
                 QStringLiteral("src/main.tsx:3:17: error: Expected \")\""));
        QVERIFY(located.data(BuildLogModel::LocatedRole).toBool());
        QCOMPARE(located.data(BuildLogModel::FileRole).toString(),
                 QStringLiteral("/work/p/src/main.tsx"));
        QCOMPARE(located.data(BuildLogModel::LineRole).toInt(), 3);
        QCOMPARE(located.data(BuildLogModel::ColumnRole).toInt(), 17);
        QCOMPARE(located.data(Qt::ToolTipRole).toString(), QStringLiteral("> 3 | x\n"));
        QVERIFY(!located.data(Qt::DecorationRole).isNull());

        const QModelIndex unlocated = model.index(3);
        QCOMPARE(unlocated.data().toString(), QStringLiteral("error: helios.json has no entries"));
        QVERIFY(!unlocated.data(BuildLogModel::LocatedRole).toBool());
        QVERIFY(unlocated.data(BuildLogModel::FileRole).toString().isEmpty());
        QVERIFY(!model.index(0).data(BuildLogModel::LocatedRole).toBool());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.firstLocatedError(), -1);
    }

    void testFilePaths_data() {
        QTest::addColumn<QString>("projectDir");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("absolute");
        QTest::newRow("a project-relative file is joined to the project")
            << QStringLiteral("/p") << QStringLiteral("src/x.ts") << QStringLiteral("/p/src/x.ts");
        QTest::newRow("dot segments are cleaned away")
            << QStringLiteral("/p/") << QStringLiteral("./src/../lib/y.ts")
            << QStringLiteral("/p/lib/y.ts");
        QTest::newRow("an absolute file stays as it is")
            << QStringLiteral("/p") << QStringLiteral("/elsewhere/z.ts")
            << QStringLiteral("/elsewhere/z.ts");
    }
    void testFilePaths() {
        QFETCH(QString, projectDir);
        QFETCH(QString, file);
        QFETCH(QString, absolute);
        BuildLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendMessages(
            projectDir, {message(BuildMessage::Severity::Error, file, 1, 1, QStringLiteral("x"))});
        QCOMPARE(model.index(0).data(BuildLogModel::FileRole).toString(), absolute);
    }
};

QTEST_MAIN(BuildLogModelTest)
#include "build_log_model_test.moc"
