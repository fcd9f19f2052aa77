// SPDX-License-Identifier: Apache-2.0
// The workbench's main flow, through its widgets, in one window on the embedded back ends:
// a new project from the template (the wizard) -> a colour token edited in the Tokens
// panel -> a component generated from a prompt in Spark and accepted -> the build
// succeeds -> the Preview's DOM shows the component, then a new token colour without a
// reload -> dev serves the release by itself -> rolled back from the Deploy panel.
// On the way it writes a screenshot of every panel into the build tree.
#include "main_window.h"

#include "build/build_panel.h"
#include "deploy/deploy_panel.h"
#include "deploy/environment_table_model.h"
#include "mode_bar.h"
#include "new_project_wizard.h"
#include "preview/preview_page.h"
#include "preview/preview_panel.h"
#include "spark/spark_panel.h"
#include "tokens/color_value_editor.h"
#include "tokens/token_tree_model.h"
#include "tokens/tokens_panel.h"

#include "engine.h"
#include "test_config.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QWizard>

using namespace helios;

namespace {

constexpr int PageTimeoutMs = 60000;
constexpr int WorkTimeoutMs = 120000;

// Runs `script` in the page and waits (bounded) for its value; invalid when it did not answer.
QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool answered = false;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    page->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return result;
}

// GET with a bounded wait; empty on any failure.
QByteArray fetch(const QUrl &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(20000) || reply->error() != QNetworkReply::NoError) {
        reply->deleteLater();
        return {};
    }
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// The page an environment serves and the scripts it loads, concatenated: what a visitor runs.
QByteArray servedApp(const QUrl &environmentUrl)
{
    const QByteArray page = fetch(environmentUrl);
    QByteArray app = page;
    const QRegularExpression script(QStringLiteral("<script[^>]*src=\"([^\"]+)\""));
    for (auto it = script.globalMatch(QString::fromUtf8(page)); it.hasNext();)
        app += fetch(environmentUrl.resolved(QUrl(it.next().captured(1))));
    return app;
}

} // namespace

class WorkbenchFlowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // a layout or recent projects left by an earlier run
        QVERIFY(m_dir.isValid());
        QDir(QStringLiteral(HELIOS_BUILD_DIR)).mkpath(QStringLiteral("screenshots"));
    }

    void newProjectToDeploymentAndRollback();

private:
    void screenshot(workbench::MainWindow &window, const QString &mode, const char *dockName);
    QString environmentCell(panels::DeployPanel *panel, const QString &environment, int column) const;
    QString deployedVersion(panels::DeployPanel *panel, const QString &environment) const;

    QTemporaryDir m_dir;
};

void WorkbenchFlowTest::screenshot(workbench::MainWindow &window, const QString &mode, const char *dockName)
{
    window.modeBar()->activate(mode);
    QApplication::processEvents();
    auto *dock = window.findChild<QDockWidget *>(QLatin1StringView(dockName));
    QVERIFY2(dock && dock->isVisible(), dockName);
    const QString name = QString::fromLatin1(dockName).chopped(4); // "tokensDock" -> "tokens"
    QVERIFY(dock->grab().save(QStringLiteral(HELIOS_BUILD_DIR "/screenshots/%1.png").arg(name)));
}

// The version an environment runs, as the Deploy panel has it: empty until its first
// deployment finished (the cell shows a dash then, which is no version to compare with).
QString WorkbenchFlowTest::deployedVersion(panels::DeployPanel *panel, const QString &environment) const
{
    for (const panels::EnvironmentRow &row : panel->environmentModel()->rows())
        if (row.state.name == environment)
            return row.state.currentVersion;
    return {};
}

QString WorkbenchFlowTest::environmentCell(panels::DeployPanel *panel, const QString &environment, int column) const
{
    const auto *model = panel->environmentModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, panels::EnvironmentTableModel::Name).data().toString() == environment)
            return model->index(row, column).data().toString();
    return {};
}

void WorkbenchFlowTest::newProjectToDeploymentAndRollback()
{
    Config config = Config::embedded(m_dir.filePath(QStringLiteral("data")));
    config.set(QString::fromLatin1(Config::SitesPort), QStringLiteral("0"));
    auto engine = Engine::open(config);
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    workbench::MainWindow window(**engine);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    screenshot(window, QStringLiteral("home"), "homeDock");

    // 1. New project: the wizard over the react-library template, driven through its fields.
    window.findChild<QAction *>(QStringLiteral("newProjectAction"))->trigger();
    auto *wizard = window.findChild<workbench::NewProjectWizard *>();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QVERIFY(wizard->templateList()->model()->rowCount() >= 1);
    wizard->templateList()->setCurrentIndex(wizard->templateList()->model()->index(0, 0));
    wizard->next();
    auto *name = qobject_cast<QLineEdit *>(wizard->parameterField(QStringLiteral("name")));
    QVERIFY(name);
    name->clear();
    QTest::keyClicks(name, QStringLiteral("flow-ui"));
    wizard->next();
    wizard->parentDirEdit()->setText(m_dir.path());
    wizard->folderNameEdit()->setText(QStringLiteral("flow-ui"));
    // The packages come from the pinned toolchain; npm install is not needed to build.
    if (auto *install = wizard->findChild<QCheckBox *>(QStringLiteral("installPackagesBox")))
        install->setChecked(false);
    QSignalSpy created(wizard, &workbench::NewProjectWizard::projectCreated);
    while (wizard->currentId() != -1 && !wizard->button(QWizard::FinishButton)->isVisible())
        wizard->next();
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY(created.wait(WorkTimeoutMs) || !created.isEmpty());
    const QString project = QDir(m_dir.filePath(QStringLiteral("flow-ui"))).canonicalPath();
    QTRY_COMPARE_WITH_TIMEOUT(window.projectDir(), project, WorkTimeoutMs);
    QVERIFY(QFileInfo::exists(project + QStringLiteral("/helios.json")));

    // The Preview shows the dev server's page; a marker shows later whether it reloaded.
    QWebEnginePage *page = window.previewPanel()->page();
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(page, QStringLiteral("document.querySelectorAll('[data-component]').length")).toInt() >= 1,
        PageTimeoutMs);
    const QString primary = QStringLiteral("getComputedStyle(document.documentElement)"
                                           ".getPropertyValue('--color-primary').trim()");
    QCOMPARE(evaluate(page, primary).toString(), QStringLiteral("#4f46e5"));
    QCOMPARE(evaluate(page, QStringLiteral("window.__flowMarker = 'kept'; 1")).toInt(), 1);

    // 2. A colour token edited in the Tokens panel's editor and saved: the preview restyles.
    window.modeBar()->activate(QStringLiteral("tokens"));
    panels::TokensPanel *tokens = window.tokensPanel();
    const auto valueIndex = [tokens](const QString &path) {
        return tokens->filterModel()->mapFromSource(tokens->treeModel()->indexForPath(path, panels::TokenTreeModel::Value));
    };
    const QModelIndex primaryValue = valueIndex(QStringLiteral("color.primary"));
    QVERIFY(primaryValue.isValid());
    tokens->treeView()->setCurrentIndex(primaryValue);
    tokens->treeView()->edit(primaryValue);
    auto *colour = qobject_cast<panels::ColorValueEditor *>(tokens->treeView()->indexWidget(primaryValue));
    QVERIFY(colour);
    colour->setColor(QColor(0x0a, 0x7d, 0x33));
    Q_EMIT colour->editingFinished();
    QVERIFY2(tokens->save().ok(), "saving the token files");
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, primary).toString(), QStringLiteral("#0a7d33"), PageTimeoutMs);
    QCOMPARE(evaluate(page, QStringLiteral("window.__flowMarker")).toString(), QStringLiteral("kept"));
    screenshot(window, QStringLiteral("tokens"), "tokensDock");

    // The first build: a release, which dev then serves by itself.
    panels::BuildPanel *build = window.buildPanel();
    QSignalSpy built(build, &panels::BuildPanel::buildFinished);
    window.findChild<QAction *>(QStringLiteral("buildAction"))->trigger();
    QVERIFY(built.wait(WorkTimeoutMs));
    QCOMPARE(built.first().first().toBool(), true);
    panels::DeployPanel *deploy = window.deployPanel();
    QVERIFY(deploy);
    QTRY_VERIFY_WITH_TIMEOUT(!deployedVersion(deploy, QStringLiteral("dev")).isEmpty(),
                             WorkTimeoutMs);
    const QString firstVersion = deployedVersion(deploy, QStringLiteral("dev"));

    // 3. A component from a prompt, generated and accepted in the Spark panel.
    window.findChild<QAction *>(QStringLiteral("generateAction"))->trigger();
    panels::SparkPanel *spark = window.sparkPanel();
    QTest::keyClicks(spark->promptEdit(), QStringLiteral("a card with a title and an image called FlowCard"));
    QSignalSpy generated(spark, &panels::SparkPanel::generationFinished);
    QTest::mouseClick(spark->generateButton(), Qt::LeftButton);
    QVERIFY(generated.wait(WorkTimeoutMs));
    QCOMPARE(generated.first().first().toBool(), true);
    screenshot(window, QStringLiteral("spark"), "sparkDock");
    QVERIFY(spark->acceptButton()->isEnabled());
    QSignalSpy accepted(spark, &panels::SparkPanel::acceptFinished);
    QTest::mouseClick(spark->acceptButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(WorkTimeoutMs));
    // 4. Accepting writes the files and builds the project: the build succeeded.
    QCOMPARE(accepted.first().first().toBool(), true);
    QVERIFY(QFileInfo::exists(project + QStringLiteral("/src/components/FlowCard/FlowCard.tsx")));

    // 5. The Preview's DOM shows the new component...
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(page, QStringLiteral("!!document.querySelector('[data-component=\"Components/FlowCard\"]')")).toBool(),
        PageTimeoutMs);
    QCOMPARE(evaluate(page, primary).toString(), QStringLiteral("#0a7d33"));
    // ...then a new token colour, without a reload.
    QCOMPARE(evaluate(page, QStringLiteral("window.__flowMarker = 'again'; 1")).toInt(), 1);
    window.modeBar()->activate(QStringLiteral("tokens"));
    const QModelIndex again = valueIndex(QStringLiteral("color.primary"));
    tokens->treeView()->setCurrentIndex(again);
    tokens->treeView()->edit(again);
    colour = qobject_cast<panels::ColorValueEditor *>(tokens->treeView()->indexWidget(again));
    QVERIFY(colour);
    colour->setColor(QColor(0xb4, 0x23, 0x18));
    Q_EMIT colour->editingFinished();
    QVERIFY(tokens->save().ok());
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, primary).toString(), QStringLiteral("#b42318"), PageTimeoutMs);
    QCOMPARE(evaluate(page, QStringLiteral("window.__flowMarker")).toString(), QStringLiteral("again"));
    QVERIFY(evaluate(page, QStringLiteral("!!document.querySelector('[data-component=\"Components/FlowCard\"]')")).toBool());
    screenshot(window, QStringLiteral("build"), "buildDock");
    screenshot(window, QStringLiteral("build"), "previewDock");

    // 6. Dev runs the accepted build's release by itself, and serves the new component.
    QTRY_VERIFY_WITH_TIMEOUT(
        !deployedVersion(deploy, QStringLiteral("dev")).isEmpty()
            && deployedVersion(deploy, QStringLiteral("dev")) != firstVersion,
        WorkTimeoutMs);
    const QString acceptedVersion = deployedVersion(deploy, QStringLiteral("dev"));
    const QUrl devUrl(environmentCell(deploy, QStringLiteral("dev"), panels::EnvironmentTableModel::Url));
    QVERIFY2(devUrl.isValid() && devUrl.port() > 0, qPrintable(devUrl.toString()));
    QVERIFY(servedApp(devUrl).contains("Components/FlowCard"));

    // 7. Roll dev back from the Deploy panel: the previous release, without the component.
    window.modeBar()->activate(QStringLiteral("deploy"));
    deploy->selectEnvironment(QStringLiteral("dev"));
    QTRY_VERIFY(deploy->rollbackButton()->isEnabled());
    QSignalSpy rolledBack(deploy, &panels::DeployPanel::actionFinished);
    QTest::mouseClick(deploy->rollbackButton(), Qt::LeftButton);
    QVERIFY(rolledBack.wait(WorkTimeoutMs));
    QCOMPARE(rolledBack.first().first().toBool(), true);
    // Dev is back on an earlier release: it serves the app without the new component.
    QTRY_VERIFY_WITH_TIMEOUT(!servedApp(devUrl).contains("Components/FlowCard"), WorkTimeoutMs);
    QVERIFY(servedApp(devUrl).contains("Components/"));
    deploy->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(deployedVersion(deploy, QStringLiteral("dev"))
                                 != acceptedVersion,
                             WorkTimeoutMs);
    screenshot(window, QStringLiteral("deploy"), "deployDock");
    screenshot(window, QStringLiteral("deploy"), "eventsDock");
    screenshot(window, QStringLiteral("editor"), "editorDock");
    screenshot(window, QStringLiteral("editor"), "filesDock");
    QVERIFY(window.grab().save(QStringLiteral(HELIOS_BUILD_DIR "/screenshots/workbench.png")));
}

QTEST_MAIN(WorkbenchFlowTest)
#include "workbench_flow_test.moc"
