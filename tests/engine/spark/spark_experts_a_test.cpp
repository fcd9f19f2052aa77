// SPDX-License-Identifier: Apache-2.0
// The button, text field, select, choice, card, dialog, navigation bar and tabs experts:
// for three prompts each (read by the real prompt reader), the files and their paths, the
// ARIA pattern's essentials, prompt text escaped, token-only CSS, the same bytes twice,
// a bundle the pinned esbuild accepts and stories that render under React's server
// renderer; and composition: a card's buttons come from the button expert.
#include "spark/component_request.h"
#include "spark/expert.h"
#include "spark/token_palette.h"
#include "spark_expert_checks.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::spark;
using namespace helios::spark::test;

Q_DECLARE_METATYPE(helios::spark::ExpertFamily)


class SparkExpertsATest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generates_data();
    void generates();
    void cardComposesTheButtonExpertsButtons();
    void dialogComposesFieldsAndButtons();

};

void SparkExpertsATest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!pinnedEsbuild().isEmpty(), "the pinned esbuild is missing: run scripts/setup");
}

void SparkExpertsATest::generates_data()
{
    QTest::addColumn<ExpertFamily>("family");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("tsxHas");   // must appear in Name.tsx (ARIA, escaped prompt text)
    QTest::addColumn<QStringList>("tsxLacks"); // must not appear anywhere in the .tsx files

    const auto row = [](const char *title, ExpertFamily family, const QString &prompt, const QString &name, const QStringList &has,
                        const QStringList &lacks = {}) { QTest::newRow(title) << family << prompt << name << has << lacks; };
    const QString s = QStringLiteral("</script>");

    row("a primary button", ExpertFamily::Button, QStringLiteral("a large primary button labelled 'Save changes'"), QStringLiteral("Button"),
        {QStringLiteral("type = 'button'"), QStringLiteral("'Save changes'"), QStringLiteral("forwardRef<HTMLButtonElement")});
    row("a loading danger button with an icon", ExpertFamily::Button,
        QStringLiteral("a destructive button called DeleteButton, loading, with an icon"), QStringLiteral("DeleteButton"),
        {QStringLiteral("aria-busy={loading || undefined}"), QStringLiteral("aria-hidden=\"true\""), QStringLiteral("'danger'")});
    row("a button with a script tag label", ExpertFamily::Button, QStringLiteral("a ghost button labelled '") + s + QStringLiteral("{x}'"),
        QStringLiteral("Button"), {QStringLiteral("'</script>{x}'")});

    row("an email field", ExpertFamily::TextField, QStringLiteral("a required email text field with help text 'We never share it'"),
        QStringLiteral("TextField"),
        {QStringLiteral("htmlFor={inputId}"), QStringLiteral("aria-describedby"), QStringLiteral("aria-invalid"), QStringLiteral("'email'"),
         QStringLiteral("required = true"), QStringLiteral("'We never share it'")});
    row("a password field named by label", ExpertFamily::TextField, QStringLiteral("a small password input labelled 'Password' with an icon"),
        QStringLiteral("TextField"), {QStringLiteral("'password'"), QStringLiteral("role=\"alert\"")});
    row("a field whose label tries to escape", ExpertFamily::TextField, QStringLiteral("a text field called Notes labelled \"'; rm -rf / {x}\""),
        QStringLiteral("Notes"), {QStringLiteral("'\\'; rm -rf / {x}'")});

    row("a native select", ExpertFamily::Select, QStringLiteral("a select with options Small, Medium and Large"), QStringLiteral("Select"),
        {QStringLiteral("<select"), QStringLiteral("htmlFor={selectId}"), QStringLiteral("label: 'Medium'")});
    row("a searchable combobox", ExpertFamily::Select, QStringLiteral("a searchable combobox called CountryPicker with options France, Spain"),
        QStringLiteral("CountryPicker"),
        {QStringLiteral("role=\"combobox\""), QStringLiteral("aria-expanded={open}"), QStringLiteral("aria-activedescendant"),
         QStringLiteral("role=\"listbox\""), QStringLiteral("'ArrowDown'"), QStringLiteral("'Escape'")});
    row("a multi-select", ExpertFamily::Select, QStringLiteral("a multi-select with options '<b>', '&amp;'"), QStringLiteral("Select"),
        {QStringLiteral(" multiple"), QStringLiteral("label: '<b>'"), QStringLiteral("label: '&amp;'")});

    row("a checkbox group", ExpertFamily::Choice, QStringLiteral("checkboxes with options Email, SMS and Push"), QStringLiteral("CheckboxGroup"),
        {QStringLiteral("<fieldset"), QStringLiteral("<legend"), QStringLiteral("type=\"checkbox\""), QStringLiteral("label: 'SMS'")});
    row("a switch", ExpertFamily::Choice, QStringLiteral("a toggle switch labelled 'Dark mode'"), QStringLiteral("SwitchGroup"),
        {QStringLiteral("role=\"switch\""), QStringLiteral("aria-checked="), QStringLiteral("label: 'Dark mode'")});
    row("a switch labelled by what it is for", ExpertFamily::Choice, QStringLiteral("a switch for dark mode"), QStringLiteral("SwitchGroup"),
        {QStringLiteral("role=\"switch\""), QStringLiteral("label: 'Dark mode'")});
    row("a radio group", ExpertFamily::Choice, QStringLiteral("a radio group titled Plan with options Free, Pro, '{Team}'"),
        QStringLiteral("RadioGroup"), {QStringLiteral("type=\"radio\""), QStringLiteral("legend = 'Plan'"), QStringLiteral("label: '{Team}'")});

    row("a card with an image", ExpertFamily::Card, QStringLiteral("an elevated card titled 'Summer sale' with an image"), QStringLiteral("Card"),
        {QStringLiteral("<article"), QStringLiteral("aria-labelledby={headingId}"), QStringLiteral("alt={image.alt}"), QStringLiteral("'Summer sale'")});
    row("a card with a button", ExpertFamily::Card, QStringLiteral("a ProductCard component with a button labelled 'Buy now'"),
        QStringLiteral("ProductCard"), {QStringLiteral("import { Button } from './Button';"), QStringLiteral(">Buy now</Button>")});
    row("a card with a tricky title", ExpertFamily::Card, QStringLiteral("a card with the title \"") + s + QStringLiteral("\""),
        QStringLiteral("Card"), {QStringLiteral("title = '</script>'")});

    row("a confirm dialog", ExpertFamily::Dialog, QStringLiteral("a confirm dialog titled 'Delete project?' with buttons 'Delete' and 'Keep'"),
        QStringLiteral("Dialog"),
        {QStringLiteral("role=\"dialog\""), QStringLiteral("aria-modal=\"true\""), QStringLiteral("aria-labelledby={titleId}"),
         QStringLiteral("'Escape'"), QStringLiteral("previous?.focus()"), QStringLiteral(">Delete</Button>"), QStringLiteral(">Keep</Button>")});
    row("a dismissible dialog with a field", ExpertFamily::Dialog, QStringLiteral("a closable modal called RenameDialog with a text field"),
        QStringLiteral("RenameDialog"), {QStringLiteral("aria-label=\"Close\""), QStringLiteral("<TextField label={'Name'} />")});
    row("a dialog with escaped text", ExpertFamily::Dialog, QStringLiteral("a dialog saying '{alert(1)} & <b>' with a button labelled '<i>'"),
        QStringLiteral("Dialog"), {QStringLiteral("'{alert(1)} & <b>'"), QStringLiteral(">&lt;i&gt;</Button>")}, {QStringLiteral("><i><")});

    row("a navbar with links", ExpertFamily::NavigationBar, QStringLiteral("a navbar with links Home, Docs, Blog"), QStringLiteral("NavBar"),
        {QStringLiteral("<nav"), QStringLiteral("aria-label={label}"), QStringLiteral("aria-current"), QStringLiteral("href: '/docs'")});
    row("a navbar with search", ExpertFamily::NavigationBar, QStringLiteral("a small navigation bar called SiteNav with a search field"),
        QStringLiteral("SiteNav"), {QStringLiteral("role=\"search\""), QStringLiteral("aria-label={searchLabel}")});
    row("a navbar with a traversal link", ExpertFamily::NavigationBar, QStringLiteral("a navbar titled Acme with links '../../etc/passwd', About"),
        QStringLiteral("NavBar"), {QStringLiteral("label: '../../etc/passwd'"), QStringLiteral("href: '/etc-passwd'")});

    row("three named tabs", ExpertFamily::Tabs, QStringLiteral("tabs Overview, Billing and Settings"), QStringLiteral("Tabs"),
        {QStringLiteral("role=\"tablist\""), QStringLiteral("role=\"tab\""), QStringLiteral("role=\"tabpanel\""), QStringLiteral("aria-selected"),
         QStringLiteral("'Home'"), QStringLiteral("'End'"), QStringLiteral("'ArrowRight'"), QStringLiteral("label: 'Billing'")});
    row("five numbered tabs", ExpertFamily::Tabs, QStringLiteral("a large tab bar called SettingsTabs with five tabs"), QStringLiteral("SettingsTabs"),
        {QStringLiteral("label: 'Tab 5'"), QStringLiteral("tabIndex={active ? 0 : -1}")});
    row("tabs with tricky names", ExpertFamily::Tabs, QStringLiteral("tabs '{a}', '</script>' and 'x'"), QStringLiteral("Tabs"),
        {QStringLiteral("label: '{a}'"), QStringLiteral("label: '</script>'")});
}

void SparkExpertsATest::generates()
{
    QFETCH(ExpertFamily, family);
    QFETCH(QString, prompt);
    QFETCH(QString, name);
    QFETCH(QStringList, tsxHas);
    QFETCH(QStringList, tsxLacks);

    const auto request = readComponentRequest(prompt);
    QVERIFY(request);
    const TokenPalette palette = TokenPalette::builtIn();
    const GeneratedComponent component = expertFor(family).generate(*request, ExpertContext{palette});
    QCOMPARE(component.name, name);
    QCOMPARE(component.family, family);

    const QString dir = name + QLatin1Char('/');
    QStringList paths;
    for (const GeneratedFile &file : component.files)
        paths << file.path;
    const QStringList expectedPaths{dir + name + QStringLiteral(".tsx"), dir + name + QStringLiteral(".module.css"),
                                    dir + name + QStringLiteral(".stories.tsx"), dir + QStringLiteral("index.ts")};
    for (const QString &expected : expectedPaths)
        QVERIFY2(paths.contains(expected), qPrintable(paths.join(u' ')));
    for (const QString &path : std::as_const(paths))
        QVERIFY2(path.startsWith(dir) && !path.contains(QLatin1StringView("..")), qPrintable(path));

    const QString tsx = QString::fromUtf8(contentOf(component, dir + name + QStringLiteral(".tsx")));
    for (const QString &needle : tsxHas)
        QVERIFY2(tsx.contains(needle), qPrintable(needle + QStringLiteral("\n---\n") + tsx));
    for (const GeneratedFile &file : component.files) {
        if (!file.path.endsWith(QLatin1StringView(".tsx")))
            continue;
        for (const QString &needle : tsxLacks)
            QVERIFY2(!QString::fromUtf8(file.content).contains(needle), qPrintable(file.path + QStringLiteral(": ") + needle));
    }

    // The validator's token and accessibility lints find nothing, and the styles use tokens.
    const QStringList findings = lintFindings(component, palette);
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    for (const GeneratedFile &file : component.files) {
        if (file.path.endsWith(QLatin1StringView(".css")))
            QVERIFY2(file.content.contains("var(--"), qPrintable(file.path));
    }

    // Deterministic: a second generation gives the same bytes.
    const GeneratedComponent again = expertFor(family).generate(*request, ExpertContext{palette});
    QCOMPARE(again.files, component.files);

    const QString failure = bundleAndRender(component);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void SparkExpertsATest::cardComposesTheButtonExpertsButtons()
{
    const auto request = readComponentRequest(QStringLiteral("a card with a title, an image and two buttons"));
    QVERIFY(request);
    const TokenPalette palette = TokenPalette::builtIn();
    const GeneratedComponent card = expertFor(ExpertFamily::Card).generate(*request, ExpertContext{palette});
    QCOMPARE(card.composedParts, QStringList{QStringLiteral("Button")});
    const QString tsx = QString::fromUtf8(contentOf(card, QStringLiteral("Card/Card.tsx")));
    QVERIFY(tsx.contains(QLatin1StringView("import { Button } from './Button';")));
    QCOMPARE(tsx.count(QLatin1StringView("<Button ")), 2);
    QVERIFY(tsx.contains(QLatin1StringView("<img ")));
    // The part is the button expert's own output, placed in the card's folder.
    ComponentRequest buttonRequest;
    buttonRequest.name = QStringLiteral("Button");
    buttonRequest.labels = {QStringLiteral("Confirm"), QStringLiteral("Cancel")};
    buttonRequest.count = 2;
    const GeneratedComponent button = expertFor(ExpertFamily::Button).generate(buttonRequest, ExpertContext{palette}, true);
    QCOMPARE(contentOf(card, QStringLiteral("Card/Button.tsx")), contentOf(button, QStringLiteral("Button/Button.tsx")));
    QVERIFY(!contentOf(card, QStringLiteral("Card/Button.module.css")).isEmpty());
    const QString failure = bundleAndRender(card);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void SparkExpertsATest::dialogComposesFieldsAndButtons()
{
    const auto request = readComponentRequest(QStringLiteral("a dialog with two text fields and a select"));
    QVERIFY(request);
    const TokenPalette palette = TokenPalette::builtIn();
    const GeneratedComponent dialog = expertFor(ExpertFamily::Dialog).generate(*request, ExpertContext{palette});
    QCOMPARE(dialog.composedParts, (QStringList{QStringLiteral("TextField"), QStringLiteral("Select"), QStringLiteral("Button")}));
    const QString tsx = QString::fromUtf8(contentOf(dialog, QStringLiteral("Dialog/Dialog.tsx")));
    QCOMPARE(tsx.count(QLatin1StringView("<TextField ")), 2);
    QCOMPARE(tsx.count(QLatin1StringView("<Button ")), 2);
    QVERIFY(tsx.contains(QLatin1StringView("onClick={onClose}>Cancel</Button>")));
    const QString failure = bundleAndRender(dialog);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

QTEST_GUILESS_MAIN(SparkExpertsATest)
#include "spark_experts_a_test.moc"
