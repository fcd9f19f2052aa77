// SPDX-License-Identifier: Apache-2.0
#include "core/config.h"
#include "ignis/esbuild_toolchain.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/token_set.h"
#include "spark/token_palette.h"
#include "spark/validation/component_validator.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace helios;
using namespace helios::spark;

namespace {

const char *const goodTsx = R"tsx(import { forwardRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './Card.module.css';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  title: string;
  imageUrl?: string;
}

/** A card; it's made of "tokens only" and a < b never opens a tag. */
export const Card = forwardRef<HTMLElement, CardProps>(({ title, imageUrl, className, children, ...rest }, ref) => {
  const [open, setOpen] = useState<boolean>(false);
  const classes = [styles.root, className].filter(Boolean).join(' ');
  return (
    <article ref={ref} className={classes} {...rest}>
      {imageUrl && <img className={styles.media} src={imageUrl} alt="" />}
      <h2 className={styles.title}>{title}</h2>
      <label htmlFor="card-note">Note</label>
      <input id="card-note" type="text" />
      <label>
        Don't forget <input type="checkbox" />
      </label>
      <div role="tablist" aria-label="Views" onKeyDown={() => setOpen(!open)}>
        <div role="tab" aria-selected={open} tabIndex={0}>Details</div>
      </div>
      <button type="button" className={styles.action} onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} details
      </button>
      <button type="button" aria-label="Close" onClick={() => setOpen(false)}>
        <svg aria-hidden="true" viewBox="0 0 16 16" />
      </button>
      {children}
    </article>
  );
});
Card.displayName = 'Card';
)tsx";

const char *const goodCss = R"css(/* Only token variables. */
.root {
  display: grid;
  gap: var(--space-md);
  padding: var(--space-lg);
  border: 1px solid var(--color-border);
  border-radius: var(--radius-md);
  background-color: var(--color-surface);
  color: var(--color-text);
  transition: background-color var(--duration-fast);
}

.root:focus-visible {
  outline: 2px solid var(--color-focus);
  outline-offset: 2px;
}

.media { width: 100%; border-radius: var(--radius-sm); }
.title { margin: 0; font-size: var(--font-size-md); }
.action { background: transparent; color: currentColor; border: 0; }

@media (min-width: 640px) {
  .root { grid-template-columns: 1fr 2fr; }
}
)css";

const char *const goodStories = R"tsx(import type { ComponentProps } from 'react';
import { Card } from './Card';

const meta = {
  title: 'Components/Card',
  component: Card,
};
export default meta;

type Story = { args: ComponentProps<typeof Card> };

export const Basic: Story = {
  args: { title: 'Plans' },
};
)tsx";

const char *const goodIndex = "export { Card } from './Card';\nexport type { CardProps } from './Card';\n";

GeneratedComponent card(const QString &tsx = QString::fromUtf8(goodTsx), const QString &css = QString::fromUtf8(goodCss))
{
    GeneratedComponent component;
    component.name = QStringLiteral("Card");
    component.family = ExpertFamily::Card;
    component.expert = QStringLiteral("card");
    component.files = {{QStringLiteral("Card/Card.tsx"), tsx.toUtf8()},
                       {QStringLiteral("Card/Card.module.css"), css.toUtf8()},
                       {QStringLiteral("Card/Card.stories.tsx"), QByteArray(goodStories)},
                       {QStringLiteral("Card/index.ts"), QByteArray(goodIndex)}};
    return component;
}

TokenPalette paletteFrom(const char *json)
{
    slate::TokenReader reader;
    reader.addData(QByteArrayView(json, qsizetype(qstrlen(json))), QStringLiteral("test.tokens.json"));
    slate::TokenSet set = reader.finish();
    slate::TokenResolver::resolve(set);
    return TokenPalette::fromTokenSet(set);
}

QList<ValidationIssue> issuesOf(const ValidationReport &report, const QString &check)
{
    QList<ValidationIssue> found;
    for (const ValidationIssue &issue : report.issues) {
        if (issue.check == check)
            found << issue;
    }
    return found;
}

QString describe(const QList<ValidationIssue> &issues)
{
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << QStringLiteral("%1 %2:%3:%4 %5").arg(issue.check, issue.file).arg(issue.line).arg(issue.column).arg(issue.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class ComponentValidatorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ignis::EsbuildToolchain> m_toolchain;

    ValidationReport validate(const GeneratedComponent &component, const TokenPalette &palette = TokenPalette::builtIn())
    {
        return ComponentValidator(*m_toolchain, palette).validate(component);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto toolchain = ignis::EsbuildToolchain::locate(Config::embedded(m_dir.path()), m_dir.path());
        QVERIFY2(toolchain.ok(), qPrintable(toolchain.ok() ? QString() : toolchain.error().toString()));
        m_toolchain = *toolchain;
        QVERIFY(TokenPalette::builtIn().hasType(slate::TokenType::Color));
        QVERIFY(TokenPalette::builtIn().hasType(slate::TokenType::Dimension));
    }

    void aWellMadeComponentPassesEveryCheck()
    {
        const ValidationReport report = validate(card());
        QVERIFY2(report.issues.isEmpty(), qPrintable(describe(report.issues)));
        QVERIFY(report.passed());
    }

    void rawStyleValuesAreFlaggedWithTheirPlace_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("mentions");

        const QString css = QStringLiteral("Card/Card.module.css");
        const QString tsx = QStringLiteral("Card/Card.tsx");
        QTest::newRow("a raw hex colour is flagged with the nearest colour token")
            << css << QStringLiteral(".root {\n  color: #fefefe;\n}\n") << 2 << 10 << QStringLiteral("(#ffffff)");
        QTest::newRow("an rgb() colour is flagged") << css << QStringLiteral(".root {\n  background: rgb(79, 70, 229);\n}\n")
                                                    << 2 << 15 << QStringLiteral("var(--color-primary)");
        QTest::newRow("a named colour is flagged") << css << QStringLiteral(".a { border-color: black; }\n") << 1 << 20
                                                   << QStringLiteral("var(--color-text)");
        QTest::newRow("16px of padding is flagged with the nearest spacing token")
            << css << QStringLiteral(".root {\n  padding: 16px;\n}\n") << 2 << 12 << QStringLiteral("16px");
        QTest::newRow("1rem of margin is flagged") << css << QStringLiteral(".root {\n  margin: 0 1rem;\n}\n") << 2 << 13
                                                   << QStringLiteral("1rem");
        QTest::newRow("em letter spacing is flagged") << css << QStringLiteral(".t {\n\n  letter-spacing: 0.5em;\n}\n") << 3
                                                      << 19 << QStringLiteral("0.5em");
        QTest::newRow("a 1px shadow offset is no hairline border")
            << css << QStringLiteral(".a {\n  box-shadow: 0 1px 0 var(--color-border);\n}\n") << 2 << 17 << QStringLiteral("1px");
        QTest::newRow("a raw colour in an inline style is flagged")
            << tsx << QStringLiteral("export function Card() {\n  return <p style={{ color: '#fff' }}>Hi</p>;\n}\n") << 2 << 30
            << QStringLiteral("var(--color-");
        QTest::newRow("a bare number in an inline style is flagged as px")
            << tsx << QStringLiteral("export function Card() {\n  return <p style={{ opacity: 0.5, padding: 8 }}>Hi</p>;\n}\n")
            << 2 << 45 << QStringLiteral("var(--space-sm)");
    }

    void rawStyleValuesAreFlaggedWithTheirPlace()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, mentions);

        GeneratedComponent component = file.endsWith(QLatin1StringView(".css")) ? card(QString::fromUtf8(goodTsx), text)
                                                                               : card(text);
        const QList<ValidationIssue> issues = issuesOf(validate(component), QStringLiteral("tokens"));
        QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
        QCOMPARE(issues.front().file, file);
        QCOMPARE(issues.front().line, line);
        QCOMPARE(issues.front().column, column);
        QVERIFY(issues.front().error);
        QVERIFY2(issues.front().message.contains(mentions), qPrintable(issues.front().message));
    }

    void valuesTokensCannotHoldAreAllowed_data()
    {
        QTest::addColumn<QString>("css");
        QTest::newRow("a media query keeps its px") << QStringLiteral("@media (max-width: 480px) { .a { display: none; } }");
        QTest::newRow("hairline borders and focus rings may be 1px or 2px")
            << QStringLiteral(".a { border-bottom: 1px solid var(--color-border); outline: 2px solid var(--color-focus); }");
        QTest::newRow("transparent, currentColor and inherit are no raw colours")
            << QStringLiteral(".a { background: transparent; color: currentColor; border-color: inherit; }");
        QTest::newRow("zero, percentages, fr and unitless numbers are fine")
            << QStringLiteral(".a { margin: 0; width: 50%; grid-template-columns: 1fr 2fr; line-height: 1.5; top: 0px; }");
        QTest::newRow("colour words in selectors, names and strings are not values")
            << QStringLiteral(".red:hover { font-family: \"White Rabbit\"; grid-area: navy; content: '#fff'; }");
        QTest::newRow("a data URL is not read as values")
            << QStringLiteral(".a { background-image: url(data:image/png;base64,#fff16px); }");
    }

    void valuesTokensCannotHoldAreAllowed()
    {
        QFETCH(QString, css);
        const QList<ValidationIssue> issues = issuesOf(validate(card(QString::fromUtf8(goodTsx), css)), QStringLiteral("tokens"));
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
    }

    void aPaletteWithoutColourTokensAllowsRawColours()
    {
        const TokenPalette dimensionsOnly = paletteFrom(R"json({"space": {"$type": "dimension", "md": {"$value": "16px"}}})json");
        QVERIFY(!dimensionsOnly.hasType(slate::TokenType::Color));
        const QString css = QStringLiteral(".a {\n  color: #ff0000;\n  background: rgb(0 0 0);\n  padding: 12px;\n}\n");
        const QList<ValidationIssue> issues = issuesOf(validate(card(QString::fromUtf8(goodTsx), css), dimensionsOnly),
                                                       QStringLiteral("tokens"));
        QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
        QCOMPARE(issues.front().line, 4);
        QVERIFY(issues.front().message.contains(QLatin1StringView("var(--space-md)")));

        const QList<ValidationIssue> none = issuesOf(validate(card(QString::fromUtf8(goodTsx), css), TokenPalette{}),
                                                     QStringLiteral("tokens"));
        QVERIFY2(none.isEmpty(), qPrintable(describe(none)));
    }

    void inaccessibleMarkupIsFlaggedAtItsTag_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("a button without a name is flagged")
            << QStringLiteral("<div>\n      <button type=\"button\" onClick={onClose}><svg aria-hidden=\"true\" /></button>\n    </div>")
            << 5 << 7 << QStringLiteral("accessible name");
        QTest::newRow("an image without alt is flagged") << QStringLiteral("<img src=\"/a.png\" />") << 4 << 5
                                                         << QStringLiteral("alt");
        QTest::newRow("an input without a label is flagged")
            << QStringLiteral("<form>\n      <label>Name</label>\n      <input id=\"name\" type=\"text\" />\n    </form>") << 6
            << 7 << QStringLiteral("label");
        QTest::newRow("a clickable div without keyboard support is flagged")
            << QStringLiteral("<div className=\"x\" onClick={onClose}>Close</div>") << 4 << 5 << QStringLiteral("onClick");
        QTest::newRow("a tab role without keyboard handling is flagged")
            << QStringLiteral("<div role=\"tab\" onClick={onClose}>One</div>") << 4 << 5 << QStringLiteral("onKeyDown");
        QTest::newRow("a link without href used as a button is flagged")
            << QStringLiteral("<a onClick={onClose}>Close</a>") << 4 << 5 << QStringLiteral("<button");
    }

    void inaccessibleMarkupIsFlaggedAtItsTag()
    {
        QFETCH(QString, body);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, mentions);

        const QString tsx = QStringLiteral("export function Card({ onClose }: { onClose: () => void }) {\n"
                                           "  // A comment with <button> in it is not markup.\n"
                                           "  return (\n"
                                           "    ") + body + QStringLiteral("\n  );\n}\n");
        const QList<ValidationIssue> issues = issuesOf(validate(card(tsx)), QStringLiteral("a11y"));
        QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
        QCOMPARE(issues.front().file, QStringLiteral("Card/Card.tsx"));
        QCOMPARE(issues.front().line, line);
        QCOMPARE(issues.front().column, column);
        QVERIFY2(issues.front().message.contains(mentions), qPrintable(issues.front().message));
    }

    void aSyntaxErrorIsLocated()
    {
        const QString tsx = QStringLiteral("import styles from './Card.module.css';\n\n"
                                           "export function Card() {\n"
                                           "  return <div className={styles.root}>{1 + </div>;\n"
                                           "}\n");
        const QList<ValidationIssue> issues = issuesOf(validate(card(tsx)), QStringLiteral("compile"));
        QVERIFY2(!issues.isEmpty(), "a syntax error must fail the compile check");
        QCOMPARE(issues.front().file, QStringLiteral("Card/Card.tsx"));
        QCOMPARE(issues.front().line, 4);
        QVERIFY(issues.front().column > 1);
        QVERIFY(issues.front().error);
    }

    void importsFromOutsideTheComponentAreFlagged_data()
    {
        QTest::addColumn<QString>("specifier");
        QTest::newRow("a package other than react is flagged") << QStringLiteral("lodash");
        QTest::newRow("a relative path out of the folder is flagged") << QStringLiteral("../../x");
        QTest::newRow("an absolute path is flagged") << QStringLiteral("/etc/passwd");
    }

    void importsFromOutsideTheComponentAreFlagged()
    {
        QFETCH(QString, specifier);
        const QString tsx = QStringLiteral("import { useState } from 'react';\nimport x from '") + specifier
            + QStringLiteral("';\n\nexport function Card() {\n  useState(x);\n  return <p>Hi</p>;\n}\n");
        const QList<ValidationIssue> issues = issuesOf(validate(card(tsx)), QStringLiteral("compile"));
        bool located = false;
        for (const ValidationIssue &issue : issues)
            located = located || (issue.line == 2 && issue.column == 16 && issue.message.contains(specifier));
        QVERIFY2(located, qPrintable(describe(issues)));
    }

    void oddMarkupNeverCrashesOrHangs_data()
    {
        QTest::addColumn<QString>("tsx");
        QTest::newRow("unbalanced tags and braces") << QStringLiteral("<<<div {{{ '\" ` </ > <button <img alt= {...");
        QTest::newRow("a closing tag with no opening one") << QStringLiteral("export const A = () => </div>;");
        QTest::newRow("an unterminated string and comment") << QStringLiteral("const a = 'x\n/* never closed <input>");
        QTest::newRow("100 KB of nested open tags") << QStringLiteral("export const A = () => (") + QStringLiteral("<div>").repeated(20000);
        QTest::newRow("100 KB of style objects") << QStringLiteral("<p style={{ color: '#fff', ").repeated(4000);
    }

    void oddMarkupNeverCrashesOrHangs()
    {
        QFETCH(QString, tsx);
        QElapsedTimer clock;
        clock.start();
        const ValidationReport report = validate(card(tsx));
        QVERIFY(!report.passed());   // at least esbuild refuses it
        QVERIFY2(clock.elapsed() < 20000, "the lints are linear");
    }

    void filesOutsideTheFolderAreRefusedAndNeverWritten()
    {
        GeneratedComponent component = card();
        component.files.append({QStringLiteral("Card/../../evil.tsx"), QByteArrayLiteral("export const x = 1;\n")});
        component.files.append({QStringLiteral("/tmp/evil.tsx"), QByteArrayLiteral("export const y = 1;\n")});
        const ValidationReport report = validate(component);
        QVERIFY(!report.passed());
        QCOMPARE(issuesOf(report, QStringLiteral("compile")).size(), 2);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/evil.tsx")));
    }
};

QTEST_GUILESS_MAIN(ComponentValidatorTest)
#include "component_validator_test.moc"
