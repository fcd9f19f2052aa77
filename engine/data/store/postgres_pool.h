// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "postgres_connection.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace helios::data {

// A few connections to one server, opened on demand and shared between threads. A
// caller leases a connection for one statement or one transaction; a connection the
// server dropped is noticed when it is next leased and replaced by a fresh one.
class PostgresPool {
public:
    // Gives the connection back when destroyed (or closes it if it is broken or was left
    // inside a transaction).
    class Lease {
    public:
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        ~Lease();
        PostgresConnection &connection() { return *m_connection; }

    private:
        friend class PostgresPool;
        Lease(PostgresPool *pool, std::unique_ptr<PostgresConnection> connection);
        PostgresPool *m_pool = nullptr;
        std::unique_ptr<PostgresConnection> m_connection;
    };

    // `waitMs` bounds how long acquire() waits when every connection is leased.
    PostgresPool(PostgresTarget target, int maxConnections, int waitMs);
    ~PostgresPool();

    // An idle live connection, else a new one, else waits for one to come back.
    // Connection errors as PostgresConnection::connect(); Timeout when all stay busy.
    Result<Lease> acquire();

    const PostgresTarget &target() const { return m_target; }

private:
    void giveBack(std::unique_ptr<PostgresConnection> connection);

    const PostgresTarget m_target;
    const int m_max;
    const int m_waitMs;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<PostgresConnection>> m_idle;
    int m_open = 0; // idle + leased + being opened
};

} // namespace helios::data
