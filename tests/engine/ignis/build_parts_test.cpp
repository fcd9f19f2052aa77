// SPDX-License-Identifier: Apache-2.0
// The pieces of an IGNIS build that need no esbuild run: reading esbuild's messages,
// code frames, the production HTML page, helios.json and the environment esbuild runs in.
#include "ignis/build_message.h"
#include "ignis/esbuild_messages.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/html_page.h"
#include "ignis/project_config.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::ignis;

namespace {

// What esbuild 0.28 prints with --color=false: two errors and a warning, one with a note.
const char *const SampleStderr =
    "\xe2\x9c\x98 [ERROR] Could not resolve \"nope\"\n"
    "\n"
    "    src/c.tsx:2:7:\n"
    "      2 \xe2\x94\x82 import \"nope\";\n"
    "        \xe2\x95\xb5        ~~~~~~\n"
    "\n"
    "  You can mark the path \"nope\" as external to exclude it from the bundle.\n"
    "\n"
    "\xe2\x96\xb2 [WARNING] Comparison using the \"===\" operator here is always false [equals-negative-zero]\n"
    "\n"
    "    src/a.ts:10:4:\n"
    "      10 \xe2\x94\x82 if (x === -0) {}\n"
    "         \xe2\x95\xb5     ~~~\n"
    "\n"
    "\xe2\x9c\x98 [ERROR] Must use \"outdir\" when there are multiple input files\n"
    "\n"
    "1 warning and 2 errors\n";

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class BuildPartsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void esbuildMessagesAreLocatedOneBased()
    {
        const BuildMessages messages = parseEsbuildMessages(SampleStderr);
        QCOMPARE(messages.size(), 3);
        const BuildMessage &resolve = messages.at(0);
        QVERIFY(resolve.isError());
        QCOMPARE(resolve.file, QStringLiteral("src/c.tsx"));
        QCOMPARE(resolve.line, 2);
        QCOMPARE(resolve.column, 8);  // esbuild's 7 is 0-based
        QCOMPARE(resolve.text, QStringLiteral("Could not resolve \"nope\""));
        QCOMPARE(resolve.lineText, QStringLiteral("import \"nope\";"));
        QCOMPARE(resolve.notes.size(), 1);
        QVERIFY(resolve.notes.first().startsWith(QStringLiteral("You can mark the path")));
        QCOMPARE(resolve.toString(), QStringLiteral("src/c.tsx:2:8: error: Could not resolve \"nope\""));

        const BuildMessage &warning = messages.at(1);
        QVERIFY(!warning.isError());
        QCOMPARE(warning.line, 10);
        QCOMPARE(warning.column, 5);
        QVERIFY(warning.text.endsWith(QStringLiteral("[equals-negative-zero]")));

        const BuildMessage &unlocated = messages.at(2);
        QVERIFY(unlocated.isError());
        QVERIFY(!unlocated.isLocated());
        QCOMPARE(unlocated.toString(), QStringLiteral("error: Must use \"outdir\" when there are multiple input files"));
        QVERIFY(hasErrors(messages));
    }

    void oneShotEsbuildRunsWithoutGarbageCollectionBelowAGibibyte()
    {
        EsbuildToolchain toolchain;
        toolchain.nodeModules = QStringLiteral("/opt/toolchain/node_modules");
        qunsetenv("GOGC");
        qunsetenv("GOMEMLIMIT");
        const QProcessEnvironment oneShot = toolchain.oneShotEnvironment();
        QCOMPARE(oneShot.value(QStringLiteral("GOGC")), QStringLiteral("off"));
        QCOMPARE(oneShot.value(QStringLiteral("GOMEMLIMIT")), QStringLiteral("1GiB"));
        QVERIFY(oneShot.value(QStringLiteral("NODE_PATH")).endsWith(toolchain.nodeModules));
        // A long-lived esbuild (the transform service) collects as usual.
        QVERIFY(!toolchain.processEnvironment().contains(QStringLiteral("GOGC")));
        // The caller's own setting wins.
        qputenv("GOMEMLIMIT", "256MiB");
        const QProcessEnvironment chosen = toolchain.oneShotEnvironment();
        qunsetenv("GOMEMLIMIT");
        QVERIFY(!chosen.contains(QStringLiteral("GOGC")));
        QCOMPARE(chosen.value(QStringLiteral("GOMEMLIMIT")), QStringLiteral("256MiB"));
    }

    void unknownOutputIsNoMessage()
    {
        QVERIFY(parseEsbuildMessages("").isEmpty());
        QVERIFY(parseEsbuildMessages("some banner\n  indented text\n").isEmpty());
    }

    void messagesRoundTripThroughJson()
    {
        const BuildMessages messages = parseEsbuildMessages(SampleStderr);
        const BuildMessages back = messagesFromJson(messagesToJson(messages));
        QCOMPARE(back.size(), messages.size());
        for (int i = 0; i < messages.size(); ++i)
            QCOMPARE(back.at(i).toJson(), messages.at(i).toJson());
    }

    void appendUniqueDropsRepeats()
    {
        BuildMessages into = parseEsbuildMessages(SampleStderr);
        appendUnique(into, parseEsbuildMessages(SampleStderr));
        QCOMPARE(into.size(), 3);
    }

    void codeFrameMarksTheColumn()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("src/a.tsx")), "one\n\ttwo = ;\nthree\n");
        BuildMessage message;
        message.file = QStringLiteral("src/a.tsx");
        message.line = 2;
        message.column = 8;
        const QString frame = codeFrame(dir.path(), message);
        QCOMPARE(frame, QStringLiteral("  1 | one\n> 2 | \ttwo = ;\n    | \t      ^\n  3 | three\n"));

        message.file = QStringLiteral("src/missing.tsx");
        message.lineText = QStringLiteral("const x = ;");
        message.column = 11;
        QCOMPARE(codeFrame(dir.path(), message), QStringLiteral("> 2 | const x = ;\n    |           ^\n"));
        message.line = 0;
        QVERIFY(codeFrame(dir.path(), message).isEmpty());
    }

    void pagePointsAtHashedOutputs()
    {
        HtmlPage page;
        page.entryModule = QStringLiteral("src/main.tsx");
        page.scriptHref = QStringLiteral("assets/main-ABCDEFGH.js");
        page.styleHrefs = {QStringLiteral("assets/main-IJKLMNOP.css")};
        page.tokensHref = QStringLiteral("assets/tokens-01234567.css");
        const QString source = QStringLiteral(
            "<!doctype html><html><head><title>x</title>\n"
            "<link rel=\"stylesheet\" href=\"/tokens.css\" />\n</head><body><div id=\"root\"></div>\n"
            "<script type=\"module\" src=\"./src/main.tsx\"></script></body></html>");
        QString built;
        QString error;
        QVERIFY2(page.rewrite(source, &built, &error), qPrintable(error));
        QVERIFY(built.contains(QStringLiteral("<link rel=\"stylesheet\" href=\"assets/tokens-01234567.css\">")));
        QVERIFY(built.contains(QStringLiteral("src=\"assets/main-ABCDEFGH.js\"")));
        QVERIFY(!built.contains(QStringLiteral("main.tsx")));
        QVERIFY(!built.contains(QStringLiteral("/tokens.css")));
        // The entry's CSS comes after the tokens, inside <head>.
        const qsizetype tokens = built.indexOf(QStringLiteral("tokens-01234567.css"));
        const qsizetype css = built.indexOf(QStringLiteral("main-IJKLMNOP.css"));
        QVERIFY(tokens > 0 && css > tokens && css < built.indexOf(QStringLiteral("</head>")));
    }

    void pageWithoutTokenLinkGetsOne()
    {
        HtmlPage page;
        page.entryModule = QStringLiteral("src/main.tsx");
        page.scriptHref = QStringLiteral("assets/main.js");
        page.tokensHref = QStringLiteral("assets/tokens-1.css");
        QString built;
        QString error;
        QVERIFY(page.rewrite(QStringLiteral("<head></head><script type=module src=\"/src/main.tsx\"></script>"), &built, &error));
        QVERIFY(built.startsWith(QStringLiteral("<head><link rel=\"stylesheet\" href=\"assets/tokens-1.css\">")));
    }

    void pageWithoutEntryScriptIsAnError()
    {
        HtmlPage page;
        page.entryModule = QStringLiteral("src/main.tsx");
        QString built;
        QString error;
        QVERIFY(!page.rewrite(QStringLiteral("<script src=\"/src/other.tsx\"></script>"), &built, &error));
        QVERIFY(error.contains(QStringLiteral("src/main.tsx")));
    }

    void configReadsEntriesAndDefaults()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("src/main.tsx")), "");
        writeFile(dir.filePath(QStringLiteral("src/index.ts")), "");
        writeFile(dir.filePath(QStringLiteral("index.html")), "");
        const ProjectConfig config = ProjectConfig::parse(
            R"({"name": "shop", "build": {"entries": [
                 {"name": "app", "entry": "src/main.tsx", "html": "index.html"},
                 {"name": "lib", "entry": "src/index.ts", "external": ["react"]}]}})",
            dir.path());
        QVERIFY2(!config.hasErrors(), config.messages.isEmpty() ? "" : qPrintable(config.messages.first().toString()));
        QCOMPARE(config.outDir, dir.path() + QStringLiteral("/dist"));
        QCOMPARE(config.entries.size(), 2);
        QVERIFY(config.entries.at(0).hashNames);
        QCOMPARE(config.entries.at(0).outSubdir, QStringLiteral("assets"));
        QVERIFY(!config.entries.at(1).hashNames);
        QCOMPARE(config.entries.at(1).outSubdir, QStringLiteral("lib"));
        QCOMPARE(config.entries.at(1).external, QStringList{QStringLiteral("react")});
        QCOMPARE(config.imageRepository, QStringLiteral("helios/shop"));
        QCOMPARE(config.imageRoot, QStringLiteral("/srv/www"));
    }

    void configErrorsAreLocatedAndAllReported()
    {
        QTemporaryDir dir;
        const ProjectConfig config = ProjectConfig::parse(
            "{\n"
            "  \"name\": \"x\",\n"
            "  \"entires\": [],\n"
            "  \"build\": {\"outDir\": \"../elsewhere\", \"entries\": [\n"
            "    {\"name\": \"App\", \"entry\": \"src/missing.tsx\"},\n"
            "    {\"name\": \"lib\", \"entry\": \"/abs.ts\", \"hashNames\": \"yes\"}]}\n"
            "}\n",
            dir.path());
        QStringList texts;
        for (const BuildMessage &message : config.messages) {
            QCOMPARE(message.file, QStringLiteral("helios.json"));
            QVERIFY2(message.line > 0, qPrintable(message.text));
            texts << QStringLiteral("%1:%2 %3").arg(message.line).arg(message.column).arg(message.text);
        }
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("3:3 unknown key \"entires\"")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("\"outDir\" must be a path inside the project")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("entry name \"App\" must match")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("src/missing.tsx does not exist")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("\"entry\" must be a path inside the project")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("\"hashNames\" must be true or false")), qPrintable(all));
        QCOMPARE(config.messages.size(), 6);
    }

    void brokenJsonAndMissingFileAreErrors()
    {
        QTemporaryDir dir;
        const ProjectConfig broken = ProjectConfig::parse("{\"name\": \"x\",\n  \"build\": }", dir.path());
        QVERIFY(broken.hasErrors());
        QCOMPARE(broken.messages.first().line, 2);

        const ProjectConfig missing = ProjectConfig::read(dir.path());
        QVERIFY(missing.hasErrors());
        QVERIFY(missing.messages.first().text.contains(QStringLiteral("has no helios.json")));
    }
};

QTEST_GUILESS_MAIN(BuildPartsTest)
#include "build_parts_test.moc"
