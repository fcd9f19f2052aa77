// SPDX-License-Identifier: Apache-2.0
// A by-hand throughput check, not a test: generates N DTCG tokens (colours, spacing,
// typography, shadows; about 30% aliases in chains up to depth 4), then times
// read -> resolve -> CSS + TypeScript in this process. Usage: slate_throughput [N]
#include "slate/css_formatter.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/typescript_formatter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include "slate/json_reader.h"

#include <cstdio>

using namespace helios::slate;

static QByteArray generate(int n)
{
    QByteArray out;
    out.reserve(n * 90);
    out += "{\n";
    const int groups = qMax(1, n / 100);
    int made = 0;
    for (int g = 0; g < groups && made < n; ++g) {
        if (g)
            out += ",\n";
        const int kind = g % 4;
        static const char *types[] = {"color", "dimension", "typography", "shadow"};
        out += "  \"g" + QByteArray::number(g) + "\": {\"$type\": \"" + types[kind] + "\"";
        for (int i = 0; i < 100 && made < n; ++i, ++made) {
            out += ",\n    \"t" + QByteArray::number(i) + "\": {\"$value\": ";
            const bool alias = i % 10 < 3 && i >= 4;
            if (alias) // chains: t7 -> t6 ... up to depth 4
                out += "\"{g" + QByteArray::number(g) + ".t" + QByteArray::number(i - 1 - (i % 3)) + "}\"";
            else if (kind == 0)
                out += "\"#" + QByteArray::number(0x100000 + (made * 2654435761u) % 0xefffff, 16) + "\"";
            else if (kind == 1)
                out += "{\"value\": " + QByteArray::number(i * 0.25) + ", \"unit\": \"rem\"}";
            else if (kind == 2)
                out += "{\"fontFamily\": [\"Inter\", \"sans-serif\"], \"fontSize\": \"" + QByteArray::number(12 + i % 20)
                    + "px\", \"fontWeight\": 400, \"letterSpacing\": \"0px\", \"lineHeight\": 1.5}";
            else
                out += "{\"color\": \"#00000033\", \"offsetX\": \"0px\", \"offsetY\": \"" + QByteArray::number(i % 8)
                    + "px\", \"blur\": \"4px\", \"spread\": \"0px\"}";
            out += "}";
        }
        out += "}";
    }
    out += "\n}\n";
    return out;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? atoi(argv[1]) : 50000;
    const QByteArray json = generate(n);
    QElapsedTimer timer;
    timer.start();
    TokenReader reader;
    reader.addData(json, QStringLiteral("generated.tokens.json"));
    TokenSet set = reader.finish();
    const qint64 readMs = timer.elapsed();
    (void)TokenResolver::resolve(set);
    const qint64 resolveMs = timer.elapsed();
    FormatOptions css;
    const QByteArray cssOut = CssFormatter::format(set, css);
    const qint64 cssMs = timer.elapsed();
    FormatOptions ts;
    ts.nameCase = NameCase::Camel;
    const QByteArray tsOut = TypeScriptFormatter::module(set, ts);
    const qint64 totalMs = timer.elapsed();
    std::printf("%lld tokens (%lld bytes JSON, %zu diagnostics): read %lld ms, resolve %lld ms, css %lld ms, ts %lld ms; total %lld ms; css %lld bytes, ts %lld bytes\n",
                static_cast<long long>(set.size()), static_cast<long long>(json.size()), set.diagnostics().size(),
                static_cast<long long>(readMs), static_cast<long long>(resolveMs - readMs),
                static_cast<long long>(cssMs - resolveMs), static_cast<long long>(totalMs - cssMs),
                static_cast<long long>(totalMs), static_cast<long long>(cssOut.size()), static_cast<long long>(tsOut.size()));
    // For comparison only: the JSON parse alone, ours (with positions) against QJsonDocument.
    timer.restart();
    const auto ours = JsonReader::parse(json, QStringLiteral("generated.tokens.json"));
    const qint64 oursMs = timer.elapsed();
    timer.restart();
    const QJsonDocument qt = QJsonDocument::fromJson(json);
    const qint64 qtMs = timer.elapsed();
    std::printf("JSON parse only: JsonReader %lld ms, QJsonDocument %lld ms (%s)\n", static_cast<long long>(oursMs),
                static_cast<long long>(qtMs), ours.complete && qt.isObject() ? "both ok" : "FAILED");
    return set.hasErrors() ? 1 : 0;
}
