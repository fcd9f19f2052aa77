// SPDX-License-Identifier: Apache-2.0
#include "locator.h"
#include "locator_model.h"
#include "project_indexer.h"

#include "engine.h"
#include "ignition/scaffolder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using helios::workbench::Locator;
using helios::workbench::LocatorEntry;
using helios::workbench::LocatorModel;
using helios::workbench::ProjectIndexer;
using Kind = LocatorEntry::Kind;

namespace {

constexpr int IndexTimeoutMs = 30000;

const LocatorEntry *findEntry(const QList<LocatorEntry> &entries, Kind kind, const QString &title)
{
    for (const LocatorEntry &e : entries)
        if (e.kind == kind && e.title == title)
            return &e;
    return nullptr;
}

// The 1-based line of the first line of `file` containing `text`, or 0.
int lineOf(const QString &file, const QByteArray &text)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(text))
            return i + 1;
    return 0;
}

} // namespace

class LocatorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto engine = helios::Engine::open(helios::Config::embedded(m_dir.filePath(QStringLiteral("data"))));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        // A real project from the built-in template (without npm: no network here).
        helios::ignition::ScaffoldRequest request;
        request.templateReference = QStringLiteral("react-library");
        request.targetDir = m_dir.filePath(QStringLiteral("acme-ui"));
        request.parameters = {{QStringLiteral("name"), QStringLiteral("acme-ui")}};
        request.install = false;
        const auto created = helios::ignition::Scaffolder(*m_engine).create(request);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        m_project = QFileInfo(request.targetDir).canonicalFilePath();
    }

    void init()
    {
        m_locator = std::make_unique<Locator>();
        new QAbstractItemModelTester(m_locator->resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_locator.get());
    }

    void cleanup() { m_locator.reset(); }

    void testIndexingFindsComponentsTokensAndFiles()
    {
        indexProject();
        const QList<LocatorEntry> &entries = m_locator->entries();

        const LocatorEntry *button = findEntry(entries, Kind::Component, QStringLiteral("Button"));
        QVERIFY(button);
        QCOMPARE(button->file, m_project + QStringLiteral("/src/components/Button/Button.tsx"));
        QCOMPARE(button->line, 1);

        const LocatorEntry *token = findEntry(entries, Kind::Token, QStringLiteral("space.md"));
        QVERIFY(token);
        const QString baseTokens = m_project + QStringLiteral("/tokens/base.tokens.json");
        QCOMPARE(token->file, baseTokens);
        QCOMPARE(token->line, lineOf(baseTokens, "\"md\": { \"$value\": \"12px\""));
        QVERIFY(token->column > 1);
        QCOMPARE(token->detail, QStringLiteral("tokens/base.tokens.json:%1").arg(token->line));

        const LocatorEntry *packageJson = findEntry(entries, Kind::File, QStringLiteral("package.json"));
        QVERIFY(packageJson);
        QCOMPARE(packageJson->detail, QStringLiteral("package.json"));
        QCOMPARE(packageJson->file, m_project + QStringLiteral("/package.json"));
        QVERIFY(QFileInfo::exists(m_project + QStringLiteral("/.git"))); // the template made a repository
        for (const LocatorEntry &e : entries)
            QVERIFY2(!e.detail.startsWith(QStringLiteral(".git/")), qPrintable(e.detail));
    }

    void testTheFileIndexIsBoundedAndSkipsBuildOutput()
    {
        QTemporaryDir dir;
        for (const char *name : {"a.ts", "b.ts", "c.ts", "dist/out.js", "node_modules/x/index.js"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(QDir().mkpath(QFileInfo(f).absolutePath()));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QCOMPARE(ProjectIndexer::files(dir.path(), 100).size(), 3);
        QCOMPARE(ProjectIndexer::files(dir.path(), 2).size(), 2);
    }

    void testTypingRanksAnExactPrefixFirst()
    {
        indexProject();
        m_locator->popup();
        QVERIFY(m_locator->isVisible());
        QTest::keyClicks(m_locator->queryEdit(), QStringLiteral("button"));
        LocatorModel *model = m_locator->resultModel();
        QVERIFY(model->rowCount() >= 4); // the component and its files
        QCOMPARE(model->entryAt(0).title, QStringLiteral("Button"));
        QCOMPARE(model->entryAt(0).kind, Kind::Component);
        QCOMPARE(m_locator->resultView()->currentIndex().row(), 0);
    }

    void testEnterOnAFileOpensItsLocation()
    {
        indexProject();
        m_locator->popup();
        QSignalSpy opened(m_locator.get(), &Locator::openLocation);
        QTest::keyClicks(m_locator->queryEdit(), QStringLiteral("f package.json"));
        QCOMPARE(m_locator->resultModel()->entryAt(0).detail, QStringLiteral("package.json"));
        QTest::keyClick(m_locator->queryEdit(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), m_project + QStringLiteral("/package.json"));
        QCOMPARE(opened.at(0).at(1).toInt(), 1);
        QVERIFY(!m_locator->isVisible());
    }

    void testDownThenEnterOpensATokenAtItsLine()
    {
        indexProject();
        m_locator->popup();
        QSignalSpy opened(m_locator.get(), &Locator::openLocation);
        QTest::keyClicks(m_locator->queryEdit(), QStringLiteral("t color.primary"));
        QVERIFY(m_locator->resultModel()->rowCount() >= 2);
        QCOMPARE(m_locator->resultModel()->entryAt(0).title, QStringLiteral("color.primary"));
        const LocatorEntry second = m_locator->resultModel()->entryAt(1);
        QTest::keyClick(m_locator->queryEdit(), Qt::Key_Down);
        QTest::keyClick(m_locator->queryEdit(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), second.file);
        QCOMPARE(opened.at(0).at(1).toInt(), second.line);
        QCOMPARE(opened.at(0).at(2).toInt(), second.column);
    }

    void testAnActionEntryTriggersTheAction()
    {
        QAction build(QStringLiteral("&Build Project"));
        build.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
        QAction off(QStringLiteral("Build &Docs"));
        off.setEnabled(false);
        m_locator->setActions({&build, &off});
        const LocatorEntry *entry = findEntry(m_locator->entries(), Kind::Action, QStringLiteral("Build Project"));
        QVERIFY(entry);
        QCOMPARE(entry->detail, QKeySequence(Qt::CTRL | Qt::Key_B).toString(QKeySequence::NativeText));

        m_locator->popup();
        QSignalSpy triggered(&build, &QAction::triggered);
        QSignalSpy opened(m_locator.get(), &Locator::openLocation);
        QTest::keyClicks(m_locator->queryEdit(), QStringLiteral("> build"));
        QCOMPARE(m_locator->resultModel()->rowCount(), 1); // the disabled one is left out
        QTest::keyClick(m_locator->queryEdit(), Qt::Key_Return);
        QCOMPARE(triggered.size(), 1);
        QCOMPARE(opened.size(), 0);
    }

    void testEscapeClosesAndPopupStartsAfresh()
    {
        m_locator->popup();
        QTest::keyClicks(m_locator->queryEdit(), QStringLiteral("abc"));
        QTest::keyClick(m_locator->queryEdit(), Qt::Key_Escape);
        QVERIFY(!m_locator->isVisible());
        m_locator->popup();
        QCOMPARE(m_locator->queryEdit()->text(), QString());
    }

    void testAnotherProjectReplacesTheIndex()
    {
        indexProject();
        QVERIFY(findEntry(m_locator->entries(), Kind::Component, QStringLiteral("Button")));
        QSignalSpy indexed(m_locator.get(), &Locator::indexed);
        m_locator->setProjectDir(QString());
        QCOMPARE(indexed.size(), 1);
        QVERIFY(m_locator->entries().isEmpty());
    }

private:
    void indexProject()
    {
        QSignalSpy indexed(m_locator.get(), &Locator::indexed);
        m_locator->setProjectDir(m_project);
        QVERIFY(m_locator->isIndexing()); // the work went to a worker thread
        QVERIFY(indexed.wait(IndexTimeoutMs));
        QVERIFY(!m_locator->isIndexing());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<helios::Engine> m_engine;
    QString m_project;
    std::unique_ptr<Locator> m_locator;
};

QTEST_MAIN(LocatorTest)
#include "locator_test.moc"
