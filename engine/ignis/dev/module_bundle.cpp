// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/module_bundle.h"

#include "ignis/dev/dev_files.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace helios::ignis {

namespace {

using dev::isWordByte;
using dev::jsString;

// The parameters of every factory, as the client's module registry passes them.
constexpr QByteArrayView factoryParameters =
    "require, module, exports, __hmr, __heliosImport, __heliosRegister, __heliosRefresh, __heliosHelpers, process";

// Whether the bundle has `path` as a package's factory (PackageFactories).
bool isPackageFactory(const ModuleBundle::Input &input, const QString &path)
{
    return input.packageDependencies && input.packageDependencies->contains(path);
}

// Whether the code begins (after comments) with a "use strict" directive: it then means
// the same inside the bundle, a module script and so strict mode throughout.
bool isStrictScript(QByteArrayView code)
{
    qsizetype at = 0;
    while (at < code.size()) {
        const char c = code.at(at);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++at;
        } else if (code.sliced(at).startsWith("//")) {
            const qsizetype end = code.indexOf('\n', at);
            at = end < 0 ? code.size() : end + 1;
        } else if (code.sliced(at).startsWith("/*")) {
            const qsizetype end = dev::find(code, "*/", at + 2);
            at = end < 0 ? code.size() : end + 2;
        } else {
            break;
        }
    }
    const QByteArrayView rest = code.sliced(at);
    return rest.startsWith("\"use strict\"") || rest.startsWith("'use strict'");
}

bool isComponentName(QStringView name)
{
    static const QRegularExpression component(QStringLiteral("^[A-Z][A-Za-z0-9_$]*$"));
    return component.match(name.toString()).hasMatch();
}

qsizetype skipSpaceAndComments(const QByteArray &css, qsizetype at)
{
    for (;;) {
        while (at < css.size() && QChar::isSpace(uchar(css.at(at))))
            ++at;
        if (!QByteArrayView(css).sliced(at).startsWith("/*"))
            return at;
        const qsizetype end = css.indexOf("*/", at + 2);
        if (end < 0)
            return css.size();
        at = end + 2;
    }
}

// Where the at-rule statement starting at `from` ends (after its ';'), skipping strings
// and parentheses; -1 when it is a block or does not end.
qsizetype statementEnd(const QByteArray &css, qsizetype from)
{
    char quote = 0;
    int depth = 0;
    for (qsizetype i = from; i < css.size(); ++i) {
        const char c = css.at(i);
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            depth = qMax(0, depth - 1);
        } else if (depth == 0 && c == ';') {
            return i + 1;
        } else if (depth == 0 && c == '{') {
            return -1;
        }
    }
    return -1;
}

// Whether an at-rule named `name` (with its '@') starts at `at`: at-rule names are
// ASCII case-insensitive, and the name must end there.
bool atRule(const QByteArray &css, qsizetype at, QByteArrayView name)
{
    const QByteArrayView rest = QByteArrayView(css).sliced(at);
    if (rest.size() <= name.size() || rest.first(name.size()).compare(name, Qt::CaseInsensitive) != 0)
        return false;
    const char next = rest.at(name.size());
    return !QChar::isLetterOrNumber(uchar(next)) && next != '-' && next != '_';
}

// An @import of the stylesheet at `sheetPath` that works from /@helios-bundle.css: a
// relative URL resolved against the sheet's own path.
QByteArray withAbsoluteUrl(const QString &sheetPath, const QByteArray &statement)
{
    static const QRegularExpression target(QStringLiteral("^@import\\s*(?:url\\(\\s*)?([\"']?)([^\"'()\\s]+)\\1"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(statement);
    const auto match = target.match(text);
    if (!match.hasMatch())
        return statement;
    const QString url = match.captured(2);
    if (url.startsWith(QLatin1Char('/')) || !QUrl(url).isRelative())
        return statement;
    text.replace(match.capturedStart(2), match.capturedLength(2),
                 QDir::cleanPath(QFileInfo(sheetPath).path() + QLatin1Char('/') + url));
    return text.toUtf8();
}

// Calls found(start, end, isImport, specifier) for every `require("x")` and `import("x")`
// in esbuild's output (double-quoted specifiers without escapes), not member calls
// (x.require("y")) nor parts of longer names; [start, end) is the whole call.
template <typename Found>
void forEachRequire(const QByteArray &code, Found &&found)
{
    const char *data = code.constData();
    const qsizetype size = code.size();
    // Two searches with long needles: memmem skips ahead on those (searching for `("`
    // took most of the time linking a module).
    qsizetype nextRequire = dev::find(code, "require(\"");
    qsizetype nextImport = dev::find(code, "import(\"");
    while (nextRequire >= 0 || nextImport >= 0) {
        const bool isImport = nextRequire < 0 || (nextImport >= 0 && nextImport < nextRequire);
        const qsizetype start = isImport ? nextImport : nextRequire;
        const qsizetype open = start + (isImport ? 8 : 9);  // after `("`
        qsizetype resume = open;
        if (start == 0 || (!isWordByte(data[start - 1]) && data[start - 1] != '.')) {
            qsizetype close = open;
            while (close < size && data[close] != '"' && data[close] != '\\')
                ++close;
            if (close > open && close + 1 < size && data[close] == '"' && data[close + 1] == ')') {
                found(start, close + 2, isImport, QByteArrayView(data + open, close - open));
                resume = close + 2;
            }
        }
        if (nextRequire >= 0 && nextRequire < resume)
            nextRequire = dev::find(code, "require(\"", resume);
        if (nextImport >= 0 && nextImport < resume)
            nextImport = dev::find(code, "import(\"", resume);
    }
}

} // namespace

qsizetype ModuleBundle::takeLeadingImports(const QString &sheetPath, const QByteArray &css, QByteArray *charset,
                                           QByteArray *imports)
{
    qsizetype taken = 0;
    for (qsizetype at = skipSpaceAndComments(css, 0); at < css.size(); at = skipSpaceAndComments(css, taken)) {
        const bool isCharset = QByteArrayView(css).sliced(at).startsWith("@charset ");  // case-sensitive, by the spec
        if (!isCharset && !atRule(css, at, "@import"))
            break;
        const qsizetype end = statementEnd(css, at);
        if (end < 0)
            break;
        const QByteArray statement = css.sliced(at, end - at);
        if (!isCharset)
            *imports += withAbsoluteUrl(sheetPath, statement) + '\n';
        else if (charset->isEmpty())
            *charset = statement + '\n';  // only the first counts; the others were ignored too
        taken = end;
    }
    return taken;
}

QStringList ModuleBundle::requiredSpecifiers(const QByteArray &code)
{
    QStringList specifiers;
    forEachRequire(code, [&](qsizetype, qsizetype, bool, QByteArrayView specifier) {
        specifiers << QString::fromUtf8(specifier);
    });
    return specifiers;
}

QByteArray ModuleBundle::rewriteRequires(const QByteArray &code, const Resolve &resolve, QStringList *resolved)
{
    // esbuild's output: `require("x")` for static imports and `import("x")` kept for
    // dynamic ones.
    QByteArray out;
    out.reserve(code.size() + 256);
    qsizetype last = 0;
    forEachRequire(code, [&](qsizetype start, qsizetype end, bool isImport, QByteArrayView specifier) {
        const QString target = resolve(QString::fromUtf8(specifier));
        if (resolved)
            resolved->append(target);
        out.append(code.constData() + last, start - last);
        out += isImport ? "__heliosImport(" : "require(";
        out += jsString(target) + ')';
        last = end;
        // `__toESM(require("x"), 1)`: esbuild's Node.js interop for a project whose
        // package.json says "type": "module" (the default import is module.exports).
        // The page imports ES modules the browser's way, the default export as `default`,
        // as the unbundled page does.
        if (QByteArrayView(code).sliced(last).startsWith(", 1)") && QByteArrayView(code).first(start).endsWith("__toESM("))
            last += 3;
    });
    out.append(code.constData() + last, code.size() - last);
    return out;
}

QByteArray ModuleBundle::withRefreshRegistration(const QString &urlPath, const QByteArray &code)
{
    // __export(App_exports, {\n  App: () => App,\n  default: () => App_default\n});
    // The first such block at the start of a line; only it is read as text.
    static const QRegularExpression exportBlock(QStringLiteral("^__export\\(\\w+, \\{([^}]*)\\}\\);"));
    static const QRegularExpression item(QStringLiteral("^\\s*(\"[^\"]*\"|[\\w$]+): \\(\\) => ([\\w$]+)\\s*$"));
    QRegularExpressionMatch block;
    for (qsizetype at = dev::find(code, "__export("); at >= 0 && !block.hasMatch(); at = dev::find(code, "__export(", at + 1)) {
        if (at > 0 && code.at(at - 1) != '\n')
            continue;
        const qsizetype end = dev::find(code, "});", at);
        block = exportBlock.match(QString::fromUtf8(code.sliced(at, (end < 0 ? code.size() : end + 3) - at)));
    }
    if (!block.hasMatch())
        return code;
    const QByteArray signature = jsString(QByteArrayView(hookSignature(code)));
    QByteArray registrations;
    for (const QString &entry : block.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto parts = item.match(entry);
        if (!parts.hasMatch())
            return code;
        const QString exported = parts.captured(1);
        const QString local = parts.captured(2);
        if (!isComponentName(local) || (exported != QLatin1String("default") && !isComponentName(exported)))
            return code;  // a module that exports anything else is no refresh boundary
        registrations += "__heliosRegister(" + local.toUtf8() + ", " + jsString(urlPath + QLatin1Char(' ') + local) + ", " +
                         signature + ");\n";
    }
    if (registrations.isEmpty())
        return code;
    return dev::insertBeforeSourceMap(code, QByteArray("\n" + registrations + "__hmr.accept(() => __heliosRefresh());\n"));
}

QByteArray ModuleBundle::hookSignature(const QByteArray &code)
{
    QByteArrayList hooks;
    for (qsizetype at = dev::find(code, "use"); at >= 0; at = dev::find(code, "use", at + 3)) {
        const char *data = code.constData();
        if (at + 3 >= code.size() || data[at + 3] < 'A' || data[at + 3] > 'Z')
            continue;
        if (at > 0 && isWordByte(data[at - 1]))
            continue;  // inside a longer name
        qsizetype end = at + 3;
        while (end < code.size() && isWordByte(data[end]))
            ++end;
        qsizetype call = end;
        if (call < code.size() && data[call] == ')')
            ++call;  // esbuild's (0, import_react.useState)(...)
        if (call >= code.size() || data[call] != '(' || QByteArrayView(data, at).endsWith("function "))
            continue;  // not a call, or a hook's own definition
        hooks << code.sliced(at, end - at);
    }
    return hooks.join(',');
}

QByteArray ModuleBundle::cssModuleFactory(const QByteArray &classesModule)
{
    static const QRegularExpression exportDefault(QStringLiteral("^export\\s*\\{\\s*([\\w$]+) as default\\s*\\};?"),
                                                  QRegularExpression::MultilineOption);
    QString text = QString::fromUtf8(classesModule);
    const auto match = exportDefault.match(text);
    if (!match.hasMatch())
        return "module.exports = { __esModule: true, default: {} };\n";
    text.replace(match.capturedStart(0), match.capturedLength(0),
                 QStringLiteral("module.exports = { __esModule: true, default: %1 };").arg(match.captured(1)));
    return text.toUtf8();
}

ModuleBundle::Graph ModuleBundle::walk(const Input &input)
{
    Graph graph;
    QSet<QString> seen;
    QSet<QString> packages;
    // Iterative depth-first post-order: a module's imports (and their CSS) come first.
    struct Frame {
        QString path;
        qsizetype next = 0;
    };
    QList<Frame> stack;
    QStringList roots = input.entries;
    if (!input.refreshRuntime.isEmpty() && input.factories->contains(input.refreshRuntime))
        roots.prepend(input.refreshRuntime);  // runs first: it hooks into React before react-dom loads
    for (const QString &entry : roots) {
        if (seen.contains(entry))
            continue;
        seen.insert(entry);
        stack.append({entry});
        while (!stack.isEmpty()) {
            Frame &top = stack.last();
            const QStringList deps = isPackageFactory(input, top.path) ? input.packageDependencies->value(top.path)
                                                                : input.dependencies->value(top.path);
            if (top.next < deps.size()) {
                const QString dep = deps.at(top.next++);
                if (dep.startsWith(QLatin1String("/@deps/")) && !input.factories->contains(dep)) {
                    if (!packages.contains(dep)) {
                        packages.insert(dep);
                        graph.packages << dep;
                    }
                } else if (!seen.contains(dep) && (input.factories->contains(dep) || input.styles->contains(dep))) {
                    seen.insert(dep);
                    stack.append({dep});
                }
                continue;
            }
            const QString done = top.path;
            stack.removeLast();
            if (input.factories->contains(done))
                graph.modules << done;
            if (input.styles->contains(done))
                graph.stylesheets << done;
        }
    }
    return graph;
}

QByteArray ModuleBundle::script(const Input &input, const Graph &graph)
{
    QByteArray out;
    qsizetype size = 4096;
    for (const QString &path : graph.modules)
        size += input.factories->value(path).size() * 11 / 10 + path.size() + 32;
    out.reserve(size);
    const bool refreshFactory = !input.refreshRuntime.isEmpty() && input.factories->contains(input.refreshRuntime);
    out += "import { moduleRegistry as __registry, installRefreshRuntime } from \"" + input.clientUrl + "\";\n";
    out += "const r = __registry();\n";
    // Pre-bundled packages are imported by the script, not statically: react-refresh's
    // runtime hooks into React before react-dom's module runs.
    if (!input.refreshRuntime.isEmpty() && !refreshFactory)
        out += "installRefreshRuntime((await import(" + jsString(input.refreshRuntime) + ")).default);\n";
    if (!graph.packages.isEmpty()) {
        out += "const __packages = await Promise.all([";
        for (const QString &package : graph.packages)
            out += "import(" + jsString(package) + "), ";
        out += "]);\n";
    }
    for (qsizetype i = 0; i < graph.packages.size(); ++i)
        out += "r.external(" + jsString(graph.packages.at(i)) + ", __packages[" + QByteArray::number(i) + "]);\n";
    if (!input.helpers.isEmpty())
        out += "r.helpers(" + input.helpers + ");\n";
    for (const QString &path : graph.modules) {
        const QByteArray &factory = input.factories->value(path);
        if (isPackageFactory(input, path) && isStrictScript(factory))
            out += "r.define(" + jsString(path) + ", function (" + factoryParameters + ") {\n" + factory + "\n});\n";
        else
            out += "r.define(" + jsString(path) + ", " + jsString(QByteArrayView(factory)) + ");\n";
    }
    QStringList entries;
    for (const QString &entry : input.entries)
        if (input.factories->contains(entry))
            entries << entry;
    if (refreshFactory)
        out += "r.refreshRuntime(" + jsString(input.refreshRuntime) + ");\n";
    out += "r.start(" + QJsonDocument(QJsonArray::fromStringList(entries)).toJson(QJsonDocument::Compact) + ");\n";
    return out;
}

QByteArray ModuleBundle::stylesheet(const Input &input, const Graph &graph)
{
    // A browser ignores an @import after other rules: each sheet's leading @imports go to
    // the top of the merged sheet, in order (after the first @charset), the rest stays.
    QByteArray charset;
    QByteArray imports;
    QByteArray rules;
    for (const QString &path : graph.stylesheets) {
        const QByteArray css = input.styles->value(path);
        const qsizetype taken = takeLeadingImports(path, css, &charset, &imports);
        rules += "/* " + path.toUtf8() + " */\n" + QByteArrayView(css).sliced(taken) + "\n";
    }
    return charset + imports + rules;
}

} // namespace helios::ignis
