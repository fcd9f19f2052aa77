// SPDX-License-Identifier: Apache-2.0
#include "ignis/production_build.h"

#include "bus/bus.h"
#include "core/ids.h"
#include "core/logging.h"
#include "core/sha256.h"
#include "engine.h"
#include "ignis/build_cache.h"
#include "ignis/build_history.h"
#include "ignis/build_image.h"
#include "ignis/build_staging.h"
#include "ignis/esbuild_bundle.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/html_page.h"
#include "ignis/input_snapshot.h"
#include "ignis/project_config.h"
#include "ignis/token_stylesheet.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>
#include <vector>

namespace helios::ignis {

namespace {

constexpr QLatin1StringView EventSource{"/helios/ignis"};

// Files esbuild reads that its metafile does not list: they decide how imports resolve
// and how TypeScript and JSX are compiled.
const QStringList &resolutionFiles()
{
    static const QStringList files{QStringLiteral("package.json"), QStringLiteral("package-lock.json"),
                                   QStringLiteral("npm-shrinkwrap.json"), QStringLiteral("yarn.lock"),
                                   QStringLiteral("pnpm-lock.yaml"), QStringLiteral("tsconfig.json"),
                                   QStringLiteral("jsconfig.json")};
    return files;
}

QString hexDigest(std::initializer_list<QByteArray> parts)
{
    Sha256 hash;
    for (const QByteArray &part : parts) {
        hash.add(part);
        hash.add(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QByteArray canonical(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

BuildMessage failure(const QString &text, const QString &file = {})
{
    BuildMessage message;
    message.text = text;
    message.file = file;
    return message;
}

QJsonObject bundleOutputJson(const EsbuildBundle::Output &output, const QString &digest)
{
    return {{QStringLiteral("path"), output.path},
            {QStringLiteral("size"), output.bytes},
            {QStringLiteral("digest"), digest},
            {QStringLiteral("entryPoint"), output.entryPoint},
            {QStringLiteral("cssBundle"), output.cssBundle}};
}

} // namespace

struct ProductionBuild::Private {
    Engine &engine;
    BuildOptions options;
    BuildReport report;
    QElapsedTimer clock;
    int step = 0;
    int steps = 6;
    ProjectConfig config;
    EsbuildToolchain toolchain;
    std::optional<InputSnapshot> snapshot;
    std::optional<BuildStaging> staging;
    BuildCache cache;
    bool anyHit = false;
    bool anyMiss = false;
    // Bundles started before the inputs were hashed (see startEarly), by entry index.
    std::vector<std::unique_ptr<EsbuildBundle>> early;
    QElapsedTimer earlyClock;

    Private(Engine &e, BuildOptions o)
        : engine(e), options(std::move(o)), cache(engine.cache(), engine.artifacts())
    {
    }

    bool cancelled() const { return options.cancelled && options.cancelled->load(); }

    void announce(const QString &phase, const QString &text)
    {
        if (options.progress)
            options.progress({step, steps, phase, text});
    }

    // Times one step and records it; the step returns false when the build must stop.
    template <typename Step>
    bool phase(const QString &name, const QString &text, Step &&work)
    {
        if (cancelled()) {
            report.messages.append(failure(QStringLiteral("the build was cancelled")));
            return false;
        }
        announce(name, text);
        QElapsedTimer timer;
        timer.start();
        BuildPhase timing{name, 0, {}};
        const bool ok = work(timing.cache);
        timing.ms = timer.elapsed();
        report.phases.append(timing);
        if (timing.cache == QLatin1String("hit"))
            anyHit = true;
        else if (timing.cache == QLatin1String("miss"))
            anyMiss = true;
        ++step;
        return ok;
    }

    void publish(const QString &type, const QJsonObject &data)
    {
        const auto published = engine.bus().publish(data::Event::make(type, EventSource, report.projectId, data));
        if (!published.ok())
            qCWarning(lcIgnis) << "could not announce" << type << ":" << published.error().toString();
    }

    // What every bundle's key shares: the tool, the options and how imports resolve.
    QByteArray bundleKeyBase() const
    {
        QByteArray base = "ignis-bundle-1\n" + toolchain.version.toUtf8() + '\n' + toolchain.toolchainLockDigest.toUtf8() +
                          '\n' + config.target.toUtf8() + '\n' + snapshot->listingDigest() + '\n';
        for (const QString &file : resolutionFiles())
            base += file.toUtf8() + '=' + snapshot->digestOf(file).toLatin1() + '\n';
        return base;
    }

    bool readConfig(QString &)
    {
        config = ProjectConfig::read(options.projectDir);
        report.projectDir = config.projectDir;
        report.outDir = config.outDir;
        report.messages += config.messages;
        if (config.hasErrors())
            return false;
        auto located = EsbuildToolchain::locate(engine.config(), config.projectDir);
        if (!located.ok()) {
            report.messages.append(failure(located.error().message));
            return false;
        }
        toolchain = *located;
        return true;
    }

    bool takeSnapshot(QString &)
    {
        auto taken = InputSnapshot::take(config.projectDir, {config.outDirRelative});
        if (!taken.ok()) {
            report.messages.append(failure(taken.error().toString()));
            return false;
        }
        snapshot = std::move(*taken);
        return true;
    }

    bool buildTokens(QString &cacheState, QByteArray &tokensDigest, QString &tokensPath, TokenStylesheet &sheet)
    {
        if (config.tokensConfig.isEmpty())
            return true;
        const QString key = QStringLiteral("t-") + QString::fromLatin1(sheet.inputDigest());
        QByteArray css;
        bool fromCache = false;
        if (options.useCache)
            if (const auto record = cache.lookup(key)) {
                auto bytes = cache.getFile(record->value(QStringLiteral("digest")).toString());
                if (bytes.ok()) {
                    css = *bytes;
                    fromCache = true;
                }
            }
        if (!fromCache) {
            const bool ok = sheet.render(&css);
            report.messages += sheet.messages();
            if (!ok)
                return false;
        }
        tokensDigest = Sha256::hexHash(css);
        tokensPath = QStringLiteral("assets/tokens-") + QString::fromLatin1(tokensDigest.left(8)) + QStringLiteral(".css");
        auto written = staging->write(tokensPath, css, QStringLiteral("tokens"));
        if (!written.ok()) {
            report.messages.append(failure(written.error().toString()));
            return false;
        }
        if (options.useCache && !fromCache) {
            if (auto blob = cache.putFile(css); blob.ok())
                cache.store(key, {{QStringLiteral("digest"), blob->digest}}, {*blob});
        }
        cacheState = !options.useCache ? QString() : fromCache ? QStringLiteral("hit") : QStringLiteral("miss");
        return true;
    }

    // The outputs of one entry from the cache, when every file it read is unchanged.
    std::optional<QJsonObject> cachedBundle(const QString &key)
    {
        if (!options.useCache)
            return std::nullopt;
        auto record = cache.lookup(key);
        if (!record)
            return std::nullopt;
        const QJsonObject deps = record->value(QStringLiteral("deps")).toObject();
        for (auto it = deps.begin(); it != deps.end(); ++it)
            if (snapshot->digestOf(it.key()) != it.value().toString())
                return std::nullopt;
        for (const QJsonValue &value : record->value(QStringLiteral("outputs")).toArray()) {
            const QJsonObject output = value.toObject();
            auto bytes = cache.getFile(output.value(QStringLiteral("digest")).toString());
            if (!bytes.ok() || !staging->write(output.value(QStringLiteral("path")).toString(), *bytes, QString()).ok())
                return std::nullopt;
        }
        return record;
    }

    // A first build (no output yet) or one without the cache will bundle every entry:
    // esbuild starts at once and runs while the inputs are hashed and the tokens
    // rendered, instead of after them. Should the whole build turn out to be in the
    // cache after all, the early runs are stopped and their output thrown away.
    void startEarly()
    {
        earlyClock.start();
        for (const BuildEntry &entry : std::as_const(config.entries)) {
            early.push_back(std::make_unique<EsbuildBundle>(toolchain, config, entry, staging->root()));
            early.back()->start();
        }
    }

    void stopEarly()
    {
        for (auto &bundle : early)
            if (bundle)
                bundle->kill();
        early.clear();
        earlyClock.invalidate();
    }

    // Runs esbuild for every entry the cache does not have, side by side.
    bool bundleEntries(QList<QJsonObject> &bundles)
    {
        const QByteArray keyBase = bundleKeyBase();
        std::vector<std::unique_ptr<EsbuildBundle>> running;
        std::vector<int> runningIndex;
        bundles.resize(config.entries.size());
        for (int i = 0; i < config.entries.size(); ++i) {
            const BuildEntry &entry = config.entries.at(i);
            const QString key = QStringLiteral("e-") + hexDigest({keyBase, canonical(entry.toJson())});
            if (i < int(early.size()) && early[i]) {
                running.push_back(std::move(early[i]));
                runningIndex.push_back(i);
                bundles[i] = {{QStringLiteral("key"), key}};
                continue;
            }
            QElapsedTimer timer;
            timer.start();
            if (auto record = cachedBundle(key)) {
                bundles[i] = *record;
                report.phases.append({QStringLiteral("bundle:") + entry.name, timer.elapsed(), QStringLiteral("hit")});
                anyHit = true;
                continue;
            }
            running.push_back(std::make_unique<EsbuildBundle>(toolchain, config, entry, staging->root()));
            running.back()->start();
            runningIndex.push_back(i);
            bundles[i] = {{QStringLiteral("key"), key}};
        }
        bool ok = true;
        QElapsedTimer timer;
        timer.start();
        if (earlyClock.isValid())
            timer = earlyClock;
        for (size_t n = 0; n < running.size(); ++n) {
            const int i = runningIndex[n];
            const BuildEntry &entry = config.entries.at(i);
            EsbuildBundle::Result result = running[n]->wait(options.cancelled);
            appendUnique(report.messages, result.messages);
            report.phases.append({QStringLiteral("bundle:") + entry.name, timer.elapsed(),
                                  options.useCache ? QStringLiteral("miss") : QString()});
            anyMiss = true;
            if (!result.ok) {
                ok = false;
                continue;
            }
            bundles[i] = recordBundle(bundles[i].value(QStringLiteral("key")).toString(), result);
        }
        return ok && !hasErrors(report.messages);
    }

    QJsonObject recordBundle(const QString &key, const EsbuildBundle::Result &result)
    {
        QJsonObject deps;
        for (const QString &input : result.inputs)
            deps.insert(input, snapshot->digestOf(input));
        QJsonArray outputs;
        QList<data::Descriptor> blobs;
        for (const EsbuildBundle::Output &output : result.outputs) {
            const QByteArray bytes = staging->read(output.path);
            QString digest;
            if (options.useCache)
                if (auto blob = cache.putFile(bytes); blob.ok()) {
                    blobs.append(*blob);
                    digest = blob->digest;  // hashed once, by the store
                }
            if (digest.isEmpty())
                digest = sha256Digest(bytes);
            outputs.append(bundleOutputJson(output, digest));
        }
        QJsonArray warnings = messagesToJson(result.messages);
        const QJsonObject record{{QStringLiteral("deps"), deps},
                                 {QStringLiteral("outputs"), outputs},
                                 {QStringLiteral("messages"), warnings}};
        if (options.useCache)
            cache.store(key, record, blobs);
        return record;
    }

    bool writePages(const QList<QJsonObject> &bundles, const QString &tokensPath)
    {
        for (int i = 0; i < config.entries.size(); ++i) {
            const BuildEntry &entry = config.entries.at(i);
            if (entry.html.isEmpty())
                continue;
            HtmlPage page;
            page.entryModule = entry.entry;
            const QString htmlDir = QFileInfo(entry.html).path();
            const QDir pageDir(staging->root() + QLatin1Char('/') + htmlDir);
            const auto relative = [&](const QString &path) { return pageDir.relativeFilePath(staging->root() + QLatin1Char('/') + path); };
            if (!tokensPath.isEmpty())
                page.tokensHref = relative(tokensPath);
            for (const QJsonValue &value : bundles.at(i).value(QStringLiteral("outputs")).toArray()) {
                const QJsonObject output = value.toObject();
                if (output.value(QStringLiteral("entryPoint")).toString() != entry.entry)
                    continue;
                page.scriptHref = relative(output.value(QStringLiteral("path")).toString());
                if (const QString css = output.value(QStringLiteral("cssBundle")).toString(); !css.isEmpty())
                    page.styleHrefs << relative(css);
            }
            QFile source(config.projectDir + QLatin1Char('/') + entry.html);
            if (!source.open(QIODevice::ReadOnly)) {
                report.messages.append(failure(QStringLiteral("cannot read the page: ") + source.errorString(), entry.html));
                return false;
            }
            QString html;
            QString error;
            if (!page.rewrite(QString::fromUtf8(source.readAll()), &html, &error)) {
                report.messages.append(failure(error, entry.html));
                return false;
            }
            auto written = staging->write(entry.html, html.toUtf8(), QStringLiteral("html"));
            if (!written.ok()) {
                report.messages.append(failure(written.error().toString()));
                return false;
            }
        }
        return true;
    }

    // manifest.json: every output with its size and digest, and which files each entry
    // starts from -- what a server or a deploy step needs to know about the build.
    bool writeManifest(const QList<QJsonObject> &bundles)
    {
        QJsonObject entries;
        for (int i = 0; i < config.entries.size(); ++i) {
            const BuildEntry &entry = config.entries.at(i);
            QJsonObject files;
            for (const QJsonValue &value : bundles.at(i).value(QStringLiteral("outputs")).toArray()) {
                const QJsonObject output = value.toObject();
                const QString path = output.value(QStringLiteral("path")).toString();
                staging->noteOutput(path, output.value(QStringLiteral("size")).toInteger(),
                                    output.value(QStringLiteral("digest")).toString(), entry.name);
                if (output.value(QStringLiteral("entryPoint")).toString() == entry.entry) {
                    files.insert(QStringLiteral("script"), path);
                    if (const QString css = output.value(QStringLiteral("cssBundle")).toString(); !css.isEmpty())
                        files.insert(QStringLiteral("style"), css);
                }
            }
            if (!entry.html.isEmpty())
                files.insert(QStringLiteral("html"), entry.html);
            entries.insert(entry.name, files);
        }
        const QJsonObject manifest{{QStringLiteral("name"), config.name},
                                   {QStringLiteral("inputDigest"), report.inputDigest},
                                   {QStringLiteral("esbuild"), toolchain.version},
                                   {QStringLiteral("entries"), entries},
                                   {QStringLiteral("outputs"), outputsToJson(staging->outputs())}};
        auto written = staging->write(BuildStaging::manifestName(), QJsonDocument(manifest).toJson(QJsonDocument::Indented),
                                      QStringLiteral("manifest"));
        if (!written.ok()) {
            report.messages.append(failure(written.error().toString()));
            return false;
        }
        return true;
    }

    // The whole build from the cache: nothing to do if the output directory still holds
    // it, else its files restored from the blobs.
    bool wholeBuildHit(const QString &key)
    {
        if (BuildStaging::isIntact(config.outDir, report.inputDigest, &report.outputs))
            return true;
        const auto record = cache.lookup(key);
        if (!record)
            return false;
        if (!early.empty()) {
            // esbuild's half-written files must not mix with the restored ones.
            stopEarly();
            staging->discard();
            auto fresh = BuildStaging::create(config.projectDir, config.outDir, report.id);
            if (!fresh.ok())
                return false;
            staging.emplace(std::move(*fresh));
        }
        for (const BuildOutput &output : outputsFromJson(record->value(QStringLiteral("outputs")).toArray())) {
            auto bytes = cache.getFile(output.digest);
            if (!bytes.ok() || !staging->write(output.path, *bytes, output.entry).ok())
                return false;
        }
        report.outputs = staging->outputs();
        auto swapped = staging->commit();
        if (!swapped.ok()) {
            report.messages.append(failure(swapped.error().toString()));
            return false;
        }
        return true;
    }

    void storeWholeBuild(const QString &key)
    {
        QList<data::Descriptor> blobs;
        for (const BuildOutput &output : report.outputs) {
            // Bundles and tokens are in the cache already; pages and the manifest are new.
            if (output.entry != QLatin1String("html") && output.entry != QLatin1String("manifest"))
                continue;
            if (auto blob = cache.putFile(staging->read(output.path)); blob.ok())
                blobs.append(*blob);
        }
        for (const BuildOutput &output : report.outputs)
            blobs.append({QStringLiteral("application/octet-stream"), output.digest, output.size});
        cache.store(key, {{QStringLiteral("outputs"), outputsToJson(report.outputs)}}, blobs);
    }

    bool publishIfAsked()
    {
        if (!options.publish)
            return true;
        return phase(QStringLiteral("image"), QStringLiteral("publishing the OCI image"), [&](QString &) {
            auto published = publishBuildImage(engine.artifacts(), config, {options.version, options.imageBase, report.startedAt});
            if (!published.ok()) {
                report.messages.append(failure(QStringLiteral("image not published: ") + published.error().toString()));
                return false;
            }
            report.image = published->reference();
            report.imageDigest = published->manifest.digest;
            return true;
        });
    }

    bool build()
    {
        steps = (options.useCache ? 7 : 6) + (options.publish ? 1 : 0);
        if (!phase(QStringLiteral("config"), QStringLiteral("reading helios.json"), [this](QString &c) { return readConfig(c); }))
            return false;
        auto staged = BuildStaging::create(config.projectDir, config.outDir, report.id);
        if (!staged.ok()) {
            report.messages.append(failure(staged.error().toString()));
            return false;
        }
        staging.emplace(std::move(*staged));
        if (!options.useCache || !QFileInfo::exists(config.outDir + QLatin1Char('/') + BuildStaging::manifestName()))
            startEarly();

        // Recorded and announced while esbuild, if it started early, is already working.
        report.projectId = BuildHistory(engine.store()).projectIdFor(config.projectDir);
        if (auto started = BuildHistory(engine.store()).recordStarted(report); !started.ok())
            qCWarning(lcIgnis) << "build history not written:" << started.error().toString();
        publish(QStringLiteral("build.started"), {{QStringLiteral("buildId"), report.id},
                                                  {QStringLiteral("projectDir"), config.projectDir}});

        std::optional<TokenStylesheet> sheet;
        QString wholeKey;
        if (!phase(QStringLiteral("hash"), QStringLiteral("hashing inputs"), [&](QString &) {
                if (!takeSnapshot(wholeKey))
                    return false;
                QByteArray tokensDigest;
                if (!config.tokensConfig.isEmpty()) {
                    sheet = TokenStylesheet::prepare(config.projectDir, config.tokensConfig, &*snapshot);
                    report.messages += sheet->messages();
                    if (sheet->hasErrors())
                        return false;
                    tokensDigest = sheet->inputDigest();
                }
                QJsonArray entries;
                for (const BuildEntry &entry : config.entries)
                    entries.append(entry.toJson());
                report.inputDigest = hexDigest({QByteArrayLiteral("ignis-build-1"), bundleKeyBase(),
                                                QJsonDocument(entries).toJson(QJsonDocument::Compact),
                                                snapshot->contentDigest(), tokensDigest});
                wholeKey = QStringLiteral("b-") + report.inputDigest;
                return true;
            }))
            return false;

        if (options.useCache) {
            bool hit = false;
            phase(QStringLiteral("cache"), QStringLiteral("looking up the build cache"), [&](QString &c) {
                hit = wholeBuildHit(wholeKey);
                c = hit ? QStringLiteral("hit") : QStringLiteral("miss");
                return true;
            });
            anyMiss = false;  // a miss of the whole build only means "look step by step"
            if (hit) {
                report.cache = QStringLiteral("hit");
                return publishIfAsked();
            }
        }

        QString tokensPath;
        if (!phase(QStringLiteral("tokens"), QStringLiteral("design tokens to CSS"), [&](QString &c) {
                QByteArray digest;
                TokenStylesheet empty;
                return buildTokens(c, digest, tokensPath, sheet ? *sheet : empty);
            }))
            return false;

        QList<QJsonObject> bundles;
        announce(QStringLiteral("bundle"), QStringLiteral("bundling %1 entries with esbuild %2").arg(config.entries.size()).arg(toolchain.version));
        const bool bundled = bundleEntries(bundles);
        ++step;
        if (!bundled)
            return false;

        if (!phase(QStringLiteral("html"), QStringLiteral("writing pages"), [&](QString &) { return writePages(bundles, tokensPath); }))
            return false;
        if (!phase(QStringLiteral("write"), QStringLiteral("moving the output into place"), [&](QString &) {
                if (!writeManifest(bundles))
                    return false;
                report.outputs = staging->outputs();
                if (options.useCache)
                    storeWholeBuild(wholeKey);
                auto swapped = staging->commit();
                if (!swapped.ok())
                    report.messages.append(failure(swapped.error().toString()));
                return swapped.ok();
            }))
            return false;
        report.cache = !options.useCache ? QStringLiteral("off")
                       : anyHit && anyMiss ? QStringLiteral("partial")
                       : anyHit            ? QStringLiteral("hit")
                                           : QStringLiteral("miss");
        return publishIfAsked();
    }
};

ProductionBuild::ProductionBuild(Engine &engine, BuildOptions options)
    : d(std::make_unique<Private>(engine, std::move(options)))
{
}

ProductionBuild::~ProductionBuild() = default;

BuildReport ProductionBuild::run()
{
    d->clock.start();
    d->report.id = newId();
    d->report.startedAt = nowUtc();
    d->report.projectDir = d->options.projectDir;
    const bool ok = d->build();
    d->stopEarly();
    if (d->staging)
        d->staging->discard();
    BuildReport &report = d->report;
    report.status = ok ? BuildReport::Status::Succeeded : BuildReport::Status::Failed;
    if (!ok && !hasErrors(report.messages))
        report.messages.append(failure(QStringLiteral("the build stopped without saying why")));
    if (!d->options.useCache)
        report.cache = QStringLiteral("off");
    report.durationMs = d->clock.elapsed();
    if (!report.projectId.isEmpty()) {
        if (auto finished = BuildHistory(d->engine.store()).recordFinished(report); !finished.ok())
            qCWarning(lcIgnis) << "build history not written:" << finished.error().toString();
        if (ok) {
            QJsonObject data{{QStringLiteral("buildId"), report.id},
                             {QStringLiteral("projectId"), report.projectId},
                             {QStringLiteral("projectDir"), report.projectDir},
                             {QStringLiteral("outDir"), report.outDir},
                             {QStringLiteral("durationMs"), report.durationMs},
                             {QStringLiteral("outputBytes"), report.outputBytes()},
                             {QStringLiteral("cache"), report.cache},
                             {QStringLiteral("inputDigest"), report.inputDigest}};
            // WAYPOINT releases this image as it is rather than publishing the output again.
            if (!report.imageDigest.isEmpty()) {
                data.insert(QStringLiteral("image"), report.image);
                data.insert(QStringLiteral("imageDigest"), report.imageDigest);
            }
            d->publish(QStringLiteral("build.completed"), data);
        } else {
            BuildMessages errors;
            for (const BuildMessage &message : std::as_const(report.messages))
                if (message.isError() && errors.size() < 20)
                    errors.append(message);
            d->publish(QStringLiteral("build.failed"), {{QStringLiteral("buildId"), report.id},
                                                        {QStringLiteral("projectDir"), report.projectDir},
                                                        {QStringLiteral("errors"), messagesToJson(errors)}});
        }
    }
    return report;
}

} // namespace helios::ignis
