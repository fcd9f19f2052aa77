// SPDX-License-Identifier: Apache-2.0
#include "new_project_wizard.h"

#include "engine.h"
#include "store/store.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using helios::workbench::NewProjectWizard;

namespace {

// Rendering and the first git commit of a small template: generous on a busy machine.
constexpr int ScaffoldTimeoutMs = 60000;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class NewProjectWizardTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("helios-tests"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto engine = helios::Engine::open(helios::Config::embedded(m_dir->filePath(QStringLiteral("data"))));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_wizard = std::make_unique<NewProjectWizard>(*m_engine);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    }

    void cleanup()
    {
        m_wizard.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testListsTheBuiltInTemplateWithItsDescription()
    {
        QListWidget *list = m_wizard->templateList();
        QVERIFY(list->count() >= 1);
        QCOMPARE(list->item(list->currentRow())->text(), QStringLiteral("react-library"));
        QVERIFY(list->item(list->currentRow())->toolTip().contains(QStringLiteral("React")));
        QVERIFY(next()->isEnabled());
    }

    void testParameterFieldsComeFromTheManifest()
    {
        next()->click();
        auto *name = qobject_cast<QLineEdit *>(m_wizard->parameterField(QStringLiteral("name")));
        QVERIFY(name);
        QCOMPARE(name->text(), QString()); // required, no default
        auto *component = qobject_cast<QLineEdit *>(m_wizard->parameterField(QStringLiteral("component")));
        QVERIFY(component);
        QCOMPARE(component->text(), QStringLiteral("Button"));
        auto *license = qobject_cast<QComboBox *>(m_wizard->parameterField(QStringLiteral("license")));
        QVERIFY(license);
        QCOMPARE(license->count(), 5);
        QCOMPARE(license->currentText(), QStringLiteral("MIT"));
        auto *isPrivate = qobject_cast<QCheckBox *>(m_wizard->parameterField(QStringLiteral("private")));
        QVERIFY(isPrivate);
        QVERIFY(!isPrivate->isChecked());
        QVERIFY(!m_wizard->parameterField(QStringLiteral("packageName"))); // derived, not asked
        QVERIFY(!next()->isEnabled());  // the required name is empty
    }

    void testAnInvalidValueDisablesNextWithTheProblemInline_data()
    {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("a name with a space and capitals is refused") << QStringLiteral("name") << QStringLiteral("Bad Name") << false;
        QTest::newRow("a lower-case name is accepted") << QStringLiteral("name") << QStringLiteral("acme-ui") << true;
        QTest::newRow("a scope without its @ is refused") << QStringLiteral("scope") << QStringLiteral("acme") << false;
        QTest::newRow("a camelCase component is refused") << QStringLiteral("component") << QStringLiteral("button") << false;
        QTest::newRow("an e-mail without @ is refused") << QStringLiteral("authorEmail") << QStringLiteral("nobody") << false;
    }
    void testAnInvalidValueDisablesNextWithTheProblemInline()
    {
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        next()->click();
        if (parameter != u"name")
            lineEdit(QStringLiteral("name"))->setText(QStringLiteral("ok"));
        QVERIFY(next()->isEnabled() || parameter == u"name");
        lineEdit(parameter)->setText(value);
        QCOMPARE(next()->isEnabled(), valid);
        QLabel *problem = m_wizard->parameterProblemLabel(parameter);
        QVERIFY(problem);
        QCOMPARE(problem->isVisibleTo(m_wizard.get()), !valid);
        if (!valid)
            QVERIFY2(problem->text().contains(parameter), qPrintable(problem->text()));
    }

    void testTheFolderFollowsTheNameAndANonEmptyTargetIsRefused()
    {
        goToLocation(QStringLiteral("acme-ui"));
        QCOMPARE(m_wizard->folderNameEdit()->text(), QStringLiteral("acme-ui"));
        QVERIFY(finish()->isEnabled());
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("projects/taken/keep.txt")), "mine\n"));
        m_wizard->folderNameEdit()->setText(QStringLiteral("taken"));
        QVERIFY(!finish()->isEnabled());
        QVERIFY2(m_wizard->errorLabel()->text().contains(QStringLiteral("not empty")), qPrintable(m_wizard->errorLabel()->text()));
        m_wizard->folderNameEdit()->setText(QStringLiteral("free"));
        QVERIFY(finish()->isEnabled());
        QCOMPARE(m_wizard->errorLabel()->text(), QString());
    }

    void testFinishScaffoldsOffTheUiThreadAndRecordsTheProject()
    {
        goToLocation(QStringLiteral("acme-ui"));
        QSignalSpy created(m_wizard.get(), &NewProjectWizard::projectCreated);
        finish()->click();
        // click() returned while the Scaffolder still runs on its worker.
        QVERIFY(m_wizard->isScaffolding());
        QVERIFY(m_wizard->progressBar()->isVisibleTo(m_wizard.get()));
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, ScaffoldTimeoutMs);

        const QString dir = QFileInfo(m_dir->filePath(QStringLiteral("projects/acme-ui"))).canonicalFilePath();
        QCOMPARE(created.at(0).at(0).toString(), dir);
        QCOMPARE(m_wizard->createdProjectDir(), dir);
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/helios.json")));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/src/components/Button/Button.tsx")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/node_modules"))); // install was off
        QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
        QVERIFY(!m_wizard->isVisible());
        const auto rows = m_engine->store().query(QStringLiteral("SELECT name, path FROM projects"));
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QCOMPARE(rows->value(0, QStringLiteral("name")).toString(), QStringLiteral("acme-ui"));
    }

    void testAFailingStepIsShownInlineAndTheWizardStaysOpen()
    {
        // A template in a folder whose last step fails: loaded through the "other template" field.
        const QString templateDir = writeCommandTemplate(QStringLiteral("failing"), "echo broken >&2; exit 3");
        m_wizard->otherTemplateEdit()->setText(templateDir);
        const int templatePage = m_wizard->currentId();
        // Enter in the field loads the template and stays on the page (not also Next).
        QTest::keyClick(m_wizard->otherTemplateEdit(), Qt::Key_Return);
        QCOMPARE(m_wizard->currentId(), templatePage);
        QTRY_COMPARE(m_wizard->templateList()->count(), 2);
        QCOMPARE(m_wizard->templateList()->currentRow(), 1);
        QCOMPARE(m_wizard->currentId(), templatePage);

        next()->click();
        QVERIFY(!m_wizard->parameterField(QStringLiteral("license"))); // the new manifest's fields
        lineEdit(QStringLiteral("name"))->setText(QStringLiteral("doomed"));
        next()->click();
        m_wizard->parentDirEdit()->setText(m_dir->filePath(QStringLiteral("projects")));
        QSignalSpy created(m_wizard.get(), &NewProjectWizard::projectCreated);
        finish()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isScaffolding(), ScaffoldTimeoutMs);
        QVERIFY2(m_wizard->errorLabel()->text().contains(QStringLiteral("could not be created")),
                 qPrintable(m_wizard->errorLabel()->text()));
        QCOMPARE(created.size(), 0);
        QVERIFY(m_wizard->isVisible());
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("projects/doomed")))); // cleaned up
        QVERIFY(finish()->isEnabled()); // free to try again
        QVERIFY(m_wizard->button(QWizard::CancelButton)->isEnabled());
    }

    void testCancelStopsTheScaffoldRemovesItsWorkAndCloses()
    {
        // A template whose command runs until stopped: Cancel must stop it, not wait.
        const QString templateDir = writeCommandTemplate(QStringLiteral("slow"), "touch started; sleep 300");
        m_wizard->otherTemplateEdit()->setText(templateDir);
        QTest::keyClick(m_wizard->otherTemplateEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_wizard->templateList()->count(), 2);
        next()->click();
        lineEdit(QStringLiteral("name"))->setText(QStringLiteral("halted"));
        next()->click();
        m_wizard->parentDirEdit()->setText(m_dir->filePath(QStringLiteral("projects")));
        const QString target = m_dir->filePath(QStringLiteral("projects/halted"));
        QSignalSpy created(m_wizard.get(), &NewProjectWizard::projectCreated);
        finish()->click();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target + QStringLiteral("/started")), ScaffoldTimeoutMs);
        QVERIFY(m_wizard->isScaffolding());
        QVERIFY(m_wizard->button(QWizard::CancelButton)->isEnabled());

        m_wizard->button(QWizard::CancelButton)->click();
        // It closes once the scaffold has stopped, well before the command would end.
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isVisible(), 30000);
        QVERIFY(!m_wizard->isScaffolding());
        QCOMPARE(m_wizard->result(), int(QDialog::Rejected));
        QCOMPARE(created.size(), 0);
        QVERIFY(!QFileInfo::exists(target));
        const auto rows = m_engine->store().query(QStringLiteral("SELECT name FROM projects"));
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QVERIFY(rows->isEmpty());
    }

private:
    // A template folder `name` of one parameter whose steps render a README and then run
    // `script` with sh; empty when it could not be written.
    QString writeCommandTemplate(const QString &name, const QByteArray &script) const
    {
        const QString dir = m_dir->filePath(name);
        const QJsonObject manifest{
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), QStringLiteral("runs a command")},
            {QStringLiteral("parameters"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("name")},
                                    {QStringLiteral("required"), true},
                                    {QStringLiteral("pattern"), QStringLiteral("[a-z]+")}}}},
            {QStringLiteral("steps"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("render")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("command")},
                                    {QStringLiteral("argv"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                                                        QString::fromUtf8(script)}}}}}};
        const bool written = writeFile(dir + QStringLiteral("/template.json"), QJsonDocument(manifest).toJson())
                             && writeFile(dir + QStringLiteral("/README.md"), "# {{name}}\n");
        return written ? dir : QString();
    }

    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }
    QAbstractButton *finish() const { return m_wizard->button(QWizard::FinishButton); }
    QLineEdit *lineEdit(const QString &parameter) const
    {
        return qobject_cast<QLineEdit *>(m_wizard->parameterField(parameter));
    }

    void goToLocation(const QString &name)
    {
        next()->click();
        lineEdit(QStringLiteral("name"))->setText(name);
        QVERIFY(next()->isEnabled());
        next()->click();
        m_wizard->parentDirEdit()->setText(m_dir->filePath(QStringLiteral("projects")));
        m_wizard->installCheck()->setChecked(false); // no npm and no network in tests
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<NewProjectWizard> m_wizard;
};

QTEST_MAIN(NewProjectWizardTest)
#include "new_project_wizard_test.moc"
