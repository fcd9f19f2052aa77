// SPDX-License-Identifier: Apache-2.0
// PackageFactories: packages found and read as Node.js's require() would, on small
// node_modules trees written here, and on the toolchain's React.
#include "ignis/dev/package_factories.h"

#include "core/config.h"
#include "ignis/esbuild_toolchain.h"

#include "../../support/test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace helios::ignis;
using helios::Result;
using helios::test::writeFile;

class PackageFactoriesTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString project() const { return m_dir.filePath(QStringLiteral("app")); }
    void write(const QString &relative, const QByteArray &text) { writeFile(m_dir.filePath(relative), text); }
    // A file of the project's node_modules. (Plain string literals: moc 6.4 takes the
    // "/*" of "./feature/*" in a raw string literal for a comment and misses the class.)
    void package(const char *relative, const QByteArray &text)
    {
        write(QStringLiteral("app/node_modules/") + QLatin1String(relative), text);
    }

    Result<PackageFactories> collect(const QStringList &specifiers, const QString &nodeModules = {}) const
    {
        return PackageFactories::collect(QSet<QString>(specifiers.cbegin(), specifiers.cend()), project(), nodeModules);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // main, relative requires with and without extension, JSON, a package of its own
        // under the package (node_modules up from the requiring file), a require() that
        // is no literal (left alone) and one in a longer name (no require at all).
        package("lib/package.json", "{\"name\": \"lib\", \"main\": \"src/index.js\"}");
        package("lib/src/index.js", "'use strict';\nconst util = require('./util');\nconst data = require(\"./data.json\");\n"
                                       "const dep = require('dep');\nconst dynamic = require(name);\nconst other = __require('nothing');\n"
                                       "module.exports = { util, data, dep };\n");
        package("lib/src/util.js", "exports.twice = (x) => 2 * x;\n");
        package("lib/src/data.json", "{\"answer\": 42}\n");
        package("lib/node_modules/dep/index.js", "module.exports = 'nested dep';\n");
        // "exports" with conditions, subpaths and a pattern; the production build beside
        // the development one.
        package("cond/package.json", "{\"name\": \"cond\", \"exports\": {\n"
                                     "  \".\": {\"import\": \"./esm.mjs\", \"require\": \"./cjs.js\"},\n"
                                     "  \"./sub\": {\"browser\": \"./sub-browser.js\", \"default\": \"./sub.js\"},\n"
                                     "  \"./feature/*\": \"./features/*.js\",\n"
                                     "  \"./hidden\": null}}");
        package("cond/cjs.js", "if (process.env.NODE_ENV === 'production') module.exports = require('./cjs.production.js');\n"
                                  "else module.exports = require('./cjs.development.js');\n");
        package("cond/cjs.production.js", "module.exports = 'production';\n");
        package("cond/cjs.development.js", "module.exports = 'development';\n");
        package("cond/sub-browser.js", "module.exports = 'browser';\n");
        package("cond/sub.js", "module.exports = 'node';\n");
        package("cond/features/a.js", "module.exports = 'feature a';\n");
        // A "browser" map: a file replaced, a Node.js module left out.
        package("mapped/package.json", "{\"name\": \"mapped\", \"main\": \"index.js\",\n"
                                       "  \"browser\": {\"./server.js\": \"./server.browser.js\", \"fs\": false}}");
        package("mapped/index.js", "module.exports = [require('./server'), require('fs')];\n");
        package("mapped/server.js", "module.exports = 'server';\n");
        package("mapped/server.browser.js", "module.exports = 'server for browsers';\n");
        // Not CommonJS, or broken.
        package("esm-type/package.json", "{\"name\": \"esm-type\", \"type\": \"module\", \"main\": \"index.js\"}");
        package("esm-type/index.js", "const x = 1;\nmodule.exports = x;\n");
        package("esm-syntax/package.json", "{\"name\": \"esm-syntax\"}");
        package("esm-syntax/index.js", "import x from 'y';\nexport default x;\n");
        package("broken/package.json", "{\"name\": \"broken\"}");
        package("broken/index.js", "module.exports = require('not-installed');\n");
        // The toolchain's node_modules, searched after the project's.
        write(QStringLiteral("toolchain/node_modules/tool/index.js"), "module.exports = 'from the toolchain';\n");
    }

    void requiresResolveAndPointAtRegistryPaths()
    {
        const auto packages = collect({QStringLiteral("lib")});
        QVERIFY2(packages.ok(), qPrintable(packages.ok() ? QString() : packages.error().toString()));
        const QHash<QString, QByteArray> &factories = packages->factories();
        QCOMPARE(factories.value(QStringLiteral("/@deps/lib.js")),
                 QByteArray("\"use strict\";\nmodule.exports = require(\"/@pkg/lib/src/index.js\");\n"));
        const QByteArray index = factories.value(QStringLiteral("/@pkg/lib/src/index.js"));
        QVERIFY2(index.contains("const util = require(\"/@pkg/lib/src/util.js\");"), index.constData());
        QVERIFY(index.contains("const data = require(\"/@pkg/lib/src/data.json\");"));
        QVERIFY(index.contains("const dep = require(\"/@pkg/lib/node_modules/dep/index.js\");"));
        QVERIFY(index.contains("const dynamic = require(name);"));
        QVERIFY(index.contains("__require('nothing')"));
        QCOMPARE(factories.value(QStringLiteral("/@pkg/lib/src/data.json")), QByteArray("module.exports = {\"answer\": 42}\n;\n"));
        QCOMPARE(factories.value(QStringLiteral("/@pkg/lib/node_modules/dep/index.js")), QByteArray("module.exports = 'nested dep';\n"));
        QCOMPARE(factories.size(), 5);
        QCOMPARE(packages->dependencies().value(QStringLiteral("/@pkg/lib/src/index.js")),
                 QStringList({QStringLiteral("/@pkg/lib/src/util.js"), QStringLiteral("/@pkg/lib/src/data.json"),
                              QStringLiteral("/@pkg/lib/node_modules/dep/index.js")}));
        QCOMPARE(packages->specifiers(), QSet<QString>{QStringLiteral("lib")});
    }

    void exportsConditionsAndDevelopmentBuilds()
    {
        const auto packages = collect({QStringLiteral("cond"), QStringLiteral("cond/sub"), QStringLiteral("cond/feature/a")});
        QVERIFY2(packages.ok(), qPrintable(packages.ok() ? QString() : packages.error().toString()));
        const QHash<QString, QByteArray> &factories = packages->factories();
        QVERIFY(factories.value(QStringLiteral("/@deps/cond.js")).contains("require(\"/@pkg/cond/cjs.js\")"));  // "require", not "import"
        QVERIFY(factories.value(QStringLiteral("/@deps/cond_sub.js")).contains("require(\"/@pkg/cond/sub-browser.js\")"));
        QVERIFY(factories.value(QStringLiteral("/@deps/cond_feature_a.js")).contains("require(\"/@pkg/cond/features/a.js\")"));
        // The production build is named (never run: NODE_ENV is development) but not read.
        const QByteArray entry = factories.value(QStringLiteral("/@pkg/cond/cjs.js"));
        QVERIFY(entry.contains("require(\"/@pkg/cond/cjs.production.js\")"));
        QVERIFY(entry.contains("require(\"/@pkg/cond/cjs.development.js\")"));
        QVERIFY(factories.contains(QStringLiteral("/@pkg/cond/cjs.development.js")));
        QVERIFY(!factories.contains(QStringLiteral("/@pkg/cond/cjs.production.js")));
        QCOMPARE(packages->dependencies().value(QStringLiteral("/@pkg/cond/cjs.js")),
                 QStringList{QStringLiteral("/@pkg/cond/cjs.development.js")});

        const auto hidden = collect({QStringLiteral("cond/hidden")});
        QVERIFY(!hidden.ok());
        QVERIFY2(hidden.error().message.contains(QStringLiteral("does not export ./hidden")), qPrintable(hidden.error().message));
    }

    void browserMapReplacesFiles()
    {
        const auto packages = collect({QStringLiteral("mapped")});
        QVERIFY2(packages.ok(), qPrintable(packages.ok() ? QString() : packages.error().toString()));
        const QByteArray index = packages->factories().value(QStringLiteral("/@pkg/mapped/index.js"));
        QVERIFY2(index.contains("require(\"/@pkg/mapped/server.browser.js\")"), index.constData());
        QVERIFY(index.contains("require(\"/@pkg/:empty\")"));
        QCOMPARE(packages->factories().value(QStringLiteral("/@pkg/:empty")), QByteArray("module.exports = {};\n"));
        QVERIFY(!packages->factories().contains(QStringLiteral("/@pkg/mapped/server.js")));
    }

    void toolchainPackagesComeLast()
    {
        QVERIFY(!collect({QStringLiteral("tool")}).ok());
        const auto packages = collect({QStringLiteral("tool")}, m_dir.filePath(QStringLiteral("toolchain/node_modules")));
        QVERIFY(packages.ok());
        QVERIFY(packages->factories().contains(QStringLiteral("/@pkg/tool/index.js")));
    }

    void packagesThatAreNotPlainCommonJsFail_data()
    {
        QTest::addColumn<QString>("specifier");
        QTest::addColumn<QString>("reason");
        QTest::newRow("type: module") << QStringLiteral("esm-type") << QStringLiteral("an ES module");
        QTest::newRow("import syntax") << QStringLiteral("esm-syntax") << QStringLiteral("an ES module");
        QTest::newRow("a require() of nothing") << QStringLiteral("broken")
                                              << QStringLiteral("require(\"not-installed\") in ");
        QTest::newRow("not installed") << QStringLiteral("nowhere") << QStringLiteral("package nowhere is not installed");
    }

    void packagesThatAreNotPlainCommonJsFail()
    {
        QFETCH(QString, specifier);
        QFETCH(QString, reason);
        const auto packages = collect({specifier});
        QVERIFY(!packages.ok());
        QVERIFY2(packages.error().toString().contains(reason), qPrintable(packages.error().toString()));
    }

    // The toolchain's React as the dev server's bundled page takes it.
    void toolchainReact()
    {
        const auto toolchain = EsbuildToolchain::locate(helios::Config::embedded(m_dir.filePath(QStringLiteral("data"))), project());
        QVERIFY2(toolchain.ok(), "no toolchain: run scripts/setup");
        const QString nodeModules = toolchain->nodeModules;
        const auto packages = collect({QStringLiteral("react"), QStringLiteral("react-dom/client"),
                                       QStringLiteral("react/jsx-dev-runtime"), QStringLiteral("react-refresh/runtime")},
                                      nodeModules);
        QVERIFY2(packages.ok(), qPrintable(packages.ok() ? QString() : packages.error().toString()));
        const QHash<QString, QByteArray> &factories = packages->factories();
        const QByteArray client = factories.value(QStringLiteral("/@pkg/react-dom/cjs/react-dom-client.development.js"));
        QVERIFY(client.size() > 100000);
        QVERIFY(client.contains("require(\"/@pkg/react/index.js\")"));
        QVERIFY(client.contains("require(\"/@pkg/scheduler/index.js\")"));
        QVERIFY(client.contains("require(\"/@pkg/react-dom/index.js\")"));
        QVERIFY(factories.contains(QStringLiteral("/@pkg/react-refresh/cjs/react-refresh-runtime.development.js")));
        for (auto it = factories.cbegin(); it != factories.cend(); ++it)
            QVERIFY2(!it.key().contains(QLatin1String(".production.")), qPrintable(it.key()));
    }
};

QTEST_GUILESS_MAIN(PackageFactoriesTest)
#include "package_factories_test.moc"
