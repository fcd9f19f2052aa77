// SPDX-License-Identifier: Apache-2.0
#include "slate/json_reader.h"
#include "slate/lint/srgb_color.h"
#include "slate/lint/token_linter.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;
using namespace Qt::StringLiterals;

class SrgbColorTest : public QObject {
    Q_OBJECT

    static SrgbColor parse(const QByteArray &json)
    {
        const auto read = JsonReader::parse(json, QStringLiteral("value.json"));
        const auto c = SrgbColor::fromValue(read.root);
        if (!c)
            qFatal("cannot evaluate %s", json.constData());
        return *c;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testContrastRatio_data()
    {
        QTest::addColumn<QString>("foreground");
        QTest::addColumn<QString>("background");
        QTest::addColumn<double>("ratio");
        QTest::newRow("black on white is the maximum of 21") << u"#000"_s << u"#ffffff"_s << 21.0;
        QTest::newRow("white on black is also 21") << u"#fff"_s << u"#000000"_s << 21.0;
        QTest::newRow("a colour on itself is 1") << u"#3366cc"_s << u"#3366cc"_s << 1.0;
        QTest::newRow("grey 777 on white is just under AA") << u"#777"_s << u"#fff"_s << 4.478;
        QTest::newRow("grey 767676 on white just passes AA") << u"#767676"_s << u"#fff"_s << 4.542;
        QTest::newRow("pure red on white") << u"#ff0000"_s << u"#ffffff"_s << 3.998;
        QTest::newRow("an rgb() string is read like hex") << u"rgb(119, 119, 119)"_s << u"#fff"_s << 4.478;
    }
    void testContrastRatio()
    {
        QFETCH(QString, foreground);
        QFETCH(QString, background);
        QFETCH(double, ratio);
        const auto fg = SrgbColor::fromText(foreground);
        const auto bg = SrgbColor::fromText(background);
        QVERIFY(fg && bg);
        const double actual = SrgbColor::contrastRatio(*fg, *bg);
        QVERIFY2(std::abs(actual - ratio) < 0.002, qPrintable(QString::number(actual)));
    }

    void testRatioIsCutNotRounded()
    {
        const double ratio = SrgbColor::contrastRatio(*SrgbColor::fromText(u"#777"), *SrgbColor::fromText(u"#fff"));
        QCOMPARE(TokenLinter::ratioText(ratio), u"4.47"_s);
        QCOMPARE(TokenLinter::ratioText(21.0), u"21.00"_s);
    }

    void testAlphaIsCompositedOverTheBackground_data()
    {
        QTest::addColumn<QString>("foreground");
        QTest::addColumn<QString>("background");
        QTest::addColumn<QString>("sameAs");
        QTest::newRow("half-transparent black on white looks mid grey") << u"#00000080"_s << u"#fff"_s << u"#7f7f7f"_s;
        QTest::newRow("fully transparent text vanishes into the background") << u"#0000"_s << u"#336699"_s << u"#336699"_s;
        QTest::newRow("opaque text is unchanged") << u"#123456ff"_s << u"#fff"_s << u"#123456"_s;
        QTest::newRow("an rgba() alpha composites too") << u"rgba(0, 0, 0, 0.5)"_s << u"#fff"_s << u"#7f7f7f"_s;
    }
    void testAlphaIsCompositedOverTheBackground()
    {
        QFETCH(QString, foreground);
        QFETCH(QString, background);
        QFETCH(QString, sameAs);
        const SrgbColor fg = *SrgbColor::fromText(foreground);
        const SrgbColor bg = *SrgbColor::fromText(background);
        const SrgbColor expected = *SrgbColor::fromText(sameAs);
        const double actual = SrgbColor::contrastRatio(fg, bg);
        const double wanted = SrgbColor::contrastRatio(expected, bg);
        QVERIFY2(std::abs(actual - wanted) < 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(actual).arg(wanted)));
    }

    void testTranslucentBackgroundSitsOnWhite()
    {
        // Black at 0% over white is white; black text on it has the full 21:1.
        const double ratio = SrgbColor::contrastRatio(*SrgbColor::fromText(u"#000"), *SrgbColor::fromText(u"#00000000"));
        QVERIFY(std::abs(ratio - 21.0) < 0.001);
    }

    void testObjectFormsConvertToSrgb_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("hex");
        QTest::newRow("srgb components are taken as they are")
            << QByteArray(R"({"colorSpace": "srgb", "components": [1, 0.5, 0]})") << u"#ff8000"_s;
        QTest::newRow("none counts as zero")
            << QByteArray(R"({"colorSpace": "srgb", "components": [1, "none", 0]})") << u"#ff0000"_s;
        QTest::newRow("srgb-linear is gamma encoded")
            << QByteArray(R"({"colorSpace": "srgb-linear", "components": [0.21586, 0.21586, 0.21586]})") << u"#808080"_s;
        QTest::newRow("hsl takes percentages") << QByteArray(R"({"colorSpace": "hsl", "components": [120, 100, 25]})")
                                               << u"#008000"_s;
        QTest::newRow("hwb pure hue") << QByteArray(R"({"colorSpace": "hwb", "components": [240, 0, 0]})") << u"#0000ff"_s;
        QTest::newRow("lab red (D50)")
            << QByteArray(R"({"colorSpace": "lab", "components": [54.29, 80.82, 69.91]})") << u"#ff0000"_s;
        QTest::newRow("lch red") << QByteArray(R"({"colorSpace": "lch", "components": [54.29, 106.84, 40.85]})")
                                 << u"#ff0000"_s;
        QTest::newRow("oklab red") << QByteArray(R"({"colorSpace": "oklab", "components": [0.62796, 0.22486, 0.12585]})")
                                   << u"#ff0000"_s;
        QTest::newRow("oklch white") << QByteArray(R"({"colorSpace": "oklch", "components": [1, 0, 0]})") << u"#ffffff"_s;
        QTest::newRow("display-p3 white stays white")
            << QByteArray(R"({"colorSpace": "display-p3", "components": [1, 1, 1]})") << u"#ffffff"_s;
        QTest::newRow("rec2020 mid grey stays grey")
            << QByteArray(R"({"colorSpace": "rec2020", "components": [0, 0, 0]})") << u"#000000"_s;
        QTest::newRow("a98 white") << QByteArray(R"({"colorSpace": "a98-rgb", "components": [1, 1, 1]})") << u"#ffffff"_s;
        QTest::newRow("prophoto white")
            << QByteArray(R"({"colorSpace": "prophoto-rgb", "components": [1, 1, 1]})") << u"#ffffff"_s;
        QTest::newRow("xyz-d65 white point")
            << QByteArray(R"({"colorSpace": "xyz-d65", "components": [0.95046, 1, 1.08906]})") << u"#ffffff"_s;
        QTest::newRow("xyz-d50 white point")
            << QByteArray(R"({"colorSpace": "xyz-d50", "components": [0.96430, 1, 0.82510]})") << u"#ffffff"_s;
        QTest::newRow("alpha is kept") << QByteArray(R"({"colorSpace": "srgb", "components": [0, 0, 0], "alpha": 0.5})")
                                       << u"#00000080"_s;
    }
    void testObjectFormsConvertToSrgb()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, hex);
        QCOMPARE(parse(json).hexText(), hex);
    }

    void testGamut_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("inGamut");
        QTest::newRow("hex is always inside sRGB") << QByteArray("\"#ff00ff\"") << true;
        QTest::newRow("display-p3 pure red is outside sRGB")
            << QByteArray(R"({"colorSpace": "display-p3", "components": [1, 0, 0]})") << false;
        QTest::newRow("display-p3 muted red is inside")
            << QByteArray(R"({"colorSpace": "display-p3", "components": [0.6, 0.3, 0.3]})") << true;
        QTest::newRow("oklch with a large chroma is outside")
            << QByteArray(R"({"colorSpace": "oklch", "components": [0.7, 0.4, 150]})") << false;
        QTest::newRow("oklch grey is inside") << QByteArray(R"({"colorSpace": "oklch", "components": [0.5, 0, 0]})")
                                              << true;
        QTest::newRow("srgb components above one are outside")
            << QByteArray(R"({"colorSpace": "srgb", "components": [1.2, 0, 0]})") << false;
        QTest::newRow("rec2020 green is outside") << QByteArray(R"({"colorSpace": "rec2020", "components": [0, 1, 0]})")
                                                  << false;
    }
    void testGamut()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, inGamut);
        QCOMPARE(parse(json).inGamut(), inGamut);
    }

    void testUnreadableColours_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("a hex with a bad digit") << QByteArray("\"#12345g\"");
        QTest::newRow("a hex of five digits") << QByteArray("\"#12345\"");
        QTest::newRow("a CSS function the linter does not evaluate") << QByteArray("\"color-mix(in srgb, red, blue)\"");
        QTest::newRow("an unknown colour space") << QByteArray(R"({"colorSpace": "cmyk", "components": [0, 0, 0]})");
        QTest::newRow("two components") << QByteArray(R"({"colorSpace": "srgb", "components": [0, 0]})");
        QTest::newRow("a number") << QByteArray("12");
    }
    void testUnreadableColours()
    {
        QFETCH(QByteArray, json);
        const auto read = JsonReader::parse(json, QStringLiteral("value.json"));
        QVERIFY(!SrgbColor::fromValue(read.root).has_value());
    }
};

QTEST_GUILESS_MAIN(SrgbColorTest)
#include "srgb_color_test.moc"
