// SPDX-License-Identifier: Apache-2.0
// EditorPanel offscreen on real files: tabs with the right lexers, jumps to a line and
// column, dirty markers and byte-exact atomic saves, refused files, find/replace through
// the panel's actions, reloads of files changed on disk and the project switch.
#include "editor/editor_panel.h"
#include "editor/find_replace_bar.h"
#include "editor/project_files_model.h"
#include "editor/source_editor.h"

#include "backend_under_test.h"
#include "engine.h"
#include "two_dock_panel_host.h"

#include "editor/qscintilla.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using helios::panels::EditorPanel;
using helios::panels::SourceEditor;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class EditorPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_project = m_dir->filePath(u"project"_s);
        QVERIFY(writeFile(m_project + u"/src/App.tsx"_s,
                          "export function App() {\n  return <h1 className=\"title\">Hello</h1>;\n}\n"));
        QVERIFY(writeFile(m_project + u"/src/theme.css"_s, ":root {\r\n  --brand: #3366ff;\r\n}\r\n"));
        QVERIFY(writeFile(m_project + u"/package.json"_s, "{ \"name\": \"demo\" }\n"));
        QVERIFY(writeFile(m_project + u"/README.md"_s, "# Demo\n"));
        QVERIFY(writeFile(m_project + u"/index.html"_s, "<!doctype html>\n"));
        QVERIFY(writeFile(m_project + u"/notes.txt"_s, "plain\n"));
        auto engine = helios::Engine::open(helios::test::configFor(m_dir->filePath(u"data"_s), {}));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<helios::test::TwoDockPanelHost>();
        m_panel = std::make_unique<EditorPanel>(*m_engine, *m_host);
        QVERIFY(m_host->docks.count(u"files"_s) == 1 && m_host->docks.count(u"editor"_s) == 1);
        QCOMPARE(m_host->docks[u"files"_s].get(), m_panel->fileTree());
        QSignalSpy refreshed(m_panel.get(), &EditorPanel::gitStatusRefreshed);
        m_panel->setProjectDir(m_project);
        QVERIFY(refreshed.wait());
        QVERIFY(!m_panel->isGitRepository());
        QVERIFY(!m_panel->commitAction()->isEnabled());
    }

    void cleanup()
    {
        m_panel.reset();
        m_host.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testFilesOpenInTabsWithTheirLexer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("language");
        QTest::newRow("a TSX component is TypeScript") << u"src/App.tsx"_s << u"TypeScript"_s;
        QTest::newRow("a style sheet is CSS") << u"src/theme.css"_s << u"CSS"_s;
        QTest::newRow("package.json is JSON") << u"package.json"_s << u"JSON"_s;
        QTest::newRow("the readme is Markdown") << u"README.md"_s << u"Markdown"_s;
        QTest::newRow("the page is HTML") << u"index.html"_s << u"HTML"_s;
        QTest::newRow("a text file is plain") << u"notes.txt"_s << QString();
    }
    void testFilesOpenInTabsWithTheirLexer()
    {
        QFETCH(QString, file);
        QFETCH(QString, language);
        const QString path = m_project + u'/' + file;
        QVERIFY(m_panel->openFile(path));
        QCOMPARE(m_panel->currentFile(), path);
        QsciScintilla *editor = m_panel->currentEditor();
        QVERIFY(editor);
        QCOMPARE(editor->lexer() ? QString::fromLatin1(editor->lexer()->language()) : QString(), language);
        QCOMPARE(editor->text().toUtf8(), readFile(path));
        QVERIFY(editor->marginLineNumbers(0));
        QVERIFY(!editor->isModified());
    }

    void testSeveralFilesShareTheTabsAndReopeningActivates()
    {
        const QString app = m_project + u"/src/App.tsx"_s;
        const QString theme = m_project + u"/src/theme.css"_s;
        QVERIFY(m_panel->openFile(app));
        QVERIFY(m_panel->openFile(theme));
        QCOMPARE(m_panel->openFiles(), (QStringList{app, theme}));
        QCOMPARE(m_panel->tabs()->tabText(1), u"theme.css"_s);
        QVERIFY(m_panel->openFile(app));
        QCOMPARE(m_panel->tabs()->count(), 2);
        QCOMPARE(m_panel->tabs()->currentIndex(), 0);
        QCOMPARE(m_panel->currentFile(), app);
    }

    void testOpeningFromTheTreeActivatesTheFile()
    {
        const QString theme = m_project + u"/src/theme.css"_s;
        auto *model = m_panel->filesModel();
        QTRY_VERIFY(model->indexForPath(m_project + u"/src"_s).isValid());
        m_panel->fileTree()->expand(model->indexForPath(m_project + u"/src"_s));
        QTRY_VERIFY(model->indexForPath(theme).isValid());
        Q_EMIT m_panel->fileTree()->activated(model->indexForPath(theme));
        QCOMPARE(m_panel->currentFile(), theme);
    }

    void testJumpsToLineAndColumn()
    {
        const QString app = m_project + u"/src/App.tsx"_s;
        QVERIFY(m_panel->openFile(app, 2, 11));
        int line = -1, index = -1;
        m_panel->currentEditor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);
        QCOMPARE(index, 10);
        // Past the end is clamped to the last line's end; 0 leaves the cursor alone.
        QVERIFY(m_panel->openFile(app, 99, 99));
        m_panel->currentEditor()->getCursorPosition(&line, &index);
        QCOMPARE(line, m_panel->currentEditor()->lines() - 1);
        QCOMPARE(index, 0);
        QVERIFY(m_panel->openFile(app, 1, 4));
        QVERIFY(m_panel->openFile(app));
        m_panel->currentEditor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 0);
        QCOMPARE(index, 3);
    }

    void testEditMarksDirtyAndSaveWritesTheBytes()
    {
        const QString theme = m_project + u"/src/theme.css"_s;
        QVERIFY(m_panel->openFile(theme, 2, 12));
        QsciScintilla *editor = m_panel->currentEditor();
        QVERIFY(!m_panel->hasUnsavedChanges());
        QVERIFY(!QFileInfo(theme).isExecutable());
        editor->setSelection(1, 12, 1, 18); // "3366ff"
        editor->replaceSelectedText(u"ff6633 /* é */"_s);
        QVERIFY(editor->isModified());
        QVERIFY(m_panel->hasUnsavedChanges());
        QCOMPARE(m_panel->tabs()->tabText(0), u"theme.css*"_s);

        QSignalSpy saved(m_panel.get(), &EditorPanel::fileSaved);
        m_panel->saveAction()->trigger();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), theme);
        // CRLF line endings stay as they were, and the text is UTF-8.
        QCOMPARE(readFile(theme), QByteArray(":root {\r\n  --brand: #ff6633 /* \xc3\xa9 */;\r\n}\r\n"));
        QVERIFY(!m_panel->hasUnsavedChanges());
        QCOMPARE(m_panel->tabs()->tabText(0), u"theme.css"_s);
        // No temporary file is left next to it.
        QCOMPARE(QDir(m_project + u"/src"_s).entryList(QDir::Files).size(), 2);
    }

    void testSaveAllWritesEveryModifiedTab()
    {
        const QString app = m_project + u"/src/App.tsx"_s;
        const QString json = m_project + u"/package.json"_s;
        QVERIFY(m_panel->openFile(app));
        m_panel->currentEditor()->append(u"// one\n"_s);
        QVERIFY(m_panel->openFile(json));
        m_panel->currentEditor()->setText(u"{}\n"_s);
        QVERIFY(m_panel->openFile(m_project + u"/README.md"_s));
        QSignalSpy saved(m_panel.get(), &EditorPanel::fileSaved);
        QVERIFY(m_panel->saveAll());
        QCOMPARE(saved.size(), 2);
        QVERIFY(readFile(app).endsWith("}\n// one\n"));
        QCOMPARE(readFile(json), QByteArray("{}\n"));
        QVERIFY(!m_panel->hasUnsavedChanges());
    }

    void testRefusesFilesItCannotEdit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a file over 5 MB is too large")
            << QByteArray(SourceEditor::MaxFileBytes + 1, 'a') << u"too large"_s;
        QTest::newRow("a file with NUL bytes is binary") << QByteArray("PNG\0\x01\x02", 6) << u"not UTF-8 text"_s;
        QTest::newRow("a file in another encoding is refused") << QByteArray("caf\xe9\n") << u"not UTF-8 text"_s;
    }
    void testRefusesFilesItCannotEdit()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = m_project + u"/asset.bin"_s;
        QVERIFY(writeFile(path, bytes));
        QVERIFY(!m_panel->openFile(path));
        QCOMPARE(m_panel->tabs()->count(), 0);
        QCOMPARE(m_host->messages.size(), 1);
        QVERIFY2(m_host->messages.first().contains(reason), qPrintable(m_host->messages.first()));
        QVERIFY(m_host->messages.first().contains(u"asset.bin"_s));
        QVERIFY(!m_panel->openFile(m_project + u"/missing.ts"_s));
        QCOMPARE(m_host->messages.size(), 2);
    }

    void testFindAndReplaceThroughTheActions()
    {
        QVERIFY(m_panel->openFile(m_project + u"/src/App.tsx"_s));
        QsciScintilla *editor = m_panel->currentEditor();
        const QString original = editor->text();
        QVERIFY(m_panel->findAction()->isEnabled());
        m_panel->replaceAction()->trigger();
        QVERIFY(m_panel->findBar()->isVisible());
        QVERIFY(m_panel->replaceEdit()->isVisible());
        m_panel->findEdit()->setText(u"Hello"_s);
        QTest::keyClick(m_panel->findEdit(), Qt::Key_Return);
        QCOMPARE(editor->selectedText(), u"Hello"_s);
        m_panel->findEdit()->setText(u"e"_s);
        m_panel->replaceEdit()->setText(u"E"_s);
        QCOMPARE(m_panel->findBar()->replaceAll(), original.count(u'e'));
        QVERIFY(!editor->text().contains(u'e'));
        QVERIFY(m_panel->hasUnsavedChanges());
        editor->undo();
        QCOMPARE(editor->text(), original);
        QVERIFY(!m_panel->hasUnsavedChanges());
    }

    void testAFileChangedOnDiskReloadsUnlessEdited()
    {
        const QString theme = m_project + u"/src/theme.css"_s;
        QVERIFY(m_panel->openFile(theme));
        QsciScintilla *editor = m_panel->currentEditor();
        QVERIFY(writeFile(theme, ":root { --brand: #000000; }\n"));
        QTRY_COMPARE(editor->text(), u":root { --brand: #000000; }\n"_s);
        QVERIFY(!editor->isModified());

        editor->append(u"/* mine */\n"_s);
        QVERIFY(writeFile(theme, ":root { --brand: #111111; }\n"));
        // The write may arrive as two changes (truncate, then data): at least one notice.
        QTRY_VERIFY(!m_host->messages.isEmpty());
        QVERIFY(m_host->messages.first().contains(u"changed on disk"_s));
        QVERIFY(editor->text().endsWith(u"/* mine */\n"_s));
    }

    void testAnotherProjectClosesTheTabs()
    {
        QVERIFY(m_panel->openFile(m_project + u"/src/App.tsx"_s));
        m_panel->currentEditor()->append(u"x"_s);
        const QString other = m_dir->filePath(u"other"_s);
        QVERIFY(QDir().mkpath(other));
        m_panel->setProjectDir(other);
        QCOMPARE(m_panel->tabs()->count(), 0);
        QVERIFY(!m_panel->hasUnsavedChanges());
        QVERIFY(m_panel->currentEditor() == nullptr);
        QVERIFY(!m_panel->saveAction()->isEnabled());
        QCOMPARE(m_panel->projectDir(), other);
        QCOMPARE(m_panel->filesModel()->rootPath(), other);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<helios::test::TwoDockPanelHost> m_host;
    std::unique_ptr<EditorPanel> m_panel;
};

QTEST_MAIN(EditorPanelTest)
#include "editor_panel_test.moc"
