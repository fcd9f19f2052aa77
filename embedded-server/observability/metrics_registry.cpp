// SPDX-License-Identifier: Apache-2.0
#include "metrics_registry.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include <unistd.h>

namespace helios::server {

namespace {
constexpr int FirstStatus = 100;
constexpr int LastStatus = 599;
constexpr int StatusCount = LastStatus - FirstStatus + 1;
constexpr std::size_t BucketCount =
    MetricsRegistry::DurationBuckets.size() + 1; // + the +Inf bucket

void appendFamilyHeader(QByteArray &out, const char *name, const char *type, const char *help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help; // our own fixed text: no backslash or newline to escape
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

std::optional<QByteArray> readProcFile(const QString &path) {
    // /proc files report size 0, so read until EOF rather than by size.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

struct ProcessSample {
    std::optional<double> residentBytes;
    std::optional<double> virtualBytes;
    std::optional<double> openFds;
    std::optional<double> startTimeSeconds;
    std::optional<double> cpuSeconds;
};

ProcessSample sampleProcess() {
    ProcessSample sample;
    const long pageSize = sysconf(_SC_PAGESIZE);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (const auto statm = readProcFile(QStringLiteral("/proc/self/statm"))) {
        // "size resident shared text lib data dt", in pages.
        const QList<QByteArray> fields = statm->simplified().split(' ');
        if (fields.size() >= 2 && pageSize > 0) {
            sample.virtualBytes = fields[0].toDouble() * double(pageSize);
            sample.residentBytes = fields[1].toDouble() * double(pageSize);
        }
    }
    const QDir fdDir(QStringLiteral("/proc/self/fd"));
    if (fdDir.exists()) {
        // Minus the descriptor QDir itself holds open while listing.
        const qsizetype entries =
            fdDir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size();
        sample.openFds = double(std::max<qsizetype>(entries - 1, 0));
    }
    if (const auto stat = readProcFile(QStringLiteral("/proc/self/stat"));
        stat && ticksPerSecond > 0) {
        // The command name in field 2 may hold spaces and parentheses: fields are counted
        // after the last ')'. There, index 0 is field 3 (state).
        const qsizetype close = stat->lastIndexOf(')');
        const QList<QByteArray> fields = stat->mid(close + 1).simplified().split(' ');
        constexpr int Utime = 14 - 3, Stime = 15 - 3, StartTime = 22 - 3;
        if (close > 0 && fields.size() > StartTime) {
            sample.cpuSeconds =
                (fields[Utime].toDouble() + fields[Stime].toDouble()) / double(ticksPerSecond);
            if (const auto procStat = readProcFile(QStringLiteral("/proc/stat"))) {
                const qsizetype at = procStat->indexOf("\nbtime ");
                if (at >= 0) {
                    const qsizetype end = procStat->indexOf('\n', at + 1);
                    const double bootTime =
                        procStat->mid(at + 7, end - at - 7).trimmed().toDouble();
                    sample.startTimeSeconds =
                        bootTime + fields[StartTime].toDouble() / double(ticksPerSecond);
                }
            }
        }
    }
    return sample;
}

void appendGauge(QByteArray &out, const char *name, const char *type, const char *help,
                 const std::optional<double> &value) {
    if (!value)
        return;
    appendFamilyHeader(out, name, type, help);
    out += name;
    out += ' ';
    out += MetricsRegistry::formatValue(*value);
    out += '\n';
}
} // namespace

struct RequestSeries::Series {
    QByteArray routeLabel; // already escaped: exposition does no escaping per series
    QByteArray methodLabel;
    std::array<std::uint64_t, StatusCount> statusCounts{};
    std::array<std::uint64_t, BucketCount> bucketCounts{}; // per bucket, not cumulative
    double sumSeconds = 0;
    std::uint64_t count = 0;
};

void RequestSeries::record(int status, double seconds) const {
    if (!m_series)
        return;
    const int index =
        (status >= FirstStatus && status <= LastStatus ? status : LastStatus) - FirstStatus;
    ++m_series->statusCounts[std::size_t(index)];
    if (!(seconds > 0)) // also catches NaN
        seconds = 0;
    // 14 bounds: a linear scan beats a binary search at this size, and fast requests
    // stop in the first few.
    std::size_t bucket = 0;
    while (bucket < MetricsRegistry::DurationBuckets.size() &&
           seconds > MetricsRegistry::DurationBuckets[bucket])
        ++bucket;
    ++m_series->bucketCounts[bucket];
    m_series->sumSeconds += seconds;
    ++m_series->count;
}

struct MetricsRegistry::Private {
    QByteArray versionLabel;
    // Keyed by the escaped (route, method) labels, so std::map order is the output order.
    std::map<std::pair<QByteArray, QByteArray>, std::unique_ptr<RequestSeries::Series>> series;
    std::map<QByteArray, std::unique_ptr<std::uint64_t>> backendErrors;
    std::atomic<double> busLagSeconds{0};
};

QByteArray MetricsRegistry::contentType() {
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

MetricsRegistry::MetricsRegistry(const QString &version)
    : d(std::make_unique<Private>()) {
    d->versionLabel = escapeLabelValue(version);
}

MetricsRegistry::~MetricsRegistry() = default;

RequestSeries MetricsRegistry::requestSeries(const QString &route, const QString &method) {
    auto key = std::pair(escapeLabelValue(route), escapeLabelValue(method));
    auto it = d->series.find(key);
    if (it == d->series.end()) {
        auto series = std::make_unique<RequestSeries::Series>();
        series->routeLabel = key.first;
        series->methodLabel = key.second;
        it = d->series.emplace(std::move(key), std::move(series)).first;
    }
    return RequestSeries(it->second.get());
}

CounterHandle MetricsRegistry::backendErrors(const QString &backend) {
    auto &slot = d->backendErrors[escapeLabelValue(backend)];
    if (!slot)
        slot = std::make_unique<std::uint64_t>(0);
    return CounterHandle(slot.get());
}

void MetricsRegistry::setBusLagSeconds(double seconds) {
    d->busLagSeconds.store(seconds, std::memory_order_relaxed);
}

QByteArray MetricsRegistry::escapeLabelValue(QStringView value) {
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray MetricsRegistry::formatValue(double value) {
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Shortest round-trip digits in %g style, like Prometheus' own clients: "0.0005",
    // not the equally short "5e-04" that plain to_chars would pick.
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general);
    if (error != std::errc())
        return QByteArray::number(value, 'g', 17);
    return QByteArray(buffer, end - buffer);
}

QByteArray MetricsRegistry::exposition() const {
    QByteArray out;
    out.reserve(4096 + qsizetype(d->series.size()) * 1024);

    appendFamilyHeader(out, "helios_http_requests_total", "counter",
                       "HTTP requests answered, by route pattern, method and status code.");
    for (const auto &[key, series] : d->series) {
        for (int i = 0; i < StatusCount; ++i) {
            const std::uint64_t n = series->statusCounts[std::size_t(i)];
            if (n == 0)
                continue;
            out += "helios_http_requests_total{route=\"" + series->routeLabel + "\",method=\"" +
                   series->methodLabel + "\",status=\"" + QByteArray::number(FirstStatus + i) +
                   "\"} " + QByteArray::number(n) + '\n';
        }
    }

    appendFamilyHeader(out, "helios_http_request_duration_seconds", "histogram",
                       "Time from a complete request to its answer, by route pattern and method.");
    for (const auto &[key, series] : d->series) {
        const QByteArray labels =
            "route=\"" + series->routeLabel + "\",method=\"" + series->methodLabel + '"';
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < BucketCount; ++b) {
            cumulative += series->bucketCounts[b];
            const QByteArray le = b < DurationBuckets.size() ? formatValue(DurationBuckets[b])
                                                             : QByteArrayLiteral("+Inf");
            out += "helios_http_request_duration_seconds_bucket{" + labels + ",le=\"" + le +
                   "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "helios_http_request_duration_seconds_sum{" + labels + "} " +
               formatValue(series->sumSeconds) + '\n';
        out += "helios_http_request_duration_seconds_count{" + labels + "} " +
               QByteArray::number(series->count) + '\n';
    }

    appendFamilyHeader(out, "helios_backend_errors_total", "counter",
                       "Failed calls to a back end (store, cache, bus, artifacts, upstreams).");
    for (const auto &[backend, value] : d->backendErrors)
        out += "helios_backend_errors_total{backend=\"" + backend + "\"} " +
               QByteArray::number(*value) + '\n';

    appendGauge(out, "helios_bus_lag_seconds", "gauge",
                "Age of the newest bus event delivered, in seconds.",
                d->busLagSeconds.load(std::memory_order_relaxed));

    appendFamilyHeader(out, "helios_build_info", "gauge",
                       "Always 1; the version label says which build runs.");
    out += "helios_build_info{version=\"" + d->versionLabel + "\"} 1\n";

    const ProcessSample process = sampleProcess();
    appendGauge(out, "process_cpu_seconds_total", "counter",
                "User and system CPU time spent, in seconds.", process.cpuSeconds);
    appendGauge(out, "process_open_fds", "gauge", "Open file descriptors.", process.openFds);
    appendGauge(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
                process.residentBytes);
    appendGauge(out, "process_start_time_seconds", "gauge",
                "Start time of the process since the Unix epoch, in seconds.",
                process.startTimeSeconds);
    appendGauge(out, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.",
                process.virtualBytes);
    return out;
}

} // namespace helios::server
