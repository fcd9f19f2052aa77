// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_module_server.h"

#include "core/config.h"
#include "ignis/dev/dev_files.h"
#include "ignis/dev/dev_module_cache.h"
#include "ignis/dev/dev_module_compiler.h"
#include "ignis/dev/hot_update_planner.h"
#include "ignis/dev/module_bundle.h"
#include "ignis/dev/module_linker.h"
#include "ignis/dev/token_sheet_changes.h"
#include "ignis/html_page.h"
#include "ignis/project_config.h"
#include "ignis/token_stylesheet.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <optional>
#include <utility>

namespace helios::ignis {

namespace {

DevResponse text(int status, const QByteArray &type, const QByteArray &body) { return {status, type, body}; }

// The entries of a /@helios-bundle.* query: entries=/src/a.tsx,/src/b.tsx
QStringList bundleEntries(const QString &query)
{
    QStringList entries;
    for (const QString &item : query.split(QLatin1Char('&')))
        if (item.startsWith(QLatin1String("entries=")))
            entries = QUrl::fromPercentEncoding(item.mid(8).toUtf8()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return entries;
}

} // namespace

// The transport-facing side: requests routed to the page, the token stylesheet, the
// bundle and the modules; compiling is the cache's, change handling the planner's.
struct DevModuleServer::Private {
    QString projectDir;
    ProjectConfig project;
    DevModuleCompiler compiler;
    ModuleLinker linker;
    DevModuleCache cache{compiler, linker};
    HotUpdatePlanner planner{compiler, linker, cache, [this] { return tokensChanged(); }};
    std::optional<QByteArray> tokensCss;        // cached until a token file changes
    std::optional<BuildMessage> tokensError;    // why the token stylesheet did not render

    explicit Private(const Config &config) : compiler(config) {}

    QString absolute(const QString &urlPath) const { return projectDir + urlPath; }

    DevResponse tokens()
    {
        if (project.tokensConfig.isEmpty())
            return text(200, "text/css", "/* this project has no tokens */\n");
        if (!tokensCss) {
            TokenStylesheet sheet = TokenStylesheet::prepare(projectDir, project.tokensConfig);
            QByteArray css;
            if (sheet.hasErrors() || !sheet.render(&css)) {
                tokensError = sheet.messages().isEmpty() ? BuildMessage{} : sheet.messages().first();
                return text(500, "text/css", "/* " + tokensError->toString().toUtf8().replace("*/", "* /") + " */\n");
            }
            tokensCss = css;
        }
        return text(200, "text/css", *tokensCss);
    }

    // The token stylesheet again. Pages patch the sheet they have instead of fetching it:
    // the message carries the declarations whose values changed since the text pages
    // were given, or the whole text when more than values changed or there is no such
    // text (nothing asked for the sheet since the last change, or it did not render).
    QList<QJsonObject> tokensChanged()
    {
        const std::optional<QByteArray> before = std::exchange(tokensCss, std::nullopt);
        tokensError.reset();
        const DevResponse sheet = tokens();
        if (sheet.status != 200 && tokensError)
            return {HotUpdatePlanner::errorMessage(*tokensError, projectDir)};
        QJsonObject update{{QStringLiteral("type"), QStringLiteral("css-update")},
                           {QStringLiteral("path"), QString(QLatin1Char('/') + HtmlPage::tokensPath())},
                           {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch()}};
        const std::optional<QJsonArray> changes = before ? tokenSheetChanges(*before, sheet.body) : std::nullopt;
        if (changes)
            update.insert(QStringLiteral("declarations"), *changes);
        else
            update.insert(QStringLiteral("css"), QString::fromUtf8(sheet.body));
        return {QJsonObject{{QStringLiteral("type"), QStringLiteral("update")}, {QStringLiteral("updates"), QJsonArray{update}}}};
    }

    DevResponse page(const QString &htmlPath)
    {
        bool ok = false;
        QByteArray html = dev::readFile(absolute(htmlPath), &ok);
        if (!ok)
            return text(404, "text/plain", "no page " + htmlPath.toUtf8());
        // Served without waiting for the first page's compile: the browser reads the page
        // and fetches the client and the stylesheets while the bundle it asks for compiles.
        const QByteArray preamble = "<script type=\"module\" src=\"" + linker.clientUrl() + "\"></script>\n" + bundlePage(html);
        const qsizetype head = html.indexOf("</head>");
        html.insert(head >= 0 ? head : 0, preamble);
        return text(200, "text/html; charset=utf-8", html);
    }

    // The page's module scripts of project modules run from the bundle: their type
    // becomes one the browser does not load, and the bundle's script and stylesheet go
    // into <head>. Returns those two tags. (Should the modules not compile, the bundle
    // loads them as ES modules: unbundledScript().)
    QByteArray bundlePage(QByteArray &html) const
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
            if (!dev::isModule(path) || !QFileInfo::exists(absolute(path)))
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

    DevResponse bundle(const QString &path, const QString &query)
    {
        cache.warm();
        if (!cache.isBundled()) {
            if (path.endsWith(QLatin1String(".css")))
                return text(200, "text/css; charset=utf-8", "/* not bundled: each module brings its CSS */\n");
            return text(200, "text/javascript; charset=utf-8", unbundledScript(bundleEntries(query)));
        }
        const ModuleBundle::Input input = cache.bundleInput(bundleEntries(query));
        const ModuleBundle::Graph graph = ModuleBundle::walk(input);
        if (path.endsWith(QLatin1String(".css")))
            return text(200, "text/css; charset=utf-8", ModuleBundle::stylesheet(input, graph));
        return text(200, "text/javascript; charset=utf-8", ModuleBundle::script(input, graph));
    }

    // The bundle's script for a page whose modules did not all compile: its entries as ES
    // modules, one request per module, its packages from the pre-bundle, react-refresh's
    // runtime hooked into React first. The compile error shows in the overlay (a fix
    // reloads the page).
    QByteArray unbundledScript(const QStringList &entries) const
    {
        const std::optional<BuildMessage> &error = compiler.lastError();
        QByteArray script = "import { installRefreshRuntime, showBuildError } from \"" + linker.clientUrl() + "\";\n";
        if (linker.reactRefresh())
            script += "import RefreshRuntime from " + dev::jsString(ModuleLinker::refreshRuntimeUrl()) +
                      ";\ninstallRefreshRuntime(RefreshRuntime);\n";
        if (error)
            script += "showBuildError(" +
                      QJsonDocument(HotUpdatePlanner::errorMessage(*error, projectDir).value(QLatin1String("err")).toObject())
                          .toJson(QJsonDocument::Compact) +
                      ");\n";
        // With a build error shown, the failed import would only cover it with a vaguer one.
        for (const QString &entry : entries)
            script += "await import(" + dev::jsString(entry) + ")" + (error ? ".catch(() => {})" : "") + ";\n";
        return script;
    }

    // A module (or CSS module) as JavaScript: 404 when there is no such file, 500 with
    // the error when it does not compile.
    static DevResponse javaScript(const Result<QByteArray> &compiled)
    {
        if (!compiled.ok())
            return text(compiled.error().code == ErrorCode::NotFound ? 404 : 500, "text/plain; charset=utf-8",
                        compiled.error().toString().toUtf8());
        return text(200, "text/javascript; charset=utf-8", *compiled);
    }

    // A plain stylesheet imported by a module: a module that hands its CSS to the client.
    DevResponse importedStylesheet(const QString &path) const
    {
        bool ok = false;
        const QByteArray css = dev::readFile(absolute(path), &ok);
        if (!ok)
            return text(404, "text/plain", "no stylesheet " + path.toUtf8());
        return text(200, "text/javascript; charset=utf-8",
                    "import { updateStyle } from \"" + linker.clientUrl() + "\";\nupdateStyle(" + dev::jsString(path) +
                        ", " + dev::jsString(QByteArrayView(css)) + ");\n");
    }

    DevResponse file(const QString &path) const
    {
        bool ok = false;
        const QByteArray bytes = dev::readFile(absolute(path), &ok);
        if (!ok)
            return text(404, "text/plain", "not found: " + path.toUtf8());
        const QByteArray type = path.endsWith(QLatin1String(".css"))    ? "text/css"
                                : path.endsWith(QLatin1String(".svg"))  ? "image/svg+xml"
                                : path.endsWith(QLatin1String(".png"))  ? "image/png"
                                : path.endsWith(QLatin1String(".json")) ? "application/json"
                                                                        : "application/octet-stream";
        return text(200, type, bytes);
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
    d->linker.setProjectDir(d->projectDir);
    d->planner.setTokensConfig(d->project.tokensConfig);
    return d->compiler.open(d->projectDir);
}

const ProjectConfig &DevModuleServer::project() const { return d->project; }

int DevModuleServer::esbuildRuns() const
{
    d->cache.finishWarming();
    d->cache.waitForPackages();
    return d->compiler.esbuildRuns();
}

void DevModuleServer::startWarming() { d->cache.startWarming(); }

QFuture<void> DevModuleServer::firstPageCompiled() const { return d->cache.firstPageCompiled(); }

namespace {

bool isPage(const QString &path) { return path == QLatin1String("/") || path == QLatin1String("/index.html"); }

// The HMR client is a file of the server's own, the token sheet SLATE's, and the page is
// served as it is (the bundle it asks for waits): none waits for the first page's compile.
bool needsFirstPage(const QString &path)
{
    return path != QLatin1String("/@helios/client.js") && path != QLatin1String("/") + HtmlPage::tokensPath() &&
           !isPage(path);
}

} // namespace

QFuture<void> DevModuleServer::pendingFor(const QString &path)
{
    if (!needsFirstPage(path))
        return {};
    if (const QFuture<void> compiled = d->cache.firstPageCompiled(); !compiled.isFinished())
        return compiled;
    if (!path.startsWith(QLatin1String("/@deps/")))
        return {};
    d->cache.finishWarming();  // the pre-bundle starts once the first page is linked
    return d->cache.preBundle();
}

int DevModuleServer::serviceTransforms() const { return d->compiler.serviceTransforms(); }

bool DevModuleServer::isBundled() const
{
    d->cache.finishWarming();
    return d->cache.isBundled();
}

void DevModuleServer::setHmrPort(quint16 port) { d->linker.setHmrPort(port); }

DevResponse DevModuleServer::get(const QString &path, const QString &query)
{
    if (needsFirstPage(path))
        d->cache.finishWarming();
    if (path.contains(QLatin1String("..")))
        return text(400, "text/plain", "bad path\n");
    if (isPage(path)) {
        for (const BuildEntry &entry : d->project.entries)
            if (!entry.html.isEmpty())
                return d->page(QLatin1Char('/') + entry.html);
        return d->page(QStringLiteral("/index.html"));
    }
    if (path == QLatin1String("/@helios/client.js")) {
        bool ok = false;
        const QByteArray client = dev::readFile(QStringLiteral(":/helios/hmr/client.js"), &ok);
        return ok ? text(200, "text/javascript; charset=utf-8", client) : text(500, "text/plain", "no HMR client\n");
    }
    if (path == QLatin1String("/") + HtmlPage::tokensPath())
        return d->tokens();
    if (path == QLatin1String("/@helios-bundle.js") || path == QLatin1String("/@helios-bundle.css")) {
        // The page loads and runs its bundle: the transform process starts beside that,
        // ready by the first edit.
        d->compiler.startTransforms();
        return d->bundle(path, query);
    }
    if (ModuleLinker::isSourceMapUrl(path)) {
        const QByteArray map = d->linker.sourceMap(path);
        return map.isEmpty() ? text(404, "text/plain", "no source map " + path.toUtf8()) : text(200, "application/json", map);
    }
    if (path.startsWith(QLatin1String("/@deps/"))) {
        d->cache.warm();  // the packages are known from the first page's modules
        d->cache.preBundle();
        d->cache.waitForPackages();
        d->compiler.startTransforms();
        bool ok = false;
        const QByteArray bytes = dev::readFile(d->compiler.depsDir() + path.mid(6), &ok);
        return ok ? text(200, path.endsWith(QLatin1String(".map")) ? "application/json" : "text/javascript; charset=utf-8", bytes)
                  : text(404, "text/plain", "not pre-bundled: " + path.toUtf8());
    }
    const bool asModule = query.split(QLatin1Char('&')).contains(QStringLiteral("import"));
    if (path.endsWith(QLatin1String(".module.css")) && asModule) {
        const Result<QByteArray> module = d->cache.cssModule(path);
        if (!module.ok() && module.error().code == ErrorCode::NotFound)
            return text(404, "text/plain", "no stylesheet " + path.toUtf8());
        return Private::javaScript(module);
    }
    if (path.endsWith(QLatin1String(".css")) && asModule)
        return d->importedStylesheet(path);
    if (dev::isModule(path))
        return Private::javaScript(d->cache.module(path));
    return d->file(path);
}

QList<QJsonObject> DevModuleServer::tokensChanged() { return d->tokensChanged(); }

QList<QJsonObject> DevModuleServer::filesChanged(const QStringList &changed, ChangeTiming timing)
{
    d->cache.finishWarming();
    return d->planner.filesChanged(changed, timing);
}

} // namespace helios::ignis
