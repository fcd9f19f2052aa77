// SPDX-License-Identifier: Apache-2.0
#include "mcp_session_table.h"

#include <QRandomGenerator>

#include <array>

namespace helios::server {

McpSessionTable::McpSessionTable(Limits limits)
    : m_limits(limits)
{
}

QString McpSessionTable::newSessionId()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words.data()), sizeof words).toHex());
}

bool McpSessionTable::expired(const Entry &entry, Clock::time_point now) const
{
    return entry.inFlight == 0 && now - entry.lastUsed >= m_limits.idleTimeout;
}

bool McpSessionTable::makeRoom(Clock::time_point now)
{
    m_sessions.removeIf([this, now](const auto &it) { return expired(it.value(), now); });
    if (m_sessions.size() < m_limits.maxSessions)
        return true;
    auto oldest = m_sessions.end();
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        if (it->inFlight == 0 && (oldest == m_sessions.end() || it->lastUsed < oldest->lastUsed))
            oldest = it;
    }
    if (oldest == m_sessions.end())
        return false;
    m_sessions.erase(oldest);
    return true;
}

bool McpSessionTable::insert(const mcp::McpSession &session, const QString &subject, Clock::time_point now)
{
    if (!makeRoom(now))
        return false;
    m_sessions.insert(session.id, Entry{session, subject, now, 0});
    return true;
}

std::optional<mcp::McpSession> McpSessionTable::start(const QString &id, const QString &subject, Clock::time_point now)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end() || it->subject != subject)
        return std::nullopt;
    if (expired(*it, now)) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->lastUsed = now;
    ++it->inFlight;
    return it->session;
}

void McpSessionTable::finish(const QString &id, const mcp::McpSession &after, Clock::time_point now)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    mcp::McpSession &kept = it->session;
    if (kept.protocolVersion.isEmpty())
        kept.protocolVersion = after.protocolVersion;
    kept.initializeAnswered = kept.initializeAnswered || after.initializeAnswered;
    kept.initialized = kept.initialized || after.initialized;
    if (kept.clientInfo.isEmpty())
        kept.clientInfo = after.clientInfo;
    it->lastUsed = now;
    it->inFlight = std::max(0, it->inFlight - 1);
}

bool McpSessionTable::remove(const QString &id, const QString &subject)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end() || it->subject != subject)
        return false;
    m_sessions.erase(it);
    return true;
}

} // namespace helios::server
