// SPDX-License-Identifier: Apache-2.0
#include "home/recent_projects_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::panels;

class RecentProjectsModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testExistingAndMissingFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("shop")));
        const QString shop = dir.filePath(QStringLiteral("shop"));
        const QString gone = dir.filePath(QStringLiteral("gone"));

        RecentProjectsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProjects({shop, gone, shop + QStringLiteral("/"), QString()});
        // The repeated folder (with a trailing slash) and the empty entry are left out.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.projects(), (QStringList{shop, gone}));

        const QModelIndex first = model.index(0);
        QCOMPARE(first.data().toString(), QStringLiteral("shop"));
        QCOMPARE(first.data(Qt::ToolTipRole).toString(), QDir::toNativeSeparators(shop));
        QCOMPARE(first.data(RecentProjectsModel::PathRole).toString(), shop);
        QVERIFY(first.data(RecentProjectsModel::ExistsRole).toBool());
        QVERIFY(first.flags() & Qt::ItemIsEnabled);
        QVERIFY(first.flags() & Qt::ItemIsSelectable);

        const QModelIndex second = model.index(1);
        QVERIFY(second.data().toString().startsWith(QStringLiteral("gone")));
        QVERIFY(second.data(Qt::ToolTipRole).toString().contains(QDir::toNativeSeparators(gone)));
        QVERIFY(!second.data(RecentProjectsModel::ExistsRole).toBool());
        QVERIFY(!(second.flags() & Qt::ItemIsEnabled));
        QVERIFY(!(second.flags() & Qt::ItemIsSelectable));
    }

    void testSettingAgainReplacesTheList()
    {
        QTemporaryDir dir;
        RecentProjectsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProjects({dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b"))});
        QCOMPARE(model.rowCount(), 2);
        model.setProjects({dir.path()});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(RecentProjectsModel::PathRole).toString(), QDir::cleanPath(dir.path()));
        model.setProjects({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(RecentProjectsModelTest)
#include "recent_projects_model_test.moc"
