// SPDX-License-Identifier: Apache-2.0
#include "recent_projects.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using helios::workbench::RecentProjects;

class RecentProjectsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("helios-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("recent_projects_test"));
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void testAddPutsTheNewestFirstAndCanonical()
    {
        RecentProjects recent;
        const QString a = project(QStringLiteral("a"));
        const QString b = project(QStringLiteral("b"));
        recent.add(a);
        recent.add(m_dir->filePath(QStringLiteral("a/../b"))); // a second way to name b
        QCOMPARE(recent.list(), QStringList({b, a}));
    }

    void testAddingAgainMovesToTheFrontWithoutDuplicates()
    {
        RecentProjects recent;
        const QString a = project(QStringLiteral("a"));
        const QString b = project(QStringLiteral("b"));
        recent.add(a);
        recent.add(b);
        recent.add(a);
        QCOMPARE(recent.list(), QStringList({a, b}));
    }

    void testKeepsAtMostTen()
    {
        RecentProjects recent;
        QStringList added;
        for (int i = 0; i < RecentProjects::MaxCount + 3; ++i) {
            added.prepend(project(QStringLiteral("p%1").arg(i)));
            recent.add(added.first());
        }
        QCOMPARE(recent.list().size(), RecentProjects::MaxCount);
        QCOMPARE(recent.list(), added.mid(0, RecentProjects::MaxCount));
    }

    void testAMissingFolderIsNotAdded()
    {
        RecentProjects recent;
        recent.add(m_dir->filePath(QStringLiteral("nowhere")));
        QVERIFY(recent.list().isEmpty());
    }

    void testLastSkipsFoldersThatWentAway()
    {
        RecentProjects recent;
        const QString older = project(QStringLiteral("older"));
        const QString newer = project(QStringLiteral("newer"));
        recent.add(older);
        recent.add(newer);
        QCOMPARE(recent.last(), newer);
        QVERIFY(QDir(newer).removeRecursively());
        QCOMPARE(recent.last(), older);
        QCOMPARE(recent.list().size(), 2); // still listed, so the Home page can show it is gone
    }

    void testLastIsEmptyWithoutProjects()
    {
        QCOMPARE(RecentProjects().last(), QString());
    }

    void testRemoveDropsAnEntryEvenOnceItIsGone()
    {
        RecentProjects recent;
        const QString a = project(QStringLiteral("a"));
        const QString b = project(QStringLiteral("b"));
        recent.add(a);
        recent.add(b);
        QVERIFY(QDir(b).removeRecursively());
        recent.remove(b);
        QCOMPARE(recent.list(), QStringList({a}));
    }

    void testLooksLikeProject()
    {
        QVERIFY(RecentProjects::looksLikeProject(project(QStringLiteral("p"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("plain"))));
        QVERIFY(!RecentProjects::looksLikeProject(m_dir->filePath(QStringLiteral("plain"))));
        QVERIFY(!RecentProjects::looksLikeProject(QString()));
    }

private:
    // A folder with a helios.json, canonical.
    QString project(const QString &name)
    {
        const QString dir = m_dir->filePath(name);
        if (!QDir().mkpath(dir))
            return {};
        QFile file(dir + QStringLiteral("/helios.json"));
        if (!file.open(QIODevice::WriteOnly) || file.write("{\"name\":\"p\"}") <= 0)
            return {};
        return QFileInfo(dir).canonicalFilePath();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(RecentProjectsTest)
#include "recent_projects_test.moc"
