// SPDX-License-Identifier: Apache-2.0
#include "preview/console_message_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using Level = ConsoleMessageModel::Level;

class ConsoleMessageModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testAppend_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("display");

        QTest::newRow("a log from a dev server module shows its path and line")
            << int(Level::Info) << QStringLiteral("ready")
            << QStringLiteral("http://127.0.0.1:5173/src/main.tsx?t=12") << 7
            << QStringLiteral("/src/main.tsx:7") << QStringLiteral("info: ready (/src/main.tsx:7)");
        QTest::newRow("a warning without a line shows the path alone")
            << int(Level::Warning) << QStringLiteral("deprecated")
            << QStringLiteral("https://example.test/app.js") << 0 << QStringLiteral("/app.js")
            << QStringLiteral("warning: deprecated (/app.js)");
        QTest::newRow("an uncaught error from an inline script keeps a non-http source")
            << int(Level::Error) << QStringLiteral("Uncaught Error: boom")
            << QStringLiteral("about:blank") << 1 << QStringLiteral("about:blank:1")
            << QStringLiteral("error: Uncaught Error: boom (about:blank:1)");
        QTest::newRow("a message without a source has no location")
            << int(Level::Error) << QStringLiteral("failed") << QString() << 3 << QString()
            << QStringLiteral("error: failed");
    }

    void testAppend() {
        QFETCH(int, level);
        QFETCH(QString, message);
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(QString, location);
        QFETCH(QString, display);

        ConsoleMessageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(Level(level), message, source, line);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(ConsoleMessageModel::LevelRole).toInt(), level);
        QCOMPARE(index.data(ConsoleMessageModel::MessageRole).toString(), message);
        QCOMPARE(index.data(ConsoleMessageModel::SourceRole).toString(), source);
        QCOMPARE(index.data(ConsoleMessageModel::LineRole).toInt(), line);
        QCOMPARE(index.data(ConsoleMessageModel::LocationRole).toString(), location);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(message));
        QCOMPARE(index.data(Qt::ForegroundRole).isValid(), Level(level) != Level::Info);
    }

    void testRowsKeepTheirOrderAndCountsByLevel() {
        ConsoleMessageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(Level::Info, QStringLiteral("one"));
        model.append(Level::Error, QStringLiteral("two"));
        model.append(Level::Warning, QStringLiteral("three"));
        model.append(Level::Error, QStringLiteral("four"));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data(ConsoleMessageModel::MessageRole).toString(),
                 QStringLiteral("one"));
        QCOMPARE(model.index(3).data(ConsoleMessageModel::MessageRole).toString(),
                 QStringLiteral("four"));
        QCOMPARE(model.count(Level::Info), 1);
        QCOMPARE(model.count(Level::Warning), 1);
        QCOMPARE(model.count(Level::Error), 2);
        QVERIFY(!model.index(4).isValid());
        QCOMPARE(model.rowCount(model.index(0)), 0);
    }

    void testClearEmptiesTheModelOnce() {
        ConsoleMessageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear(); // nothing to clear: no reset
        QCOMPARE(reset.size(), 0);
        model.append(Level::Info, QStringLiteral("a"));
        model.append(Level::Error, QStringLiteral("b"));
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.count(Level::Error), 0);
    }

    void testTheOldestMessagesGoBeyondTheLimit() {
        ConsoleMessageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < ConsoleMessageModel::MaxMessages + 5; ++i)
            model.append(Level::Info, QString::number(i));
        QCOMPARE(model.rowCount(), ConsoleMessageModel::MaxMessages);
        QCOMPARE(removed.size(), 5);
        QCOMPARE(model.index(0).data(ConsoleMessageModel::MessageRole).toString(),
                 QStringLiteral("5"));
        QCOMPARE(model.index(ConsoleMessageModel::MaxMessages - 1)
                     .data(ConsoleMessageModel::MessageRole)
                     .toString(),
                 QString::number(ConsoleMessageModel::MaxMessages + 4));
    }
};

QTEST_MAIN(ConsoleMessageModelTest)
#include "console_message_model_test.moc"
