// SPDX-License-Identifier: Apache-2.0
// The IGNIS dev server's logic without a transport: import rewriting, the page, modules
// compiled by the real esbuild, packages pre-bundled (with Node.js for CommonJS names),
// tokens, CSS and CSS modules, and the hot-update message each kind of change produces.
#include "ignis/dev/dev_files.h"
#include "ignis/dev/dev_module_server.h"
#include "ignis/dev/import_rewriter.h"
#include "ignis/dev/module_bundle.h"
#include "ignis/dev/module_linker.h"
#include "ignis/dev/transform_service.h"
#include "ignis/project_watcher.h"

#include "core/config.h"
#include "test_files.h"

#include <QDir>
#include <QHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using helios::test::writeFile;
using namespace helios::ignis;

class DevModuleServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rewriterMapsEveryKindOfSpecifier()
    {
        const QByteArray code = "import { jsx } from \"react/jsx-runtime\";\n"
                                "import {\n  a,\n  b\n} from \"./long\";\n"
                                "import \"./side.css\";\n"
                                "export * from \"./again\";\n"
                                "const lazy = import(\"./lazy\");\n"
                                "const text = \"not an import from \\\"./nope\\\"\";\n";
        QStringList seen;
        const QByteArray out = ImportRewriter::rewrite(code, [](const QString &s) { return QStringLiteral("<%1>").arg(s); }, &seen);
        QCOMPARE(seen, (QStringList{QStringLiteral("react/jsx-runtime"), QStringLiteral("./long"), QStringLiteral("./side.css"),
                                    QStringLiteral("./again"), QStringLiteral("./lazy")}));
        QVERIFY(out.contains("from \"<react/jsx-runtime>\""));
        QVERIFY(out.contains("} from \"<./long>\""));
        QVERIFY(out.contains("import \"<./side.css>\""));
        QVERIFY(out.contains("import(\"<./lazy>\")"));
        QVERIFY(out.contains("\\\"./nope\\\""));  // inside a string: untouched
    }

    void factoriesRequireUrlPaths()
    {
        const QByteArray code = "var import_react = require(\"react\");\n"
                                "var import_x = __toESM(require(\"./x.module.css\"), 1);\n"
                                "var import_y = __toESM(require(\"./y\"));\n"
                                "const lazy = () => import(\"./lazy\");\n"
                                "const text = a.require(\"./member\");\n";
        QStringList seen;
        const QByteArray out = ModuleBundle::rewriteRequires(code, [](const QString &s) -> QString { return QStringLiteral("/u/") + s.mid(2); }, &seen);
        QCOMPARE(seen, (QStringList{QStringLiteral("/u/act"), QStringLiteral("/u/x.module.css"), QStringLiteral("/u/y"),
                                    QStringLiteral("/u/lazy")}));
        // Browser semantics for the default import, even in a "type": "module" project.
        QVERIFY2(out.contains("__toESM(require(\"/u/x.module.css\"));"), out.constData());
        QVERIFY(out.contains("__heliosImport(\"/u/lazy\")"));
        QVERIFY(out.contains("a.require(\"./member\")"));  // a member call, not an import
    }

    void stringLiteralsAreJson()
    {
        // What JSON writes, for every byte below 0x20, quotes, backslashes and UTF-8.
        QByteArray text = "plain \"quoted\" back\\slash caf\xc3\xa9 </script> \xe2\x80\xa8";
        for (char c = 1; c < 0x20; ++c)
            text += c;
        const QByteArray json = QJsonDocument(QJsonArray{QString::fromUtf8(text)}).toJson(QJsonDocument::Compact);
        QCOMPARE(dev::jsString(QByteArrayView(text)), json.mid(1).chopped(1));
        QCOMPARE(dev::jsString(QString::fromUtf8(text)), json.mid(1).chopped(1));
        QCOMPARE(dev::jsString(QByteArrayView()), QByteArray("\"\""));
    }

    // Packages pre-bundled (not plain CommonJS): the bundle imports them itself, once
    // react-refresh's runtime is hooked into React, before any factory runs.
    void bundleImportsPreBundledPackagesAfterTheRefreshRuntime()
    {
        const QString main = QStringLiteral("/src/main.tsx");
        const QString reactDom = QStringLiteral("/@deps/react-dom_client.js");
        const QHash<QString, QByteArray> factories{{main, "require(\"/@deps/react-dom_client.js\");\n"}};
        const QHash<QString, QStringList> dependencies{{main, {reactDom}}};
        const QHash<QString, QByteArray> styles;
        const ModuleBundle::Input input{{main}, &factories, &dependencies, &styles, "/@helios/client.js", {}, nullptr,
                                        QStringLiteral("/@deps/react-refresh_runtime.js")};
        const ModuleBundle::Graph graph = ModuleBundle::walk(input);
        QCOMPARE(graph.packages, QStringList{reactDom});
        QCOMPARE(graph.modules, QStringList{main});
        const QByteArray script = ModuleBundle::script(input, graph);
        const qsizetype refresh = script.indexOf("installRefreshRuntime((await import(\"/@deps/react-refresh_runtime.js\")).default);");
        const qsizetype packages = script.indexOf("const __packages = await Promise.all([import(\"/@deps/react-dom_client.js\"), ]);");
        const qsizetype external = script.indexOf("r.external(\"/@deps/react-dom_client.js\", __packages[0]);");
        QVERIFY2(refresh > 0 && refresh < packages && packages < external, script.constData());
        QVERIFY(external < script.indexOf("r.define(\"/src/main.tsx\""));
        QVERIFY(!script.contains("import * as"));  // a static import would run react-dom first
        QVERIFY(!script.contains("r.refreshRuntime("));
        QVERIFY(script.endsWith("r.start([\"/src/main.tsx\"]);\n"));
    }

    void factoriesShareEsbuildsHelpers()
    {
        const QByteArray helpers = "var __defProp = Object.defineProperty;\n"
                                   "var __export = (target, all) => {\n"
                                   "  for (var name in all)\n"
                                   "    __defProp(target, name, { get: all[name], enumerable: true });\n"
                                   "};\n";
        const QByteArray body = QByteArray("var a_exports = {};\n__export(a_exports, { a: () => a });\nmodule.exports = a_exports;\nconst a = 1;\n");
        const QByteArray input = helpers + body;
        ModuleLinker linker;
        const QByteArray shared = linker.linkFactory(QStringLiteral("/src/a.ts"), input, ModuleLinker::Helpers::Shared);
        // One line takes the helpers; the lines they took stay, empty, for the source map.
        QCOMPARE(shared, QByteArray("var { __defProp, __export } = __heliosHelpers;\n\n\n\n\n" + body));
        QCOMPARE(shared.count('\n'), input.count('\n'));
        QCOMPARE(linker.sharedHelpers(), QByteArray("(() => {\n" + helpers + "return { __defProp, __export };\n})()"));
        // Kept: a helper that is not the one shared, what follows it, and helpers that
        // use the factory's own require() (not on the list).
        const QByteArray other = "var __defProp = Object.defineProperty;\nvar __export = (t) => t;\n" + body;
        QCOMPARE(linker.linkFactory(QStringLiteral("/src/b.ts"), other, ModuleLinker::Helpers::Shared),
                 QByteArray("var { __defProp } = __heliosHelpers;\nvar __export = (t) => t;\n" + body));
        const QByteArray require = "var __require = ((x) => typeof require !== \"undefined\" ? require : x)(0);\n" + body;
        QCOMPARE(linker.linkFactory(QStringLiteral("/src/c.ts"), require, ModuleLinker::Helpers::Shared), require);
        // Own helpers (hot updates): unchanged.
        QCOMPARE(linker.linkFactory(QStringLiteral("/src/a.ts"), input), input);
    }

    void hookSignaturesListTheHooksCalled()
    {
        // esbuild's CommonJS and ES module output; definitions, longer names and
        // non-calls are not hooks called.
        QCOMPARE(ModuleBundle::hookSignature("const [a] = (0, import_react.useState)(0);\n(0, import_react.useEffect)(() => {}, []);\n"
                                             "const c = useCounter(1);\nfunction useCounter(n) { return (0, import_react.useMemo)(() => n, [n]); }\n"
                                             "const t = \"reuse\"; user(); useless(); const h = useHook;\n"),
                 QByteArray("useState,useEffect,useCounter,useMemo"));
        QCOMPARE(ModuleBundle::hookSignature("const [n] = useState(1);\n"), QByteArray("useState"));
        QCOMPARE(ModuleBundle::hookSignature("export const a = 1;\n"), QByteArray());
    }

    void acceptCallsNameTheirDependencies()
    {
        QTemporaryDir dir;
        for (const char *file : {"src/a.ts", "src/b.tsx", "src/host.ts"})
            writeFile(dir.filePath(QLatin1String(file)), "export {};\n");
        ModuleLinker linker;
        linker.setProjectDir(dir.path());
        const QString host = QStringLiteral("/src/host.ts");
        // accept(dep, cb) and accept([deps], cb): the specifiers become the registry's paths.
        const QByteArray factory = linker.linkFactory(
            host, "var import_a = require(\"./a\");\n__hmr.accept(\"./a\", (m) => m);\n"
                  "__hmr?.accept([\"./b\", './missing'], (ms) => ms);\nother.__hmr.accept();\n");
        QVERIFY2(factory.contains("__hmr.accept(\"/src/a.ts\", (m) => m);"), factory.constData());
        QVERIFY2(factory.contains("__hmr?.accept([\"/src/b.tsx\", './missing'], (ms) => ms);"), factory.constData());
        QVERIFY(linker.acceptsUpdatesOf(host, QStringLiteral("/src/a.ts")));
        QVERIFY(linker.acceptsUpdatesOf(host, QStringLiteral("/src/b.tsx")));
        QVERIFY(!linker.acceptsUpdatesOf(QStringLiteral("/src/a.ts"), host));
        QVERIFY(!linker.acceptsItself(host));  // not another object's accept() either
        // accept() and accept(callback): the module itself, until it no longer says so.
        linker.linkFactory(QStringLiteral("/src/a.ts"), "__hmr.accept();\n");
        QVERIFY(linker.acceptsItself(QStringLiteral("/src/a.ts")));
        linker.linkFactory(QStringLiteral("/src/a.ts"), "exports.a = 1;\n");
        QVERIFY(!linker.acceptsItself(QStringLiteral("/src/a.ts")));
        // An ES module names import.meta.hot.
        const QByteArray module = linker.link(host, "import.meta.hot.accept('./b', (m) => m);\n");
        QVERIFY2(module.contains("import.meta.hot.accept(\"/src/b.tsx\", (m) => m);"), module.constData());
        QVERIFY(!linker.acceptsUpdatesOf(host, QStringLiteral("/src/a.ts")));
        QVERIFY(linker.acceptsUpdatesOf(host, QStringLiteral("/src/b.tsx")));
    }

    void mergedStylesheetHoistsImports_data()
    {
        QTest::addColumn<QByteArray>("first");   // /src/a.css
        QTest::addColumn<QByteArray>("second");  // /src/styles/b.css
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("an import after another sheet's rules moves to the top")
            << QByteArray("body { margin: 0; }\n")
            << QByteArray("@import url(\"https://fonts.example/inter.css\");\np { color: red; }\n")
            << QByteArray("@import url(\"https://fonts.example/inter.css\");\n/* /src/a.css */\nbody { margin: 0; }\n\n"
                          "/* /src/styles/b.css */\n\np { color: red; }\n\n");
        QTest::newRow("a relative import resolves against its own sheet, keeping its media")
            << QByteArray("a { color: blue; }\n")
            << QByteArray("/* theme */\n@import './theme.css' screen;\n@IMPORT url(../base.css);\n")
            << QByteArray("@import '/src/styles/theme.css' screen;\n@IMPORT url(/src/base.css);\n"
                          "/* /src/a.css */\na { color: blue; }\n\n/* /src/styles/b.css */\n\n\n");
        QTest::newRow("imports keep their order across sheets, after the first charset only")
            << QByteArray("@charset \"utf-8\";\n@import \"/x.css\";\nh1 {}\n")
            << QByteArray("@charset \"utf-8\";\n@import \"y.css\" layer(base);\nh2 {}\n")
            << QByteArray("@charset \"utf-8\";\n@import \"/x.css\";\n@import \"/src/styles/y.css\" layer(base);\n"
                          "/* /src/a.css */\n\nh1 {}\n\n/* /src/styles/b.css */\n\nh2 {}\n\n");
        QTest::newRow("an import after a rule stays where it is, ignored as in its own sheet")
            << QByteArray("h1 {}\n@import \"late.css\";\n")
            << QByteArray("@importance { }\n")
            << QByteArray("/* /src/a.css */\nh1 {}\n@import \"late.css\";\n\n/* /src/styles/b.css */\n@importance { }\n\n");
    }

    void mergedStylesheetHoistsImports()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(QByteArray, expected);
        const QString a = QStringLiteral("/src/a.css");
        const QString b = QStringLiteral("/src/styles/b.css");
        const QHash<QString, QByteArray> factories{{a, {}}, {b, {}}};
        const QHash<QString, QStringList> dependencies;
        const QHash<QString, QByteArray> styles{{a, first}, {b, second}};
        const ModuleBundle::Input input{{a, b}, &factories, &dependencies, &styles, "/@helios/client.js"};
        const ModuleBundle::Graph graph = ModuleBundle::walk(input);
        QCOMPARE(graph.stylesheets, (QStringList{a, b}));
        QCOMPARE(ModuleBundle::stylesheet(input, graph), expected);
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString p = m_dir.path();
        writeFile(p + QStringLiteral("/helios.json"),
              R"({"name": "dev", "tokens": "tokens/tokens.config.json",
                  "build": {"entries": [{"name": "app", "entry": "src/main.tsx", "html": "index.html"}]}})");
        writeFile(p + QStringLiteral("/index.html"),
              "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/tokens.css\"></head>"
              "<body><div id=\"root\"></div><script type=\"module\" src=\"/src/main.tsx\"></script></body></html>");
        writeFile(p + QStringLiteral("/tokens/tokens.config.json"), R"({"source": ["base.tokens.json"], "platforms": {"css": {"format": "css", "destination": "out.css"}}})");
        writeFile(p + QStringLiteral("/tokens/base.tokens.json"), "{\"color\": {\"$type\": \"color\", \"brand\": {\"$value\": \"#ff0000\"}}}");
        writeFile(p + QStringLiteral("/src/main.tsx"),
              "import { createRoot } from \"react-dom/client\";\nimport { App } from \"./App\";\nimport \"./global.css\";\n"
              "createRoot(document.getElementById(\"root\")!).render(<App />);\n");
        writeFile(p + QStringLiteral("/src/App.tsx"),
              "import { useState } from \"react\";\nimport styles from \"./App.module.css\";\nimport { label } from \"./label\";\n"
              "export function App() { const [n] = useState(1); return <p className={styles.title}>{label} {n}</p>; }\n");
        writeFile(p + QStringLiteral("/src/label.ts"), "export const label: string = \"hello\";\nimport.meta.hot?.accept();\n");
        writeFile(p + QStringLiteral("/src/App.module.css"), ".title { color: var(--color-brand); }\n");
        writeFile(p + QStringLiteral("/src/global.css"), "body { margin: 0; }\n");
        m_config = Config::embedded(p + QStringLiteral("/data"));
        m_server = std::make_unique<DevModuleServer>(m_config, p);
        auto opened = m_server->open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        m_server->setHmrPort(24999);
    }

    void pageGetsTheClient()
    {
        QCOMPARE(m_server->esbuildRuns(), 0);
        const DevResponse page = m_server->get(QStringLiteral("/"), {});
        QCOMPARE(page.status, 200);
        // The page does not wait for the compile: the bundle it asks for does.
        QCOMPARE(m_server->esbuildRuns(), 0);
        QVERIFY(page.body.contains("<script type=\"module\" src=\"/@helios/client.js?hmrPort=24999\"></script>\n"));
        QVERIFY(page.body.contains("src=\"/src/main.tsx\""));
        // The entry runs from the bundle (its tag no longer loads it), and the bundle's
        // script and stylesheet come after the client in <head>.
        QVERIFY2(page.body.contains("<script type=\"helios/module\" src=\"/src/main.tsx\">"), page.body.constData());
        QVERIFY(!page.body.contains("<script type=\"module\" src=\"/src/main.tsx\">"));
        const qsizetype bundle = page.body.indexOf("<script type=\"module\" src=\"/@helios-bundle.js?entries=/src/main.tsx\">");
        QVERIFY(bundle > page.body.indexOf("/@helios/client.js"));
        QVERIFY(bundle < page.body.indexOf("</head>"));
        QVERIFY(page.body.contains("<link rel=\"stylesheet\" href=\"/@helios-bundle.css?entries=/src/main.tsx\">"));
        // Every module in one esbuild call; the CSS module is plain, scoped without
        // esbuild; the packages (CommonJS) join the bundle as they are, with no esbuild
        // run either. React Refresh's runtime comes with them.
        QCOMPARE(m_server->get(QStringLiteral("/@helios-bundle.js"), QStringLiteral("entries=/src/main.tsx")).status, 200);
        QCOMPARE(m_server->esbuildRuns(), 1);
        QVERIFY(m_server->isBundled());
        QVERIFY(!page.body.contains("injectIntoGlobalHook"));
        const DevResponse client = m_server->get(QStringLiteral("/@helios/client.js"), {});
        QCOMPARE(client.status, 200);
        QVERIFY(client.body.contains("createHotContext"));
    }

    void modulesAreCompiledAndPointAtUrls()
    {
        const DevResponse main = m_server->get(QStringLiteral("/src/main.tsx"), {});
        QCOMPARE(main.status, 200);
        // The page loads the bundle; a module asked for alone compiles in the long-lived
        // transform process, starting no esbuild process.
        QCOMPARE(m_server->esbuildRuns(), 1);
        QVERIFY(m_server->serviceTransforms() >= 1);
        QVERIFY(main.contentType.startsWith("text/javascript"));
        QVERIFY2(main.body.contains("from \"/@deps/react-dom_client.js\""), main.body.constData());
        QVERIFY(main.body.contains("from \"/src/App.tsx\""));
        QVERIFY(main.body.contains("import \"/src/global.css?import\""));
        QVERIFY(main.body.contains("/@deps/react_jsx-dev-runtime.js"));
        QVERIFY(main.body.contains("from \"/@helios/client.js?hmrPort=24999\"; import.meta.hot = __heliosHot(\"/src/main.tsx\")"));
        QVERIFY(main.body.contains("sourceMappingURL=data:application/json;base64,"));
        // The first line carries the hot context, so the source map's lines still match.
        QVERIFY(main.body.left(main.body.indexOf('\n')).contains("__heliosHot"));

        const DevResponse app = m_server->get(QStringLiteral("/src/App.tsx"), {});
        // Components register with React Refresh and the module accepts its own updates.
        // With the module's hook calls as its signature: state is kept while they stay.
        QVERIFY2(app.body.contains("__heliosRegister(App, \"/src/App.tsx App\", \"useState\");"), app.body.constData());
        QVERIFY(app.body.contains("import.meta.hot.accept(() => __heliosRefresh());"));
        QVERIFY(app.body.indexOf("__heliosRegister(App") < app.body.indexOf("//# sourceMappingURL="));
        QVERIFY(!m_server->get(QStringLiteral("/src/main.tsx"), {}).body.contains("__heliosRegister"));
        QVERIFY(app.body.contains("from \"/src/App.module.css?import\""));
        QVERIFY(app.body.contains("from \"/src/label.ts\""));
        QCOMPARE(m_server->get(QStringLiteral("/src/missing.tsx"), {}).status, 404);
        QCOMPARE(m_server->get(QStringLiteral("/src/../../etc/passwd"), {}).status, 400);
    }

    void bundleHoldsEveryModuleAsAFactory()
    {
        const int runs = m_server->esbuildRuns();
        const DevResponse bundle = m_server->get(QStringLiteral("/@helios-bundle.js"), QStringLiteral("entries=/src/main.tsx"));
        QCOMPARE(bundle.status, 200);
        QCOMPARE(m_server->esbuildRuns(), runs);  // made from the page load's compile
        QVERIFY(bundle.contentType.startsWith("text/javascript"));
        QVERIFY2(bundle.body.startsWith("import { moduleRegistry as __registry, installRefreshRuntime } from \"/@helios/client.js?hmrPort=24999\";"),
                 bundle.body.left(300).constData());
        // The packages as factories: each file of theirs as it is (the development build
        // only), each imported name a factory taking its entry file's exports, React
        // Refresh's runtime hooked in before the entries run.
        QVERIFY(!bundle.body.contains("/@deps/react.js\";"));  // no ES module import
        QVERIFY(!bundle.body.contains("r.external("));
        QVERIFY(bundle.body.contains("r.define(\"/@deps/react.js\", function (require, module, exports, __hmr, __heliosImport, "
                                     "__heliosRegister, __heliosRefresh, __heliosHelpers, process) {\n\"use strict\";\n"
                                     "module.exports = require(\"/@pkg/react/index.js\");"));
        QVERIFY(bundle.body.contains("r.define(\"/@pkg/react/cjs/react.development.js\", function ("));
        QVERIFY(bundle.body.contains("r.define(\"/@pkg/react-dom/cjs/react-dom-client.development.js\", function ("));
        QVERIFY(bundle.body.contains("require(\"/@pkg/scheduler/index.js\")"));  // react-dom's require("scheduler")
        QVERIFY(!bundle.body.contains("r.define(\"/@pkg/react/cjs/react.production.js\""));
        QVERIFY(bundle.body.contains("require(\"/@pkg/react/cjs/react.production.js\")"));  // never run
        QVERIFY(bundle.body.indexOf("r.define(\"/@pkg/react/cjs/react.development.js\"") <
                bundle.body.indexOf("r.define(\"/src/App.tsx\""));
        QVERIFY(bundle.body.contains("r.refreshRuntime(\"/@deps/react-refresh_runtime.js\");\nr.start("));
        for (const char *path : {"/src/main.tsx", "/src/App.tsx", "/src/label.ts", "/src/App.module.css", "/src/global.css"})
            QVERIFY2(bundle.body.contains(QByteArray(QByteArray("r.define(\"") + path + "\", ")), path);
        // Imports point at the registry's paths; the component registers with React
        // Refresh; import.meta.hot is the factory's own context.
        QVERIFY(bundle.body.contains("require(\\\"/src/App.module.css\\\")"));
        QVERIFY(bundle.body.contains("require(\\\"/@deps/react-dom_client.js\\\")"));
        QVERIFY(bundle.body.contains("__heliosRegister(App, \\\"/src/App.tsx App\\\", \\\"useState\\\");\\n__hmr.accept(() => __heliosRefresh());"));
        QVERIFY(bundle.body.contains("__hmr?.accept()"));
        QVERIFY(bundle.body.contains("default: App_default }"));  // the CSS module's class names
        QVERIFY(bundle.body.endsWith("r.start([\"/src/main.tsx\"]);\n"));
        // esbuild's helpers once, for every factory.
        QCOMPARE(bundle.body.count("var __toCommonJS = "), 1);
        QVERIFY(bundle.body.indexOf("r.helpers((() => {") < bundle.body.indexOf("r.define("));
        QVERIFY(bundle.body.contains("__toCommonJS } = __heliosHelpers;"));
        // Imports before importers: App and what it imports come before main.
        QVERIFY(bundle.body.indexOf("r.define(\"/src/label.ts\"") < bundle.body.indexOf("r.define(\"/src/main.tsx\""));
        // Source maps are not in the factories but a request away, for DevTools.
        QVERIFY(!bundle.body.contains("sourceMappingURL=data:"));
        QVERIFY(bundle.body.contains("//# sourceMappingURL=/@helios/map/src/App.tsx.map"));
        const DevResponse map = m_server->get(QStringLiteral("/@helios/map/src/App.tsx.map"), {});
        QCOMPARE(map.status, 200);
        QCOMPARE(map.contentType, QByteArray("application/json"));
        const QJsonObject mapJson = QJsonDocument::fromJson(map.body).object();
        QCOMPARE(mapJson.value(QStringLiteral("version")).toInt(), 3);
        QVERIFY2(mapJson.value(QStringLiteral("sources")).toArray().contains(QStringLiteral("/src/App.tsx")), map.body.left(300).constData());
        QVERIFY(mapJson.value(QStringLiteral("sourcesContent")).toArray().first().toString().contains(QStringLiteral("export")));
        QCOMPARE(m_server->get(QStringLiteral("/@helios/map/src/Nowhere.tsx.map"), {}).status, 404);

        const DevResponse css = m_server->get(QStringLiteral("/@helios-bundle.css"), QStringLiteral("entries=/src/main.tsx"));
        QCOMPARE(css.status, 200);
        QVERIFY(css.contentType.startsWith("text/css"));
        // Every stylesheet once, in import order: App's CSS module before main's global.css.
        QVERIFY2(css.body.contains(".App_title"), css.body.constData());
        QVERIFY(css.body.contains("body { margin: 0; }"));
        QVERIFY(css.body.indexOf(".App_title") < css.body.indexOf("body { margin: 0; }"));
        QCOMPARE(css.body.count(".App_title"), 1);
    }

    void packagesArePreBundledWhenAskedFor()
    {
        // ES modules (a page whose modules do not all compile) import the packages from
        // the pre-bundle: made when first asked for.
        const int runs = m_server->esbuildRuns();
        for (const char *name : {"/@deps/react.js", "/@deps/react-dom_client.js", "/@deps/react_jsx-dev-runtime.js",
                                 "/@deps/react-refresh_runtime.js"}) {
            const DevResponse dep = m_server->get(QString::fromLatin1(name), {});
            QVERIFY2(dep.status == 200, name);
        }
        // CommonJS named exports, and one shared copy of React (a chunk both import).
        const QByteArray react = m_server->get(QStringLiteral("/@deps/react.js"), {}).body;
        QVERIFY(react.contains("useState"));
        QVERIFY2(react.contains("from \"./chunk-"), react.left(400).constData());
        QCOMPARE(m_server->esbuildRuns(), runs + 1);

        // A restarted dev server reuses them: its first page load runs esbuild once.
        DevModuleServer again(m_config, m_dir.path());
        QVERIFY(again.open().ok());
        QCOMPARE(again.get(QStringLiteral("/@helios-bundle.js"), QStringLiteral("entries=/src/main.tsx")).status, 200);
        QCOMPARE(again.esbuildRuns(), 1);
        QCOMPARE(again.get(QStringLiteral("/@deps/react.js"), {}).body, react);
    }

    void warmingBeginsBeforeThePage()
    {
        DevModuleServer early(m_config, m_dir.path());
        QVERIFY(early.open().ok());
        early.startWarming();
        QVERIFY(!early.firstPageCompiled().isFinished());  // esbuild runs for a while
        // The client, the page and the token sheet never wait; the rest waits for the
        // first page's compile, and a package then for the pre-bundle.
        QVERIFY(early.pendingFor(QStringLiteral("/@helios/client.js")).isFinished());
        QVERIFY(early.pendingFor(QStringLiteral("/")).isFinished());
        QVERIFY(early.pendingFor(QStringLiteral("/tokens.css")).isFinished());
        QVERIFY(!early.pendingFor(QStringLiteral("/@helios-bundle.js")).isFinished());
        early.firstPageCompiled().waitForFinished();
        QVERIFY(early.pendingFor(QStringLiteral("/@helios-bundle.js")).isFinished());
        early.pendingFor(QStringLiteral("/@deps/react.js")).waitForFinished();
        QVERIFY(early.isBundled());
        const DevResponse react = early.get(QStringLiteral("/@deps/react.js"), {});
        QCOMPARE(react.status, 200);
        QVERIFY(react.body.contains("useState"));
        const DevResponse page = early.get(QStringLiteral("/"), {});
        QVERIFY(page.body.contains("/@helios-bundle.js?entries=/src/main.tsx"));
        QVERIFY(early.get(QStringLiteral("/@helios-bundle.js"), QStringLiteral("entries=/src/main.tsx")).body.contains("App_title"));
        QCOMPARE(early.esbuildRuns(), 1);  // the packages were bundled before, and stay

        // A change that comes while the first page compiles waits for it, and is planned
        // against the bundled page.
        DevModuleServer busy(m_config, m_dir.path());
        QVERIFY(busy.open().ok());
        busy.startWarming();
        const QList<QJsonObject> messages = busy.filesChanged({QStringLiteral("src/global.css")});
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("update"));
        QVERIFY(busy.isBundled());
    }

    void tokensStylesAndCssModules()
    {
        const DevResponse tokens = m_server->get(QStringLiteral("/tokens.css"), {});
        QCOMPARE(tokens.status, 200);
        QVERIFY2(tokens.body.contains("--color-brand: #ff0000"), tokens.body.constData());
        const DevResponse global = m_server->get(QStringLiteral("/src/global.css"), {QStringLiteral("import")});
        QVERIFY(global.body.contains("updateStyle(\"/src/global.css\", \"body { margin: 0; }\\n\")"));
        QVERIFY(global.body.contains("from \"/@helios/client.js?hmrPort=24999\""));
        QCOMPARE(m_server->get(QStringLiteral("/src/global.css"), {}).body, QByteArray("body { margin: 0; }\n"));
        const int runs = m_server->esbuildRuns();
        const DevResponse module = m_server->get(QStringLiteral("/src/App.module.css"), {QStringLiteral("import")});
        QCOMPARE(module.status, 200);
        QCOMPARE(m_server->esbuildRuns(), runs);  // from the page load's batch
        QVERIFY2(module.body.contains("title: \"App_title\""), module.body.constData());
        QVERIFY(module.body.contains(".App_title"));
    }

    void changesBecomeTheRightMessages()
    {
        // A token file: the token stylesheet swaps, newly rendered.
        writeFile(m_dir.filePath(QStringLiteral("tokens/base.tokens.json")),
              "{\"color\": {\"$type\": \"color\", \"brand\": {\"$value\": \"#00ff00\"}}}");
        QList<QJsonObject> messages = m_server->filesChanged({QStringLiteral("tokens/base.tokens.json")});
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("update"));
        QJsonObject update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("type")).toString(), QStringLiteral("css-update"));
        QCOMPARE(update.value(QStringLiteral("path")).toString(), QStringLiteral("/tokens.css"));
        QVERIFY(m_server->get(QStringLiteral("/tokens.css"), {}).body.contains("--color-brand: #00ff00"));
        // The changed value goes with the message (pages patch their sheet without a
        // fetch), with the value the sheet held before it.
        QVERIFY(!update.contains(QStringLiteral("css")));
        const QJsonArray declarations = update.value(QStringLiteral("declarations")).toArray();
        QCOMPARE(declarations.size(), 1);
        QCOMPARE(declarations.first().toObject(), (QJsonObject{{QStringLiteral("rule"), QJsonArray{0}},
                                                              {QStringLiteral("name"), QStringLiteral("--color-brand")},
                                                              {QStringLiteral("from"), QStringLiteral("#ff0000")},
                                                              {QStringLiteral("value"), QStringLiteral("#00ff00")}}));
        // A token added: the new text goes instead.
        writeFile(m_dir.filePath(QStringLiteral("tokens/base.tokens.json")),
                  "{\"color\": {\"$type\": \"color\", \"brand\": {\"$value\": \"#00ff00\"}, \"accent\": {\"$value\": \"#0000ff\"}}}");
        messages = m_server->filesChanged({QStringLiteral("tokens/base.tokens.json")});
        update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QVERIFY(!update.contains(QStringLiteral("declarations")));
        QVERIFY(update.value(QStringLiteral("css")).toString().contains(QStringLiteral("--color-accent: #0000ff")));
        const int runs = m_server->esbuildRuns();

        // A stylesheet: swapped.
        messages = m_server->filesChanged({QStringLiteral("src/global.css")});
        update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("path")).toString(), QStringLiteral("/src/global.css"));

        // A module that accepts its own updates: re-imported.
        writeFile(m_dir.filePath(QStringLiteral("src/label.ts")), "export const label: string = \"bye\";\nimport.meta.hot?.accept();\n");
        messages = m_server->filesChanged({QStringLiteral("src/label.ts")});
        update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("type")).toString(), QStringLiteral("js-update"));
        QCOMPARE(update.value(QStringLiteral("acceptedPath")).toString(), QStringLiteral("/src/label.ts"));
        QVERIFY(m_server->get(QStringLiteral("/src/label.ts"), {}).body.contains("bye"));
        // The bundled page gets the module's new factory in the update.
        const QString factory = update.value(QStringLiteral("modules")).toObject().value(QStringLiteral("/src/label.ts")).toString();
        QVERIFY2(factory.contains(QStringLiteral("label = \"bye\"")), qPrintable(factory));
        QVERIFY(factory.contains(QStringLiteral("__hmr?.accept()")));

        // A module whose exports are all components: a React Refresh boundary.
        messages = m_server->filesChanged({QStringLiteral("src/App.tsx")});
        update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("type")).toString(), QStringLiteral("js-update"));
        QCOMPARE(update.value(QStringLiteral("acceptedPath")).toString(), QStringLiteral("/src/App.tsx"));

        // Edits compile in the transform process: no esbuild process started.
        QCOMPARE(m_server->esbuildRuns(), runs);

        // A CSS module: the merged stylesheet swaps, with the new rules in it.
        writeFile(m_dir.filePath(QStringLiteral("src/App.module.css")), ".title { color: var(--color-brand); font-weight: 700; }\n");
        messages = m_server->filesChanged({QStringLiteral("src/App.module.css")});
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("update"));
        QStringList swapped;
        for (const QJsonValue &value : messages.first().value(QStringLiteral("updates")).toArray())
            swapped << value.toObject().value(QStringLiteral("path")).toString();
        QVERIFY2(swapped.contains(QStringLiteral("/@helios-bundle.css")), qPrintable(swapped.join(QLatin1Char(' '))));
        QVERIFY(m_server->get(QStringLiteral("/@helios-bundle.css"), QStringLiteral("entries=/src/main.tsx")).body.contains("font-weight: 700"));

        // A module nobody accepts for, up to the entry: the page reloads.
        messages = m_server->filesChanged({QStringLiteral("src/main.tsx")});
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("full-reload"));

        // A syntax error: located, with its code frame, for the overlay.
        writeFile(m_dir.filePath(QStringLiteral("src/App.tsx")), "export function App() {\n  return <p>;\n}\n");
        messages = m_server->filesChanged({QStringLiteral("src/App.tsx")});
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("error"));
        const QJsonObject err = messages.first().value(QStringLiteral("err")).toObject();
        QCOMPARE(err.value(QStringLiteral("file")).toString(), QStringLiteral("src/App.tsx"));
        QVERIFY(err.value(QStringLiteral("line")).toInt() >= 2);
        QVERIFY(err.value(QStringLiteral("frame")).toString().contains(QStringLiteral("return <p>;")));
    }

    void leadingEdgeChangesWaitForWholeFiles()
    {
        // An early (first-event) call on a half-written, empty file sends nothing.
        const QString label = m_dir.filePath(QStringLiteral("src/label.ts"));
        writeFile(label, "");
        QVERIFY(m_server->filesChanged({QStringLiteral("src/label.ts")}, DevModuleServer::ChangeTiming::Early).isEmpty());
        // A whole file: handled early, and the settled call after it skips the same content.
        writeFile(label, "export const label: string = \"early\";\nimport.meta.hot?.accept();\n");
        QList<QJsonObject> messages = m_server->filesChanged({QStringLiteral("src/label.ts")}, DevModuleServer::ChangeTiming::Early);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("update"));
        // The file's next event in the burst, and the settled call: nothing new to send.
        QVERIFY(m_server->filesChanged({QStringLiteral("src/label.ts")}, DevModuleServer::ChangeTiming::Early).isEmpty());
        QVERIFY(m_server->filesChanged({QStringLiteral("src/label.ts")}).isEmpty());
        // Content that changed after the early call is sent by the settled one.
        QVERIFY(!m_server->filesChanged({QStringLiteral("src/label.ts")}, DevModuleServer::ChangeTiming::Early).isEmpty());
        writeFile(label, "export const label: string = \"late\";\nimport.meta.hot?.accept();\n");
        messages = m_server->filesChanged({QStringLiteral("src/label.ts")});
        QCOMPARE(messages.size(), 1);
        const QJsonObject update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QVERIFY(update.value(QStringLiteral("modules")).toObject().value(QStringLiteral("/src/label.ts")).toString().contains(QStringLiteral("late")));
        // A compile error seen early may be a half-written file: only the settled call reports it.
        writeFile(label, "export const label = (;\n");
        QVERIFY(m_server->filesChanged({QStringLiteral("src/label.ts")}, DevModuleServer::ChangeTiming::Early).isEmpty());
        messages = m_server->filesChanged({QStringLiteral("src/label.ts")});
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    }

    void dependencyAcceptsAreBoundaries()
    {
        // A module that accepts its dependency's updates: the dependency's change goes to
        // it, not up to the page (which would reload).
        writeFile(m_dir.filePath(QStringLiteral("src/version.ts")), "export const version = 1;\n");
        writeFile(m_dir.filePath(QStringLiteral("src/versionHost.ts")),
              "import { version } from \"./version\";\nimport.meta.hot.accept(\"./version\", (next) => next);\nconsole.log(version);\n");
        m_server->filesChanged({QStringLiteral("src/versionHost.ts")});
        writeFile(m_dir.filePath(QStringLiteral("src/version.ts")), "export const version = 2;\n");
        const QList<QJsonObject> messages = m_server->filesChanged({QStringLiteral("src/version.ts")});
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("update"));
        const QJsonObject update = messages.first().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("path")).toString(), QStringLiteral("/src/versionHost.ts"));
        QCOMPARE(update.value(QStringLiteral("acceptedPath")).toString(), QStringLiteral("/src/version.ts"));
        QVERIFY(update.value(QStringLiteral("modules")).toObject().value(QStringLiteral("/src/version.ts")).toString().contains(QStringLiteral("version = 2")));
    }

    void transformServiceSpeaksEsbuildsProtocol()
    {
        auto toolchain = EsbuildToolchain::locate(m_config, m_dir.path());
        QVERIFY(toolchain.ok());
        TransformService service(*toolchain, m_dir.path());
        const QStringList flags{QStringLiteral("--loader=ts"), QStringLiteral("--sourcefile=src/x.ts"), QStringLiteral("--format=cjs"),
                                QStringLiteral("--log-level=silent")};
        auto out = service.transform("export const n: number = 1 + 1;\n", flags);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        QVERIFY(out->errors.isEmpty());
        QVERIFY2(out->code.contains("const n = 1 + 1;"), out->code.constData());
        // A compile error comes back located (1-based), and the service keeps serving.
        out = service.transform("const ok = 1;\nconst bad = (;\n", flags);
        QVERIFY(out.ok());
        QCOMPARE(out->errors.size(), 1);
        QCOMPARE(out->errors.first().file, QStringLiteral("src/x.ts"));
        QCOMPARE(out->errors.first().line, 2);
        QCOMPARE(out->errors.first().column, 14);
        QCOMPARE(out->errors.first().lineText, QStringLiteral("const bad = (;"));
        QVERIFY(out->code.isEmpty());
        out = service.transform("export default \"caf\xc3\xa9\";\n", flags);  // UTF-8 in, esbuild's ASCII escapes out
        QVERIFY2(out.ok() && out->code.contains("\"caf\\xE9\""), out.ok() ? out->code.constData() : "");
        QCOMPARE(service.requests(), 3);
    }

    void watcherReportsTheBurstsFirstFileOnEachEvent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("a.txt")), "a");
        writeFile(dir.filePath(QStringLiteral("b.txt")), "b");
        ProjectWatcher watcher(dir.path(), {}, 400);
        watcher.setLeadingEdge(true);
        QSignalSpy early(&watcher, &ProjectWatcher::changedEarly);
        QSignalSpy settled(&watcher, &ProjectWatcher::changed);
        // A save: the file is truncated (an event that finds it empty), then written.
        QFile a(dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(a.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(early.wait(5000));
        a.write("whole");
        a.close();
        QTRY_VERIFY_WITH_TIMEOUT(early.size() >= 2, 5000);
        // Another file in the same burst waits for the quiet time.
        writeFile(dir.filePath(QStringLiteral("b.txt")), "b2");
        QVERIFY(settled.wait(5000));
        for (const QList<QVariant> &call : std::as_const(early))
            QCOMPARE(call.first().toStringList(), QStringList{QStringLiteral("a.txt")});
        QCOMPARE(settled.first().first().toStringList(), (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")}));
    }

    // One watch per directory: files created, written, renamed over and deleted in it
    // are reported, as are those of a directory that appears or goes away; node_modules
    // and excluded directories are not watched.
    void watcherFollowsDirectories()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("src/a.ts")), "a");
        writeFile(dir.filePath(QStringLiteral("src/gone/g.ts")), "g");
        writeFile(dir.filePath(QStringLiteral("node_modules/x/index.js")), "x");
        writeFile(dir.filePath(QStringLiteral("dist/out.js")), "o");
        ProjectWatcher watcher(dir.path(), {QStringLiteral("dist")}, 50);
        QCOMPARE(watcher.watchedCount(), 5);  // the project, src and src/gone; a.ts and g.ts
        QSignalSpy settled(&watcher, &ProjectWatcher::changed);
        const auto nextBurst = [&] {
            settled.clear();
            return settled.wait(5000) ? settled.first().first().toStringList() : QStringList{QStringLiteral("(none)")};
        };

        writeFile(dir.filePath(QStringLiteral("src/a.ts")), "a2");
        QCOMPARE(nextBurst(), QStringList{QStringLiteral("src/a.ts")});
        // An editor's save by rename: a new file renamed over the old one.
        writeFile(dir.filePath(QStringLiteral("src/.a.ts.swp")), "a3");
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("src/a.ts"))));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("src/.a.ts.swp")), dir.filePath(QStringLiteral("src/a.ts"))));
        QCOMPARE(nextBurst(), (QStringList{QStringLiteral("src/.a.ts.swp"), QStringLiteral("src/a.ts")}));
        // A new directory with a file written at once: the file is reported, and then
        // watched like any other.
        writeFile(dir.filePath(QStringLiteral("src/new/n.ts")), "n");
        QCOMPARE(nextBurst(), QStringList{QStringLiteral("src/new/n.ts")});
        writeFile(dir.filePath(QStringLiteral("src/new/n.ts")), "n2");
        QCOMPARE(nextBurst(), QStringList{QStringLiteral("src/new/n.ts")});
        // A directory removed: its files are changes.
        QVERIFY(QDir(dir.filePath(QStringLiteral("src/gone"))).removeRecursively());
        QCOMPARE(nextBurst(), QStringList{QStringLiteral("src/gone/g.ts")});
        // Not watched: node_modules and the excluded directory.
        writeFile(dir.filePath(QStringLiteral("node_modules/x/index.js")), "x2");
        writeFile(dir.filePath(QStringLiteral("dist/out.js")), "o2");
        writeFile(dir.filePath(QStringLiteral("src/a.ts")), "a4");
        QCOMPARE(nextBurst(), QStringList{QStringLiteral("src/a.ts")});
    }

private:
    QTemporaryDir m_dir;
    Config m_config = Config::embedded(QString());
    std::unique_ptr<DevModuleServer> m_server;
};

QTEST_GUILESS_MAIN(DevModuleServerTest)
#include "dev_module_server_test.moc"
