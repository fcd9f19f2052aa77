// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/package_factories.h"

#include "ignis/dev/dependency_bundler.h"
#include "ignis/dev/dev_files.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::ignis {

namespace {

constexpr QLatin1StringView nodeModulesDir("/node_modules/");
// What a package's "browser" map replaces with false: an empty module.
constexpr QLatin1StringView emptyModule(":empty");

// A require("...") call with a string literal: where the literal (quotes included) is.
struct RequireCall {
    qsizetype begin = 0;
    qsizetype end = 0;
    QString specifier;
};

QList<RequireCall> requireCalls(const QByteArray &code)
{
    QList<RequireCall> calls;
    const char *data = code.constData();
    const qsizetype size = code.size();
    for (qsizetype at = dev::find(code, "require("); at >= 0; at = dev::find(code, "require(", at + 8)) {
        if (at > 0 && (dev::isWordByte(data[at - 1]) || data[at - 1] == '.'))
            continue;  // __require(, x.require(
        qsizetype begin = at + 8;
        while (begin < size && data[begin] == ' ')
            ++begin;
        if (begin >= size || (data[begin] != '"' && data[begin] != '\''))
            continue;  // not a literal: nothing to resolve ahead of time
        qsizetype end = begin + 1;
        while (end < size && data[end] != data[begin] && data[end] != '\\' && data[end] != '\n')
            ++end;
        if (end >= size || data[end] != data[begin])
            continue;
        calls.append({begin, end + 1, QString::fromUtf8(data + begin + 1, end - begin - 1)});
    }
    return calls;
}

// Whether the file has ES module syntax at the start of a line (CommonJS has none).
bool looksLikeEsModule(const QByteArray &code)
{
    for (const char *keyword : {"export ", "export{", "import ", "import{"}) {
        if (code.startsWith(keyword) || dev::find(code, QByteArray(QByteArray("\n") + keyword)) >= 0)
            return true;
    }
    return false;
}

// The file name `required` names besides the production one ("./cjs/x.production.js"
// -> "./cjs/x.development.js"), empty when it is no production build.
QString developmentTwin(const QString &required)
{
    const qsizetype at = required.lastIndexOf(QLatin1String(".production."));
    if (at < 0)
        return {};
    return QString(required).replace(at, 12, QStringLiteral(".development."));
}

// What an "exports" target value names for this page's conditions, in this order of
// preference (Node.js takes the object's order, which QJsonObject does not keep; packages
// put "default" last by convention). Empty when it names nothing.
QString exportTarget(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            if (const QString target = exportTarget(item); !target.isEmpty())
                return target;
        return {};
    }
    if (!value.isObject())
        return {};
    const QJsonObject conditions = value.toObject();
    for (const char *condition : {"browser", "development", "require", "default"})
        if (const QString target = exportTarget(conditions.value(QLatin1String(condition))); !target.isEmpty())
            return target;
    return {};
}

// The target of `subpath` ("." or "./client") in a package's "exports", with "*"
// patterns; empty when the package does not export it.
QString exportedPath(const QJsonValue &exports, const QString &subpath)
{
    const QJsonObject map = exports.toObject();
    const bool bySubpath = !map.isEmpty() && map.constBegin().key().startsWith(QLatin1Char('.'));
    if (!bySubpath)
        return subpath == QLatin1String(".") ? exportTarget(exports) : QString();
    if (map.contains(subpath))
        return exportTarget(map.value(subpath));
    QString best;
    qsizetype bestPrefix = -1;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const qsizetype star = it.key().indexOf(QLatin1Char('*'));
        if (star < 0 || star <= bestPrefix)
            continue;
        const QStringView prefix = QStringView(it.key()).left(star);
        const QStringView suffix = QStringView(it.key()).sliced(star + 1);
        if (subpath.size() < prefix.size() + suffix.size() || !subpath.startsWith(prefix) || !subpath.endsWith(suffix))
            continue;
        const QString target = exportTarget(it.value());
        if (target.isEmpty())
            continue;
        const QString matched = subpath.sliced(prefix.size(), subpath.size() - prefix.size() - suffix.size());
        best = QString(target).replace(QLatin1Char('*'), matched);
        bestPrefix = star;
    }
    return best;
}

// Finds and reads the files of the packages, Node.js's way.
class Collector {
public:
    Collector(const QString &projectDir, const QString &nodeModules) : m_projectDir(projectDir), m_nodeModules(nodeModules) {}

    Result<void> run(const QSet<QString> &specifiers)
    {
        for (const QString &specifier : specifiers) {
            auto file = resolveBare(specifier, m_projectDir);
            HELIOS_TRY(file);
            auto url = add(*file);
            HELIOS_TRY(url);
            const QString entry = DependencyBundler::urlFor(specifier);
            factories.insert(entry, "\"use strict\";\nmodule.exports = require(" + dev::jsString(*url) + ");\n");
            dependencies.insert(entry, {*url});
        }
        while (!m_pending.isEmpty()) {
            auto read = readFactory(m_pending.takeLast());
            HELIOS_TRY(read);
        }
        return {};
    }

    QHash<QString, QByteArray> factories;
    QHash<QString, QStringList> dependencies;

private:
    struct Pending {
        QString url;
        QString file;
    };

    // The file's URL path, the file queued to be read when it is new.
    Result<QString> add(const QString &file)
    {
        const QString url = urlOf(file);
        if (url.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("a package file outside node_modules"), file);
        if (file == emptyModule) {
            factories.insert(url, "module.exports = {};\n");
            return url;
        }
        const QString canonical = QFileInfo(file).canonicalFilePath();
        const auto known = m_files.constFind(url);
        if (known == m_files.constEnd()) {
            m_files.insert(url, canonical);
            m_pending.append({url, file});
        } else if (*known != canonical) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("two copies of %1 (%2 and %3)").arg(url.mid(6), *known, canonical));
        }
        return url;
    }

    Result<void> readFactory(const Pending &pending)
    {
        bool ok = false;
        const QByteArray code = dev::readFile(pending.file, &ok);
        if (!ok)
            return makeError(ErrorCode::Io, QStringLiteral("cannot read"), pending.file);
        if (pending.file.endsWith(QLatin1String(".json"))) {
            factories.insert(pending.url, "module.exports = " + code + ";\n");
            return {};
        }
        if (pending.file.endsWith(QLatin1String(".mjs")) || looksLikeEsModule(code) ||
            (!pending.file.endsWith(QLatin1String(".cjs")) && isInModulePackage(pending.file)))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("an ES module, not CommonJS"), pending.file);
        const QList<RequireCall> calls = requireCalls(code);
        QSet<QString> required;
        for (const RequireCall &call : calls)
            required.insert(call.specifier);
        const QString dir = QFileInfo(pending.file).path();
        QByteArray factory;
        factory.reserve(code.size() + calls.size() * 32);
        QStringList urls;
        qsizetype copied = 0;
        for (const RequireCall &call : calls) {
            auto file = isRelative(call.specifier) ? forBrowsers(resolveFile(dir + QLatin1Char('/') + call.specifier))
                                                   : resolveRequired(call.specifier, pending.file);
            if (!file.ok())
                return makeError(ErrorCode::NotFound, QStringLiteral("require(\"%1\") in %2: %3")
                                                          .arg(call.specifier, pending.file, file.error().message));
            QString url;
            const QString twin = developmentTwin(call.specifier);
            if (!twin.isEmpty() && required.contains(twin)) {
                url = urlOf(*file);  // left out: required only in production
            } else {
                auto added = add(*file);
                HELIOS_TRY(added);
                url = *added;
                urls << url;
            }
            factory += QByteArrayView(code).sliced(copied, call.begin - copied);
            factory += dev::jsString(url);
            copied = call.end;
        }
        factory += QByteArrayView(code).sliced(copied);
        factories.insert(pending.url, factory);
        dependencies.insert(pending.url, urls);
        return {};
    }

    static bool isRelative(const QString &specifier)
    {
        return specifier.startsWith(QLatin1String("./")) || specifier.startsWith(QLatin1String("../")) ||
               specifier == QLatin1String(".") || specifier == QLatin1String("..");
    }

    // The registry path of a package file: its path from the outermost node_modules on
    // ("/@pkg/lib/node_modules/dep/index.js"); empty outside node_modules.
    static QString urlOf(const QString &file)
    {
        if (file == emptyModule)
            return QStringLiteral("/@pkg/:empty");
        const qsizetype at = file.indexOf(nodeModulesDir);
        return at < 0 ? QString() : QStringLiteral("/@pkg/") + file.sliced(at + nodeModulesDir.size());
    }

    // The file `base` names, as require() tries it.
    static Result<QString> resolveFile(const QString &base)
    {
        const QString clean = QDir::cleanPath(base);
        for (const char *suffix : {"", ".js", ".json", "/index.js", "/index.json"})
            if (const QString candidate = clean + QLatin1StringView(suffix); QFileInfo(candidate).isFile())
                return candidate;
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file"), clean);
    }

    // "react-dom/client" from a file in `fromDir`: node_modules up from there, then the
    // toolchain's.
    Result<QString> resolveBare(const QString &specifier, const QString &fromDir)
    {
        // "name/sub" or "@scope/name/sub": the package's name, then the subpath.
        const qsizetype nameStart = specifier.startsWith(QLatin1Char('@')) ? specifier.indexOf(QLatin1Char('/')) + 1 : 0;
        const qsizetype slash = specifier.indexOf(QLatin1Char('/'), nameStart);
        const QString name = slash < 0 ? specifier : specifier.left(slash);
        const QString subpath = slash < 0 ? QStringLiteral(".") : QLatin1Char('.') + specifier.sliced(slash);
        QString packageDir;
        for (QDir dir(fromDir);;) {
            const QString candidate = dir.path() + nodeModulesDir + name;
            if (QFileInfo(candidate).isDir()) {
                packageDir = candidate;
                break;
            }
            if (!dir.cdUp())
                break;
        }
        if (packageDir.isEmpty() && !m_nodeModules.isEmpty() && QFileInfo(m_nodeModules + QLatin1Char('/') + name).isDir())
            packageDir = m_nodeModules + QLatin1Char('/') + name;
        if (packageDir.isEmpty())
            return makeError(ErrorCode::NotFound, QStringLiteral("package %1 is not installed").arg(name));
        const QJsonObject &manifest = manifestOf(packageDir);
        if (manifest.contains(QLatin1String("exports"))) {
            const QString target = exportedPath(manifest.value(QLatin1String("exports")), subpath);
            if (!target.startsWith(QLatin1String("./")))
                return makeError(ErrorCode::NotFound, QStringLiteral("%1 does not export %2").arg(name, subpath));
            return forBrowsers(resolveFile(packageDir + target.mid(1)));
        }
        if (subpath != QLatin1String("."))
            return forBrowsers(resolveFile(packageDir + subpath.mid(1)));
        QString main = manifest.value(QLatin1String("browser")).toString();
        if (main.isEmpty())
            main = manifest.value(QLatin1String("main")).toString(QStringLiteral("index.js"));
        return forBrowsers(resolveFile(packageDir + QLatin1Char('/') + main));
    }

    // A require() of a package from `importer`, unless the "browser" map of the importer's
    // package replaces it.
    Result<QString> resolveRequired(const QString &specifier, const QString &importer)
    {
        const QString packageDir = packageDirOf(importer);
        const QJsonValue mapped = manifestOf(packageDir).value(QLatin1String("browser")).toObject().value(specifier);
        if (mapped.isBool() && !mapped.toBool())
            return QString(emptyModule);
        if (mapped.isString())
            return forBrowsers(resolveFile(packageDir + QLatin1Char('/') + mapped.toString()));
        return resolveBare(specifier, QFileInfo(importer).path());
    }

    // `file` as its package's "browser" map has it for browsers: another file, or
    // emptyModule for false.
    Result<QString> forBrowsers(const Result<QString> &file)
    {
        if (!file.ok() || *file == emptyModule)
            return file;
        const QString packageDir = packageDirOf(*file);
        const QJsonObject map = manifestOf(packageDir).value(QLatin1String("browser")).toObject();
        if (map.isEmpty())
            return file;
        const QString relative = file->sliced(packageDir.size() + 1);
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().startsWith(QLatin1String("./")) ? it.key().mid(2) : it.key();
            if (key != relative && key + QStringLiteral(".js") != relative)
                continue;
            if (it.value().isBool() && !it.value().toBool())
                return QString(emptyModule);
            return resolveFile(packageDir + QLatin1Char('/') + it.value().toString());
        }
        return file;
    }

    // The directory of the package `file` is in (node_modules/<name> or node_modules/@scope/<name>).
    static QString packageDirOf(const QString &file)
    {
        const qsizetype at = file.lastIndexOf(nodeModulesDir);
        if (at < 0)
            return QFileInfo(file).path();
        const qsizetype start = at + nodeModulesDir.size();
        qsizetype end = file.indexOf(QLatin1Char('/'), start);
        if (end >= 0 && file.at(start) == QLatin1Char('@'))
            end = file.indexOf(QLatin1Char('/'), end + 1);
        return end < 0 ? QFileInfo(file).path() : file.left(end);
    }

    const QJsonObject &manifestOf(const QString &packageDir)
    {
        auto known = m_manifests.find(packageDir);
        if (known == m_manifests.end())
            known = m_manifests.insert(
                packageDir, QJsonDocument::fromJson(dev::readFile(packageDir + QStringLiteral("/package.json"))).object());
        return *known;
    }

    // Whether the package.json of `file`'s package says "type": "module".
    bool isInModulePackage(const QString &file)
    {
        return manifestOf(packageDirOf(file)).value(QLatin1String("type")).toString() == QLatin1String("module");
    }

    QString m_projectDir;
    QString m_nodeModules;
    QHash<QString, QJsonObject> m_manifests;  // package directory -> its package.json
    QHash<QString, QString> m_files;          // URL path -> the file's canonical path
    QList<Pending> m_pending;
};

} // namespace

Result<PackageFactories> PackageFactories::collect(const QSet<QString> &specifiers, const QString &projectDir,
                                                   const QString &nodeModules)
{
    Collector collector(projectDir, nodeModules);
    auto ran = collector.run(specifiers);
    HELIOS_TRY(ran);
    PackageFactories packages;
    packages.m_factories = std::move(collector.factories);
    packages.m_dependencies = std::move(collector.dependencies);
    packages.m_specifiers = specifiers;
    return packages;
}

} // namespace helios::ignis
