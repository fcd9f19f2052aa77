// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/module_bundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace helios::ignis {

namespace {

QByteArray jsString(const QString &text)
{
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

bool isComponentName(QStringView name)
{
    static const QRegularExpression component(QStringLiteral("^[A-Z][A-Za-z0-9_$]*$"));
    return component.match(name.toString()).hasMatch();
}

} // namespace

QByteArray ModuleBundle::rewriteRequires(const QByteArray &code, const Resolve &resolve, QStringList *resolved)
{
    // esbuild's output: double-quoted specifiers, `require("x")` for static imports and
    // `import("x")` kept for dynamic ones.
    static const QRegularExpression pattern(QStringLiteral("\\b(require|import)\\(\"([^\"\\\\]+)\"\\)"));
    const QString text = QString::fromUtf8(code);
    QString out;
    out.reserve(text.size() + 256);
    qsizetype last = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        // Not a member call (x.require("y")) and not inside an identifier.
        const qsizetype start = match.capturedStart(0);
        if (start > 0 && (text.at(start - 1) == QLatin1Char('.') || text.at(start - 1) == QLatin1Char('$')))
            continue;
        const QString target = resolve(match.captured(2));
        if (resolved)
            resolved->append(target);
        out += QStringView(text).mid(last, start - last);
        out += match.capturedView(1) == QLatin1String("import") ? QStringLiteral("__heliosImport(") : QStringLiteral("require(");
        out += QString::fromUtf8(jsString(target)) + QLatin1Char(')');
        last = match.capturedEnd(0);
        // `__toESM(require("x"), 1)`: esbuild's Node.js interop for a project whose
        // package.json says "type": "module" (the default import is module.exports).
        // The page imports ES modules the browser's way, the default export as `default`,
        // as the unbundled page does.
        if (text.mid(last, 3) == QLatin1String(", 1") && text.mid(last + 3, 1) == QLatin1String(")") &&
            QStringView(text).mid(0, start).endsWith(QLatin1String("__toESM(")))
            last += 3;
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

QByteArray ModuleBundle::withRefreshRegistration(const QString &urlPath, const QByteArray &code)
{
    // __export(App_exports, {\n  App: () => App,\n  default: () => App_default\n});
    static const QRegularExpression exportBlock(QStringLiteral("^__export\\(\\w+, \\{([^}]*)\\}\\);"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression item(QStringLiteral("^\\s*(\"[^\"]*\"|[\\w$]+): \\(\\) => ([\\w$]+)\\s*$"));
    const QString text = QString::fromUtf8(code);
    const auto block = exportBlock.match(text);
    if (!block.hasMatch())
        return code;
    QByteArray registrations;
    for (const QString &entry : block.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto parts = item.match(entry);
        if (!parts.hasMatch())
            return code;
        const QString exported = parts.captured(1);
        const QString local = parts.captured(2);
        if (!isComponentName(local) || (exported != QLatin1String("default") && !isComponentName(exported)))
            return code;  // a module that exports anything else is no refresh boundary
        registrations += "__heliosRegister(" + local.toUtf8() + ", " + jsString(urlPath + QLatin1Char(' ') + local) + ");\n";
    }
    if (registrations.isEmpty())
        return code;
    const QByteArray tail = "\n" + registrations + "__hmr.accept(() => __heliosRefresh());\n";
    // Before the source map comment, which stays last.
    const qsizetype map = code.lastIndexOf("//# sourceMappingURL=");
    QByteArray out = code;
    out.insert(map >= 0 ? map : out.size(), tail);
    return out;
}

bool ModuleBundle::acceptsItself(const QByteArray &code)
{
    return code.contains("__hmr.accept(") || code.contains("__hmr?.accept(");
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
    for (const QString &entry : input.entries) {
        if (seen.contains(entry))
            continue;
        seen.insert(entry);
        stack.append({entry});
        while (!stack.isEmpty()) {
            Frame &top = stack.last();
            const QStringList deps = input.dependencies->value(top.path);
            if (top.next < deps.size()) {
                const QString dep = deps.at(top.next++);
                if (dep.startsWith(QLatin1String("/@deps/"))) {
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
    out += "import { moduleRegistry as __registry } from \"" + input.clientUrl + "\";\n";
    for (qsizetype i = 0; i < graph.packages.size(); ++i)
        out += "import * as __p" + QByteArray::number(i) + " from \"" + graph.packages.at(i).toUtf8() + "\";\n";
    out += "const r = __registry();\n";
    for (qsizetype i = 0; i < graph.packages.size(); ++i)
        out += "r.external(" + jsString(graph.packages.at(i)) + ", __p" + QByteArray::number(i) + ");\n";
    for (const QString &path : graph.modules)
        out += "r.define(" + jsString(path) + ", " + jsString(QString::fromUtf8(input.factories->value(path))) + ");\n";
    QStringList entries;
    for (const QString &entry : input.entries)
        if (input.factories->contains(entry))
            entries << entry;
    out += "r.start(" + QJsonDocument(QJsonArray::fromStringList(entries)).toJson(QJsonDocument::Compact) + ");\n";
    return out;
}

QByteArray ModuleBundle::stylesheet(const Input &input, const Graph &graph)
{
    QByteArray out;
    for (const QString &path : graph.stylesheets)
        out += "/* " + path.toUtf8() + " */\n" + input.styles->value(path) + "\n";
    return out;
}

} // namespace helios::ignis
