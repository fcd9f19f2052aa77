// SPDX-License-Identifier: Apache-2.0
#include "tokens/alias_value_editor.h"
#include "tokens/color_value_editor.h"
#include "tokens/contrast_model.h"
#include "tokens/diagnostics_model.h"
#include "tokens/export_preview.h"
#include "tokens/token_tree_model.h"
#include "tokens/tokens_panel.h"

#include "backend_under_test.h"
#include "engine.h"
#include "panel_host.h"
#include "test_config.h"
#include "recording_panel_host.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace helios::panels;

namespace {

using FakeHost = helios::test::RecordingPanelHost;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray inputFile(const char *name)
{
    return readFile(QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/input/") + QLatin1StringView(name));
}

} // namespace

class TokensPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_base = m_dir->filePath(QStringLiteral("theme.tokens.json"));
        m_dark = m_dir->filePath(QStringLiteral("theme.dark.tokens.json"));
        QVERIFY(writeFile(m_base, inputFile("theme.tokens.json")));
        QVERIFY(writeFile(m_dark, inputFile("theme.dark.tokens.json")));
        auto engine = helios::Engine::open(helios::test::configFor(m_dir->filePath(QStringLiteral("data")), {}));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<TokensPanel>(*m_engine, *m_host);
        m_panel->preview()->setDelay(0);
        QVERIFY(m_host->widget);
        const auto opened = m_panel->openFiles({m_dark, m_base});
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_host.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testOpenShowsGroupsTokensAndThemes()
    {
        QAbstractItemModelTester tester(m_panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        TokenTreeModel *model = m_panel->treeModel();
        QCOMPARE(model->rowCount(), 2); // color, card
        QCOMPARE(model->rowCount(model->indexForPath(QStringLiteral("color"))), 4);
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#ffffff"));
        QCOMPARE(m_panel->themeBox()->count(), 2);
        QCOMPARE(m_panel->themeBox()->itemData(1).toString(), QStringLiteral("dark"));
        QCOMPARE(m_panel->diagnosticsModel()->rowCount(), 0);
        QVERIFY(m_panel->contrastModel()->rowCount() >= 1);
        QVERIFY(waitForPreview());
        QVERIFY(preview(ExportRenderer::Css).contains(QStringLiteral("[data-theme=\"dark\"]")));
    }

    void testFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("topLevel");
        QTest::newRow("a path fragment keeps the groups above its matches") << QStringLiteral("gray.9") << 1;
        QTest::newRow("matching is case-insensitive") << QStringLiteral("RADIUS") << 1;
        QTest::newRow("no match leaves an empty tree") << QStringLiteral("nothing-like-this") << 0;
        QTest::newRow("an empty filter shows everything") << QString() << 2;
    }
    void testFilter()
    {
        QFETCH(QString, filter);
        QFETCH(int, topLevel);
        QAbstractItemModelTester tester(m_panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->filterEdit()->setText(filter);
        QCOMPARE(m_panel->filterModel()->rowCount(), topLevel);
    }

    void testColourEditThroughTheModelUpdatesResolvedAndCss()
    {
        QVERIFY(waitForPreview());
        QVERIFY(setValue(QStringLiteral("color.gray.0"), QStringLiteral("#fafafa")));
        QCOMPARE(resolved(QStringLiteral("color.gray.0")), QStringLiteral("#fafafa"));
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#fafafa"));
        QVERIFY(waitForPreview());
        QVERIFY2(preview(ExportRenderer::Css).contains(QStringLiteral("--color-bg: #fafafa;")), qPrintable(preview(ExportRenderer::Css)));
        QVERIFY(preview(ExportRenderer::Scss).contains(QStringLiteral("#fafafa")));
    }

    void testColourEditThroughTheDelegateEditor()
    {
        QTreeView *tree = m_panel->treeView();
        const QModelIndex index = viewIndex(QStringLiteral("color.link"), TokenTreeModel::Value);
        QVERIFY(index.isValid());
        tree->setCurrentIndex(index);
        tree->edit(index);
        auto *editor = qobject_cast<ColorValueEditor *>(tree->indexWidget(index));
        QVERIFY(editor);
        QCOMPARE(editor->valueText(), QStringLiteral("#0057d9"));
        editor->setColor(QColor(0x12, 0x34, 0x56));
        Q_EMIT editor->editingFinished(); // what picking in the dialog does
        QCOMPARE(resolved(QStringLiteral("color.link")), QStringLiteral("#123456"));
        QCOMPARE(m_panel->undoStack()->count(), 1);
    }

    void testAliasEditShowsTheResolvedValue()
    {
        QTreeView *tree = m_panel->treeView();
        const QModelIndex index = viewIndex(QStringLiteral("color.fg"), TokenTreeModel::Value);
        tree->setCurrentIndex(index);
        tree->edit(index);
        auto *editor = qobject_cast<AliasValueEditor *>(tree->indexWidget(index));
        QVERIFY(editor);
        QCOMPARE(editor->valueText(), QStringLiteral("{color.gray.900}"));
        QVERIFY(editor->completer());
        editor->completer()->setCompletionPrefix(QStringLiteral("color.li"));
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("{color.link}"));
        editor->lineEdit()->setText(QStringLiteral("{color.link}"));
        QVERIFY(editor->resolvedText().contains(QStringLiteral("#0057d9")));
        Q_EMIT editor->editingFinished();
        QCOMPARE(resolved(QStringLiteral("color.fg")), QStringLiteral("#0057d9"));
        // The border aliases fg inside a composite value: it follows.
        QCOMPARE(resolved(QStringLiteral("card.border")), QStringLiteral("1px solid #0057d9"));
    }

    void testInvalidValueShowsADiagnosticAndChangesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::newRow("a colour that is not a colour") << QStringLiteral("color.link") << QStringLiteral("not-a-colour");
        QTest::newRow("an alias to a missing token") << QStringLiteral("color.fg") << QStringLiteral("{color.missing}");
        QTest::newRow("an alias to a token of another type") << QStringLiteral("color.fg") << QStringLiteral("{card.radius}");
    }
    void testInvalidValueShowsADiagnosticAndChangesNothing()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        const QByteArray before = readFile(m_base);
        const QString resolvedBefore = resolved(path);
        QVERIFY(!setValue(path, text));
        DiagnosticsModel *diagnostics = m_panel->diagnosticsModel();
        QCOMPARE(diagnostics->rejectedCount(), 1);
        QCOMPARE(diagnostics->index(0, DiagnosticsModel::TokenPath).data().toString(), path);
        QVERIFY(diagnostics->index(0, DiagnosticsModel::Message).data().toString().startsWith(QStringLiteral("Not applied")));
        QVERIFY(!m_host->messages.isEmpty());
        QCOMPARE(resolved(path), resolvedBefore);
        QVERIFY(!m_panel->document().isModified());
        QCOMPARE(m_panel->undoStack()->count(), 0);
        QCOMPARE(readFile(m_base), before);
        // Saving now writes nothing.
        QVERIFY(m_panel->save().ok());
        QCOMPARE(readFile(m_base), before);
    }

    void testDiagnosticsListSelectsTheToken()
    {
        QVERIFY(!setValue(QStringLiteral("color.link"), QStringLiteral("nope")));
        QTableView *list = m_panel->diagnosticsView();
        const QModelIndex row = list->model()->index(0, DiagnosticsModel::Location);
        QVERIFY2(row.data().toString().startsWith(QStringLiteral("theme.tokens.json:10:")), qPrintable(row.data().toString()));
        // A file diagnostic: break the file on disk and reopen.
        QFile f(m_base);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"a\": { \"$type\": \"color\", \"$value\": \"#12\" }\n}\n");
        f.close();
        QVERIFY(m_panel->openFiles({m_base}).ok());
        QCOMPARE(m_panel->diagnosticsModel()->rowCount(), 1);
        QCOMPARE(m_panel->diagnosticsModel()->index(0, 0).data().toString(), QStringLiteral("theme.tokens.json:2:38"));
        QVERIFY(!m_panel->treeModel()->indexForPath(QStringLiteral("a")).data(Qt::DecorationRole).isNull());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
        QCOMPARE(m_panel->treeView()->currentIndex().data(TokenTreeModel::PathRole).toString(), QStringLiteral("a"));
    }

    void testUndoRedo()
    {
        const QByteArray original = m_panel->document().files().front().text;
        QVERIFY(setValue(QStringLiteral("color.link"), QStringLiteral("#010203")));
        QVERIFY(setValue(QStringLiteral("card.radius"), QStringLiteral("12px")));
        QCOMPARE(m_panel->undoStack()->count(), 2);
        QCOMPARE(m_panel->undoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
        QCOMPARE(m_panel->redoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        m_panel->undoAction()->trigger();
        QCOMPARE(resolved(QStringLiteral("card.radius")), QStringLiteral("8px"));
        m_panel->undoAction()->trigger();
        QCOMPARE(resolved(QStringLiteral("color.link")), QStringLiteral("#0057d9"));
        QCOMPARE(m_panel->document().files().front().text, original);
        QVERIFY(!m_panel->document().isModified());
        m_panel->redoAction()->trigger();
        QCOMPARE(resolved(QStringLiteral("color.link")), QStringLiteral("#010203"));
        QVERIFY(m_panel->document().isModified());
        QVERIFY(waitForPreview());
        QVERIFY(preview(ExportRenderer::Css).contains(QStringLiteral("#010203")));
    }

    void testSaveRoundTripAndPublish()
    {
        const QByteArray base = readFile(m_base);
        const QByteArray dark = readFile(m_dark);
        QVERIFY(setValue(QStringLiteral("color.link"), QStringLiteral("#abcdef")));
        QSignalSpy published(m_panel.get(), &TokensPanel::published);
        QVERIFY(m_panel->save().ok());
        QByteArray expected = base;
        expected.replace("\"link\": { \"$value\": \"#0057d9\" }", "\"link\": { \"$value\": \"#abcdef\" }");
        QVERIFY(expected != base);
        QCOMPARE(readFile(m_base), expected);
        QCOMPARE(readFile(m_dark), dark);
        QVERIFY(!m_panel->document().isModified());
        QVERIFY(published.wait(10000));
        QVERIFY2(published.at(0).at(0).toBool(), qPrintable(published.at(0).at(1).toString()));
        QVERIFY(published.at(0).at(1).toString().contains(QStringLiteral("version 1")));
    }

    void testAddTokenIsOneUndoStepAndIsSaved()
    {
        const QByteArray before = readFile(m_base);
        QVERIFY(m_panel->addToken(QStringLiteral("color"), QStringLiteral("accent"), helios::slate::TokenType::Color,
                                  QStringLiteral("{color.link}")));
        QCOMPARE(resolved(QStringLiteral("color.accent")), QStringLiteral("#0057d9"));
        QCOMPARE(m_panel->undoStack()->count(), 1);
        m_panel->undoAction()->trigger();
        QVERIFY(!m_panel->treeModel()->indexForPath(QStringLiteral("color.accent")).isValid());
        m_panel->redoAction()->trigger();
        QCOMPARE(resolved(QStringLiteral("color.accent")), QStringLiteral("#0057d9"));
        QVERIFY(m_panel->save().ok());
        const QByteArray after = readFile(m_base);
        QVERIFY(after.contains("\"accent\""));
        QVERIFY(after.contains("{color.link}"));
        // Byte preservation of the rest of the file is covered by TokenDocument's own tests.
        QVERIFY(after.size() > before.size());
    }

    void testAddTokenWithAValueOfTheWrongTypeChangesNothing()
    {
        const QByteArray before = m_panel->document().files().front().text;
        QVERIFY(!m_panel->addToken(QStringLiteral("color"), QStringLiteral("oops"), helios::slate::TokenType::Color,
                                   QStringLiteral("16px")));
        QVERIFY(!m_panel->treeModel()->indexForPath(QStringLiteral("color.oops")).isValid());
        QCOMPARE(m_panel->document().files().front().text, before);
        QCOMPARE(m_panel->undoStack()->count(), 0);
        QVERIFY(!m_host->messages.isEmpty());
    }

    void testOpenConfigTakesThemesFromTheConfigNotTheFileNames()
    {
        // A react-library project names its dark layer dark.tokens.json: only the config
        // says it is a theme.
        const QString layer = m_dir->filePath(QStringLiteral("night.tokens.json"));
        QVERIFY(QFile::copy(m_dark, layer));
        const QString config = m_dir->filePath(QStringLiteral("tokens.config.json"));
        QVERIFY(writeFile(config, R"({"source": ["theme.tokens.json"], "themes": {"night": ["night.tokens.json"]}, "platforms": {"css": {"format": "css", "destination": "out.css"}}})"));
        const auto opened = m_panel->openConfig(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(m_panel->themeBox()->count(), 2);
        QCOMPARE(m_panel->themeBox()->itemData(1).toString(), QStringLiteral("night"));
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#ffffff"));

        // A broken config is an error at its line and column, and the open set stays.
        QVERIFY(writeFile(config, "{\n  \"source\": 5\n}"));
        const auto broken = m_panel->openConfig(config);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(QStringLiteral("tokens.config.json:2:")), qPrintable(broken.error().message));
        QCOMPARE(m_panel->themeBox()->itemData(1).toString(), QStringLiteral("night"));
    }

    void testThemeSwitchChangesResolvedValues()
    {
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#ffffff"));
        m_panel->themeBox()->setCurrentIndex(1);
        Q_EMIT m_panel->themeBox()->activated(1);
        QCOMPARE(m_panel->document().activeTheme(), QStringLiteral("dark"));
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#111111"));
        QCOMPARE(resolved(QStringLiteral("card.border")), QStringLiteral("1px solid #ffffff"));
        // An edit in the dark theme goes to the dark layer.
        QVERIFY(setValue(QStringLiteral("color.bg"), QStringLiteral("#000000")));
        QVERIFY(m_panel->document().files()[1].isModified());
        QVERIFY(!m_panel->document().files()[0].isModified());
        m_panel->setTheme({});
        QCOMPARE(resolved(QStringLiteral("color.bg")), QStringLiteral("#ffffff"));
    }

    void testScreenshot()
    {
        QWidget *w = m_panel->widget();
        w->resize(1280, 760);
        w->show();
        m_panel->treeView()->expandAll();
        QVERIFY(!setValue(QStringLiteral("color.link"), QStringLiteral("not-a-colour")));
        QVERIFY(waitForPreview());
        QApplication::processEvents();
        const QString out = QStringLiteral(HELIOS_BUILD_DIR "/tokens_panel.png");
        QVERIFY(w->grab().save(out));
    }

private:
    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }

    QModelIndex viewIndex(const QString &path, int column)
    {
        return m_panel->filterModel()->mapFromSource(m_panel->treeModel()->indexForPath(path, column));
    }

    bool setValue(const QString &path, const QString &text)
    {
        return m_panel->filterModel()->setData(viewIndex(path, TokenTreeModel::Value), text);
    }

    QString resolved(const QString &path)
    {
        return m_panel->treeModel()->indexForPath(path, TokenTreeModel::Resolved).data().toString();
    }

    QString preview(ExportRenderer::Format format) { return m_panel->preview()->text(format); }

    bool waitForPreview()
    {
        QSignalSpy spy(m_panel->preview(), &ExportPreview::updated);
        return spy.wait(10000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_base;
    QString m_dark;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<FakeHost> m_host;
    std::unique_ptr<TokensPanel> m_panel;
};

QTEST_MAIN(TokensPanelTest)
#include "tokens_panel_test.moc"
