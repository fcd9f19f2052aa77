// SPDX-License-Identifier: Apache-2.0
// TemplateRenderer: placeholders in contents and paths, escapes, binary files, errors.
#include "ignition/template_renderer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using helios::ignition::RenderedFile;
using helios::ignition::TemplateRenderer;

namespace {

template <typename T>
QString errorText(const helios::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

const QMap<QString, QString> values{{QStringLiteral("name"), QStringLiteral("acme-ui")},
                                    {QStringLiteral("component"), QStringLiteral("Card")}};

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TemplateRendererTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testRenderText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a placeholder is replaced") << QStringLiteral("# {{name}}\n") << QStringLiteral("# acme-ui\n");
        QTest::newRow("spaces inside the braces are allowed")
            << QStringLiteral("<{{ component }}/>") << QStringLiteral("<Card/>");
        QTest::newRow("JSX object literals are not placeholders")
            << QStringLiteral("style={{ color: 'red' }}") << QStringLiteral("style={{ color: 'red' }}");
        QTest::newRow("a backslash escapes the braces")
            << QStringLiteral("\\{{name}} is {{name}}") << QStringLiteral("{{name}} is acme-ui");
        QTest::newRow("an import list around a placeholder")
            << QStringLiteral("import { {{component}} } from './{{component}}';")
            << QStringLiteral("import { Card } from './Card';");
        QTest::newRow("braces across lines are left alone")
            << QStringLiteral("{{\nname}}") << QStringLiteral("{{\nname}}");
    }
    void testRenderText()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto r = TemplateRenderer(values).renderText(text, QStringLiteral("f.txt"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        QCOMPARE(r.value(), expected);
    }

    void testUnknownPlaceholdersNameFileAndLine()
    {
        const auto r = TemplateRenderer(values).renderText(QStringLiteral("ok {{name}}\n\nbad {{colour}}\n{{size}}"),
                                                           QStringLiteral("src/a.tsx"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().context, QStringLiteral("src/a.tsx:3"));
        QVERIFY2(r.error().message.contains(QStringLiteral("src/a.tsx:3: unknown placeholder {{colour}}")),
                 qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("src/a.tsx:4: unknown placeholder {{size}}")));
    }

    void testRenderPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");  // empty: an error
        QTest::newRow("folders and file names are templated")
            << QStringLiteral("src/{{component}}/{{component}}.tsx") << QStringLiteral("src/Card/Card.tsx");
        QTest::newRow("an unknown placeholder in a path fails") << QStringLiteral("{{nope}}/x") << QString();
    }
    void testRenderPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const auto r = TemplateRenderer(values).renderPath(path);
        QCOMPARE(r.ok(), !expected.isEmpty());
        if (r.ok())
            QCOMPARE(r.value(), expected);
    }

    void testPathsCannotEscapeTheProject_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("a parent directory") << QStringLiteral("..");
        QTest::newRow("a value with a slash") << QStringLiteral("a/b");
        QTest::newRow("an empty value") << QString();
    }
    void testPathsCannotEscapeTheProject()
    {
        QFETCH(QString, value);
        const auto r = TemplateRenderer({{QStringLiteral("x"), value}}).renderPath(QStringLiteral("src/{{x}}/f.ts"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("unusable segment")), qPrintable(r.error().message));
    }

    void testTreeRendersTextAndCopiesBinaries()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR{{name}}", 24);
        write(dir.filePath(QStringLiteral("template.json")), "{}");
        write(dir.filePath(QStringLiteral("README.md")), "# {{name}}\n");
        write(dir.filePath(QStringLiteral("src/{{component}}/{{component}}.tsx")), "export const {{component}} = 1;\n");
        write(dir.filePath(QStringLiteral("assets/logo.png")), png);
        write(dir.filePath(QStringLiteral("raw/{{component}}.txt")), "keep {{unknown}}\n");
        write(dir.filePath(QStringLiteral(".git/HEAD")), "ref: refs/heads/main\n");

        const auto files = TemplateRenderer(values).renderTree(dir.path(), {QStringLiteral("raw/**")});
        QVERIFY2(files.ok(), qPrintable(errorText(files)));
        QStringList paths;
        for (const RenderedFile &f : files.value())
            paths << f.path;
        QCOMPARE(paths, (QStringList{QStringLiteral("README.md"), QStringLiteral("assets/logo.png"),
                                     QStringLiteral("raw/Card.txt"), QStringLiteral("src/Card/Card.tsx")}));
        QCOMPARE(files->at(0).content, QByteArray("# acme-ui\n"));
        QCOMPARE(files->at(1).content, png);
        QVERIFY(!files->at(1).templated);
        QCOMPARE(files->at(2).content, QByteArray("keep {{unknown}}\n"));
        QCOMPARE(files->at(3).content, QByteArray("export const Card = 1;\n"));
        QVERIFY(files->at(3).templated);
    }

    void testTreeReportsEveryUnknownPlaceholder()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.txt")), "one\n{{missing}}\n");
        write(dir.filePath(QStringLiteral("b/{{other}}.txt")), "x");
        const auto files = TemplateRenderer(values).renderTree(dir.path(), {});
        QVERIFY(!files.ok());
        QCOMPARE(files.error().context, QStringLiteral("a.txt:2"));
        QVERIFY2(files.error().message.contains(QStringLiteral("a.txt:2: unknown placeholder {{missing}}")),
                 qPrintable(files.error().message));
        QVERIFY(files.error().message.contains(QStringLiteral("b/{{other}}.txt:1: unknown placeholder {{other}}")));
    }

    void testTwoFilesRenderingToOnePathFail()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("Card.txt")), "a");
        write(dir.filePath(QStringLiteral("{{component}}.txt")), "b");
        const auto files = TemplateRenderer(values).renderTree(dir.path(), {});
        QVERIFY(!files.ok());
        QVERIFY2(files.error().message.contains(QStringLiteral("both render to Card.txt")), qPrintable(files.error().message));
    }

    void testGlobs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("** matches any depth") << QStringLiteral("**/*.png") << QStringLiteral("a/b/c.png") << true;
        QTest::newRow("** matches no folder too") << QStringLiteral("**/*.png") << QStringLiteral("c.png") << true;
        QTest::newRow("* stays within a segment") << QStringLiteral("*.png") << QStringLiteral("a/c.png") << false;
        QTest::newRow("dots are literal") << QStringLiteral("*.png") << QStringLiteral("cxpng") << false;
    }
    void testGlobs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QCOMPARE(TemplateRenderer::globMatches(glob, path), matches);
    }
};

QTEST_GUILESS_MAIN(TemplateRendererTest)
#include "template_renderer_test.moc"
