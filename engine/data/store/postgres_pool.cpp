// SPDX-License-Identifier: Apache-2.0
#include "postgres_pool.h"

#include "core/logging.h"

#include <chrono>

namespace helios::data {

PostgresPool::Lease::Lease(PostgresPool *pool, std::unique_ptr<PostgresConnection> connection)
    : m_pool(pool), m_connection(std::move(connection))
{
}

PostgresPool::Lease::Lease(Lease &&other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr)), m_connection(std::move(other.m_connection))
{
}

PostgresPool::Lease::~Lease()
{
    if (m_pool && m_connection)
        m_pool->giveBack(std::move(m_connection));
}

PostgresPool::PostgresPool(PostgresTarget target, int maxConnections, int waitMs)
    : m_target(std::move(target)), m_max(maxConnections), m_waitMs(waitMs)
{
}

PostgresPool::~PostgresPool() = default;

Result<PostgresPool::Lease> PostgresPool::acquire()
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_waitMs);
    std::unique_lock lock(m_mutex);
    for (;;) {
        while (!m_idle.empty()) {
            std::unique_ptr<PostgresConnection> connection = std::move(m_idle.back());
            m_idle.pop_back();
            lock.unlock();
            if (connection->isAlive())
                return Lease(this, std::move(connection));
            qCInfo(lcStore) << "a pooled connection to" << m_target.redactedUrl << "was closed by the server; reconnecting";
            connection.reset();
            lock.lock();
            --m_open;
        }
        if (m_open < m_max) {
            // Connect without holding the lock: it can take up to the connect timeout.
            ++m_open;
            lock.unlock();
            auto connected = PostgresConnection::connect(m_target);
            if (connected.ok())
                return Lease(this, std::move(*connected));
            lock.lock();
            --m_open;
            m_returned.notify_one();
            return connected.error();
        }
        if (m_returned.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() && m_open >= m_max)
            return makeError(ErrorCode::Timeout,
                             QStringLiteral("all %1 connections stayed busy for %2 ms").arg(m_max).arg(m_waitMs),
                             m_target.redactedUrl);
    }
}

void PostgresPool::giveBack(std::unique_ptr<PostgresConnection> connection)
{
    const bool reusable = connection->isReusable();
    if (!reusable)
        connection.reset(); // closed outside the lock
    std::lock_guard lock(m_mutex);
    if (reusable)
        m_idle.push_back(std::move(connection));
    else
        --m_open;
    m_returned.notify_one();
}

} // namespace helios::data
