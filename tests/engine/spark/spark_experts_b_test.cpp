// SPDX-License-Identifier: Apache-2.0
// The table, list/menu, alert/toast, badge/avatar/tag, hero/section, layout, pagination,
// accordion and tooltip experts: for three requests each, the files and their paths, the
// ARIA pattern's essentials, prompt text escaped, token-only CSS, the same bytes twice,
// and a component that the pinned esbuild bundles and whose stories render with React's
// server renderer under Node.js.
#include "spark/component_request.h"
#include "spark/expert.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"
#include "spark_expert_checks.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace helios::spark;
using namespace helios::spark::test;

Q_DECLARE_METATYPE(helios::spark::ComponentRequest)
Q_DECLARE_METATYPE(helios::spark::ExpertFamily)

namespace {

const QString tricky1 = QStringLiteral("</script>");
const QString tricky2 = QStringLiteral("{x}");

ComponentRequest requestFor(const QString &prompt)
{
    ComponentRequest request;
    request.prompt = prompt;
    return request;
}

QStringList standardFiles(const QString &name)
{
    return {name + QStringLiteral("/") + name + QStringLiteral(".tsx"),
            name + QStringLiteral("/") + name + QStringLiteral(".module.css"),
            name + QStringLiteral("/") + name + QStringLiteral(".stories.tsx"), name + QStringLiteral("/index.ts")};
}

QStringList heroFiles(const QString &name)
{
    return standardFiles(name) + QStringList{name + QStringLiteral("/Button.tsx"), name + QStringLiteral("/Button.module.css")};
}

} // namespace

class SparkExpertsBTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesAnAccessibleComponent_data();
    void writesAnAccessibleComponent();
    void promptsGiveWorkingComponents_data();
    void promptsGiveWorkingComponents();

};

void SparkExpertsBTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!pinnedEsbuild().isEmpty(), "the pinned esbuild is missing: run scripts/setup");
}

void SparkExpertsBTest::writesAnAccessibleComponent_data()
{
    QTest::addColumn<ExpertFamily>("family");
    QTest::addColumn<ComponentRequest>("request");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("aria");     // must appear in Name.tsx
    QTest::addColumn<QStringList>("texts");    // prompt text that must appear, escaped
    QTest::addColumn<QString>("note");         // a note the expert must add ("" for none)

    ComponentRequest r;

    // Table
    r = requestFor(QStringLiteral("a sortable orders table called OrdersTable with columns Order date, Customer, Total"));
    r.name = QStringLiteral("OrdersTable");
    r.columns = QStringList{QStringLiteral("Order date"), QStringLiteral("Customer"), QStringLiteral("Total")};
    r.sortable = true;
    QTest::newRow("a sortable table has sort buttons in its headers")
        << ExpertFamily::Table << r << standardFiles(r.name)
        << QStringList{QStringLiteral("<caption"), QStringLiteral("scope=\"col\""), QStringLiteral("aria-sort="),
                       QStringLiteral("<button type=\"button\"")}
        << r.columns << QString();
    r = requestFor(QStringLiteral("a data table"));
    QTest::newRow("a table without columns gets three defaults and says so")
        << ExpertFamily::Table << r << standardFiles(QStringLiteral("DataTable"))
        << QStringList{QStringLiteral("<caption"), QStringLiteral("scope=\"col\"")}
        << QStringList{QStringLiteral("Name"), QStringLiteral("Status")} << QStringLiteral("3 defaults");
    r = requestFor(QStringLiteral("a loading table with odd columns"));
    r.columns = QStringList{tricky1, tricky2, QStringLiteral("It's")};
    r.loading = true;
    r.title = QStringLiteral("Users & roles");
    QTest::newRow("a loading table escapes its column labels")
        << ExpertFamily::Table << r << standardFiles(QStringLiteral("DataTable"))
        << QStringList{QStringLiteral("aria-busy"), QStringLiteral("role=\"status\"")}
        << QStringList{tricky1, tricky2, QStringLiteral("It's"), QStringLiteral("Users & roles")} << QString();

    // List / menu
    r = requestFor(QStringLiteral("an actions menu named ActionsMenu with Edit, Duplicate and Delete"));
    r.name = QStringLiteral("ActionsMenu");
    r.items = QStringList{QStringLiteral("Edit"), QStringLiteral("Duplicate"), QStringLiteral("Delete")};
    QTest::newRow("a menu is a menu button with menu items and arrow keys")
        << ExpertFamily::List << r << standardFiles(r.name)
        << QStringList{QStringLiteral("role=\"menu\""), QStringLiteral("role=\"menuitem\""),
                       QStringLiteral("aria-haspopup=\"menu\""), QStringLiteral("aria-expanded"),
                       QStringLiteral("'ArrowDown'"), QStringLiteral("'ArrowUp'"), QStringLiteral("'Home'"),
                       QStringLiteral("'End'"), QStringLiteral("'Escape'")}
        << r.items << QString();
    r = requestFor(QStringLiteral("a plain list of five features called FeatureList"));
    r.name = QStringLiteral("FeatureList");
    r.count = 5;
    QTest::newRow("a plain list is a ul of li")
        << ExpertFamily::List << r << standardFiles(r.name)
        << QStringList{QStringLiteral("<ul"), QStringLiteral("<li")} << QStringList{QStringLiteral("Item 5")}
        << QStringLiteral("numbered");
    r = requestFor(QStringLiteral("a dropdown menu with icons"));
    r.items = QStringList{tricky1, tricky2};
    r.withIcon = true;
    QTest::newRow("a menu escapes its item labels")
        << ExpertFamily::List << r << standardFiles(QStringLiteral("Menu"))
        << QStringList{QStringLiteral("role=\"menu\""), QStringLiteral("aria-hidden=\"true\"")}
        << r.items << QString();

    // Alert / toast
    r = requestFor(QStringLiteral("a dismissible error alert"));
    r.variants = QStringList{QStringLiteral("danger")};
    r.dismissible = true;
    QTest::newRow("an alert is assertive with a labelled dismiss button")
        << ExpertFamily::Alert << r << standardFiles(QStringLiteral("Alert"))
        << QStringList{QStringLiteral("role=\"alert\""), QStringLiteral("aria-label={dismissLabel}")}
        << QStringList{QStringLiteral("Dismiss")} << QString();
    r = requestFor(QStringLiteral("a success toast notification"));
    r.variants = QStringList{QStringLiteral("success"), QStringLiteral("sparkly")};
    QTest::newRow("a toast is a polite status")
        << ExpertFamily::Alert << r << standardFiles(QStringLiteral("Toast"))
        << QStringList{QStringLiteral("role=\"status\""), QStringLiteral("aria-live=\"polite\"")} << QStringList{}
        << QStringLiteral("sparkly");
    r = requestFor(QStringLiteral("a closable warning alert"));
    r.title = tricky1;
    r.description = tricky2;
    r.dismissible = true;
    QTest::newRow("an alert escapes its title and text")
        << ExpertFamily::Alert << r << standardFiles(QStringLiteral("Alert"))
        << QStringList{QStringLiteral("role=\"alert\"")} << QStringList{tricky1, tricky2} << QString();

    // Badge / avatar / tag
    r = requestFor(QStringLiteral("a status badge in success, warning and danger"));
    r.variants = QStringList{QStringLiteral("success"), QStringLiteral("warning"), QStringLiteral("danger")};
    QTest::newRow("a badge is a span with variants")
        << ExpertFamily::Badge << r << standardFiles(QStringLiteral("Badge")) << QStringList{QStringLiteral("<span")}
        << QStringList{} << QString();
    r = requestFor(QStringLiteral("a user avatar with a profile image"));
    r.withImage = true;
    QTest::newRow("an avatar has alt text or labelled initials")
        << ExpertFamily::Badge << r << standardFiles(QStringLiteral("Avatar"))
        << QStringList{QStringLiteral("alt={"), QStringLiteral("role=\"img\""), QStringLiteral("aria-label={")}
        << QStringList{} << QString();
    r = requestFor(QStringLiteral("a removable tag"));
    r.labels = QStringList{tricky1, tricky2};
    r.dismissible = true;
    QTest::newRow("a removable tag has a labelled remove button and escapes its label")
        << ExpertFamily::Badge << r << standardFiles(QStringLiteral("Tag"))
        << QStringList{QStringLiteral("<button"), QStringLiteral("aria-label={")} << r.labels << QString();

    // Hero / section
    r = requestFor(QStringLiteral("a hero titled Build faster with two buttons Get started and Learn more"));
    r.title = QStringLiteral("Build faster");
    r.labels = QStringList{QStringLiteral("Get started"), QStringLiteral("Learn more")};
    r.parts = {ComposedPart{ExpertFamily::Button, 2, r.labels}};
    QTest::newRow("a hero composes the button expert's buttons")
        << ExpertFamily::Hero << r << heroFiles(QStringLiteral("Hero"))
        << QStringList{QStringLiteral("<section"), QStringLiteral("aria-labelledby="),
                       QStringLiteral("import { Button } from './Button'")}
        << QStringList{QStringLiteral("Build faster"), QStringLiteral("Get started")} << QString();
    r = requestFor(QStringLiteral("a pricing section called PricingSection"));
    r.name = QStringLiteral("PricingSection");
    QTest::newRow("a section without actions gets two default calls to action")
        << ExpertFamily::Hero << r << heroFiles(r.name) << QStringList{QStringLiteral("aria-labelledby=")}
        << QStringList{} << QStringLiteral("call-to-action");
    r = requestFor(QStringLiteral("a hero with an image"));
    r.title = tricky1;
    r.description = tricky2;
    r.withImage = true;
    QTest::newRow("a hero escapes its heading and text")
        << ExpertFamily::Hero << r << heroFiles(QStringLiteral("Hero")) << QStringList{QStringLiteral("<img")}
        << QStringList{tricky1, tricky2} << QString();

    // Layout
    r = requestFor(QStringLiteral("a vertical stack with a large gap"));
    r.sizes = QStringList{QStringLiteral("lg")};
    QTest::newRow("a stack takes its gap from the space tokens")
        << ExpertFamily::Layout << r << standardFiles(QStringLiteral("Stack"))
        << QStringList{QStringLiteral("direction"), QStringLiteral("gap")} << QStringList{} << QString();
    r = requestFor(QStringLiteral("a 3 column grid"));
    r.count = 3;
    QTest::newRow("a grid has a columns prop")
        << ExpertFamily::Layout << r << standardFiles(QStringLiteral("Grid"))
        << QStringList{QStringLiteral("columns"), QStringLiteral("gridTemplateColumns")} << QStringList{} << QString();
    r = requestFor(QStringLiteral("a grid of cards"));
    r.items = QStringList{tricky1, tricky2};
    QTest::newRow("a grid escapes its sample items")
        << ExpertFamily::Layout << r << standardFiles(QStringLiteral("Grid")) << QStringList{QStringLiteral("columns")}
        << r.items << QString();

    // Pagination
    r = requestFor(QStringLiteral("pagination for 10 pages"));
    r.count = 10;
    QTest::newRow("pagination is a labelled nav with the current page marked")
        << ExpertFamily::Pagination << r << standardFiles(QStringLiteral("Pagination"))
        << QStringList{QStringLiteral("<nav"), QStringLiteral("aria-label={label}"), QStringLiteral("aria-current="),
                       QStringLiteral("disabled={")}
        << QStringList{} << QString();
    r = requestFor(QStringLiteral("a small pager called ResultsPager"));
    r.name = QStringLiteral("ResultsPager");
    r.sizes = QStringList{QStringLiteral("sm")};
    QTest::newRow("a pager without a page count assumes one and says so")
        << ExpertFamily::Pagination << r << standardFiles(r.name) << QStringList{QStringLiteral("aria-current=")}
        << QStringList{} << QStringLiteral("pages");
    r = requestFor(QStringLiteral("pagination with odd labels"));
    r.labels = QStringList{tricky1, tricky2};
    QTest::newRow("pagination escapes its previous and next labels")
        << ExpertFamily::Pagination << r << standardFiles(QStringLiteral("Pagination"))
        << QStringList{QStringLiteral("<nav")} << r.labels << QString();

    // Accordion
    r = requestFor(QStringLiteral("a FAQ accordion with Shipping, Returns and Warranty"));
    r.items = QStringList{QStringLiteral("Shipping"), QStringLiteral("Returns"), QStringLiteral("Warranty")};
    QTest::newRow("an accordion's headers are buttons controlling labelled regions")
        << ExpertFamily::Accordion << r << standardFiles(QStringLiteral("Accordion"))
        << QStringList{QStringLiteral("aria-expanded="), QStringLiteral("aria-controls="),
                       QStringLiteral("role=\"region\""), QStringLiteral("aria-labelledby="),
                       QStringLiteral("'ArrowDown'"), QStringLiteral("'Home'"), QStringLiteral("'End'")}
        << r.items << QString();
    r = requestFor(QStringLiteral("an accordion with four sections that can open together"));
    r.count = 4;
    r.multiple = true;
    QTest::newRow("an accordion may open several panels")
        << ExpertFamily::Accordion << r << standardFiles(QStringLiteral("Accordion"))
        << QStringList{QStringLiteral("multiple")} << QStringList{QStringLiteral("Section 4")} << QString();
    r = requestFor(QStringLiteral("an accordion"));
    r.items = QStringList{tricky1, tricky2};
    r.description = QStringLiteral("Answers & <more>");
    QTest::newRow("an accordion escapes its headings")
        << ExpertFamily::Accordion << r << standardFiles(QStringLiteral("Accordion"))
        << QStringList{QStringLiteral("role=\"region\"")} << r.items << QString();

    // Tooltip
    r = requestFor(QStringLiteral("a tooltip"));
    QTest::newRow("a tooltip describes its trigger and hides on Escape")
        << ExpertFamily::Tooltip << r << standardFiles(QStringLiteral("Tooltip"))
        << QStringList{QStringLiteral("role=\"tooltip\""), QStringLiteral("aria-describedby"), QStringLiteral("'Escape'"),
                       QStringLiteral("onMouseEnter"), QStringLiteral("onFocus")}
        << QStringList{} << QString();
    r = requestFor(QStringLiteral("a tooltip called SaveHint on a Save button saying Saves your changes"));
    r.name = QStringLiteral("SaveHint");
    r.labels = QStringList{QStringLiteral("Save")};
    r.description = QStringLiteral("Saves your changes");
    QTest::newRow("a tooltip names its trigger and text from the prompt")
        << ExpertFamily::Tooltip << r << standardFiles(r.name) << QStringList{QStringLiteral("role=\"tooltip\"")}
        << QStringList{QStringLiteral("Save"), QStringLiteral("Saves your changes")} << QString();
    r = requestFor(QStringLiteral("a tooltip on the delete button"));
    r.subject = QStringLiteral("delete button");
    QTest::newRow("a tooltip's trigger is what it is on")
        << ExpertFamily::Tooltip << r << standardFiles(QStringLiteral("Tooltip")) << QStringList{QStringLiteral("role=\"tooltip\"")}
        << QStringList{QStringLiteral("Delete"), QStringLiteral("More about Delete")} << QString();
    r = requestFor(QStringLiteral("a tooltip with odd text"));
    r.labels = QStringList{tricky2};
    r.description = tricky1;
    QTest::newRow("a tooltip escapes its text")
        << ExpertFamily::Tooltip << r << standardFiles(QStringLiteral("Tooltip"))
        << QStringList{QStringLiteral("role=\"tooltip\"")} << QStringList{tricky1, tricky2} << QString();
}

void SparkExpertsBTest::writesAnAccessibleComponent()
{
    QFETCH(ExpertFamily, family);
    QFETCH(ComponentRequest, request);
    QFETCH(QStringList, files);
    QFETCH(QStringList, aria);
    QFETCH(QStringList, texts);
    QFETCH(QString, note);

    const TokenPalette palette = TokenPalette::builtIn();
    const ExpertContext context{palette};
    const GeneratedComponent component = expertFor(family).generate(request, context);
    const GeneratedComponent again = expertFor(family).generate(request, context);
    QCOMPARE(component.files, again.files);  // deterministic bytes

    QStringList paths;
    for (const GeneratedFile &file : component.files) {
        paths.append(file.path);
        QVERIFY2(!file.content.trimmed().isEmpty(), qPrintable(file.path));
        // Every template hole was filled.
        static const QRegularExpression hole(QStringLiteral("@[A-Za-z0-9_-]+@"));
        QVERIFY2(!hole.match(QString::fromUtf8(file.content)).hasMatch(), qPrintable(file.path));
    }
    QCOMPARE(paths, files);
    QCOMPARE(component.expert, QString(familyInfo(family).id));
    if (!note.isEmpty())
        QVERIFY2(component.notes.join(QLatin1Char('\n')).contains(note), qPrintable(component.notes.join(QLatin1Char('\n'))));

    const QString name = component.name;
    const QString tsx = QString::fromUtf8(contentOf(component, name + QLatin1Char('/') + name + QStringLiteral(".tsx")));
    const QString stories = QString::fromUtf8(contentOf(component, name + QLatin1Char('/') + name + QStringLiteral(".stories.tsx")));
    for (const QString &essential : aria)
        QVERIFY2(tsx.contains(essential), qPrintable(essential));
    for (const QString &text : texts) {
        const bool escaped = tsx.contains(helios::spark::source::stringLiteral(text)) || tsx.contains(helios::spark::source::jsxText(text))
            || stories.contains(helios::spark::source::stringLiteral(text)) || stories.contains(helios::spark::source::jsxText(text));
        QVERIFY2(escaped, qPrintable(QStringLiteral("%1 is not in the sources as a string or JSX text").arg(text)));
    }

    // The validator's token and accessibility lints find nothing.
    const QStringList findings = lintFindings(component, palette);
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));

    const QString failure = bundleAndRender(component);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void SparkExpertsBTest::promptsGiveWorkingComponents_data()
{
    QTest::addColumn<ExpertFamily>("family");
    QTest::addColumn<QString>("prompt");
    const auto add = [](ExpertFamily family, const char *prompt) {
        QTest::newRow(prompt) << family << QString::fromUtf8(prompt);
    };
    add(ExpertFamily::Table, "a sortable table called Orders with columns \"Order date\", \"Customer\", \"Total\"");
    add(ExpertFamily::Table, "a users table with columns Name, Email and Role");
    add(ExpertFamily::Table, "a loading data table with 5 rows");
    add(ExpertFamily::List, "an actions menu with \"Edit\", \"Duplicate\" and \"Delete\"");
    add(ExpertFamily::List, "a list of 4 features");
    add(ExpertFamily::List, "a dropdown menu with icons: Profile, Settings, Sign out");
    add(ExpertFamily::Alert, "a dismissible error alert saying \"Payment failed\"");
    add(ExpertFamily::Alert, "a success toast titled \"Saved\"");
    add(ExpertFamily::Alert, "a warning alert with the text \"</script>{x}\"");
    add(ExpertFamily::Badge, "a danger badge \"New\"");
    add(ExpertFamily::Badge, "an avatar with an image");
    add(ExpertFamily::Badge, "a removable tag \"Design\"");
    add(ExpertFamily::Hero, "a hero titled \"Build faster\" with two buttons \"Start\" and \"Docs\"");
    add(ExpertFamily::Hero, "a pricing section with an image");
    add(ExpertFamily::Hero, "a landing page hero banner");
    add(ExpertFamily::Layout, "a 4 column grid");
    add(ExpertFamily::Layout, "a horizontal stack with a small gap");
    add(ExpertFamily::Layout, "a vertical stack");
    add(ExpertFamily::Pagination, "pagination with 20 pages");
    add(ExpertFamily::Pagination, "a small pager");
    add(ExpertFamily::Pagination, "pagination with \"Prev\" and \"Next\" labels");
    add(ExpertFamily::Accordion, "a FAQ accordion with Shipping, Returns and Warranty");
    add(ExpertFamily::Accordion, "an accordion with 5 sections");
    add(ExpertFamily::Accordion, "an accordion allowing multiple open panels");
    add(ExpertFamily::Tooltip, "a tooltip on a \"Save\" button saying \"Saves your work\"");
    add(ExpertFamily::Tooltip, "a tooltip below the trigger");
    add(ExpertFamily::Tooltip, "a tooltip with \"{x}\" text");
}

void SparkExpertsBTest::promptsGiveWorkingComponents()
{
    QFETCH(ExpertFamily, family);
    QFETCH(QString, prompt);
    const helios::Result<ComponentRequest> request = readComponentRequest(prompt);
    QVERIFY(request.ok());
    const TokenPalette palette = TokenPalette::builtIn();
    const GeneratedComponent component = expertFor(family).generate(*request, ExpertContext{palette});
    QCOMPARE(component.family, family);
    QVERIFY(!component.name.isEmpty());
    for (const GeneratedFile &file : component.files)
        QVERIFY2(file.path.startsWith(component.name + QLatin1Char('/')), qPrintable(file.path));
    const QStringList findings = lintFindings(component, palette);
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    const QString failure = bundleAndRender(component);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

QTEST_GUILESS_MAIN(SparkExpertsBTest)
#include "spark_experts_b_test.moc"
