// SPDX-License-Identifier: Apache-2.0
#include "tokens/contrast_model.h"
#include "tokens/token_tree_model.h"
#include "tokens/token_value_text.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::slate::TokenDocument;

namespace {
const QByteArray tokensJson =
    "{\n"
    "  \"color\": {\n"
    "    \"$type\": \"color\",\n"
    "    \"gray\": { \"0\": { \"$value\": \"#ffffff\" }, \"900\": { \"$value\": \"#111111\" } },\n"
    "    \"bg\": { \"$value\": \"{color.gray.0}\" },\n"
    "    \"fg\": { \"$value\": \"{color.gray.900}\" }\n"
    "  },\n"
    "  \"space\": { \"$type\": \"dimension\", \"sm\": { \"$value\": \"4px\" } },\n"
    "  \"bad\": { \"$type\": \"color\", \"$value\": \"nope\" }\n"
    "}\n";
}

class TokenTreeModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testShapeFollowsGroups()
    {
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/t.json"), tokensJson);
        doc.reload();
        TokenTreeModel model(doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3); // color, space, bad
        const QModelIndex color = model.indexForPath(QStringLiteral("color"));
        QCOMPARE(model.rowCount(color), 3); // gray, bg, fg
        QCOMPARE(model.rowCount(model.indexForPath(QStringLiteral("color.gray"))), 2);
        const QModelIndex bg = model.indexForPath(QStringLiteral("color.bg"));
        QCOMPARE(bg.parent(), color);
        QCOMPARE(bg.siblingAtColumn(TokenTreeModel::Type).data().toString(), QStringLiteral("color"));
        QCOMPARE(bg.siblingAtColumn(TokenTreeModel::Value).data().toString(), QStringLiteral("{color.gray.0}"));
        QCOMPARE(bg.siblingAtColumn(TokenTreeModel::Resolved).data().toString(), QStringLiteral("#ffffff"));
        QVERIFY(bg.siblingAtColumn(TokenTreeModel::Value).flags() & Qt::ItemIsEditable);
        QVERIFY(!(color.siblingAtColumn(TokenTreeModel::Value).flags() & Qt::ItemIsEditable));
        // The token in error carries its diagnostic.
        const QModelIndex bad = model.indexForPath(QStringLiteral("bad"));
        QVERIFY(!bad.data(Qt::DecorationRole).isNull());
        QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("bad")));
    }

    void testEditsKeepTheTesterHappy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("resolved");
        QTest::newRow("a colour typed without quotes is a string") << QStringLiteral("color.gray.0") << QStringLiteral("#eeeeee")
                                                                   << QStringLiteral("#eeeeee");
        QTest::newRow("an object dimension is taken as JSON") << QStringLiteral("space.sm")
                                                              << QStringLiteral("{\"value\": 2, \"unit\": \"rem\"}")
                                                              << QStringLiteral("2rem");
    }
    void testEditsKeepTheTesterHappy()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, resolved);
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/t.json"), tokensJson);
        doc.reload();
        TokenTreeModel model(doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex value = model.indexForPath(path, TokenTreeModel::Value);
        QVERIFY(model.setData(value, text));
        QCOMPARE(model.indexForPath(path, TokenTreeModel::Resolved).data().toString(), resolved);
        // A rename changes the shape: a reset, still consistent.
        QVERIFY(model.setData(model.indexForPath(path), QStringLiteral("renamed")));
        QVERIFY(!model.indexForPath(path).isValid());
    }

    void testFilterKeepsAncestors()
    {
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/t.json"), tokensJson);
        doc.reload();
        TokenTreeModel model(doc);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(TokenTreeModel::PathRole);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterFixedString(QStringLiteral("GRAY.9"));
        QCOMPARE(proxy.rowCount(), 1);
        const QModelIndex color = proxy.index(0, 0);
        QCOMPARE(color.data(TokenTreeModel::PathRole).toString(), QStringLiteral("color"));
        QCOMPARE(proxy.rowCount(color), 1);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0, color)), 1);
    }

    void testValueText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("json");
        QTest::newRow("a hex colour becomes a string") << QStringLiteral("#ff0000") << QStringLiteral("\"#ff0000\"");
        QTest::newRow("an alias becomes a string") << QStringLiteral("{a.b}") << QStringLiteral("\"{a.b}\"");
        QTest::newRow("a number stays a number") << QStringLiteral("400") << QStringLiteral("400");
        QTest::newRow("an object stays an object") << QStringLiteral("{\"value\": 1, \"unit\": \"px\"}")
                                                   << QStringLiteral("{\"value\": 1, \"unit\": \"px\"}");
        QTest::newRow("a number with a unit becomes a string") << QStringLiteral("16px") << QStringLiteral("\"16px\"");
        QTest::newRow("quotes in text are escaped") << QStringLiteral("a \"b\"") << QStringLiteral("\"a \\\"b\\\"\"");
    }
    void testValueText()
    {
        QFETCH(QString, typed);
        QFETCH(QString, json);
        QCOMPARE(TokenValueText::toJson(typed), json);
    }

    void testContrast()
    {
        QCOMPARE(qRound(ContrastModel::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(qRound(ContrastModel::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) * 100), 448);
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/t.json"), tokensJson);
        doc.reload();
        ContrastModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(doc.tokens());
        QCOMPARE(model.rowCount(), 1); // fg on bg, found by name
        QCOMPARE(model.index(0, ContrastModel::Foreground).data().toString(), QStringLiteral("color.fg"));
        QVERIFY(model.ratio(0) > 18);
        QCOMPARE(model.index(0, ContrastModel::AA).data().toString(), QStringLiteral("pass"));
    }
};

QTEST_MAIN(TokenTreeModelTest)
#include "token_tree_model_test.moc"
