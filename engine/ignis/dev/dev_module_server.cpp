// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_module_server.h"

#include "core/config.h"
#include "core/logging.h"
#include "ignis/dev/css_module_compiler.h"
#include "ignis/dev/dependency_bundler.h"
#include "ignis/dev/import_rewriter.h"
#include "ignis/dev/module_bundle.h"
#include "ignis/dev/transform_service.h"
#include "ignis/esbuild_messages.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/html_page.h"
#include "ignis/project_config.h"
#include "ignis/token_stylesheet.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <optional>

namespace helios::ignis {

namespace {

const QStringList &moduleExtensions()
{
    static const QStringList extensions{QStringLiteral(".tsx"), QStringLiteral(".ts"), QStringLiteral(".jsx"),
                                        QStringLiteral(".js"), QStringLiteral(".mjs")};
    return extensions;
}

bool isModule(const QString &path)
{
    return std::any_of(moduleExtensions().begin(), moduleExtensions().end(),
                       [&](const QString &extension) { return path.endsWith(extension); });
}

QString loaderFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".tsx")))
        return QStringLiteral("tsx");
    if (path.endsWith(QLatin1String(".ts")))
        return QStringLiteral("ts");
    return QStringLiteral("jsx");  // .js and .jsx: JSX is allowed in either
}

QByteArray readFile(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? file.readAll() : QByteArray();
}

DevResponse text(int status, const QByteArray &type, const QByteArray &body) { return {status, type, body}; }

QByteArray jsString(const QString &text) { return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1); }

QJsonObject errorMessage(const BuildMessage &message, const QString &frame)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("err"), QJsonObject{{QStringLiteral("message"), message.text},
                                                {QStringLiteral("file"), message.file},
                                                {QStringLiteral("line"), message.line},
                                                {QStringLiteral("column"), message.column},
                                                {QStringLiteral("frame"), frame}}}};
}

} // namespace

struct DevModuleServer::Private {
    const Config &config;
    QString projectDir;
    ProjectConfig project;
    EsbuildToolchain toolchain;
    quint16 hmrPort = 0;
    QString workDir;                       // <project>/.helios/dev
    std::optional<QByteArray> tokensCss;   // cached until a token file changes
    QHash<QString, QByteArray> modules;    // URL path -> served JavaScript
    QHash<QString, QByteArray> cssModules; // URL path of a .module.css -> its JavaScript
    QHash<QString, QSet<QString>> importers; // URL path -> the modules that import it
    QSet<QString> selfAccepting;           // modules that call import.meta.hot.accept
    QSet<QString> bareImports;
    bool warmed = false;
    bool reactRefresh = false;       // the project uses React and react-refresh is there
    int esbuildRuns = 0;
    std::optional<BuildMessage> lastError;
    std::unique_ptr<TransformService> transforms;
    // The bundled page (ModuleBundle): on when the first page load compiled every module.
    bool bundled = false;
    QHash<QString, QByteArray> factories;      // URL path -> factory (modules and stylesheets)
    QHash<QString, QStringList> dependencies;  // URL path -> what its factory requires
    QHash<QString, QByteArray> styles;         // URL path of imported CSS -> its CSS
    QHash<QString, QByteArray> cssClasses;     // URL path of a CSS module -> its class names module
    QSet<QString> bundledPackages;             // the packages in /@deps/ now
    QHash<QString, QByteArray> earlyContent;   // file -> the content a leading-edge change handled

    explicit Private(const Config &c) : config(c) {}

    QString absolute(const QString &urlPath) const { return projectDir + urlPath; }

    // "./Button" from /src/index.ts -> "/src/components/Button/Button.tsx"
    QString resolveRelative(const QString &importer, const QString &specifier) const
    {
        const QString base = specifier.startsWith(QLatin1Char('/'))
                                 ? QDir::cleanPath(specifier)
                                 : QDir::cleanPath(QFileInfo(importer).path() + QLatin1Char('/') + specifier);
        if (QFileInfo(absolute(base)).isFile())
            return base;
        for (const QString &extension : moduleExtensions())
            if (QFileInfo(absolute(base + extension)).isFile())
                return base + extension;
        for (const QString &extension : moduleExtensions())
            if (QFileInfo(absolute(base + QStringLiteral("/index") + extension)).isFile())
                return base + QStringLiteral("/index") + extension;
        return {};
    }

    static bool isBare(const QString &specifier)
    {
        return !specifier.startsWith(QLatin1Char('.')) && !specifier.startsWith(QLatin1Char('/')) &&
               !specifier.contains(QLatin1String("://"));
    }

    QString depsDir() const { return workDir + QStringLiteral("/deps"); }

    QString resolveForFactory(const QString &urlPath, const QString &specifier)
    {
        if (isBare(specifier)) {
            bareImports.insert(specifier);
            return QStringLiteral("/@deps/") + DependencyBundler::fileNameFor(specifier);
        }
        const QString resolved = resolveRelative(urlPath, specifier);
        if (resolved.isEmpty())
            return specifier;  // the registry reports it with the importer
        importers[resolved].insert(urlPath);
        return resolved;
    }

    // A module's factory for the bundled page, from esbuild's CommonJS output.
    QByteArray finishFactory(const QString &urlPath, const QByteArray &compiled)
    {
        QStringList deps;
        QByteArray code = ModuleBundle::rewriteRequires(
            compiled, [&](const QString &specifier) { return resolveForFactory(urlPath, specifier); }, &deps);
        dependencies.insert(urlPath, deps);
        if (usesJsx(urlPath) && reactRefresh)
            code = ModuleBundle::withRefreshRegistration(urlPath, code);
        if (ModuleBundle::acceptsItself(code))
            selfAccepting.insert(urlPath);
        return code;
    }

    ModuleBundle::Input bundleInput(const QString &query) const
    {
        QStringList entries;
        for (const QString &item : query.split(QLatin1Char('&')))
            if (item.startsWith(QLatin1String("entries=")))
                entries = QUrl::fromPercentEncoding(item.mid(8).toUtf8()).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return {entries, &factories, &dependencies, &styles, clientUrl()};
    }

    // One URL for the client everywhere (page and modules), so the browser runs one copy.
    QByteArray clientUrl() const
    {
        return "/@helios/client.js" + (hmrPort ? "?hmrPort=" + QByteArray::number(hmrPort) : QByteArray());
    }

    // The module's JavaScript as served: imports pointing at URLs, import.meta.hot set.
    QByteArray finish(const QString &urlPath, const QByteArray &compiled)
    {
        QStringList specifiers;
        QByteArray code = ImportRewriter::rewrite(compiled, [&](const QString &specifier) -> QString {
            if (isBare(specifier)) {
                bareImports.insert(specifier);
                return QStringLiteral("/@deps/") + DependencyBundler::fileNameFor(specifier);
            }
            const QString resolved = resolveRelative(urlPath, specifier);
            if (resolved.isEmpty())
                return specifier;  // the browser reports the 404 with the importer
            importers[resolved].insert(urlPath);
            return resolved.endsWith(QLatin1String(".css")) ? resolved + QStringLiteral("?import") : resolved;
        }, &specifiers);
        if (usesJsx(urlPath))
            code = withRefreshRegistration(urlPath, code);
        if (code.contains("import.meta.hot.accept(") || code.contains("import.meta.hot?.accept("))
            selfAccepting.insert(urlPath);
        // On the first line, so the inline source map's lines still match.
        const QByteArray hot = "import { createHotContext as __heliosHot } from \"" + clientUrl() +
                               "\"; import.meta.hot = __heliosHot(" + jsString(urlPath) + "); ";
        return hot + code;
    }

    static bool usesJsx(const QString &urlPath)
    {
        return urlPath.endsWith(QLatin1String(".tsx")) || urlPath.endsWith(QLatin1String(".jsx"));
    }

    // React Refresh without a Babel pass: a module whose exports are all components
    // (PascalCase) registers each with react-refresh's runtime and accepts its own
    // updates, re-rendering with the new code while React keeps the components' state.
    // Hook signatures are not tracked: a changed hook order keeps state it should reset
    // (react-refresh treats components without signatures as compatible).
    QByteArray withRefreshRegistration(const QString &urlPath, const QByteArray &code)
    {
        static const QRegularExpression exportBlock(QStringLiteral("^export\\s*\\{([^}]*)\\};?"),
                                                    QRegularExpression::MultilineOption);
        static const QRegularExpression component(QStringLiteral("^[A-Z][A-Za-z0-9_$]*$"));
        const QString text = QString::fromUtf8(code);
        QStringList registrations;
        bool onlyComponents = true;
        for (auto it = exportBlock.globalMatch(text); it.hasNext();) {
            for (QString item : it.next().captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                item = item.simplified();
                const QStringList parts = item.split(QStringLiteral(" as "));
                const QString local = parts.first().trimmed();
                const QString exported = parts.last().trimmed();
                const bool isComponent = component.match(local).hasMatch() &&
                                         (exported == QLatin1String("default") || component.match(exported).hasMatch());
                onlyComponents = onlyComponents && isComponent;
                if (isComponent)
                    registrations << QStringLiteral("__heliosRegister(%1, %2);").arg(local, QString::fromUtf8(jsString(urlPath + QLatin1Char(' ') + local)));
            }
        }
        if (registrations.isEmpty() || !onlyComponents || !reactRefresh)
            return code;
        const QByteArray tail = "\nimport { registerComponent as __heliosRegister, performRefresh as __heliosRefresh } from "
                                "\"" + clientUrl() + "\";\n" + registrations.join(QLatin1Char('\n')).toUtf8() +
                                "\nimport.meta.hot.accept(() => __heliosRefresh());\n";
        // Before the source map comment, which stays last.
        const qsizetype map = code.lastIndexOf("//# sourceMappingURL=");
        QByteArray out = code;
        out.insert(map >= 0 ? map : out.size(), tail);
        return out;
    }

    QJsonObject transformOptions(const QString &urlPath, bool factory) const
    {
        QJsonObject options{{QStringLiteral("loader"), loaderFor(urlPath)},
                            {QStringLiteral("format"), factory ? QStringLiteral("cjs") : QStringLiteral("esm")},
                            {QStringLiteral("jsx"), QStringLiteral("automatic")},
                            {QStringLiteral("jsxDev"), true},
                            {QStringLiteral("sourcemap"), QStringLiteral("inline")},
                            {QStringLiteral("sourcefile"), urlPath.mid(1)},
                            {QStringLiteral("target"), QStringLiteral("es2020")},
                            {QStringLiteral("logLevel"), QStringLiteral("silent")}};
        if (factory)
            options.insert(QStringLiteral("define"), QJsonObject{{QStringLiteral("import.meta.hot"), QStringLiteral("__hmr")}});
        return options;
    }

    Result<QByteArray> failed(const QString &urlPath, BuildMessages messages)
    {
        if (messages.isEmpty())
            messages.append(BuildMessage{BuildMessage::Severity::Error, urlPath.mid(1), 0, 0, QStringLiteral("esbuild failed"), {}, {}});
        for (BuildMessage &message : messages)
            if (message.file.isEmpty() || message.file == QLatin1String("<stdin>"))
                message.file = urlPath.mid(1);
        lastError = messages.first();
        return makeError(ErrorCode::InvalidArgument, messages.first().toString(), urlPath);
    }

    // Compiles one module, as an ES module or (factory) as a CommonJS factory: through the
    // long-lived transform service, or an esbuild process when there is none.
    Result<QByteArray> transform(const QString &urlPath, bool factory, const QByteArray *given = nullptr)
    {
        bool ok = true;
        const QByteArray source = given ? *given : readFile(absolute(urlPath), &ok);
        if (!ok)
            return makeError(ErrorCode::NotFound, QStringLiteral("no module %1").arg(urlPath));
        if (transforms && transforms->available()) {
            auto out = transforms->transform(source, transformOptions(urlPath, factory));
            if (out.ok()) {
                if (!out->errors.isEmpty())
                    return failed(urlPath, out->errors);
                return out->code;
            }
        }
        QProcess esbuild;
        esbuild.setWorkingDirectory(projectDir);
        ++esbuildRuns;
        QStringList args{QStringLiteral("--loader=") + loaderFor(urlPath),
                         factory ? QStringLiteral("--format=cjs") : QStringLiteral("--format=esm"),
                         QStringLiteral("--jsx=automatic"), QStringLiteral("--jsx-dev"),
                         QStringLiteral("--sourcemap=inline"), QStringLiteral("--sourcefile=") + urlPath.mid(1),
                         QStringLiteral("--target=es2020"), QStringLiteral("--log-level=error"),
                         QStringLiteral("--color=false")};
        if (factory)
            args << QStringLiteral("--define:import.meta.hot=__hmr");
        esbuild.start(toolchain.binary, args);
        esbuild.write(source);
        esbuild.closeWriteChannel();
        if (!esbuild.waitForFinished(30000))
            return makeError(ErrorCode::Timeout, QStringLiteral("esbuild did not compile %1 in time").arg(urlPath));
        if (esbuild.exitCode() != 0)
            return failed(urlPath, parseEsbuildMessages(esbuild.readAllStandardError()));
        return esbuild.readAllStandardOutput();
    }

    Result<QByteArray> compile(const QString &urlPath)
    {
        auto compiled = transform(urlPath, false);
        HELIOS_TRY(compiled);
        return finish(urlPath, *compiled);
    }

    Result<QByteArray> compileFactory(const QString &urlPath, const QByteArray *source = nullptr)
    {
        auto compiled = transform(urlPath, true, source);
        HELIOS_TRY(compiled);
        return finishFactory(urlPath, *compiled);
    }

    // A CSS module as an ES module: its class names, and its CSS handed to the client.
    QByteArray cssModuleJs(const QString &urlPath, const CssModuleCompiler::Output &output) const
    {
        return "import { updateStyle, createHotContext } from \"" + clientUrl() + "\";\n"
               "import.meta.hot = createHotContext(" + jsString(urlPath) + ");\n"
               "updateStyle(" + jsString(urlPath) + ", " + jsString(QString::fromUtf8(output.css)) + ");\n" +
               output.classes;
    }

    // Keeps what CSS modules compiled to: served as modules, and for the bundled page as
    // factories and stylesheets. Returns the paths whose class names changed.
    QStringList takeCssModules(const QHash<QString, CssModuleCompiler::Output> &compiled)
    {
        QStringList renamed;
        for (auto it = compiled.cbegin(); it != compiled.cend(); ++it) {
            cssModules.insert(it.key(), cssModuleJs(it.key(), it.value()));
            styles.insert(it.key(), it.value().css);
            const auto previous = cssClasses.constFind(it.key());
            if (previous != cssClasses.constEnd() && *previous != it.value().classes)
                renamed << it.key();
            cssClasses.insert(it.key(), it.value().classes);
            factories.insert(it.key(), ModuleBundle::cssModuleFactory(it.value().classes));
        }
        return renamed;
    }

    Result<QStringList> compileCssModules(const QStringList &urlPaths)
    {
        CssModuleCompiler compiler(toolchain, projectDir, workDir);
        ++esbuildRuns;
        compiler.start(urlPaths);
        auto compiled = compiler.finish();
        HELIOS_TRY(compiled);
        return takeCssModules(*compiled);
    }

    DevResponse cssModule(const QString &urlPath)
    {
        auto cached = cssModules.constFind(urlPath);
        if (cached != cssModules.constEnd())
            return text(200, "text/javascript; charset=utf-8", *cached);
        if (!QFileInfo::exists(absolute(urlPath)))
            return text(404, "text/plain", "no stylesheet " + urlPath.toUtf8());
        auto compiled = compileCssModules({urlPath});
        if (!compiled.ok())
            return text(500, "text/plain; charset=utf-8", compiled.error().toString().toUtf8());
        return text(200, "text/javascript; charset=utf-8", cssModules.value(urlPath));
    }

    // Compiles many modules in one esbuild call (no bundling: one output per input), as ES
    // modules or (factories) CommonJS, the raw output by URL path. Fails as a whole if any
    // module does not compile; the caller then compiles one by one, so one broken file
    // costs only itself.
    Result<QHash<QString, QByteArray>> compileBatch(const QStringList &urlPaths, bool factories)
    {
        const QString outDir = workDir + QStringLiteral("/batch");
        QDir(outDir).removeRecursively();
        QStringList args;
        for (const QString &urlPath : urlPaths)
            args << urlPath.mid(1);
        args << QStringLiteral("--outdir=") + outDir << QStringLiteral("--outbase=.")
             << (factories ? QStringLiteral("--format=cjs") : QStringLiteral("--format=esm"))
             << QStringLiteral("--jsx=automatic") << QStringLiteral("--jsx-dev") << QStringLiteral("--loader:.js=jsx")
             << QStringLiteral("--sourcemap=inline") << QStringLiteral("--target=es2020")
             << QStringLiteral("--log-level=error") << QStringLiteral("--color=false");
        if (factories)
            args << QStringLiteral("--define:import.meta.hot=__hmr");
        QProcess esbuild;
        esbuild.setWorkingDirectory(projectDir);
        ++esbuildRuns;
        esbuild.start(toolchain.binary, args);
        if (!esbuild.waitForFinished(120000) || esbuild.exitStatus() != QProcess::NormalExit || esbuild.exitCode() != 0)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("a module does not compile"), projectDir);
        QHash<QString, QByteArray> compiled;
        for (const QString &urlPath : urlPaths) {
            QString out = outDir + urlPath;
            out = out.left(out.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".js");
            bool ok = false;
            compiled.insert(urlPath, readFile(out, &ok));
            if (!ok)
                return makeError(ErrorCode::Io, QStringLiteral("esbuild wrote no %1").arg(out));
        }
        return compiled;
    }

    bool useReactRefresh()
    {
        // Component updates keep their state when react-refresh's runtime is at hand
        // (Helios's toolchain has it); without it they reload the page.
        if (!reactRefresh && bareImports.contains(QStringLiteral("react-dom/client")) &&
            QFileInfo::exists(toolchain.nodeModules + QStringLiteral("/react-refresh/runtime.js"))) {
            bareImports.insert(QStringLiteral("react-refresh/runtime"));
            reactRefresh = true;
        }
        return reactRefresh;
    }

    // The first page load: every module of the project compiled in one esbuild call (as
    // factories of the bundled page) while every CSS module compiles in another, so the
    // packages they import are known and pre-bundled together in a third. When a module
    // does not compile, the page falls back to one ES module per request.
    void warm()
    {
        if (warmed)
            return;
        warmed = true;
        QStringList urlPaths;
        QStringList cssModulePaths;
        QStringList plainCss;
        QDirIterator it(projectDir + QStringLiteral("/src"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString urlPath = QLatin1Char('/') + QDir(projectDir).relativeFilePath(it.next());
            if (isModule(urlPath) && !modules.contains(urlPath))
                urlPaths << urlPath;
            else if (urlPath.endsWith(QLatin1String(".module.css")))
                cssModulePaths << urlPath;
            else if (urlPath.endsWith(QLatin1String(".css")))
                plainCss << urlPath;
        }
        // Both esbuild calls at once: they overlap on two cores.
        CssModuleCompiler cssCompiler(toolchain, projectDir, workDir);
        if (!cssModulePaths.isEmpty()) {
            ++esbuildRuns;
            cssCompiler.start(cssModulePaths);
        }
        auto batch = compileBatch(urlPaths, true);
        bool cssOk = true;
        if (!cssModulePaths.isEmpty()) {
            auto compiled = cssCompiler.finish();
            cssOk = compiled.ok();
            if (cssOk)
                takeCssModules(*compiled);
        }
        if (batch.ok() && cssOk) {
            bundled = true;
            for (auto it = batch->cbegin(); it != batch->cend(); ++it)
                factories.insert(it.key(), finishFactory(it.key(), it.value()));
            if (useReactRefresh())  // finished again, now registering their components
                for (auto it = batch->cbegin(); it != batch->cend(); ++it)
                    if (usesJsx(it.key()))
                        factories.insert(it.key(), finishFactory(it.key(), it.value()));
            for (const QString &path : std::as_const(plainCss)) {
                styles.insert(path, readFile(absolute(path)));
                factories.insert(path, QByteArray());
            }
        } else {
            for (const QString &urlPath : std::as_const(urlPaths))
                if (auto compiled = compile(urlPath); compiled.ok())
                    modules.insert(urlPath, *compiled);
            if (useReactRefresh())
                for (const QString &path : modules.keys())
                    if (usesJsx(path))
                        if (auto compiled = compile(path); compiled.ok())
                            modules.insert(path, *compiled);
        }
        bundleDependencies();
    }

    void bundleDependencies()
    {
        DependencyBundler bundler(toolchain, projectDir, depsDir());
        QStringList specifiers(bareImports.cbegin(), bareImports.cend());
        specifiers.sort();
        auto ran = bundler.bundle(specifiers);
        if (!ran.ok())
            qCWarning(lcIgnis) << "dev server:" << ran.error().toString();
        else if (*ran)
            ++esbuildRuns;
        bundledPackages = bareImports;
    }

    DevResponse tokens()
    {
        if (project.tokensConfig.isEmpty())
            return text(200, "text/css", "/* this project has no tokens */\n");
        if (!tokensCss) {
            TokenStylesheet sheet = TokenStylesheet::prepare(projectDir, project.tokensConfig);
            QByteArray css;
            if (sheet.hasErrors() || !sheet.render(&css)) {
                lastError = sheet.messages().isEmpty() ? BuildMessage{} : sheet.messages().first();
                return text(500, "text/css", "/* " + lastError->toString().toUtf8().replace("*/", "* /") + " */\n");
            }
            tokensCss = css;
        }
        return text(200, "text/css", *tokensCss);
    }

    DevResponse page(const QString &htmlPath)
    {
        bool ok = false;
        QByteArray html = readFile(absolute(htmlPath), &ok);
        if (!ok)
            return text(404, "text/plain", "no page " + htmlPath.toUtf8());
        warm();
        const QByteArray client = "<script type=\"module\" src=\"" + clientUrl() + "\"></script>\n";
        QByteArray preamble = client;
        // react-refresh hooks into React before react-dom loads: module scripts run in
        // document order, and this one comes first.
        if (reactRefresh)
            preamble += "<script type=\"module\">import RefreshRuntime from \"/@deps/" +
                        DependencyBundler::fileNameFor(QStringLiteral("react-refresh/runtime")).toUtf8() +
                        "\"; RefreshRuntime.injectIntoGlobalHook(window); window.$RefreshReg$ = () => {}; "
                        "window.$RefreshSig$ = () => (type) => type; window.__HELIOS_REACT_REFRESH__ = RefreshRuntime;"
                        "</script>\n";
        if (bundled)
            preamble += bundlePage(html);
        const qsizetype head = html.indexOf("</head>");
        html.insert(head >= 0 ? head : 0, preamble);
        return text(200, "text/html; charset=utf-8", html);
    }

    // The page's module scripts of project modules run from the bundle: their type
    // becomes one the browser does not load, and the bundle's script and stylesheet go
    // into <head>. Returns those two tags.
    QByteArray bundlePage(QByteArray &html)
    {
        static const QRegularExpression scriptTag(QStringLiteral("<script\\b[^>]*>"));
        static const QRegularExpression moduleType(QStringLiteral("\\btype\\s*=\\s*[\"']module[\"']"));
        static const QRegularExpression source(QStringLiteral("\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']"));
        QString page = QString::fromUtf8(html);
        QStringList entries;
        for (qsizetype from = 0;;) {
            const auto tag = scriptTag.match(page, from);
            if (!tag.hasMatch())
                break;
            from = tag.capturedEnd(0);
            const QString attributes = tag.captured(0);
            const auto type = moduleType.match(attributes);
            const auto src = source.match(attributes);
            if (!type.hasMatch() || !src.hasMatch())
                continue;
            QString path = src.captured(1);
            if (path.startsWith(QLatin1String("./")))
                path = path.mid(1);
            else if (!path.startsWith(QLatin1Char('/')))
                path.prepend(QLatin1Char('/'));
            path = QDir::cleanPath(path);
            if (!factories.contains(path))
                continue;
            entries << path;
            QString rewritten = attributes;
            rewritten.replace(type.capturedStart(0), type.capturedLength(0), QStringLiteral("type=\"helios/module\""));
            page.replace(tag.capturedStart(0), tag.capturedLength(0), rewritten);
            from = tag.capturedStart(0) + rewritten.size();
        }
        if (entries.isEmpty())
            return {};
        html = page.toUtf8();
        const QByteArray query = "?entries=" + QUrl::toPercentEncoding(entries.join(QLatin1Char(',')), "/,");
        return "<link rel=\"stylesheet\" href=\"/@helios-bundle.css" + query + "\">\n"
               "<script type=\"module\" src=\"/@helios-bundle.js" + query + "\"></script>\n";
    }

    DevResponse module(const QString &urlPath)
    {
        auto cached = modules.constFind(urlPath);
        if (cached != modules.constEnd())
            return text(200, "text/javascript; charset=utf-8", *cached);
        auto compiled = compile(urlPath);
        if (!compiled.ok())
            return text(compiled.error().code == ErrorCode::NotFound ? 404 : 500, "text/plain; charset=utf-8",
                        compiled.error().toString().toUtf8());
        modules.insert(urlPath, *compiled);
        return text(200, "text/javascript; charset=utf-8", *compiled);
    }

    // The token stylesheet again; its text goes with the message, so pages patch the
    // sheet they have instead of fetching it.
    QList<QJsonObject> tokensChanged()
    {
        tokensCss.reset();
        lastError.reset();
        const DevResponse sheet = tokens();
        if (sheet.status != 200 && lastError) {
            const BuildMessage message = *lastError;
            return {errorMessage(message, codeFrame(projectDir, message))};
        }
        const QJsonObject update{{QStringLiteral("type"), QStringLiteral("css-update")},
                                 {QStringLiteral("path"), QString(QLatin1Char('/') + HtmlPage::tokensPath())},
                                 {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch()},
                                 {QStringLiteral("css"), QString::fromUtf8(sheet.body)}};
        return {QJsonObject{{QStringLiteral("type"), QStringLiteral("update")}, {QStringLiteral("updates"), QJsonArray{update}}}};
    }

    // Modules and stylesheets a changed factory imports that the bundled page has not
    // got: compiled and sent along. False when it imports a package the pre-bundle lacks
    // (pre-bundled again; the page must reload).
    bool addNewDependencies(const QString &urlPath, QJsonObject &sent, bool &bundleCssChanged)
    {
        const QStringList deps = dependencies.value(urlPath);
        for (const QString &dep : deps) {
            if (factories.contains(dep) || dep.startsWith(QLatin1String("/@deps/")) || !QFileInfo::exists(absolute(dep)))
                continue;
            if (dep.endsWith(QLatin1String(".module.css"))) {
                if (!compileCssModules({dep}).ok())
                    continue;
                bundleCssChanged = true;
            } else if (dep.endsWith(QLatin1String(".css"))) {
                styles.insert(dep, readFile(absolute(dep)));
                factories.insert(dep, QByteArray());
                bundleCssChanged = true;
            } else if (isModule(dep)) {
                auto factory = compileFactory(dep);
                if (!factory.ok())
                    continue;  // the registry reports the missing module
                factories.insert(dep, *factory);
                if (!addNewDependencies(dep, sent, bundleCssChanged))
                    return false;
            } else {
                continue;
            }
            sent.insert(dep, QString::fromUtf8(factories.value(dep)));
        }
        if (bareImports != bundledPackages) {
            bundleDependencies();
            return false;
        }
        return true;
    }

    // js-updates for the modules that accept `urlPath`'s change (up its importers), or
    // false when it reaches a module nobody accepts for.
    bool appendBoundaries(const QString &urlPath, const QJsonObject &sent, qint64 now, QJsonArray &updates)
    {
        QSet<QString> seen;
        QList<QString> queue{urlPath};
        bool accepted = false;
        while (!queue.isEmpty()) {
            const QString current = queue.takeFirst();
            if (seen.contains(current))
                continue;
            seen.insert(current);
            if (selfAccepting.contains(current)) {
                QJsonObject update{{QStringLiteral("type"), QStringLiteral("js-update")},
                                   {QStringLiteral("path"), current},
                                   {QStringLiteral("acceptedPath"), current},
                                   {QStringLiteral("timestamp"), now}};
                if (!sent.isEmpty())
                    update.insert(QStringLiteral("modules"), sent);
                updates.append(update);
                accepted = true;
                continue;
            }
            const QSet<QString> up = importers.value(current);
            if (up.isEmpty())
                return false;  // reached an entry nobody accepts for
            for (const QString &importer : up)
                queue.append(importer);
        }
        return accepted;
    }

    QList<QJsonObject> changes(const QStringList &paths)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QJsonArray updates;
        bool reload = false;
        bool bundleCssChanged = false;
        const auto failure = [this]() -> QList<QJsonObject> {
            const BuildMessage message = lastError.value_or(BuildMessage{});
            return {errorMessage(message, codeFrame(projectDir, message))};
        };
        for (const QString &relative : paths) {
            const QString urlPath = QLatin1Char('/') + relative;
            if (relative.endsWith(QLatin1String(".tokens.json")) || relative.startsWith(QLatin1String("tokens/")) ||
                project.tokensConfig.endsWith(relative)) {
                const QList<QJsonObject> swapped = tokensChanged();
                if (swapped.constFirst().value(QStringLiteral("type")).toString() == QLatin1String("error"))
                    return swapped;
                updates.append(swapped.constFirst().value(QStringLiteral("updates")).toArray().first());
                continue;
            }
            if (relative.endsWith(QLatin1String(".css"))) {
                cssModules.remove(urlPath);
                updates.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("css-update")},
                                           {QStringLiteral("path"), urlPath},
                                           {QStringLiteral("timestamp"), now}});
                if (!bundled || !styles.contains(urlPath))
                    continue;
                bundleCssChanged = true;
                if (!urlPath.endsWith(QLatin1String(".module.css"))) {
                    styles.insert(urlPath, readFile(absolute(urlPath)));
                    continue;
                }
                auto renamed = compileCssModules({urlPath});
                if (!renamed.ok()) {
                    lastError = BuildMessage{BuildMessage::Severity::Error, relative, 0, 0, renamed.error().message, {}, {}};
                    return failure();
                }
                // New class names: the modules using them run again.
                if (!renamed->isEmpty())
                    reload = !appendBoundaries(urlPath, QJsonObject{{urlPath, QString::fromUtf8(factories.value(urlPath))}},
                                               now, updates) || reload;
                continue;
            }
            if (!isModule(urlPath)) {
                reload = reload || relative.endsWith(QLatin1String(".html")) || relative == ProjectConfig::fileName();
                continue;
            }
            modules.remove(urlPath);
            QJsonObject sent;
            if (QFileInfo::exists(absolute(urlPath))) {
                lastError.reset();
                if (bundled) {
                    auto factory = compileFactory(urlPath);
                    if (!factory.ok())
                        return failure();
                    factories.insert(urlPath, *factory);
                    sent.insert(urlPath, QString::fromUtf8(*factory));
                    if (!addNewDependencies(urlPath, sent, bundleCssChanged))
                        reload = true;
                } else {
                    auto compiled = compile(urlPath);
                    if (!compiled.ok())
                        return failure();
                    modules.insert(urlPath, *compiled);
                }
            }
            reload = !appendBoundaries(urlPath, sent, now, updates) || reload;
        }
        if (bundleCssChanged)
            updates.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("css-update")},
                                       {QStringLiteral("path"), QStringLiteral("/@helios-bundle.css")},
                                       {QStringLiteral("timestamp"), now}});
        if (reload)
            return {QJsonObject{{QStringLiteral("type"), QJsonValue(QStringLiteral("full-reload"))}}};
        if (updates.isEmpty())
            return {};
        return {QJsonObject{{QStringLiteral("type"), QStringLiteral("update")}, {QStringLiteral("updates"), updates}}};
    }
};

DevModuleServer::DevModuleServer(const Config &config, const QString &projectDir)
    : d(std::make_unique<Private>(config))
{
    d->projectDir = QFileInfo(projectDir).canonicalFilePath();
}

DevModuleServer::~DevModuleServer() = default;

Result<void> DevModuleServer::open()
{
    d->project = ProjectConfig::read(d->projectDir);
    if (d->project.hasErrors())
        return makeError(ErrorCode::InvalidArgument, d->project.messages.first().toString(), d->projectDir);
    d->projectDir = d->project.projectDir;
    auto toolchain = EsbuildToolchain::locate(d->config, d->projectDir);
    HELIOS_TRY(toolchain);
    d->toolchain = *toolchain;
    d->workDir = d->projectDir + QStringLiteral("/.helios/dev");
    if (!QDir().mkpath(d->workDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the dev server's directory"), d->workDir);
    // Started now, ready by the first edit: Node.js and esbuild start while the page loads.
    d->transforms = std::make_unique<TransformService>(d->toolchain, d->projectDir);
    d->transforms->start();
    return {};
}

const ProjectConfig &DevModuleServer::project() const { return d->project; }

int DevModuleServer::esbuildRuns() const { return d->esbuildRuns; }

int DevModuleServer::serviceTransforms() const { return d->transforms ? d->transforms->requests() : 0; }

bool DevModuleServer::isBundled() const { return d->bundled; }

void DevModuleServer::setHmrPort(quint16 port) { d->hmrPort = port; }

DevResponse DevModuleServer::get(const QString &path, const QString &query)
{
    if (path.contains(QLatin1String("..")))
        return text(400, "text/plain", "bad path\n");
    if (path == QLatin1String("/") || path == QLatin1String("/index.html")) {
        for (const BuildEntry &entry : d->project.entries)
            if (!entry.html.isEmpty())
                return d->page(QLatin1Char('/') + entry.html);
        return d->page(QStringLiteral("/index.html"));
    }
    if (path == QLatin1String("/@helios/client.js")) {
        bool ok = false;
        const QByteArray client = readFile(QStringLiteral(":/helios/hmr/client.js"), &ok);
        return ok ? text(200, "text/javascript; charset=utf-8", client) : text(500, "text/plain", "no HMR client\n");
    }
    if (path == QLatin1String("/") + HtmlPage::tokensPath())
        return d->tokens();
    if (path == QLatin1String("/@helios-bundle.js") || path == QLatin1String("/@helios-bundle.css")) {
        d->warm();
        if (!d->bundled)
            return text(404, "text/plain", "this page is not bundled\n");
        const ModuleBundle::Input input = d->bundleInput(query);
        const ModuleBundle::Graph graph = ModuleBundle::walk(input);
        if (path.endsWith(QLatin1String(".css")))
            return text(200, "text/css; charset=utf-8", ModuleBundle::stylesheet(input, graph));
        return text(200, "text/javascript; charset=utf-8", ModuleBundle::script(input, graph));
    }
    if (path.startsWith(QLatin1String("/@deps/"))) {
        bool ok = false;
        const QByteArray bytes = readFile(d->depsDir() + path.mid(6), &ok);
        return ok ? text(200, path.endsWith(QLatin1String(".map")) ? "application/json" : "text/javascript; charset=utf-8", bytes)
                  : text(404, "text/plain", "not pre-bundled: " + path.toUtf8());
    }
    const bool asModule = query.split(QLatin1Char('&')).contains(QStringLiteral("import"));
    if (path.endsWith(QLatin1String(".module.css")) && asModule)
        return d->cssModule(path);
    if (path.endsWith(QLatin1String(".css")) && asModule) {
        bool ok = false;
        const QByteArray css = readFile(d->absolute(path), &ok);
        if (!ok)
            return text(404, "text/plain", "no stylesheet " + path.toUtf8());
        return text(200, "text/javascript; charset=utf-8",
                    "import { updateStyle } from \"" + d->clientUrl() + "\";\nupdateStyle(" + jsString(path) + ", " +
                        jsString(QString::fromUtf8(css)) + ");\n");
    }
    if (isModule(path))
        return d->module(path);
    bool ok = false;
    const QByteArray bytes = readFile(d->absolute(path), &ok);
    if (!ok)
        return text(404, "text/plain", "not found: " + path.toUtf8());
    const QByteArray type = path.endsWith(QLatin1String(".css"))    ? "text/css"
                            : path.endsWith(QLatin1String(".svg"))  ? "image/svg+xml"
                            : path.endsWith(QLatin1String(".png"))  ? "image/png"
                            : path.endsWith(QLatin1String(".json")) ? "application/json"
                                                                    : "application/octet-stream";
    return text(200, type, bytes);
}

QList<QJsonObject> DevModuleServer::tokensChanged() { return d->tokensChanged(); }

QList<QJsonObject> DevModuleServer::filesChanged(const QStringList &changed, ChangeTiming timing)
{
    QStringList paths;
    for (const QString &relative : changed) {
        const QString file = d->projectDir + QLatin1Char('/') + relative;
        if (timing == ChangeTiming::Early) {
            // The first event of a burst, acted on at once: the file may be half written,
            // so an empty or missing file waits for the settled call.
            bool ok = false;
            const QByteArray content = readFile(file, &ok);
            if (!ok || content.isEmpty())
                return {};
            d->earlyContent.insert(relative, content);
        } else if (auto early = d->earlyContent.find(relative); early != d->earlyContent.end()) {
            const bool same = readFile(file) == *early;
            d->earlyContent.erase(early);
            if (same)
                continue;  // handled by the early call already
        }
        paths << relative;
    }
    if (paths.isEmpty())
        return {};
    QList<QJsonObject> messages = d->changes(paths);
    if (timing == ChangeTiming::Early && !messages.isEmpty() &&
        messages.constFirst().value(QStringLiteral("type")).toString() == QLatin1String("error")) {
        // Maybe only a half-written file: the settled call decides.
        for (const QString &relative : std::as_const(paths))
            d->earlyContent.remove(relative);
        return {};
    }
    return messages;
}

} // namespace helios::ignis
