// SPDX-License-Identifier: Apache-2.0
#include "metrics_registry.h"

#include <QDateTime>
#include <QMap>
#include <QTest>

#include <algorithm>
#include <cctype>
#include <cmath>

#include <atomic>
#include <cstdlib>
#include <new>

using helios::server::MetricsRegistry;

// Every allocation in this test binary is counted, so a test can show that recording a
// request allocates nothing.
namespace {
std::atomic<long> g_allocations{0};
}

void *operator new(std::size_t size) {
    ++g_allocations;
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
    std::free(p);
}

namespace {

struct Sample {
    QByteArray name;
    QList<std::pair<QString, QString>> labels; // unescaped, in output order
    double value = 0;

    QString label(const QString &key) const {
        for (const auto &[k, v] : labels) {
            if (k == key)
                return v;
        }
        return {};
    }
};

struct Exposition {
    QMap<QByteArray, QByteArray> types; // family -> counter|gauge|histogram
    QMap<QByteArray, QByteArray> helps;
    QList<Sample> samples;
    QStringList problems; // lines that do not follow the format, with why
};

double parseValue(const QByteArray &text, bool *ok) {
    if (text == "+Inf")
        return *ok = true, INFINITY;
    if (text == "-Inf")
        return *ok = true, -INFINITY;
    if (text == "NaN")
        return *ok = true, NAN;
    return text.toDouble(ok);
}

// The family a sample belongs to: histogram samples carry a suffix.
QByteArray familyOf(const QByteArray &name, const QMap<QByteArray, QByteArray> &types) {
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (name.endsWith(suffix)) {
            const QByteArray base = name.chopped(qsizetype(qstrlen(suffix)));
            if (types.value(base) == "histogram")
                return base;
        }
    }
    return name;
}

// A strict reader of the text format 0.0.4, written from the format description and
// independent of the registry's code: what a Prometheus server would accept.
Exposition parse(const QByteArray &text) {
    Exposition out;
    if (!text.endsWith('\n'))
        out.problems << QStringLiteral("the exposition does not end with a line feed");
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QByteArray &line = lines[n];
        if (line.isEmpty())
            continue;
        const QString where = QStringLiteral("line %1: %2").arg(n + 1).arg(QString::fromUtf8(line));
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            const QByteArray rest = line.mid(7);
            const qsizetype space = rest.indexOf(' ');
            const QByteArray family = rest.left(space);
            auto &map = line.startsWith("# HELP ") ? out.helps : out.types;
            if (map.contains(family))
                out.problems << QStringLiteral("repeated HELP/TYPE, ") + where;
            map.insert(family, rest.mid(space + 1));
            if (line.startsWith("# TYPE ") &&
                !QList<QByteArray>{"counter", "gauge", "histogram"}.contains(rest.mid(space + 1)))
                out.problems << QStringLiteral("unknown type, ") + where;
            continue;
        }
        if (line.startsWith('#')) {
            out.problems << QStringLiteral("stray comment, ") + where;
            continue;
        }
        Sample sample;
        qsizetype i = 0;
        while (i < line.size() &&
               (std::isalnum(uchar(line[i])) || line[i] == '_' || line[i] == ':'))
            ++i;
        sample.name = line.left(i);
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                const qsizetype eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.size() || line[eq + 1] != '"') {
                    out.problems << QStringLiteral("bad label, ") + where;
                    break;
                }
                const QString key = QString::fromUtf8(line.mid(i, eq - i));
                QByteArray value;
                qsizetype j = eq + 2;
                for (; j < line.size() && line[j] != '"'; ++j) {
                    if (line[j] == '\\' && j + 1 < line.size()) {
                        const char e = line[++j];
                        if (e == 'n')
                            value += '\n';
                        else if (e == '\\' || e == '"')
                            value += e;
                        else
                            out.problems << QStringLiteral("bad escape, ") + where;
                    } else {
                        value += line[j];
                    }
                }
                sample.labels.append({key, QString::fromUtf8(value)});
                i = j + 1;
                if (i < line.size() && line[i] == ',')
                    ++i;
            }
            ++i; // '}'
        }
        if (i >= line.size() || line[i] != ' ') {
            out.problems << QStringLiteral("no value, ") + where;
            continue;
        }
        bool ok = false;
        sample.value = parseValue(line.mid(i + 1), &ok);
        if (!ok)
            out.problems << QStringLiteral("unparseable value, ") + where;
        const QByteArray family = familyOf(sample.name, out.types);
        if (!out.types.contains(family) || !out.helps.contains(family))
            out.problems << QStringLiteral("sample before its HELP and TYPE, ") + where;
        out.samples.append(sample);
    }
    return out;
}

QList<Sample> named(const Exposition &e, const QByteArray &name) {
    QList<Sample> result;
    for (const Sample &s : e.samples) {
        if (s.name == name)
            result.append(s);
    }
    return result;
}

// Everything but the process_* families, which change by themselves between calls.
QByteArray withoutProcessMetrics(const QByteArray &text) {
    QByteArray out;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.contains("process_"))
            out += line + '\n';
    }
    return out;
}

} // namespace

class MetricsRegistryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testExpositionFollowsTheTextFormat() {
        MetricsRegistry registry(QStringLiteral("1.2.3"));
        registry.requestSeries(QStringLiteral("/api/slate/sets"), QStringLiteral("GET"))
            .record(200, 0.002);
        registry.backendErrors(QStringLiteral("cache")).increment();
        registry.setBusLagSeconds(0.25);
        const Exposition e = parse(registry.exposition());
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
        QCOMPARE(e.types.value("helios_http_requests_total"), QByteArray("counter"));
        QCOMPARE(e.types.value("helios_http_request_duration_seconds"), QByteArray("histogram"));
        QCOMPARE(e.types.value("helios_backend_errors_total"), QByteArray("counter"));
        QCOMPARE(e.types.value("helios_bus_lag_seconds"), QByteArray("gauge"));
        QCOMPARE(e.types.value("helios_build_info"), QByteArray("gauge"));
        QCOMPARE(MetricsRegistry::contentType(),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    }

    void testRequestsAreCountedByRouteMethodAndStatus() {
        MetricsRegistry registry(QStringLiteral("1.0"));
        const auto getSets =
            registry.requestSeries(QStringLiteral("/api/slate/sets"), QStringLiteral("GET"));
        const auto postSets =
            registry.requestSeries(QStringLiteral("/api/slate/sets"), QStringLiteral("POST"));
        for (int i = 0; i < 3; ++i)
            getSets.record(200, 0.001);
        getSets.record(404, 0.001);
        postSets.record(201, 0.01);
        // A second handle for the same pair counts into the same series.
        registry.requestSeries(QStringLiteral("/api/slate/sets"), QStringLiteral("GET"))
            .record(200, 0.001);

        const Exposition e = parse(registry.exposition());
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
        QMap<QString, double> counts;
        for (const Sample &s : named(e, "helios_http_requests_total"))
            counts.insert(s.label(QStringLiteral("method")) + u' ' +
                              s.label(QStringLiteral("status")),
                          s.value);
        const QMap<QString, double> expected{{QStringLiteral("GET 200"), 4},
                                             {QStringLiteral("GET 404"), 1},
                                             {QStringLiteral("POST 201"), 1}};
        QCOMPARE(counts, expected);
    }

    void testStatusOutsideTheValidRangeIsStillCounted_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("a status of zero is counted as 599") << 0;
        QTest::newRow("a status of 1000 is counted as 599") << 1000;
        QTest::newRow("a negative status is counted as 599") << -5;
    }
    void testStatusOutsideTheValidRangeIsStillCounted() {
        QFETCH(int, status);
        MetricsRegistry registry(QStringLiteral("1.0"));
        registry.requestSeries(QStringLiteral("/x"), QStringLiteral("GET")).record(status, 0.001);
        const QList<Sample> samples =
            named(parse(registry.exposition()), "helios_http_requests_total");
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.first().label(QStringLiteral("status")), QStringLiteral("599"));
        QCOMPARE(samples.first().value, 1.0);
    }

    void testHistogramBucketsAreCumulative_data() {
        QTest::addColumn<QList<double>>("durations");
        QTest::newRow("one fast request lands in the first bucket") << QList<double>{0.0001};
        QTest::newRow("a request exactly on a bound counts in that bucket") << QList<double>{0.005};
        QTest::newRow("requests across the range and beyond the last bound")
            << QList<double>{0.0003, 0.0007, 0.003, 0.003, 0.2, 1.5, 9.9, 42.0};
        QTest::newRow("a negative duration counts as zero") << QList<double>{-1.0, 0.02};
    }
    void testHistogramBucketsAreCumulative() {
        QFETCH(QList<double>, durations);
        MetricsRegistry registry(QStringLiteral("1.0"));
        const auto series =
            registry.requestSeries(QStringLiteral("/api/ignis/builds/{id}"), QStringLiteral("GET"));
        double sum = 0;
        for (double seconds : durations) {
            series.record(200, seconds);
            sum += std::max(seconds, 0.0);
        }
        const Exposition e = parse(registry.exposition());
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));

        const QList<Sample> buckets = named(e, "helios_http_request_duration_seconds_bucket");
        QCOMPARE(buckets.size(), qsizetype(MetricsRegistry::DurationBuckets.size() + 1));
        double previousBound = -1;
        double previousCount = 0;
        for (const Sample &bucket : buckets) {
            QCOMPARE(bucket.label(QStringLiteral("route")),
                     QStringLiteral("/api/ignis/builds/{id}"));
            bool ok = false;
            const QString le = bucket.label(QStringLiteral("le"));
            const double bound = le == QStringLiteral("+Inf") ? INFINITY : le.toDouble(&ok);
            QVERIFY2(le == QStringLiteral("+Inf") || ok, qPrintable(le));
            QVERIFY2(bound > previousBound, "bucket bounds must increase");
            QVERIFY2(bucket.value >= previousCount, "bucket counts must be cumulative");
            // Cumulative: the count of every duration at or below the bound.
            const auto expected =
                std::count_if(durations.begin(), durations.end(),
                              [bound](double d) { return std::max(d, 0.0) <= bound; });
            QCOMPARE(bucket.value, double(expected));
            previousBound = bound;
            previousCount = bucket.value;
        }
        QCOMPARE(buckets.last().label(QStringLiteral("le")), QStringLiteral("+Inf"));

        const QList<Sample> counts = named(e, "helios_http_request_duration_seconds_count");
        const QList<Sample> sums = named(e, "helios_http_request_duration_seconds_sum");
        QCOMPARE(counts.size(), 1);
        QCOMPARE(sums.size(), 1);
        QCOMPARE(counts.first().value, double(durations.size()));
        QCOMPARE(buckets.last().value, counts.first().value);
        QVERIFY2(std::abs(sums.first().value - sum) < 1e-9,
                 qPrintable(QStringLiteral("%1 != %2").arg(sums.first().value).arg(sum)));
    }

    void testLabelValuesAreEscaped_data() {
        QTest::addColumn<QString>("route");
        QTest::newRow("a double quote") << QStringLiteral("/say\"hi\"");
        QTest::newRow("a backslash") << QStringLiteral("C:\\path\\");
        QTest::newRow("a line feed") << QStringLiteral("/one\ntwo");
        QTest::newRow("all three with a fake label after them")
            << QStringLiteral("x\\\",status=\"999\"}\n# TYPE evil counter");
        QTest::newRow("non-ASCII text stays UTF-8") << QStringLiteral("/caf\u00e9/\u65e5\u672c");
    }
    void testLabelValuesAreEscaped() {
        QFETCH(QString, route);
        MetricsRegistry registry(route); // the version label too
        registry.requestSeries(route, QStringLiteral("GET")).record(200, 0.001);
        registry.backendErrors(route).increment(2);
        const QByteArray text = registry.exposition();
        const Exposition e = parse(text);
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
        QVERIFY(!e.types.contains("evil"));

        const QList<Sample> requests = named(e, "helios_http_requests_total");
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().label(QStringLiteral("route")), route);
        QCOMPARE(requests.first().label(QStringLiteral("status")), QStringLiteral("200"));
        QCOMPARE(named(e, "helios_backend_errors_total").first().label(QStringLiteral("backend")),
                 route);
        QCOMPARE(named(e, "helios_backend_errors_total").first().value, 2.0);
        QCOMPARE(named(e, "helios_build_info").first().label(QStringLiteral("version")), route);
    }

    void testEscapeLabelValue_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain text is unchanged") << QStringLiteral("GET") << QByteArray("GET");
        QTest::newRow("a quote gets a backslash") << QStringLiteral("a\"b") << QByteArray("a\\\"b");
        QTest::newRow("a backslash is doubled") << QStringLiteral("a\\b") << QByteArray("a\\\\b");
        QTest::newRow("a line feed becomes backslash n")
            << QStringLiteral("a\nb") << QByteArray("a\\nb");
    }
    void testEscapeLabelValue() {
        QFETCH(QString, value);
        QFETCH(QByteArray, escaped);
        QCOMPARE(MetricsRegistry::escapeLabelValue(value), escaped);
    }

    void testFormatValue_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("a whole number has no decimals") << 3.0 << QByteArray("3");
        QTest::newRow("a bucket bound is written as short as it parses back")
            << 0.0005 << QByteArray("0.0005");
        QTest::newRow("one tenth is not 0.1000000000000001") << 0.1 << QByteArray("0.1");
        QTest::newRow("positive infinity") << double(INFINITY) << QByteArray("+Inf");
        QTest::newRow("negative infinity") << double(-INFINITY) << QByteArray("-Inf");
        QTest::newRow("not a number") << double(NAN) << QByteArray("NaN");
    }
    void testFormatValue() {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(MetricsRegistry::formatValue(value), text);
    }

    void testOutputIsDeterministic() {
        // The same state reached in a different order prints the same bytes.
        MetricsRegistry first(QStringLiteral("1.0"));
        MetricsRegistry second(QStringLiteral("1.0"));
        const QStringList routes{QStringLiteral("/b"), QStringLiteral("/a"), QStringLiteral("/c")};
        for (const QString &route : routes)
            first.requestSeries(route, QStringLiteral("GET")).record(200, 0.001);
        first.backendErrors(QStringLiteral("store")).increment();
        first.backendErrors(QStringLiteral("bus")).increment();
        for (auto it = routes.crbegin(); it != routes.crend(); ++it)
            second.requestSeries(*it, QStringLiteral("GET")).record(200, 0.001);
        second.backendErrors(QStringLiteral("bus")).increment();
        second.backendErrors(QStringLiteral("store")).increment();
        QCOMPARE(withoutProcessMetrics(first.exposition()),
                 withoutProcessMetrics(second.exposition()));
        QCOMPARE(withoutProcessMetrics(first.exposition()),
                 withoutProcessMetrics(first.exposition()));

        QStringList seen;
        for (const Sample &s : named(parse(first.exposition()), "helios_http_requests_total"))
            seen << s.label(QStringLiteral("route"));
        QCOMPARE(seen,
                 (QStringList{QStringLiteral("/a"), QStringLiteral("/b"), QStringLiteral("/c")}));
    }

    void testBackendErrorCounterShowsZeroOnceCreated() {
        MetricsRegistry registry(QStringLiteral("1.0"));
        const auto errors = registry.backendErrors(QStringLiteral("store"));
        QList<Sample> samples = named(parse(registry.exposition()), "helios_backend_errors_total");
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.first().value, 0.0);
        errors.increment();
        errors.increment(4);
        samples = named(parse(registry.exposition()), "helios_backend_errors_total");
        QCOMPARE(samples.first().value, 5.0);
    }

    void testBuildInfoAndBusLag() {
        MetricsRegistry registry(QStringLiteral("0.1.0"));
        registry.setBusLagSeconds(1.5);
        const Exposition e = parse(registry.exposition());
        const QList<Sample> info = named(e, "helios_build_info");
        QCOMPARE(info.size(), 1);
        QCOMPARE(info.first().label(QStringLiteral("version")), QStringLiteral("0.1.0"));
        QCOMPARE(info.first().value, 1.0);
        QCOMPARE(named(e, "helios_bus_lag_seconds").first().value, 1.5);
    }

    void testProcessMetricsDescribeThisProcess() {
        MetricsRegistry registry(QStringLiteral("1.0"));
        const Exposition e = parse(registry.exposition());
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
        const auto value = [&e](const char *name) {
            const QList<Sample> samples = named(e, name);
            return samples.isEmpty() ? -1.0 : samples.first().value;
        };
        QVERIFY2(value("process_resident_memory_bytes") > 1024 * 1024,
                 "a Qt test process uses more than 1 MiB");
        QVERIFY(value("process_virtual_memory_bytes") >= value("process_resident_memory_bytes"));
        QVERIFY2(value("process_open_fds") >= 3, "stdin, stdout and stderr at least");
        QVERIFY(value("process_cpu_seconds_total") >= 0);
        const double now = double(QDateTime::currentSecsSinceEpoch());
        const double started = value("process_start_time_seconds");
        QVERIFY2(started > now - 3600 && started <= now + 5,
                 qPrintable(QString::number(started, 'f', 2)));
    }

    void testRecordingDoesNotAllocate() {
        MetricsRegistry registry(QStringLiteral("1.0"));
        const auto series =
            registry.requestSeries(QStringLiteral("/api/slate/sets"), QStringLiteral("GET"));
        const auto errors = registry.backendErrors(QStringLiteral("cache"));
        const long before = g_allocations.load();
        for (int i = 0; i < 10'000; ++i) {
            series.record(200 + i % 300, double(i) * 1e-4);
            errors.increment();
        }
        registry.setBusLagSeconds(0.5);
        const long after = g_allocations.load();
        QCOMPARE(after - before, 0L);
        // The recordings did land: 10,000 requests in the histogram. Exposition does
        // allocate, which shows the counter above is live.
        const QByteArray text = registry.exposition();
        QVERIFY(g_allocations.load() > after);
        const QList<Sample> counts =
            named(parse(text), "helios_http_request_duration_seconds_count");
        QCOMPARE(counts.first().value, 10'000.0);
    }

    void testDefaultHandleRecordsNothing() {
        const helios::server::RequestSeries unset;
        QVERIFY(!unset.isValid());
        unset.record(200, 1.0); // must not crash
        const helios::server::CounterHandle counter;
        counter.increment();
    }
};

QTEST_GUILESS_MAIN(MetricsRegistryTest)
#include "metrics_registry_test.moc"
