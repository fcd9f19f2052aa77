// SPDX-License-Identifier: Apache-2.0
#include "self_test.h"

#include "cli.h"

#include "artifacts/artifact_store.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "engine.h"
#include "store/store.h"

#include <QDeadlineTimer>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>

namespace helios::cli {

namespace {

Result<void> checkStore(data::Store &store)
{
    HELIOS_TRY(store.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS self_test (k TEXT PRIMARY KEY, v TEXT)")));
    HELIOS_TRY(store.exec(QStringLiteral("INSERT INTO self_test (k, v) VALUES ($1, $2)"),
                          {QStringLiteral("answer"), QStringLiteral("42")}));
    const auto rows = store.query(QStringLiteral("SELECT v FROM self_test WHERE k = $1"), {QStringLiteral("answer")});
    HELIOS_TRY(rows);
    if (rows->rows.size() != 1 || rows->rows.first().first().toString() != QLatin1String("42"))
        return makeError(ErrorCode::Internal, QStringLiteral("store returned a different row than was written"));
    return {};
}

Result<void> checkCache(data::Cache &cache)
{
    HELIOS_TRY(cache.set("self-test", QByteArrayLiteral("value\0with nul")));
    const auto value = cache.get("self-test");
    HELIOS_TRY(value);
    if (*value != std::optional<QByteArray>(QByteArrayLiteral("value\0with nul")))
        return makeError(ErrorCode::Internal, QStringLiteral("cache returned a different value than was set"));
    return {};
}

Result<void> checkBus(data::Bus &bus)
{
    QSemaphore received;
    const data::Event event = data::Event::make(QStringLiteral("project.created"), QStringLiteral("/helios/self-test"),
                                                QStringLiteral("self-test"));
    auto subscription = bus.subscribe({QStringLiteral("project.*"), {}}, [&](const data::Event &e) {
        if (e.id == event.id)
            received.release();
        return true;
    });
    HELIOS_TRY(subscription);
    HELIOS_TRY(bus.publish(event));
    if (!received.tryAcquire(1, 5000))
        return makeError(ErrorCode::Timeout, QStringLiteral("a published event was not delivered within 5 s"));
    return {};
}

Result<void> checkArtifacts(data::ArtifactStore &artifacts)
{
    const QByteArray bytes = QByteArrayLiteral("helios self-test blob");
    const auto descriptor = artifacts.putBlob(QStringLiteral("helios/self-test"), bytes,
                                              QStringLiteral("application/octet-stream"));
    HELIOS_TRY(descriptor);
    const auto back = artifacts.getBlob(QStringLiteral("helios/self-test"), descriptor->digest);
    HELIOS_TRY(back);
    if (*back != bytes)
        return makeError(ErrorCode::Internal, QStringLiteral("artifact store returned different bytes"));
    return {};
}

} // namespace

int runSelfTest(QTextStream &out, QTextStream &err)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        err << "self-test: cannot create a temporary directory\n";
        return Failure;
    }
    auto engine = Engine::open(Config::embedded(dir.path()));
    if (!engine.ok()) {
        err << "self-test: engine: " << engine.error().toString() << '\n';
        return Failure;
    }
    Engine &e = **engine;
    const struct {
        const char *name;
        Result<void> result;
    } checks[] = {{"store", checkStore(e.store())},
                  {"cache", checkCache(e.cache())},
                  {"bus", checkBus(e.bus())},
                  {"artifacts", checkArtifacts(e.artifacts())}};
    int failed = 0;
    for (const auto &c : checks) {
        if (c.result.ok()) {
            out << "self-test: " << c.name << " ok\n";
        } else {
            ++failed;
            err << "self-test: " << c.name << " FAILED: " << c.result.error().toString() << '\n';
        }
    }
    return failed == 0 ? Success : Failure;
}

} // namespace helios::cli
