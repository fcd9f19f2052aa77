// SPDX-License-Identifier: Apache-2.0
#include "landing_page_renderer.h"

#include <QRegularExpression>
#include <QTest>

using namespace helios::server;

namespace {

LandingPageModel sampleModel() {
    LandingPageModel model;
    model.version = QStringLiteral("0.1.0");
    model.subsystems = defaultSubsystems();
    const SubsystemHealth healths[] = {SubsystemHealth::Up,      SubsystemHealth::Up,
                                       SubsystemHealth::Down,    SubsystemHealth::Up,
                                       SubsystemHealth::Unknown, SubsystemHealth::Up};
    for (qsizetype i = 0; i < model.subsystems.size(); ++i)
        model.subsystems[i].health = healths[i];
    return model;
}

QString render(const LandingPageModel &model) {
    return QString::fromUtf8(LandingPageRenderer::render(model));
}

// The <li> of one subsystem, from its start tag to its end tag.
QString elementOf(const QString &html, const QString &name) {
    const qsizetype start = html.indexOf(QStringLiteral("data-subsystem=\"%1\"").arg(name));
    if (start < 0)
        return {};
    const qsizetype open = html.lastIndexOf(QStringLiteral("<li"), start);
    const qsizetype close = html.indexOf(QStringLiteral("</li>"), start);
    return html.mid(open, close - open);
}

} // namespace

class LandingPageRendererTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testEverySubsystemHasNameAndHealthAttributes() {
        const QString html = render(sampleModel());
        const QStringList names{QStringLiteral("landing"),  QStringLiteral("slate"),
                                QStringLiteral("ignition"), QStringLiteral("spark"),
                                QStringLiteral("ignis"),    QStringLiteral("waypoint")};
        const QStringList healths{QStringLiteral("up"),      QStringLiteral("up"),
                                  QStringLiteral("down"),    QStringLiteral("up"),
                                  QStringLiteral("unknown"), QStringLiteral("up")};
        static const QRegularExpression item(
            QStringLiteral("<li [^>]*data-subsystem=\"([a-z]+)\" data-health=\"([a-z]+)\""));
        QStringList seenNames, seenHealths;
        for (auto it = item.globalMatch(html); it.hasNext();) {
            const auto match = it.next();
            seenNames << match.captured(1);
            seenHealths << match.captured(2);
        }
        QCOMPARE(seenNames, names);
        QCOMPARE(seenHealths, healths);
    }

    void testHealthIsSpelledOutInText_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("label");
        QTest::newRow("an up subsystem says Up") << QStringLiteral("slate") << QStringLiteral("Up");
        QTest::newRow("a down subsystem says Down")
            << QStringLiteral("ignition") << QStringLiteral("Down");
        QTest::newRow("an unchecked subsystem says Unknown")
            << QStringLiteral("ignis") << QStringLiteral("Unknown");
    }
    void testHealthIsSpelledOutInText() {
        QFETCH(QString, name);
        QFETCH(QString, label);
        const QString element = elementOf(render(sampleModel()), name);
        QVERIFY2(!element.isEmpty(), qPrintable(name));
        // The visible text, with the decorative mark and tags removed.
        static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
        QString text = element;
        text.remove(QRegularExpression(QStringLiteral("<span class=\"health-mark\"[^<]*</span>")));
        text.remove(tags);
        QVERIFY2(text.simplified().contains(QStringLiteral("Status ") + label),
                 qPrintable(text.simplified()));
        QVERIFY2(element.contains(QStringLiteral("aria-hidden=\"true\"")),
                 "the mark is decoration only");
    }

    void testSubsystemsAreLinkedWithTitleAndPort() {
        const QString element = elementOf(render(sampleModel()), QStringLiteral("slate"));
        QVERIFY2(element.contains(QStringLiteral("<a href=\"/api/slate/\">SLATE</a>")),
                 qPrintable(element));
        QVERIFY2(element.contains(QStringLiteral("<dd>3001</dd>")), qPrintable(element));
        QVERIFY(element.contains(QStringLiteral("<h2 id=\"subsystem-slate\">")));
    }

    void testPageStructureIsAccessible() {
        const QString html = render(sampleModel());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("<header")));
        QVERIFY(html.contains(QStringLiteral("<main id=\"main\">")));
        QVERIFY(html.contains(QStringLiteral("<nav aria-label=\"Subsystems\">")));
        QVERIFY(html.contains(QStringLiteral("<footer")));
        QCOMPARE(html.count(QStringLiteral("<h1>")), 1);
        QCOMPARE(html.count(QStringLiteral("<h2 ")), 6);
        QVERIFY2(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive),
                 "the page needs no script");
        QVERIFY(html.contains(QStringLiteral("prefers-color-scheme: dark")));
        QVERIFY(html.contains(QStringLiteral(
            "<p class=\"summary\" role=\"status\">4 of 6 subsystems up, 1 down, 1 unknown</p>")));
        QVERIFY2(!html.contains(QStringLiteral("{{")), "every placeholder is filled");
    }

    void testSignedOutVisitorSeesNotSignedIn() {
        const QString html = render(sampleModel());
        QVERIFY(html.contains(QStringLiteral("Not signed in")));
        QVERIFY(!html.contains(QStringLiteral("Signed in as")));
    }

    void testSignedInUserIsShownWithRole() {
        LandingPageModel model = sampleModel();
        model.user = LandingUser{QStringLiteral("ada@example.org"), QStringLiteral("developer")};
        const QString html = render(model);
        QVERIFY(html.contains(
            QStringLiteral("Signed in as <strong class=\"subject\">ada@example.org</strong>")));
        QVERIFY(html.contains(QStringLiteral("(developer)")));
        QVERIFY(!html.contains(QStringLiteral("Not signed in")));
    }

    void testHostileTextIsEscaped_data() {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("a script element")
            << QStringLiteral("<script>alert(1)</script>")
            << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
        QTest::newRow("an attribute breakout with double quotes")
            << QStringLiteral("\"><img src=x onerror=alert(1)>")
            << QStringLiteral("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        QTest::newRow("an attribute breakout with single quotes")
            << QStringLiteral("' onmouseover='alert(1)")
            << QStringLiteral("&#39; onmouseover=&#39;alert(1)");
        QTest::newRow("an entity is shown, not decoded")
            << QStringLiteral("&lt;b&gt;") << QStringLiteral("&amp;lt;b&amp;gt;");
        QTest::newRow("a template placeholder stays literal")
            << QStringLiteral("{{subsystems}}{{style}}")
            << QStringLiteral("{{subsystems}}{{style}}");
        QTest::newRow("an argument marker stays literal")
            << QStringLiteral("%1 %2") << QStringLiteral("%1 %2");
    }
    void testHostileTextIsEscaped() {
        QFETCH(QString, payload);
        QFETCH(QString, escaped);
        LandingPageModel model = sampleModel();
        model.user = LandingUser{payload, payload};
        model.version = payload;
        model.subsystems[1].title = payload;
        model.subsystems[1].description = payload;
        model.subsystems[1].detail = payload;
        model.subsystems[2].name = payload;
        const QString html = render(model);
        if (escaped != payload)
            QVERIFY2(!html.contains(payload), qPrintable(html));
        // user subject, role, version, title, description, detail; the name in three attributes.
        QVERIFY2(html.count(escaped) >= 9, qPrintable(QString::number(html.count(escaped))));
        QCOMPARE(html.count(QStringLiteral("<li ")), 6);
        QCOMPARE(html.count(QStringLiteral("<style>")), 1);
    }

    void testOnlyWebLinksAreLinked_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("linked");
        QTest::newRow("an https URL is linked")
            << QStringLiteral("https://slate.example.org:3001/") << true;
        QTest::newRow("an http URL is linked") << QStringLiteral("http://127.0.0.1:3001/") << true;
        QTest::newRow("a path on this server is linked") << QStringLiteral("/api/slate/") << true;
        QTest::newRow("a javascript URL is not") << QStringLiteral("javascript:alert(1)") << false;
        QTest::newRow("a javascript URL in capitals is not")
            << QStringLiteral("JavaScript:alert(1)") << false;
        QTest::newRow("a data URL is not") << QStringLiteral("data:text/html,<b>x</b>") << false;
        QTest::newRow("a scheme-relative URL is not") << QStringLiteral("//evil.example/") << false;
        QTest::newRow("leading space before javascript is not")
            << QStringLiteral(" javascript:alert(1)") << false;
        QTest::newRow("an empty URL is not") << QString() << false;
    }
    void testOnlyWebLinksAreLinked() {
        QFETCH(QString, url);
        QFETCH(bool, linked);
        QCOMPARE(LandingPageRenderer::isSafeLink(url), linked);
        LandingPageModel model = sampleModel();
        model.subsystems[1].url = url;
        const QString element = elementOf(render(model), QStringLiteral("slate"));
        QCOMPARE(element.contains(QStringLiteral("<a href=")), linked);
        QVERIFY(element.contains(QStringLiteral("SLATE")));
    }

    void testEscapeHtml_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain text is unchanged")
            << QStringLiteral("SLATE 3001") << QStringLiteral("SLATE 3001");
        QTest::newRow("the five special characters")
            << QStringLiteral("&<>\"'") << QStringLiteral("&amp;&lt;&gt;&quot;&#39;");
        QTest::newRow("non-ASCII text is kept")
            << QStringLiteral("caf\u00e9 \u2714") << QStringLiteral("caf\u00e9 \u2714");
        QTest::newRow("NUL becomes the replacement character")
            << QString(QChar(0)) << QString(QChar(QChar::ReplacementCharacter));
    }
    void testEscapeHtml() {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(LandingPageRenderer::escapeHtml(text), escaped);
    }

    void testRenderingIsPure() {
        const LandingPageModel model = sampleModel();
        QCOMPARE(LandingPageRenderer::render(model), LandingPageRenderer::render(model));
    }

    void testDefaultSubsystemsAreTheSixInPortOrder() {
        const QList<LandingSubsystem> all = defaultSubsystems();
        QCOMPARE(all.size(), 6);
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(all[i].port, 3000 + int(i));
            QCOMPARE(all[i].health, SubsystemHealth::Unknown);
            QVERIFY(LandingPageRenderer::isSafeLink(all[i].url));
        }
        QCOMPARE(all[0].name, QStringLiteral("landing"));
        QCOMPARE(all[5].title, QStringLiteral("WAYPOINT"));
    }
};

QTEST_GUILESS_MAIN(LandingPageRendererTest)
#include "landing_page_renderer_test.moc"
