// SPDX-License-Identifier: Apache-2.0
// The Spark panel offscreen on the embedded back ends, working on a scaffolded
// react-library project: a generation runs off the UI thread (a UI timer keeps ticking),
// the router's scores, the generated files in tabs and the validation show, Accept writes
// the component into the project and builds it, the host is told; an empty prompt is
// refused; the session's prompts are kept in the history.
#include "spark/expert_scores_view.h"
#include "spark/generated_files_view.h"
#include "spark/spark_panel.h"
#include "spark/validation_view.h"

#include "backend_under_test.h"
#include "engine.h"
#include "ignition/scaffolder.h"
#include "recording_panel_host.h"
#include "spark/expert_family.h"

// QScintilla's headers use the `slots`/`signals` keywords, which QT_NO_KEYWORDS removes.
#define slots Q_SLOTS
#define signals Q_SIGNALS
#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace helios;
using namespace helios::panels;

namespace {

// The router, esbuild and the Store do the work: generous, since the machine may be busy.
constexpr int GenerateTimeoutMs = 60000;
constexpr int AcceptTimeoutMs = 120000;

} // namespace

class SparkPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void anEmptyPromptShowsAnErrorAndEnablesNothing_data();
    void anEmptyPromptShowsAnErrorAndEnablesNothing();
    void aGenerationRunsOffTheUiThreadAndAcceptWritesAndBuilds();
    void ctrlEnterGeneratesAndTheHistoryRefillsThePrompt();
    void activatingAFindingOpensItsFileAtTheLine();

private:
    template <typename T>
    T *child(const char *name) const
    {
        return m_host->widget->findChild<T *>(QLatin1StringView(name));
    }
    QPushButton *button(const char *name) const { return child<QPushButton>(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<test::RecordingPanelHost> m_host;
    std::unique_ptr<SparkPanel> m_panel;
    QString m_project;
};

void SparkPanelTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto engine = Engine::open(test::configFor(m_dir->filePath(QStringLiteral("data")), {}));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);

    const QString name = QStringLiteral("spark-panel-") + QString::number(QRandomGenerator::global()->bounded(1000000));
    m_project = m_dir->filePath(QStringLiteral("project"));
    ignition::Scaffolder scaffolder(*m_engine);
    auto created = scaffolder.create({QStringLiteral("react-library"), m_project,
                                      {{QStringLiteral("name"), name}, {QStringLiteral("component"), QStringLiteral("Sample")}},
                                      false});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_project = QDir(m_project).canonicalPath();

    m_host = std::make_unique<test::RecordingPanelHost>();
    m_panel = std::make_unique<SparkPanel>(*m_engine, *m_host);
    QCOMPARE(m_host->dockId, QStringLiteral("spark"));
    QVERIFY(m_host->widget);
    m_host->widget->resize(1000, 900);
    m_host->widget->show();
}

void SparkPanelTest::cleanup()
{
    m_panel.reset();
    m_host.reset();
    m_engine.reset();
    m_dir.reset();
}

void SparkPanelTest::anEmptyPromptShowsAnErrorAndEnablesNothing_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("a prompt box left empty is refused") << QString();
    QTest::newRow("a prompt of spaces and new lines is refused") << QStringLiteral("  \n\t  ");
}

void SparkPanelTest::anEmptyPromptShowsAnErrorAndEnablesNothing()
{
    QFETCH(QString, prompt);
    m_panel->setProjectDir(m_project);
    QSignalSpy started(m_panel.get(), &SparkPanel::generationStarted);
    child<QPlainTextEdit>("sparkPrompt")->setPlainText(prompt);
    QTest::mouseClick(button("sparkGenerate"), Qt::LeftButton);

    QCOMPARE(started.size(), 0);
    QVERIFY(!m_panel->isBusy());
    auto *status = child<QLabel>("sparkStatus");
    QVERIFY(!status->text().isEmpty());
    QVERIFY(status->property("error").toBool());
    QVERIFY(!button("sparkAccept")->isEnabled());
    QVERIFY(!button("sparkRegenerate")->isEnabled());
    QVERIFY(!button("sparkCancel")->isEnabled());
    QVERIFY(button("sparkGenerate")->isEnabled());
    QVERIFY(!child<QComboBox>("sparkHistory")->isEnabled());
    QCOMPARE(child<GeneratedFilesView>("sparkFiles")->count(), 0);
    QVERIFY(child<ExpertScoresView>("sparkScores")->scores().isEmpty());
    QVERIFY(m_panel->history().isEmpty());
}

void SparkPanelTest::aGenerationRunsOffTheUiThreadAndAcceptWritesAndBuilds()
{
    m_panel->setProjectDir(m_project);
    QVERIFY(!button("sparkAccept")->isEnabled());
    QCOMPARE(child<QComboBox>("sparkExpert")->count(), 1 + int(spark::expertFamilies.size()));

    // A timer on the UI thread counts its ticks while the panel is generating: if the
    // generation blocked this thread, it would count none.
    int busyTicks = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (m_panel->isBusy())
            ++busyTicks;
    });
    ticker.start();

    QSignalSpy finished(m_panel.get(), &SparkPanel::generationFinished);
    const QString prompt = QStringLiteral("a primary button labelled Save");
    child<QPlainTextEdit>("sparkPrompt")->setPlainText(prompt);
    QTest::mouseClick(button("sparkGenerate"), Qt::LeftButton);
    QVERIFY(m_panel->isBusy());
    QVERIFY(!button("sparkGenerate")->isEnabled());
    QVERIFY(button("sparkCancel")->isEnabled());
    QVERIFY(!button("sparkAccept")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, GenerateTimeoutMs);
    ticker.stop();
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(child<QLabel>("sparkStatus")->text()));
    QVERIFY2(busyTicks > 0, "the UI thread did not run while generating");
    QVERIFY(!m_panel->isBusy());

    // The router's answer, best first: the button expert.
    const auto &scores = child<ExpertScoresView>("sparkScores")->scores();
    QVERIFY(!scores.isEmpty());
    QCOMPARE(scores.first().family, spark::ExpertFamily::Button);
    for (int i = 1; i < scores.size(); ++i)
        QVERIFY(scores.at(i - 1).gate >= scores.at(i).gate);
    QVERIFY(child<ExpertScoresView>("sparkScores")->toolTipFor(0).startsWith(QStringLiteral("button")));

    // The files in tabs, highlighted and read-only.
    QVERIFY(m_panel->generation().has_value());
    const QString name = m_panel->generation()->component.name;
    QVERIFY2(name.endsWith(QStringLiteral("Button")), qPrintable(name));
    auto *files = child<GeneratedFilesView>("sparkFiles");
    QStringList tabs;
    for (int i = 0; i < files->count(); ++i)
        tabs << files->tabText(i);
    QVERIFY2(tabs.contains(name + QStringLiteral(".tsx")), qPrintable(tabs.join(QLatin1Char(' '))));
    QVERIFY(tabs.contains(name + QStringLiteral(".module.css")));
    QsciScintilla *tsx = files->editor(name + QLatin1Char('/') + name + QStringLiteral(".tsx"));
    QVERIFY(tsx);
    QVERIFY(tsx->isReadOnly());
    QVERIFY(tsx->lexer());
    QCOMPARE(QLatin1StringView(tsx->lexer()->language()), QLatin1StringView("JavaScript"));
    QVERIFY(tsx->text().contains(name));
    QsciScintilla *css = files->editor(name + QLatin1Char('/') + name + QStringLiteral(".module.css"));
    QVERIFY(css && css->lexer());
    QCOMPARE(QLatin1StringView(css->lexer()->language()), QLatin1StringView("CSS"));

    // Validation passed; Accept and Regenerate are on.
    QVERIFY(m_panel->generation()->validation.passed());
    QVERIFY(!child<QLabel>("sparkStatus")->property("error").toBool());
    auto *validation = child<ValidationView>("sparkValidation");
    for (int i = 0; i < validation->topLevelItemCount(); ++i)
        QVERIFY(!validation->topLevelItem(i)->text(ValidationView::Check).endsWith(QStringLiteral("error")));
    QVERIFY(button("sparkAccept")->isEnabled());
    QVERIFY(button("sparkRegenerate")->isEnabled());
    auto *progress = child<QProgressBar>("sparkProgress");
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(m_panel->history(), QStringList{prompt});

    // Accept: written into the project, built, and the host told.
    QSignalSpy accepted(m_panel.get(), &SparkPanel::acceptFinished);
    QTest::mouseClick(button("sparkAccept"), Qt::LeftButton);
    QVERIFY(m_panel->isBusy());
    QVERIFY(!button("sparkAccept")->isEnabled());
    const QString written = m_project + QStringLiteral("/src/components/") + name + QLatin1Char('/') + name + QStringLiteral(".tsx");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(written) && accepted.size() == 1, AcceptTimeoutMs);
    QVERIFY2(accepted.at(0).at(0).toBool(), qPrintable(m_host->messages.join(QLatin1Char('\n'))));
    QCOMPARE(m_host->messages.size(), 1);
    QVERIFY2(m_host->messages.constFirst().contains(name) &&
                 m_host->messages.constFirst().contains(QStringLiteral("the build succeeded")),
             qPrintable(m_host->messages.constFirst()));
    QVERIFY(QFileInfo::exists(m_project + QStringLiteral("/dist")));
    QVERIFY(!m_panel->isBusy());
    QVERIFY(button("sparkGenerate")->isEnabled());
}

void SparkPanelTest::ctrlEnterGeneratesAndTheHistoryRefillsThePrompt()
{
    // No project: the built-in tokens, and nothing to accept into.
    QSignalSpy finished(m_panel.get(), &SparkPanel::generationFinished);
    auto *prompt = child<QPlainTextEdit>("sparkPrompt");
    const QString first = QStringLiteral("a card with a title and a short description");
    prompt->setPlainText(first);
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_panel->isBusy());
    QCOMPARE(prompt->toPlainText(), first); // Ctrl+Enter added no new line
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, GenerateTimeoutMs);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(!button("sparkAccept")->isEnabled());

    // Forcing an expert: the tooltip expert writes it, the routing is still shown.
    auto *expert = child<QComboBox>("sparkExpert");
    expert->setCurrentIndex(expert->findData(QStringLiteral("tooltip")));
    const QString second = QStringLiteral("a help hint that explains the field");
    prompt->setPlainText(second);
    QTest::mouseClick(button("sparkGenerate"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, GenerateTimeoutMs);
    QVERIFY(finished.at(1).at(0).toBool());
    QCOMPARE(m_panel->generation()->component.family, spark::ExpertFamily::Tooltip);
    QVERIFY(!child<ExpertScoresView>("sparkScores")->scores().isEmpty());

    auto *history = child<QComboBox>("sparkHistory");
    QVERIFY(history->isEnabled());
    QCOMPARE(m_panel->history(), (QStringList{second, first}));
    prompt->clear();
    Q_EMIT history->activated(1); // what choosing the older prompt emits
    QCOMPARE(prompt->toPlainText(), first);

    // Regenerate runs the last prompt again, not the box's text; it stays once in the history.
    QTest::mouseClick(button("sparkRegenerate"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, GenerateTimeoutMs);
    QCOMPARE(m_panel->generation()->component.family, spark::ExpertFamily::Tooltip);
    QCOMPARE(m_panel->history(), (QStringList{second, first}));
}

void SparkPanelTest::activatingAFindingOpensItsFileAtTheLine()
{
    auto *files = child<GeneratedFilesView>("sparkFiles");
    files->setFiles({{QStringLiteral("Card/Card.tsx"), QByteArrayLiteral("line 1\nline 2\nline 3\nline 4\n")},
                     {QStringLiteral("Card/Card.module.css"), QByteArrayLiteral(".card {\n  color: red;\n}\n")}});
    QCOMPARE(files->currentIndex(), 0);
    spark::ValidationReport report;
    report.issues.append({QStringLiteral("tokens"), QStringLiteral("Card/Card.module.css"), 2, 10,
                          QStringLiteral("raw colour red: use var(--color-danger)"), true});
    auto *validation = child<ValidationView>("sparkValidation");
    validation->setReport(report);
    QCOMPARE(validation->topLevelItemCount(), 1);
    QTreeWidgetItem *item = validation->topLevelItem(0);
    QCOMPARE(item->text(ValidationView::Location), QStringLiteral("Card/Card.module.css:2:10"));
    QCOMPARE(item->text(ValidationView::Message), QStringLiteral("raw colour red: use var(--color-danger)"));

    Q_EMIT validation->itemActivated(item, 0);
    QCOMPARE(files->currentIndex(), 1);
    int line = -1;
    int column = -1;
    files->editor(QStringLiteral("Card/Card.module.css"))->getCursorPosition(&line, &column);
    QCOMPARE(line, 1);
    QCOMPARE(column, 9);
}

QTEST_MAIN(SparkPanelTest)
#include "spark_panel_test.moc"
