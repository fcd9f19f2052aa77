// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

namespace helios::server {

class MetricsRegistry;

// The counters and histogram of one (route, method) pair. A cheap, copyable handle into
// the registry that made it; valid for that registry's lifetime. record() is O(1): no
// lookup, no allocation, no string work, so it can run on every request.
class RequestSeries {
public:
    RequestSeries() = default; // records nothing

    // Counts one finished request. `status` outside 100..599 is counted as 599 so no
    // request ever vanishes from the totals; `seconds` below zero counts as zero.
    void record(int status, double seconds) const;

    bool isValid() const { return m_series != nullptr; }

    struct Series; // private to MetricsRegistry
    explicit RequestSeries(Series *series)
        : m_series(series) {}

private:
    Series *m_series = nullptr;
};

// A monotonic counter handle (helios_backend_errors_total{backend}); same rules as
// RequestSeries: O(1), valid for the registry's lifetime.
class CounterHandle {
public:
    CounterHandle() = default;
    explicit CounterHandle(std::uint64_t *value)
        : m_value(value) {}
    void increment(std::uint64_t by = 1) const {
        if (m_value)
            *m_value += by;
    }

private:
    std::uint64_t *m_value = nullptr;
};

// The server's Prometheus metrics, exposed in the text format 0.0.4:
//   helios_http_requests_total{route,method,status}             counter
//   helios_http_request_duration_seconds{route,method}          histogram
//   helios_backend_errors_total{backend}                        counter
//   helios_bus_lag_seconds                                      gauge
//   helios_build_info{version}                                  gauge, always 1
//   process_resident_memory_bytes, process_virtual_memory_bytes,
//   process_open_fds, process_start_time_seconds, process_cpu_seconds_total
//
// Threading: one thread owns the registry (the server's event-loop thread). Handles,
// requestSeries(), backendErrors() and exposition() must be used on that thread only;
// nothing is locked so the hot path stays a few additions. The single exception is
// setBusLagSeconds(), which may be called from any thread (bus handlers run on the
// bus's own threads).
//
// Label cardinality is the caller's job: pass the route *pattern* ("/api/slate/sets/{id}"),
// never the raw path, and one fixed route such as "unmatched" for 404s.
class MetricsRegistry {
public:
    // Histogram upper bounds in seconds, +Inf implied: fine-grained below 10 ms where a
    // cached GET lands, coarse up to 10 s for builds and slow back ends.
    static constexpr std::array<double, 14> DurationBuckets{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

    // The Content-Type of exposition().
    static QByteArray contentType();

    explicit MetricsRegistry(const QString &version);
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The handle for a (route, method) pair, created on first use. Resolve it once per
    // route when routes are registered; calling it per request costs a hash lookup.
    RequestSeries requestSeries(const QString &route, const QString &method);

    // The error counter of a back end ("store", "cache", "bus", "artifacts", or an
    // upstream's name), created on first use. It shows as 0 from then on.
    CounterHandle backendErrors(const QString &backend);

    // Age of the newest bus event delivered, in seconds. Any thread.
    void setBusLagSeconds(double seconds);

    // The whole exposition, families in a fixed order and series sorted by their
    // labels, so equal state gives byte-identical output. Reads /proc/self for the
    // process metrics; those are left out where /proc is unavailable.
    QByteArray exposition() const;

    // Escapes a label value for the text format: backslash, double quote, line feed.
    static QByteArray escapeLabelValue(QStringView value);
    // Shortest text that parses back to `value`; "+Inf", "-Inf", "NaN".
    static QByteArray formatValue(double value);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
