// SPDX-License-Identifier: Apache-2.0
#include "html_template.h"

#include <QTest>

using helios::server::HtmlTemplate;

class HtmlTemplateTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testRender_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("placeholders are replaced by their values")
            << QStringLiteral("<p>{{a}} and {{b}}</p>") << QStringLiteral("<p>one and two</p>");
        QTest::newRow("a placeholder may repeat")
            << QStringLiteral("{{a}}{{a}}") << QStringLiteral("oneone");
        QTest::newRow("a placeholder without a value becomes empty")
            << QStringLiteral("[{{missing}}]") << QStringLiteral("[]");
        QTest::newRow("CSS braces are plain text")
            << QStringLiteral("@media (x) { :root { a: b; } }")
            << QStringLiteral("@media (x) { :root { a: b; } }");
        QTest::newRow("braces around something that is not a name stay")
            << QStringLiteral("{{ a }} {{A}} {{}} {{a") << QStringLiteral("{{ a }} {{A}} {{}} {{a");
        QTest::newRow("a third brace stays outside the placeholder")
            << QStringLiteral("{{{a}}}") << QStringLiteral("{one}");
    }
    void testRender() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QHash<QString, QString> values{{QStringLiteral("a"), QStringLiteral("one")},
                                             {QStringLiteral("b"), QStringLiteral("two")}};
        QCOMPARE(HtmlTemplate(text).render(values), expected);
    }

    void testValuesAreNeverScannedAgain() {
        const HtmlTemplate page(QStringLiteral("<p>{{user}}</p><div>{{secret}}</div>"));
        const QString out = page.render({{QStringLiteral("user"), QStringLiteral("{{secret}}")},
                                         {QStringLiteral("secret"), QStringLiteral("s")}});
        QCOMPARE(out, QStringLiteral("<p>{{secret}}</p><div>s</div>"));
    }

    void testPlaceholdersAreListedInOrder() {
        const HtmlTemplate page(QStringLiteral("{{b}} x {{a}} {{b}}"));
        QCOMPARE(page.placeholders(),
                 (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")}));
    }

    void testMissingFileIsNotFound() {
        const auto loaded =
            HtmlTemplate::load(QStringLiteral(":/helios/landing/no-such-template.html"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, helios::ErrorCode::NotFound);
    }

    void testCompiledInTemplatesAreThere() {
        const auto page = HtmlTemplate::load(QStringLiteral(":/helios/landing/landing.html"));
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
        const QStringList names = page->placeholders();
        for (const char *name : {"style", "version", "user", "summary", "subsystems"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
    }
};

QTEST_GUILESS_MAIN(HtmlTemplateTest)
#include "html_template_test.moc"
