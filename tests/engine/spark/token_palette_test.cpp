// SPDX-License-Identifier: Apache-2.0
#include "spark/token_palette.h"

#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/token_set.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::spark;

Q_DECLARE_METATYPE(helios::spark::TokenRole)

namespace {

TokenPalette paletteOf(const QByteArray &json, const QString &prefix = {})
{
    slate::TokenReader reader;
    reader.addData(json, QStringLiteral("test.tokens.json"));
    slate::TokenSet set = reader.finish();
    slate::TokenResolver::resolve(set);
    return TokenPalette::fromTokenSet(set, prefix);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Other names than the template's, a scale without size words, and a prefix.
const QByteArray customTokens = "{\n"
        "  \"palette\": {\n"
        "    \"$type\": \"color\",\n"
        "    \"brand\": { \"$value\": \"#0055ff\" },\n"
        "    \"brand-hover\": { \"$value\": \"#0044cc\" },\n"
        "    \"error\": { \"$value\": \"#cc0000\" },\n"
        "    \"ink\": { \"$value\": \"#111111\" },\n"
        "    \"ink-subtle\": { \"$value\": \"#666666\" },\n"
        "    \"paper\": { \"$value\": \"#fafafa\" },\n"
        "    \"line\": { \"$value\": \"#dddddd\" }\n"
        "  },\n"
        "  \"spacing\": {\n"
        "    \"$type\": \"dimension\",\n"
        "    \"1\": { \"$value\": \"2px\" }, \"2\": { \"$value\": \"4px\" }, \"3\": { \"$value\": \"8px\" }, \"4\": { \"$value\": \"12px\" },\n"
        "    \"5\": { \"$value\": \"16px\" }, \"6\": { \"$value\": \"24px\" }, \"7\": { \"$value\": \"32px\" }\n"
        "  },\n"
        "  \"rounded\": { \"$type\": \"dimension\", \"small\": { \"$value\": \"2px\" }, \"pill\": { \"$value\": \"999px\" } },\n"
        "  \"typography\": {\n"
        "    \"fontSize\": {\n"
        "      \"$type\": \"dimension\",\n"
        "      \"body\": { \"$value\": \"15px\" }, \"caption\": { \"$value\": \"12px\" }, \"display\": { \"$value\": \"2rem\" }\n"
        "    }\n"
        "  },\n"
        "  \"stroke\": { \"width\": { \"$type\": \"dimension\", \"thin\": { \"$value\": \"1px\" } } },\n"
        "  \"elevation\": { \"$type\": \"shadow\", \"low\": { \"$value\": { \"color\": \"#00000022\", \"offsetX\": \"0px\", \"offsetY\": \"1px\", \"blur\": \"2px\", \"spread\": \"0px\" } } }\n"
        "}";

} // namespace

class TokenPaletteTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void builtInMapsRolesToTheTemplatesTokens_data()
    {
        QTest::addColumn<TokenRole>("role");
        QTest::addColumn<QString>("css");
        const auto row = [](const char *name, TokenRole role, const char *css) { QTest::newRow(name) << role << QString::fromLatin1(css); };
        row("primary is color.primary", TokenRole::Primary, "var(--color-primary)");
        row("primary hover is color.primary-hover", TokenRole::PrimaryHover, "var(--color-primary-hover)");
        row("on-primary is color.on-primary", TokenRole::OnPrimary, "var(--color-on-primary)");
        row("secondary is color.secondary", TokenRole::Secondary, "var(--color-secondary)");
        row("on-secondary is color.on-secondary", TokenRole::OnSecondary, "var(--color-on-secondary)");
        row("surface is color.surface", TokenRole::Surface, "var(--color-surface)");
        row("text is color.text, not text-muted", TokenRole::Text, "var(--color-text)");
        row("muted text is color.text-muted", TokenRole::TextMuted, "var(--color-text-muted)");
        row("border is color.border", TokenRole::Border, "var(--color-border)");
        row("focus is color.focus", TokenRole::Focus, "var(--color-focus)");
        row("the smallest space is space.xs", TokenRole::SpaceXs, "var(--space-xs)");
        row("the middle space is space.md", TokenRole::SpaceMd, "var(--space-md)");
        row("the largest space is space.xl", TokenRole::SpaceXl, "var(--space-xl)");
        row("small radius is radius.sm", TokenRole::RadiusSm, "var(--radius-sm)");
        row("a full radius falls back to the largest radius", TokenRole::RadiusFull, "var(--radius-md)");
        row("small type is font.size.sm", TokenRole::FontSizeSm, "var(--font-size-sm)");
        row("large type falls back to the nearest type size", TokenRole::FontSizeLg, "var(--font-size-md)");
        row("body font is font.family.body", TokenRole::FontFamilyBody, "var(--font-family-body)");
        row("heading font falls back to the body font", TokenRole::FontFamilyHeading, "var(--font-family-body)");
        row("regular weight is font.weight.regular", TokenRole::FontWeightRegular, "var(--font-weight-regular)");
        row("bold weight is the nearest weight, semibold", TokenRole::FontWeightBold, "var(--font-weight-semibold)");
        row("fast is duration.fast", TokenRole::DurationFast, "var(--duration-fast)");
        row("no shadow tokens: none", TokenRole::Shadow, "none");
        row("no border width token: a 1px hairline, never a spacing step", TokenRole::BorderWidth, "1px");
        row("the surface alternative is the nearest colour", TokenRole::SurfaceAlt, "var(--color-surface)");
        row("focus-less hover needs no literal: primary hover exists", TokenRole::PrimaryHover, "var(--color-primary-hover)");
    }
    void builtInMapsRolesToTheTemplatesTokens()
    {
        QFETCH(TokenRole, role);
        QFETCH(QString, css);
        QCOMPARE(TokenPalette::builtIn().css(role), css);
    }

    void builtInHasTheTemplatesTokensResolved()
    {
        const TokenPalette palette = TokenPalette::builtIn();
        QCOMPARE(palette.tokens().size(), 23);
        const PaletteToken *primary = palette.token(TokenRole::Primary);
        QVERIFY(primary);
        QCOMPARE(primary->path, QStringLiteral("color.primary"));
        QCOMPARE(primary->resolvedCss, QStringLiteral("#4f46e5"));
        QCOMPARE(palette.token(TokenRole::Focus)->resolvedCss, QStringLiteral("#4f46e5"));
        QCOMPARE(palette.token(TokenRole::SpaceMd)->resolvedCss, QStringLiteral("12px"));
        QVERIFY(palette.hasType(slate::TokenType::Color));
        QVERIFY(!palette.hasType(slate::TokenType::Shadow));
        // Every colour role has a token: a literal colour would fail the token lint.
        for (int role = int(TokenRole::Primary); role <= int(TokenRole::Overlay); ++role)
            QVERIFY2(palette.token(TokenRole(role)), qPrintable(QString::number(role)));
    }

    void customNamesAndPrefix_data()
    {
        QTest::addColumn<TokenRole>("role");
        QTest::addColumn<QString>("css");
        const auto row = [](const char *name, TokenRole role, const char *css) { QTest::newRow(name) << role << QString::fromLatin1(css); };
        row("brand is the primary colour", TokenRole::Primary, "var(--hx-palette-brand)");
        row("brand-hover is the hover colour", TokenRole::PrimaryHover, "var(--hx-palette-brand-hover)");
        row("error is the danger colour", TokenRole::Danger, "var(--hx-palette-error)");
        row("ink is the text colour", TokenRole::Text, "var(--hx-palette-ink)");
        row("ink-subtle is the muted text", TokenRole::TextMuted, "var(--hx-palette-ink-subtle)");
        row("paper is the surface", TokenRole::Surface, "var(--hx-palette-paper)");
        row("line is the border", TokenRole::Border, "var(--hx-palette-line)");
        row("focus without a token is the primary colour", TokenRole::Focus, "var(--hx-palette-brand)");
        row("the smallest of a numbered scale is xs", TokenRole::SpaceXs, "var(--hx-spacing-1)");
        row("the middle of a numbered scale is md", TokenRole::SpaceMd, "var(--hx-spacing-4)");
        row("the largest of a numbered scale is xl", TokenRole::SpaceXl, "var(--hx-spacing-7)");
        row("small radius by its word", TokenRole::RadiusSm, "var(--hx-rounded-small)");
        row("pill is the full radius", TokenRole::RadiusFull, "var(--hx-rounded-pill)");
        row("body is the middle type size", TokenRole::FontSizeMd, "var(--hx-typography-font-size-body)");
        row("the largest heading size is nearest by value", TokenRole::FontSizeXl, "var(--hx-typography-font-size-display)");
        row("a stroke width is the border width", TokenRole::BorderWidth, "var(--hx-stroke-width-thin)");
        row("the only shadow is the shadow", TokenRole::Shadow, "var(--hx-elevation-low)");
    }
    void customNamesAndPrefix()
    {
        QFETCH(TokenRole, role);
        QFETCH(QString, css);
        QCOMPARE(paletteOf(customTokens, QStringLiteral("hx")).css(role), css);
    }

    void literalsOnlyWhereNoTokenOfTheTypeExists()
    {
        const TokenPalette palette = paletteOf("{\"c\": {\"$type\": \"color\", \"accent\": {\"$value\": \"#ff0000\"}}}");
        QVERIFY(palette.hasType(slate::TokenType::Color));
        QVERIFY(!palette.hasType(slate::TokenType::Dimension));
        // Colours: the one token serves every role.
        QCOMPARE(palette.css(TokenRole::Primary), QStringLiteral("var(--c-accent)"));
        QCOMPARE(palette.css(TokenRole::Danger), QStringLiteral("var(--c-accent)"));
        QCOMPARE(palette.css(TokenRole::Surface), QStringLiteral("var(--c-accent)"));
        // No dimension, font or duration tokens: neutral literals.
        QVERIFY(!palette.token(TokenRole::SpaceMd));
        QCOMPARE(palette.css(TokenRole::SpaceMd), QStringLiteral("1rem"));
        QCOMPARE(palette.css(TokenRole::RadiusFull), QStringLiteral("9999px"));
        QCOMPARE(palette.css(TokenRole::FontFamilyBody), QStringLiteral("system-ui, sans-serif"));
        QCOMPARE(palette.css(TokenRole::FontWeightBold), QStringLiteral("700"));
        QCOMPARE(palette.css(TokenRole::DurationFast), QStringLiteral("120ms"));

        const TokenPalette empty = paletteOf("{}");
        QVERIFY(!empty.hasType(slate::TokenType::Color));
        QCOMPARE(empty.css(TokenRole::Primary), QStringLiteral("Highlight"));
        QCOMPARE(empty.css(TokenRole::Text), QStringLiteral("CanvasText"));
    }

    void deprecatedAndUnresolvedTokensAreNotChosen()
    {
        const TokenPalette palette = paletteOf("{\"color\": {\"$type\": \"color\",\n"
        "            \"primary\": {\"$value\": \"#000000\", \"$deprecated\": true},\n"
        "            \"brand\": {\"$value\": \"#123456\"},\n"
        "            \"broken\": {\"$value\": \"{color.missing}\"}}}");
        QCOMPARE(palette.css(TokenRole::Primary), QStringLiteral("var(--color-brand)"));
        for (const PaletteToken &token : palette.tokens())
            QVERIFY(token.path != QLatin1StringView("color.broken"));
    }

    void fromProjectUsesTheCssPlatformsPrefix()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("helios.json")), "{\"name\": \"p\", \"tokens\": \"tokens/tokens.config.json\"}"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tokens/tokens.config.json")),
                          "{\"source\": [\"*.tokens.json\"], \"platforms\": {\"css\": {\"format\": \"css\", \"destination\": \"../dist/t.css\", \"options\": {\"prefix\": \"acme\"}}}}"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tokens/base.tokens.json")), customTokens));
        const auto palette = TokenPalette::fromProject(dir.path());
        QVERIFY2(palette, palette ? "" : qPrintable(palette.error().message));
        QCOMPARE(palette->css(TokenRole::Primary), QStringLiteral("var(--acme-palette-brand)"));
    }

    void fromProjectReportsProblems()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto missing = TokenPalette::fromProject(dir.path());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        QVERIFY(writeFile(dir.filePath(QStringLiteral("helios.json")), "{\"name\": \"p\", \"tokens\": \"tokens.config.json\"}"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tokens.config.json")), "{\"source\": [\"a.tokens.json\"], \"platforms\": {\"css\": {\"format\": \"css\", \"destination\": \"t.css\"}}}"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.tokens.json")), "{\"c\": {\"$type\": \"color\", \"x\": {\"$value\": \"{c.nope}\"}}}"));
        auto broken = TokenPalette::fromProject(dir.path());
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(broken.error().message.contains(QLatin1StringView("do not resolve")), qPrintable(broken.error().message));
    }
};

QTEST_GUILESS_MAIN(TokenPaletteTest)
#include "token_palette_test.moc"
