// SPDX-License-Identifier: Apache-2.0
#include "spark/component_request.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

using namespace helios;
using namespace helios::spark;

namespace {

ComponentRequest read(const QString &prompt)
{
    auto result = readComponentRequest(prompt);
    if (!result)
        qWarning("refused: %s", qPrintable(result.error().message));
    return result ? *result : ComponentRequest{};
}

QString flags(const ComponentRequest &r)
{
    QStringList out;
    if (r.disabled) out << QStringLiteral("disabled");
    if (r.loading) out << QStringLiteral("loading");
    if (r.required) out << QStringLiteral("required");
    if (r.dismissible) out << QStringLiteral("dismissible");
    if (r.searchable) out << QStringLiteral("searchable");
    if (r.multiple) out << QStringLiteral("multiple");
    if (r.sortable) out << QStringLiteral("sortable");
    if (r.withIcon) out << QStringLiteral("icon");
    if (r.withImage) out << QStringLiteral("image");
    return out.join(u',');
}

QString partsText(const ComponentRequest &r)
{
    QStringList out;
    for (const ComposedPart &part : r.parts)
        out << QStringLiteral("%1x%2%3").arg(QString(familyInfo(part.family).id)).arg(part.count)
                   .arg(part.labels.isEmpty() ? QString() : QLatin1Char('[') + part.labels.join(u'|') + QLatin1Char(']'));
    return out.join(u' ');
}

} // namespace

class ComponentRequestTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void names_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("name");
        QTest::newRow("called X names the component") << QStringLiteral("a button called Submit with an icon") << QStringLiteral("Submit");
        QTest::newRow("named with several words becomes PascalCase") << QStringLiteral("a card named profile summary for users") << QStringLiteral("ProfileSummary");
        QTest::newRow("a quoted name is one name") << QStringLiteral("a dialog called 'confirm delete'") << QStringLiteral("ConfirmDelete");
        QTest::newRow("a capitalised word before component is the name") << QStringLiteral("a ProfileCard component with an avatar") << QStringLiteral("ProfileCard");
        QTest::newRow("capitalised words before widget are joined") << QStringLiteral("an Order Summary widget") << QStringLiteral("OrderSummary");
        QTest::newRow("a lower-case word before component is no name") << QStringLiteral("a button component") << QString();
        QTest::newRow("no name leaves it empty") << QStringLiteral("a primary button") << QString();
        QTest::newRow("punctuation and non-ASCII are dropped from a name") << QStringLiteral("a tab bar called Café-Menü!") << QStringLiteral("CafMen");
        QTest::newRow("leading digits are dropped from a name") << QStringLiteral("a card named 42things") << QStringLiteral("Things");
        QTest::newRow("called after a column count names the component") << QStringLiteral("a grid with 3 columns called GalleryGrid") << QStringLiteral("GalleryGrid");
        QTest::newRow("named after tabs names the component") << QStringLiteral("two tabs named SettingsTabs") << QStringLiteral("SettingsTabs");
        QTest::newRow("a name is at most 64 characters") << QStringLiteral("a card called ") + QString(100, u'x') << QStringLiteral("X") + QString(63, u'x');
    }
    void names()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, name);
        QCOMPARE(read(prompt).name, name);
    }

    void texts_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("description");
        QTest::newRow("single-quoted labels in order") << QStringLiteral("a button group with 'Save' and 'Cancel'") << QStringList{QStringLiteral("Save"), QStringLiteral("Cancel")} << QString() << QString();
        QTest::newRow("double and curly quotes are labels too") << QStringLiteral("a menu with \"Open file\" and \u201CClose all\u201D") << QStringList{QStringLiteral("Open file"), QStringLiteral("Close all")} << QString() << QString();
        QTest::newRow("an apostrophe inside a word is no quote") << QStringLiteral("a button that doesn't submit, labelled 'Don't'") << QStringList{QStringLiteral("Don't")} << QString() << QString();
        QTest::newRow("an unmatched quote is ignored") << QStringLiteral("a button with 'Save") << QStringList{} << QString() << QString();
        QTest::newRow("labelled with an unquoted capitalised word") << QStringLiteral("a button labelled Continue") << QStringList{QStringLiteral("Continue")} << QString() << QString();
        QTest::newRow("titled takes the rest of the phrase") << QStringLiteral("a dialog titled Delete account with two buttons") << QStringList{} << QStringLiteral("Delete account") << QString();
        QTest::newRow("with the title takes a quoted title") << QStringLiteral("a card with the title 'Monthly plan' and an image") << QStringList{} << QStringLiteral("Monthly plan") << QString();
        QTest::newRow("a title without text is no title") << QStringLiteral("a card with a title, an image and two buttons") << QStringList{} << QString() << QString();
        QTest::newRow("saying gives the description") << QStringLiteral("an alert saying 'Your changes were saved'") << QStringList{} << QString() << QStringLiteral("Your changes were saved");
        QTest::newRow("with the text gives the description") << QStringLiteral("a toast with the text \"Copied\"") << QStringList{} << QString() << QStringLiteral("Copied");
    }
    void texts()
    {
        QFETCH(QString, prompt);
        QFETCH(QStringList, labels);
        QFETCH(QString, title);
        QFETCH(QString, description);
        const ComponentRequest r = read(prompt);
        QCOMPARE(r.labels, labels);
        QCOMPARE(r.title, title);
        QCOMPARE(r.description, description);
    }

    void lists_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<int>("count");
        QTest::newRow("tabs with three names") << QStringLiteral("tabs Overview, Billing and Settings") << QStringList{QStringLiteral("Overview"), QStringLiteral("Billing"), QStringLiteral("Settings")} << QStringList{} << 0;
        QTest::newRow("links with commas only") << QStringLiteral("a navbar with links Home, Docs, Blog") << QStringList{QStringLiteral("Home"), QStringLiteral("Docs"), QStringLiteral("Blog")} << QStringList{} << 0;
        QTest::newRow("a list stops at an article") << QStringLiteral("a navbar with links Home, Docs and a search box") << QStringList{QStringLiteral("Home"), QStringLiteral("Docs")} << QStringList{} << 0;
        QTest::newRow("options after a colon, lower case") << QStringLiteral("a select with options: red, green or blue") << QStringList{QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")} << QStringList{} << 0;
        QTest::newRow("quoted options") << QStringLiteral("a radio group with options 'Yes', 'No'") << QStringList{QStringLiteral("Yes"), QStringLiteral("No")} << QStringList{} << 0;
        QTest::newRow("a single lower-case word is no list") << QStringLiteral("a select with options for country") << QStringList{} << QStringList{} << 0;
        QTest::newRow("columns after a colon") << QStringLiteral("a table with columns: id, name and email") << QStringList{} << QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email")} << 0;
        QTest::newRow("columns of several words") << QStringLiteral("a sortable table with columns Order date, Total and Customer name") << QStringList{} << QStringList{QStringLiteral("Order date"), QStringLiteral("Total"), QStringLiteral("Customer name")} << 0;
        QTest::newRow("columns named by a list stay columns") << QStringLiteral("a table with columns named Name, Email and Role") << QStringList{} << QStringList{QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("Role")} << 0;
        QTest::newRow("a digit count") << QStringLiteral("a table with 4 columns") << QStringList{} << QStringList{} << 4;
        QTest::newRow("a word count") << QStringLiteral("three tabs") << QStringList{} << QStringList{} << 3;
        QTest::newRow("a hyphenated count") << QStringLiteral("a 3-column grid") << QStringList{} << QStringList{} << 3;
        QTest::newRow("twelve is the largest count word") << QStringLiteral("pagination with twelve pages") << QStringList{} << QStringList{} << 12;
        QTest::newRow("a part's count is not the component's") << QStringLiteral("a card with two buttons") << QStringList{} << QStringList{} << 0;
        QTest::newRow("a huge digit string is no count") << QStringLiteral("a list with 99999999999 items") << QStringList{} << QStringList{} << 0;
    }
    void lists()
    {
        QFETCH(QString, prompt);
        QFETCH(QStringList, items);
        QFETCH(QStringList, columns);
        QFETCH(int, count);
        const ComponentRequest r = read(prompt);
        QCOMPARE(r.items, items);
        QCOMPARE(r.columns, columns);
        QCOMPARE(r.count, count);
    }

    void subjects_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("subject");
        QTest::newRow("for names what a switch controls") << QStringLiteral("a switch for dark mode") << QStringLiteral("dark mode");
        QTest::newRow("on names what a tooltip is attached to") << QStringLiteral("a tooltip on the delete button") << QStringLiteral("delete button");
        QTest::newRow("for before a list is the list's") << QStringLiteral("tabs for Overview, Billing and Settings") << QString();
        QTest::newRow("for inside a part is the part's") << QStringLiteral("a card with a button for checkout") << QString();
        QTest::newRow("nothing after for is no subject") << QStringLiteral("a button for") << QString();
    }
    void subjects()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, subject);
        QCOMPARE(read(prompt).subject, subject);
    }

    void states_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QStringList>("variants");
        QTest::addColumn<QStringList>("sizes");
        QTest::newRow("a disabled loading button") << QStringLiteral("a small primary button, disabled and loading") << QStringLiteral("disabled,loading") << QStringList{QStringLiteral("primary")} << QStringList{QStringLiteral("sm")};
        QTest::newRow("required text field") << QStringLiteral("a required email text field") << QStringLiteral("required") << QStringList{} << QStringList{};
        QTest::newRow("closable is dismissible") << QStringLiteral("a closable warning alert") << QStringLiteral("dismissible") << QStringList{QStringLiteral("warning")} << QStringList{};
        QTest::newRow("a close button is dismissible, not a part") << QStringLiteral("a dialog with a close button") << QStringLiteral("dismissible") << QStringList{} << QStringList{};
        QTest::newRow("searchable multi-select") << QStringLiteral("a searchable multi-select combobox") << QStringLiteral("searchable,multiple") << QStringList{} << QStringList{};
        QTest::newRow("sortable with icons") << QStringLiteral("a sortable table with icons") << QStringLiteral("sortable,icon") << QStringList{} << QStringList{};
        QTest::newRow("avatar and photo are images") << QStringLiteral("a card with an avatar") << QStringLiteral("image") << QStringList{} << QStringList{};
        QTest::newRow("destructive is the danger variant") << QStringLiteral("large destructive and ghost buttons") << QString() << QStringList{QStringLiteral("danger"), QStringLiteral("ghost")} << QStringList{QStringLiteral("lg")};
        QTest::newRow("extra large is xl") << QStringLiteral("an extra large outlined button") << QString() << QStringList{QStringLiteral("outline")} << QStringList{QStringLiteral("xl")};
        QTest::newRow("without an icon is no icon") << QStringLiteral("a button without icon, not disabled") << QString() << QStringList{} << QStringList{};
        QTest::newRow("error text is no variant") << QStringLiteral("a text field with error text") << QString() << QStringList{} << QStringList{};
        QTest::newRow("a title's words are not states") << QStringLiteral("a card titled 'Loading disabled'") << QString() << QStringList{} << QStringList{};
    }
    void states()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, flags);
        QFETCH(QStringList, variants);
        QFETCH(QStringList, sizes);
        const ComponentRequest r = read(prompt);
        QCOMPARE(::flags(r), flags);
        QCOMPARE(r.variants, variants);
        QCOMPARE(r.sizes, sizes);
    }

    void parts_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("parts");
        QTest::newRow("a card with a title, an image and two buttons") << QStringLiteral("a card with a title, an image and two buttons") << QStringLiteral("buttonx2");
        QTest::newRow("a dialog with a text field and two buttons") << QStringLiteral("a dialog with a text field and two buttons") << QStringLiteral("text-fieldx1 buttonx2");
        QTest::newRow("button labels after the part") << QStringLiteral("a dialog with buttons 'Delete' and 'Cancel'") << QStringLiteral("buttonx2[Delete|Cancel]");
        QTest::newRow("labelled after a single button") << QStringLiteral("a card with a primary button labelled 'Buy now'") << QStringLiteral("buttonx1[Buy now]");
        QTest::newRow("radio buttons are a choice, not buttons") << QStringLiteral("a card with radio buttons") << QStringLiteral("choicex2");
        QTest::newRow("the main component is not a part") << QStringLiteral("a button with an icon") << QString();
        QTest::newRow("parts of one family add up") << QStringLiteral("a card with a button and another button") << QStringLiteral("buttonx2");
        QTest::newRow("a select and a checkbox") << QStringLiteral("a form card containing a dropdown and a checkbox") << QStringLiteral("selectx1 choicex1");
    }
    void parts()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, parts);
        QCOMPARE(partsText(read(prompt)), parts);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("says");
        QTest::newRow("an empty prompt") << QString() << QStringLiteral("empty");
        QTest::newRow("only white space") << QStringLiteral(" \n\t ") << QStringLiteral("empty");
        QTest::newRow("punctuation only") << QStringLiteral("?!... ,;: '' \"\" {}") << QStringLiteral("no words");
        QTest::newRow("digits only") << QStringLiteral("123 456") << QStringLiteral("no words");
        QTest::newRow("longer than the limit") << QString(ComponentRequest::maxPromptLength + 1, u'a') << QStringLiteral("characters long");
        QTest::newRow("100 KB") << QString(100 * 1024, u'b') << QStringLiteral("characters long");
    }
    void errors()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, says);
        const auto result = readComponentRequest(prompt);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
    }

    void injectionIsData_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("label");
        QTest::newRow("a script tag") << QStringLiteral("a button labelled '</script><script>alert(1)</script>'") << QStringLiteral("</script><script>alert(1)</script>");
        QTest::newRow("a shell command") << QStringLiteral("a button with \"'; rm -rf / #\"") << QStringLiteral("'; rm -rf / #");
        QTest::newRow("a JSX expression") << QStringLiteral("a tab called \"{alert(1)}\" with 'x{alert(1)}y'") << QStringLiteral("x{alert(1)}y");
        QTest::newRow("a path traversal") << QStringLiteral("a card labelled \"../../etc/passwd\"") << QStringLiteral("../../etc/passwd");
        QTest::newRow("template holes") << QStringLiteral("a button with '@NAME@ ${x}'") << QStringLiteral("@NAME@ ${x}");
    }
    void injectionIsData()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, label);
        const ComponentRequest r = read(prompt);
        QVERIFY(r.labels.contains(label) || r.items.contains(label));
        for (const QChar c : r.name)
            QVERIFY(c.unicode() < 128 && c.isLetterOrNumber());
    }

    void adversarialPromptsAreLinear()
    {
        // Many unmatched quotes, list words and separators: each would cost a rescan of
        // the rest in a careless reader. 2000 characters must read in well under a second.
        const QStringList shapes = {
            QStringLiteral("'a "), QStringLiteral("tabs , "), QStringLiteral("with a button "), QStringLiteral("\u201Ca "),
            QStringLiteral("called "), QStringLiteral("A "), QStringLiteral("columns: x, "),
        };
        for (const QString &shape : shapes) {
            QString prompt;
            while (prompt.size() + shape.size() <= ComponentRequest::maxPromptLength)
                prompt += shape;
            QElapsedTimer timer;
            timer.start();
            const auto result = readComponentRequest(prompt);
            QVERIFY(result);
            QVERIFY2(timer.elapsed() < 1000, qPrintable(shape));
            QVERIFY(result->labels.size() <= 64 && result->items.size() <= 64 && result->columns.size() <= 64);
        }
    }

    void promptIsTrimmedAndControlCharactersAreSpaces()
    {
        const ComponentRequest r = read(QStringLiteral("  a button\x01with 'Go'\n"));
        QCOMPARE(r.prompt, QStringLiteral("a button with 'Go'"));
        QCOMPARE(r.labels, QStringList{QStringLiteral("Go")});
    }
};

QTEST_GUILESS_MAIN(ComponentRequestTest)
#include "component_request_test.moc"
