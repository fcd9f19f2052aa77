// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_module_server.h"

#include "core/config.h"
#include "core/logging.h"
#include "ignis/dev/dependency_bundler.h"
#include "ignis/dev/import_rewriter.h"
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
    bool reactRefresh = false;
    int esbuildRuns = 0;             // the project uses React and react-refresh is there
    std::optional<BuildMessage> lastError;

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

    // Compiles one module from its source through esbuild's stdin.
    Result<QByteArray> compile(const QString &urlPath)
    {
        bool ok = false;
        const QByteArray source = readFile(absolute(urlPath), &ok);
        if (!ok)
            return makeError(ErrorCode::NotFound, QStringLiteral("no module %1").arg(urlPath));
        QProcess esbuild;
        esbuild.setWorkingDirectory(projectDir);
        ++esbuildRuns;
        esbuild.start(toolchain.binary, {QStringLiteral("--loader=") + loaderFor(urlPath), QStringLiteral("--format=esm"),
                                         QStringLiteral("--jsx=automatic"), QStringLiteral("--jsx-dev"),
                                         QStringLiteral("--sourcemap=inline"), QStringLiteral("--sourcefile=") + urlPath.mid(1),
                                         QStringLiteral("--target=es2020"), QStringLiteral("--log-level=error"),
                                         QStringLiteral("--color=false")});
        esbuild.write(source);
        esbuild.closeWriteChannel();
        if (!esbuild.waitForFinished(30000))
            return makeError(ErrorCode::Timeout, QStringLiteral("esbuild did not compile %1 in time").arg(urlPath));
        if (esbuild.exitCode() != 0) {
            BuildMessages messages = parseEsbuildMessages(esbuild.readAllStandardError());
            if (messages.isEmpty())
                messages.append(BuildMessage{BuildMessage::Severity::Error, urlPath.mid(1), 0, 0,
                                             QStringLiteral("esbuild failed"), {}, {}});
            for (BuildMessage &message : messages)
                if (message.file.isEmpty() || message.file == QLatin1String("<stdin>"))
                    message.file = urlPath.mid(1);
            lastError = messages.first();
            return makeError(ErrorCode::InvalidArgument, messages.first().toString(), urlPath);
        }
        return finish(urlPath, esbuild.readAllStandardOutput());
    }

    // CSS modules as JavaScript: their class names, and their CSS handed to the client.
    // esbuild computes the class names only when bundling, so each CSS module gets a
    // one-line entry that re-exports it, and one esbuild call bundles them all.
    Result<QHash<QString, QByteArray>> compileCssModules(const QStringList &urlPaths)
    {
        const QString stubDir = workDir + QStringLiteral("/css-modules");
        QDir(stubDir).removeRecursively();
        QDir().mkpath(stubDir + QStringLiteral("/out"));
        QStringList args;
        QHash<QString, QString> stubOf;
        for (const QString &urlPath : urlPaths) {
            QString name = urlPath.mid(1);
            name.replace(QLatin1Char('/'), QStringLiteral("__"));
            const QString stub = stubDir + QLatin1Char('/') + name + QStringLiteral(".js");
            QFile file(stub);
            if (!file.open(QIODevice::WriteOnly))
                return makeError(ErrorCode::Io, QStringLiteral("cannot write"), stub);
            file.write("export { default } from " + jsString(absolute(urlPath)) + ";\n");
            args << stub;
            stubOf.insert(urlPath, stubDir + QStringLiteral("/out/") + name);
        }
        args << QStringLiteral("--bundle") << QStringLiteral("--format=esm") << QStringLiteral("--outdir=") + stubDir + QStringLiteral("/out")
             << QStringLiteral("--log-level=error") << QStringLiteral("--color=false");
        QProcess esbuild;
        esbuild.setWorkingDirectory(projectDir);
        ++esbuildRuns;
        esbuild.start(toolchain.binary, args);
        if (!esbuild.waitForFinished(120000) || esbuild.exitStatus() != QProcess::NormalExit || esbuild.exitCode() != 0) {
            const BuildMessages messages = parseEsbuildMessages(esbuild.readAllStandardError());
            return makeError(ErrorCode::InvalidArgument,
                             messages.isEmpty() ? QStringLiteral("esbuild failed on the CSS modules") : messages.first().toString());
        }
        QHash<QString, QByteArray> compiled;
        for (auto it = stubOf.cbegin(); it != stubOf.cend(); ++it) {
            const QByteArray classes = readFile(it.value() + QStringLiteral(".js"));
            const QByteArray css = readFile(it.value() + QStringLiteral(".css"));
            compiled.insert(it.key(), QByteArray("import { updateStyle, createHotContext } from \"" + clientUrl() + "\";\n"
                                                 "import.meta.hot = createHotContext(" + jsString(it.key()) + ");\n"
                                                 "updateStyle(" + jsString(it.key()) + ", " + jsString(QString::fromUtf8(css)) + ");\n" +
                                                 classes));
        }
        return compiled;
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
        cssModules.insert(urlPath, compiled->value(urlPath));
        return text(200, "text/javascript; charset=utf-8", compiled->value(urlPath));
    }

    // Compiles many modules in one esbuild call (no bundling: one output per input), the
    // raw output by URL path. Fails as a whole if any module does not compile; the
    // caller then compiles one by one, so one broken file costs only itself.
    Result<QHash<QString, QByteArray>> compileBatch(const QStringList &urlPaths)
    {
        const QString outDir = workDir + QStringLiteral("/batch");
        QDir(outDir).removeRecursively();
        QStringList args;
        for (const QString &urlPath : urlPaths)
            args << urlPath.mid(1);
        args << QStringLiteral("--outdir=") + outDir << QStringLiteral("--outbase=.") << QStringLiteral("--format=esm")
             << QStringLiteral("--jsx=automatic") << QStringLiteral("--jsx-dev") << QStringLiteral("--loader:.js=jsx")
             << QStringLiteral("--sourcemap=inline") << QStringLiteral("--target=es2020")
             << QStringLiteral("--log-level=error") << QStringLiteral("--color=false");
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

    // The first page load: every module of the project compiled in one esbuild call, so
    // the packages they import are known and pre-bundled together before any module
    // asks for one.
    void warm()
    {
        if (warmed)
            return;
        warmed = true;
        QStringList urlPaths;
        QStringList cssModulePaths;
        QDirIterator it(projectDir + QStringLiteral("/src"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString urlPath = QLatin1Char('/') + QDir(projectDir).relativeFilePath(it.next());
            if (isModule(urlPath) && !modules.contains(urlPath))
                urlPaths << urlPath;
            else if (urlPath.endsWith(QLatin1String(".module.css")))
                cssModulePaths << urlPath;
        }
        if (!cssModulePaths.isEmpty())
            if (auto compiled = compileCssModules(cssModulePaths); compiled.ok())
                cssModules.insert(*compiled);
        auto batch = compileBatch(urlPaths);
        QHash<QString, QByteArray> raw;
        if (batch.ok()) {
            raw = std::move(*batch);
        } else {
            for (const QString &urlPath : std::as_const(urlPaths))
                if (auto compiled = compile(urlPath); compiled.ok())
                    modules.insert(urlPath, *compiled);
        }
        for (auto it = raw.cbegin(); it != raw.cend(); ++it)
            modules.insert(it.key(), finish(it.key(), it.value()));
        // Component updates keep their state when react-refresh's runtime is at hand
        // (Helios's toolchain has it); without it they reload the page.
        if (bareImports.contains(QStringLiteral("react-dom/client")) &&
            QFileInfo::exists(toolchain.nodeModules + QStringLiteral("/react-refresh/runtime.js"))) {
            bareImports.insert(QStringLiteral("react-refresh/runtime"));
            reactRefresh = true;
            // Finished again, now registering their components.
            for (auto it = raw.cbegin(); it != raw.cend(); ++it)
                if (usesJsx(it.key()))
                    modules.insert(it.key(), finish(it.key(), it.value()));
            for (const QString &path : modules.keys())
                if (!raw.contains(path) && usesJsx(path))
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
        auto bundled = bundler.bundle(specifiers);
        if (!bundled.ok())
            qCWarning(lcIgnis) << "dev server:" << bundled.error().toString();
        else if (*bundled)
            ++esbuildRuns;
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
        const qsizetype head = html.indexOf("</head>");
        html.insert(head >= 0 ? head : 0, preamble);
        return text(200, "text/html; charset=utf-8", html);
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
    return {};
}

const ProjectConfig &DevModuleServer::project() const { return d->project; }

int DevModuleServer::esbuildRuns() const { return d->esbuildRuns; }

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

QList<QJsonObject> DevModuleServer::tokensChanged()
{
    d->tokensCss.reset();
    d->lastError.reset();
    if (d->tokens().status != 200 && d->lastError) {
        const BuildMessage message = *d->lastError;
        return {errorMessage(message, codeFrame(d->projectDir, message))};
    }
    const QJsonObject update{{QStringLiteral("type"), QStringLiteral("css-update")},
                             {QStringLiteral("path"), QString(QLatin1Char('/') + HtmlPage::tokensPath())},
                             {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch()}};
    return {QJsonObject{{QStringLiteral("type"), QStringLiteral("update")}, {QStringLiteral("updates"), QJsonArray{update}}}};
}

QList<QJsonObject> DevModuleServer::filesChanged(const QStringList &paths)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray updates;
    bool reload = false;
    for (const QString &relative : paths) {
        const QString urlPath = QLatin1Char('/') + relative;
        if (relative.endsWith(QLatin1String(".tokens.json")) || relative.startsWith(QLatin1String("tokens/")) ||
            d->project.tokensConfig.endsWith(relative)) {
            const QList<QJsonObject> swapped = tokensChanged();
            if (swapped.constFirst().value(QStringLiteral("type")).toString() == QLatin1String("error"))
                return swapped;
            updates.append(swapped.constFirst().value(QStringLiteral("updates")).toArray().first());
            continue;
        }
        if (relative.endsWith(QLatin1String(".css"))) {
            d->cssModules.remove(urlPath);
            updates.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("css-update")},
                                       {QStringLiteral("path"), urlPath},
                                       {QStringLiteral("timestamp"), now}});
            continue;
        }
        if (!isModule(urlPath)) {
            reload = reload || relative.endsWith(QLatin1String(".html")) || relative == ProjectConfig::fileName();
            continue;
        }
        d->modules.remove(urlPath);
        if (QFileInfo::exists(d->absolute(urlPath))) {
            d->lastError.reset();
            auto compiled = d->compile(urlPath);
            if (!compiled.ok()) {
                const BuildMessage message = d->lastError.value_or(BuildMessage{});
                return {errorMessage(message, codeFrame(d->projectDir, message))};
            }
            d->modules.insert(urlPath, *compiled);
        }
        // Up the importers to the nearest module that accepts its own updates.
        QSet<QString> seen;
        QList<QString> queue{urlPath};
        bool accepted = false;
        while (!queue.isEmpty()) {
            const QString current = queue.takeFirst();
            if (seen.contains(current))
                continue;
            seen.insert(current);
            if (d->selfAccepting.contains(current)) {
                updates.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("js-update")},
                                           {QStringLiteral("path"), current},
                                           {QStringLiteral("acceptedPath"), current},
                                           {QStringLiteral("timestamp"), now}});
                accepted = true;
                continue;
            }
            const QSet<QString> up = d->importers.value(current);
            if (up.isEmpty()) {
                accepted = false;
                break;  // reached an entry nobody accepts for
            }
            for (const QString &importer : up)
                queue.append(importer);
        }
        reload = reload || !accepted;
    }
    if (reload)
        return {QJsonObject{{QStringLiteral("type"), QJsonValue(QStringLiteral("full-reload"))}}};
    if (updates.isEmpty())
        return {};
    return {QJsonObject{{QStringLiteral("type"), QStringLiteral("update")}, {QStringLiteral("updates"), updates}}};
}

} // namespace helios::ignis
