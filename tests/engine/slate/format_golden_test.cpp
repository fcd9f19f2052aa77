// SPDX-License-Identifier: Apache-2.0
// Every format of every input in tests/data/slate/input compared byte for byte with
// tests/data/slate/reference. Run with HELIOS_REGENERATE_REFERENCES=1 to rewrite the
// references on purpose (then review the diff in git).
#include "slate/css_formatter.h"
#include "slate/json_formatter.h"
#include "slate/scss_formatter.h"
#include "slate/theme_layers.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/typescript_formatter.h"

#include "slate_test_support.h"
#include "test_config.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::allDiagnostics;

namespace {

const QString inputDir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/input");
const QString referenceDir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/reference");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TokenSet readFiles(const QStringList &names)
{
    TokenReader reader;
    for (const QString &name : names)
        reader.addFile(inputDir + QLatin1Char('/') + name, name);
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    return set;
}

// A line diff (longest common subsequence; reference files are small) in unified style.
QString lineDiff(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> a = expected.split('\n');
    const QList<QByteArray> b = actual.split('\n');
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QString out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            out += QStringLiteral("+%1| %2\n").arg(j + 1, 4).arg(QString::fromUtf8(b[j]));
            ++j;
        } else {
            out += QStringLiteral("-%1| %2\n").arg(i + 1, 4).arg(QString::fromUtf8(a[i]));
            ++i;
        }
    }
    return out;
}

} // namespace

class FormatGoldenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testFormatMatchesReference_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("format");
        const QStringList inputs = QDir(inputDir).entryList({QStringLiteral("*.tokens.json")}, QDir::Files, QDir::Name);
        QVERIFY(!inputs.isEmpty());
        const QStringList formats{QStringLiteral("css"),       QStringLiteral("refs.css"),  QStringLiteral("scss"),
                                  QStringLiteral("refs.scss"), QStringLiteral("ts"),        QStringLiteral("d.ts"),
                                  QStringLiteral("flat.json"), QStringLiteral("nested.json")};
        for (const QString &input : inputs) {
            if (input.count(QLatin1Char('.')) > 2)
                continue; // a theme layer such as theme.dark.tokens.json, read with its base
            const QString base = input.chopped(int(qstrlen(".tokens.json")));
            for (const QString &format : formats)
                QTest::addRow("%s tokens written as %s match the reference", qPrintable(base), qPrintable(format))
                    << base << format;
        }
    }
    void testFormatMatchesReference()
    {
        QFETCH(QString, input);
        QFETCH(QString, format);
        const QString baseFile = input + QStringLiteral(".tokens.json");
        const TokenSet set = readFiles({baseFile});
        QVERIFY2(!set.hasErrors(), qPrintable(allDiagnostics(set)));

        FormatOptions options;
        options.outputReferences = format.startsWith(QStringLiteral("refs."));
        QByteArray actual;
        if (format.endsWith(QStringLiteral("css")) && !format.endsWith(QStringLiteral("scss"))) {
            // Every "<input>.<theme>.tokens.json" becomes a [data-theme="<theme>"] block.
            std::vector<TokenSet> themed;
            std::vector<CssFormatter::ThemeBlock> blocks;
            const QStringList layers = QDir(inputDir).entryList({input + QStringLiteral(".*.tokens.json")}, QDir::Files, QDir::Name);
            themed.reserve(size_t(layers.size()));
            for (const QString &layer : layers) {
                themed.push_back(readFiles({baseFile, layer}));
                QVERIFY2(!themed.back().hasErrors(), qPrintable(allDiagnostics(themed.back())));
                const QString theme = layer.mid(input.size() + 1).chopped(int(qstrlen(".tokens.json")));
                blocks.push_back({QStringLiteral("[data-theme=\"%1\"]").arg(theme), &themed.back(),
                                  ThemeLayers::changedTokens(themed.back(), {layer})});
            }
            actual = CssFormatter::format(set, options, blocks);
        } else if (format.endsWith(QStringLiteral("scss"))) {
            actual = ScssFormatter::format(set, options);
        } else if (format == QStringLiteral("ts")) {
            options.nameCase = NameCase::Camel;
            actual = TypeScriptFormatter::module(set, options);
        } else if (format == QStringLiteral("d.ts")) {
            options.nameCase = NameCase::Camel;
            actual = TypeScriptFormatter::declarations(set, options);
        } else if (format == QStringLiteral("flat.json")) {
            actual = JsonFormatter::flat(set, options);
        } else {
            actual = JsonFormatter::nested(set, options);
        }

        const QString referencePath = referenceDir + QLatin1Char('/') + input + QLatin1Char('.') + format;
        if (qEnvironmentVariableIntValue("HELIOS_REGENERATE_REFERENCES") == 1) {
            QFile f(referencePath);
            QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(referencePath));
            f.write(actual);
            qInfo("regenerated %s", qPrintable(referencePath));
            return;
        }
        const QByteArray expected = readAll(referencePath);
        QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing reference %1; run with HELIOS_REGENERATE_REFERENCES=1").arg(referencePath)));
        if (actual != expected)
            QFAIL(qPrintable(QStringLiteral("%1 differs from its reference (-reference +actual):\n%2")
                                 .arg(referencePath, lineDiff(expected, actual))));
    }

    void testOutputIsByteStable()
    {
        const TokenSet one = readFiles({QStringLiteral("types.tokens.json")});
        const TokenSet two = readFiles({QStringLiteral("types.tokens.json")});
        FormatOptions options;
        QCOMPARE(CssFormatter::format(one, options), CssFormatter::format(two, options));
        QCOMPARE(JsonFormatter::nested(one, options), JsonFormatter::nested(two, options));
    }

    // Outputs are converted to UTF-8 a chunk at a time: one far longer than a chunk, full
    // of characters outside ASCII and of surrogate pairs, comes out whole and valid.
    void testLargeOutputsWithNonAsciiTextAreValidUtf8()
    {
        QByteArray json = "{\"c\": {\"$type\": \"color\"";
        const int count = 3000;
        for (int i = 0; i < count; ++i)
            json += ", \"t\xc3\xb6n" + QByteArray::number(i) + "\": {\"$value\": \"#ff0000\", \"$description\": \"caf\xc3\xa9 \xf0\x9f\x8e\xa8\"}";
        json += "}}";
        TokenReader reader;
        reader.addData(json, QStringLiteral("big.tokens.json"));
        TokenSet set = reader.finish();
        QVERIFY(TokenResolver::resolve(set));
        QCOMPARE(set.size(), qsizetype(count));
        FormatOptions options;
        const QString palette = QStringLiteral("\U0001F3A8");
        const QString name = QStringLiteral("t\u00f6n");
        const std::vector<std::pair<const char *, QByteArray>> outputs{
            {"css", CssFormatter::format(set, options)},
            {"scss", ScssFormatter::format(set, options)},
            {"ts", TypeScriptFormatter::module(set, options)},
            {"json", JsonFormatter::flat(set, options)},
        };
        for (const auto &[format, bytes] : outputs) {
            QVERIFY2(bytes.size() > 64 * 1024, format);
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString text = decoder(bytes);
            QVERIFY2(!decoder.hasError(), format);
            QCOMPARE(text.count(name), qsizetype(count));
            if (qstrcmp(format, "json") != 0)
                QCOMPARE(text.count(palette), qsizetype(count));
            QVERIFY2(text.contains(name + QString::number(count - 1)), format);
        }
    }
};

QTEST_GUILESS_MAIN(FormatGoldenTest)
#include "format_golden_test.moc"
