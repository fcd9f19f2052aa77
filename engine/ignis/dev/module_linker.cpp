// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/module_linker.h"

#include "ignis/dev/dependency_bundler.h"
#include "ignis/dev/dev_files.h"
#include "ignis/dev/import_rewriter.h"
#include "ignis/dev/module_bundle.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace helios::ignis {

namespace {

constexpr QByteArrayView mapPrefix = "/@helios/map";
constexpr QByteArrayView inlineMap = "//# sourceMappingURL=data:application/json;base64,";

// esbuild's runtime helpers that only define functions over their arguments (no
// require(), no module state), so that one copy serves every factory.
bool isSharableHelper(QByteArrayView name)
{
    static const QByteArrayView names[] = {"__create",  "__defProp",   "__getOwnPropDesc", "__getOwnPropNames",
                                           "__getProtoOf", "__hasOwnProp", "__export",      "__copyProps",
                                           "__reExport", "__toESM",     "__toCommonJS"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Where the statement starting at `at` ends (`lines` counts its lines): esbuild prints a
// helper's further lines indented, or starting with the '}' or ')' that closes it.
qsizetype statementEnd(const QByteArray &code, qsizetype at, qsizetype *lines)
{
    for (;;) {
        const qsizetype newline = code.indexOf('\n', at);
        if (newline < 0)
            return -1;
        ++*lines;
        at = newline + 1;
        const char next = at < code.size() ? code.at(at) : '\0';
        if (next != ' ' && next != '\t' && next != '}' && next != ')')
            return at;
    }
}

constexpr QLatin1StringView refreshRuntime("react-refresh/runtime");

// Component updates keep their state when react-refresh's runtime is at hand (Helios's
// toolchain has it); without it they reload the page.
bool refreshes(const QSet<QString> &packages, const QString &nodeModules)
{
    return packages.contains(QStringLiteral("react-dom/client")) &&
           QFileInfo::exists(nodeModules + QLatin1Char('/') + refreshRuntime + QStringLiteral(".js"));
}

bool isBare(const QString &specifier)
{
    return !specifier.startsWith(QLatin1Char('.')) && !specifier.startsWith(QLatin1Char('/')) &&
           !specifier.contains(QLatin1String("://"));
}

} // namespace

QByteArray ModuleLinker::clientUrl() const
{
    return "/@helios/client.js" + (m_hmrPort ? "?hmrPort=" + QByteArray::number(m_hmrPort) : QByteArray());
}

QString ModuleLinker::resolveRelative(const QString &importer, const QString &specifier) const
{
    const QString base = specifier.startsWith(QLatin1Char('/'))
                             ? QDir::cleanPath(specifier)
                             : QDir::cleanPath(QFileInfo(importer).path() + QLatin1Char('/') + specifier);
    const auto exists = [this](const QString &urlPath) { return QFileInfo(m_projectDir + urlPath).isFile(); };
    if (exists(base))
        return base;
    for (const QString &extension : dev::moduleExtensions())
        if (exists(base + extension))
            return base + extension;
    for (const QString &extension : dev::moduleExtensions())
        if (exists(base + QStringLiteral("/index") + extension))
            return base + QStringLiteral("/index") + extension;
    return {};
}

QString ModuleLinker::resolve(const QString &importer, const QString &specifier, bool *file)
{
    *file = false;
    if (isBare(specifier)) {
        m_bareImports.insert(specifier);
        return DependencyBundler::urlFor(specifier);
    }
    const QString resolved = resolveRelative(importer, specifier);
    if (resolved.isEmpty())
        return specifier;
    m_importers[resolved].insert(importer);
    *file = true;
    return resolved;
}

QByteArray ModuleLinker::linkFactory(const QString &urlPath, const QByteArray &compiled, Helpers helpers)
{
    QStringList deps;
    QByteArray code = ModuleBundle::rewriteRequires(
        compiled,
        [&](const QString &specifier) {
            bool file = false;
            return resolve(urlPath, specifier, &file);
        },
        &deps);
    m_dependencies.insert(urlPath, deps);
    if (helpers == Helpers::Shared)
        code = withSharedHelpers(code);
    if (const qsizetype at = dev::lastLineStart(code); QByteArrayView(code).sliced(at).startsWith(inlineMap)) {
        qsizetype end = code.indexOf('\n', at);
        if (end < 0)
            end = code.size();
        m_sourceMaps.insert(urlPath, code.mid(at + inlineMap.size(), end - at - inlineMap.size()));
        code.replace(at, end - at, QByteArray("//# sourceMappingURL=" + sourceMapUrl(urlPath)));
    }
    return withRefresh(urlPath, withAccepts(urlPath, code, "__hmr"));
}

QByteArray ModuleLinker::withAccepts(const QString &urlPath, const QByteArray &code, QByteArrayView hot)
{
    m_selfAccepting.remove(urlPath);
    m_acceptedDependencies.remove(urlPath);
    constexpr QByteArrayView call = ".accept(";
    const auto isSpace = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    QByteArray out;
    qsizetype copied = 0;
    for (qsizetype at = dev::find(code, call); at >= 0; at = dev::find(code, call, at + call.size())) {
        QByteArrayView before = QByteArrayView(code).first(at);
        if (before.endsWith('?'))
            before.chop(1);  // import.meta.hot?.accept(
        if (!before.endsWith(hot))
            continue;
        const qsizetype owner = before.size() - hot.size();
        if (owner > 0 && (dev::isWordByte(code.at(owner - 1)) || code.at(owner - 1) == '.'))
            continue;  // another object's hot (x.__hmr)
        qsizetype arg = at + call.size();
        while (arg < code.size() && isSpace(code.at(arg)))
            ++arg;
        const bool list = arg < code.size() && code.at(arg) == '[';
        const bool single = arg < code.size() && (code.at(arg) == '"' || code.at(arg) == '\'');
        if (!list && !single) {
            m_selfAccepting.insert(urlPath);  // accept(), accept(callback)
            continue;
        }
        // accept("./dep", callback) or accept(["./a", "./b"], callback): each specifier
        // becomes the URL path the client registers that module under.
        for (qsizetype p = list ? arg + 1 : arg; p < code.size();) {
            while (p < code.size() && (isSpace(code.at(p)) || code.at(p) == ','))
                ++p;
            const char quote = p < code.size() ? code.at(p) : '\0';
            if (quote != '"' && quote != '\'')
                break;
            const qsizetype end = code.indexOf(quote, p + 1);
            if (end < 0 || QByteArrayView(code).sliced(p + 1, end - p - 1).contains('\\'))
                break;
            const QString dependency = resolveRelative(urlPath, QString::fromUtf8(code.sliced(p + 1, end - p - 1)));
            if (!dependency.isEmpty()) {
                m_acceptedDependencies[urlPath].insert(dependency);
                out.append(code.constData() + copied, p - copied);
                out += dev::jsString(dependency);
                copied = end + 1;
            }
            p = end + 1;
            if (!list)
                break;
        }
    }
    if (copied == 0)
        return code;
    out.append(code.constData() + copied, code.size() - copied);
    return out;
}

QByteArray ModuleLinker::withSharedHelpers(const QByteArray &code)
{
    QByteArrayList names;
    qsizetype at = 0;
    qsizetype lines = 0;
    while (QByteArrayView(code).sliced(at).startsWith("var __")) {
        const qsizetype nameEnd = code.indexOf(' ', at + 4);
        qsizetype statementLines = 0;
        const qsizetype end = statementEnd(code, at, &statementLines);
        if (nameEnd < 0 || end < 0)
            break;
        const QByteArrayView name = QByteArrayView(code).sliced(at + 4, nameEnd - at - 4);
        const QByteArrayView statement = QByteArrayView(code).sliced(at, end - at);
        if (!isSharableHelper(name) || !statement.sliced(nameEnd - at).startsWith(" = "))
            break;
        const auto known = m_helpers.constFind(name.toByteArray());
        if (known == m_helpers.constEnd()) {
            m_helpers.insert(name.toByteArray(), statement.toByteArray());
            m_helperOrder << name.toByteArray();
        } else if (*known != statement) {
            break;  // not the helper the others share
        }
        names << name.toByteArray();
        lines += statementLines;
        at = end;
    }
    if (names.isEmpty())
        return code;
    // As many lines as the helpers took: the source map's lines stay where they were.
    return "var { " + names.join(", ") + " } = __heliosHelpers;" + QByteArray(lines, '\n') + QByteArrayView(code).sliced(at);
}

QByteArray ModuleLinker::sharedHelpers() const
{
    if (m_helperOrder.isEmpty())
        return {};
    QByteArray out = "(() => {\n";
    for (const QByteArray &name : m_helperOrder)
        out += m_helpers.value(name);
    return out + "return { " + m_helperOrder.join(", ") + " };\n})()";
}

QByteArray ModuleLinker::withRefresh(const QString &urlPath, const QByteArray &factory)
{
    if (!dev::usesJsx(urlPath) || !m_reactRefresh)
        return factory;
    QByteArray code = ModuleBundle::withRefreshRegistration(urlPath, factory);
    if (code.size() != factory.size())  // registered: it accepts its own updates now
        m_selfAccepting.insert(urlPath);
    return code;
}

QByteArray ModuleLinker::sourceMapUrl(const QString &urlPath) { return mapPrefix.toByteArray() + urlPath.toUtf8() + ".map"; }

bool ModuleLinker::isSourceMapUrl(const QString &path)
{
    return path.startsWith(QLatin1StringView(mapPrefix)) && QStringView(path).sliced(mapPrefix.size()).startsWith(u'/') &&
           path.endsWith(QLatin1String(".map"));
}

QByteArray ModuleLinker::sourceMap(const QString &mapUrlPath) const
{
    if (!isSourceMapUrl(mapUrlPath))
        return {};
    const QString urlPath = mapUrlPath.sliced(mapPrefix.size()).chopped(4);
    const auto found = m_sourceMaps.constFind(urlPath);
    if (found == m_sourceMaps.constEnd())
        return {};
    // esbuild named the source relative to where it wrote the output; the page knows it
    // by its URL path.
    QJsonObject map = QJsonDocument::fromJson(QByteArray::fromBase64(*found)).object();
    map.insert(QStringLiteral("sources"), QJsonArray{urlPath});
    return QJsonDocument(map).toJson(QJsonDocument::Compact);
}

QByteArray ModuleLinker::link(const QString &urlPath, const QByteArray &compiled)
{
    QStringList specifiers;
    QByteArray code = ImportRewriter::rewrite(compiled, [&](const QString &specifier) -> QString {
        bool file = false;
        const QString url = resolve(urlPath, specifier, &file);
        return file && url.endsWith(QLatin1String(".css")) ? url + QStringLiteral("?import") : url;
    }, &specifiers);
    if (dev::usesJsx(urlPath))
        code = withRefreshRegistration(urlPath, code);
    code = withAccepts(urlPath, code, "import.meta.hot");
    // On the first line, so the inline source map's lines still match.
    const QByteArray hot = "import { createHotContext as __heliosHot } from \"" + clientUrl() +
                           "\"; import.meta.hot = __heliosHot(" + dev::jsString(urlPath) + "); ";
    return hot + code;
}

// React Refresh without a Babel pass: a module whose exports are all components
// (PascalCase) registers each with react-refresh's runtime and accepts its own
// updates, re-rendering with the new code while React keeps the components' state --
// unless the module's hook calls changed (ModuleBundle::hookSignature()).
QByteArray ModuleLinker::withRefreshRegistration(const QString &urlPath, const QByteArray &code) const
{
    const QString signature = QString::fromUtf8(dev::jsString(QByteArrayView(ModuleBundle::hookSignature(code))));
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
                registrations << QStringLiteral("__heliosRegister(%1, %2, %3);")
                                     .arg(local, QString::fromUtf8(dev::jsString(urlPath + QLatin1Char(' ') + local)), signature);
        }
    }
    if (registrations.isEmpty() || !onlyComponents || !m_reactRefresh)
        return code;
    const QByteArray tail = "\nimport { registerComponent as __heliosRegister, performRefresh as __heliosRefresh } from "
                            "\"" + clientUrl() + "\";\n" + registrations.join(QLatin1Char('\n')).toUtf8() +
                            "\nimport.meta.hot.accept(() => __heliosRefresh());\n";
    return dev::insertBeforeSourceMap(code, tail);
}

QString ModuleLinker::refreshRuntimeUrl() { return DependencyBundler::urlFor(QString(refreshRuntime)); }

bool ModuleLinker::enableReactRefresh(const QString &nodeModules)
{
    if (!m_reactRefresh && refreshes(m_bareImports, nodeModules)) {
        m_bareImports.insert(QString(refreshRuntime));
        m_reactRefresh = true;
    }
    return m_reactRefresh;
}

QSet<QString> ModuleLinker::packagesOf(const QHash<QString, QByteArray> &factories, const QString &nodeModules)
{
    QSet<QString> packages;
    for (const QByteArray &code : factories)
        for (const QString &specifier : ModuleBundle::requiredSpecifiers(code))
            if (isBare(specifier))
                packages.insert(specifier);
    if (refreshes(packages, nodeModules))
        packages.insert(QString(refreshRuntime));
    return packages;
}

} // namespace helios::ignis
