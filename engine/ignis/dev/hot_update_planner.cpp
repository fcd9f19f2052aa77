// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/hot_update_planner.h"

#include "ignis/dev/dev_files.h"
#include "ignis/dev/dev_module_cache.h"
#include "ignis/dev/dev_module_compiler.h"
#include "ignis/dev/module_linker.h"
#include "ignis/project_config.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSet>

namespace helios::ignis {

HotUpdatePlanner::HotUpdatePlanner(DevModuleCompiler &compiler, ModuleLinker &linker, DevModuleCache &cache,
                                   TokensChanged tokensChanged)
    : m_compiler(compiler), m_linker(linker), m_cache(cache), m_tokensChanged(std::move(tokensChanged))
{
}

QList<QJsonObject> HotUpdatePlanner::filesChanged(const QStringList &changed, DevModuleServer::ChangeTiming timing)
{
    using ChangeTiming = DevModuleServer::ChangeTiming;
    QStringList paths;
    for (const QString &relative : changed) {
        const QString file = m_compiler.projectDir() + QLatin1Char('/') + relative;
        if (timing == ChangeTiming::Early) {
            // The first file of a burst, acted on at once: it may be half written, so an
            // empty or missing file waits for its next event or the settled call; content
            // an early call handled already is not sent again.
            bool ok = false;
            const QByteArray content = dev::readFile(file, &ok);
            if (!ok || content.isEmpty() || m_earlyContent.value(relative) == content)
                return {};
            m_earlyContent.insert(relative, content);
        } else if (auto early = m_earlyContent.find(relative); early != m_earlyContent.end()) {
            const bool same = dev::readFile(file) == *early;
            m_earlyContent.erase(early);
            if (same)
                continue;  // handled by the early call already
        }
        paths << relative;
    }
    if (paths.isEmpty())
        return {};
    QList<QJsonObject> messages = changes(paths);
    if (timing == ChangeTiming::Early && !messages.isEmpty() &&
        messages.constFirst().value(QStringLiteral("type")).toString() == QLatin1String("error")) {
        // Maybe only a half-written file: the settled call decides.
        for (const QString &relative : std::as_const(paths))
            m_earlyContent.remove(relative);
        return {};
    }
    return messages;
}

QJsonObject HotUpdatePlanner::errorMessage(const BuildMessage &message, const QString &projectDir)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("err"), QJsonObject{{QStringLiteral("message"), message.text},
                                                {QStringLiteral("file"), message.file},
                                                {QStringLiteral("line"), message.line},
                                                {QStringLiteral("column"), message.column},
                                                {QStringLiteral("frame"), codeFrame(projectDir, message)}}}};
}

QList<QJsonObject> HotUpdatePlanner::failure(const BuildMessage &message) const
{
    return {errorMessage(message, m_compiler.projectDir())};
}

// Modules and stylesheets a changed factory imports that the bundled page has not
// got: compiled and sent along. False when it imports a package the pre-bundle lacks
// (pre-bundled again; the page must reload).
bool HotUpdatePlanner::addNewDependencies(const QString &urlPath, QJsonObject &sent, bool &bundleCssChanged)
{
    const QStringList deps = m_linker.dependenciesOf(urlPath);
    for (const QString &dep : deps) {
        if (m_cache.hasFactory(dep) || dep.startsWith(QLatin1String("/@deps/")) ||
            !QFileInfo::exists(m_compiler.projectDir() + dep))
            continue;
        if (dep.endsWith(QLatin1String(".module.css"))) {
            if (!m_cache.compileCssModules({dep}).ok())
                continue;
            bundleCssChanged = true;
        } else if (dep.endsWith(QLatin1String(".css"))) {
            m_cache.readStylesheet(dep, true);
            bundleCssChanged = true;
        } else if (dev::isModule(dep)) {
            if (!m_cache.compileFactory(dep).ok())
                continue;  // the registry reports the missing module
            if (!addNewDependencies(dep, sent, bundleCssChanged))
                return false;
        } else {
            continue;
        }
        sent.insert(dep, QString::fromUtf8(m_cache.factory(dep)));
    }
    if (m_cache.lacksPackages()) {
        m_cache.bundlePackages();
        return false;
    }
    return true;
}

// js-updates for the modules that accept `urlPath`'s change (up its importers), or
// false when it reaches a module nobody accepts for.
bool HotUpdatePlanner::appendBoundaries(const QString &urlPath, const QJsonObject &sent, qint64 now, QJsonArray &updates) const
{
    // `owner` runs the accept callback for `acceptedPath`'s new code.
    const auto boundary = [&](const QString &owner, const QString &acceptedPath) {
        QJsonObject update{{QStringLiteral("type"), QStringLiteral("js-update")},
                           {QStringLiteral("path"), owner},
                           {QStringLiteral("acceptedPath"), acceptedPath},
                           {QStringLiteral("timestamp"), now}};
        if (!sent.isEmpty())
            update.insert(QStringLiteral("modules"), sent);
        updates.append(update);
    };
    QSet<QString> seen;
    QList<QString> queue{urlPath};
    bool accepted = false;
    while (!queue.isEmpty()) {
        const QString current = queue.takeFirst();
        if (seen.contains(current))
            continue;
        seen.insert(current);
        if (m_linker.acceptsItself(current)) {
            boundary(current, current);
            accepted = true;
            continue;
        }
        const QSet<QString> up = m_linker.importersOf(current);
        if (up.isEmpty())
            return false;  // reached an entry nobody accepts for
        for (const QString &importer : up) {
            if (m_linker.acceptsUpdatesOf(importer, current)) {
                boundary(importer, current);  // accept(deps, callback): the importer does not run again
                accepted = true;
            } else {
                queue.append(importer);
            }
        }
    }
    return accepted;
}

QList<QJsonObject> HotUpdatePlanner::changes(const QStringList &paths)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray updates;
    bool reload = false;
    bool bundleCssChanged = false;
    for (const QString &relative : paths) {
        const QString urlPath = QLatin1Char('/') + relative;
        if (relative.endsWith(QLatin1String(".tokens.json")) || relative.startsWith(QLatin1String("tokens/")) ||
            m_tokensConfig.endsWith(relative)) {
            const QList<QJsonObject> swapped = m_tokensChanged();
            if (swapped.constFirst().value(QStringLiteral("type")).toString() == QLatin1String("error"))
                return swapped;
            updates.append(swapped.constFirst().value(QStringLiteral("updates")).toArray().first());
            continue;
        }
        if (relative.endsWith(QLatin1String(".css"))) {
            m_cache.forgetCssModule(urlPath);
            updates.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("css-update")},
                                       {QStringLiteral("path"), urlPath},
                                       {QStringLiteral("timestamp"), now}});
            if (!m_cache.isBundled() || !m_cache.hasStyle(urlPath))
                continue;
            bundleCssChanged = true;
            if (!urlPath.endsWith(QLatin1String(".module.css"))) {
                m_cache.readStylesheet(urlPath, false);
                continue;
            }
            auto renamed = m_cache.compileCssModules({urlPath});
            if (!renamed.ok())
                return failure(BuildMessage{BuildMessage::Severity::Error, relative, 0, 0, renamed.error().message, {}, {}});
            // New class names: the modules using them run again.
            if (!renamed->isEmpty())
                reload = !appendBoundaries(urlPath, QJsonObject{{urlPath, QString::fromUtf8(m_cache.factory(urlPath))}},
                                           now, updates) || reload;
            continue;
        }
        if (!dev::isModule(urlPath)) {
            reload = reload || relative.endsWith(QLatin1String(".html")) || relative == ProjectConfig::fileName();
            continue;
        }
        m_cache.forgetModule(urlPath);
        QJsonObject sent;
        if (QFileInfo::exists(m_compiler.projectDir() + urlPath)) {
            m_compiler.clearLastError();
            if (m_cache.isBundled()) {
                auto factory = m_cache.compileFactory(urlPath);
                if (!factory.ok())
                    return failure(m_compiler.lastError().value_or(BuildMessage{}));
                sent.insert(urlPath, QString::fromUtf8(*factory));
                if (!addNewDependencies(urlPath, sent, bundleCssChanged))
                    reload = true;
            } else if (!m_cache.recompileModule(urlPath).ok()) {
                return failure(m_compiler.lastError().value_or(BuildMessage{}));
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

} // namespace helios::ignis
