// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_server.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <optional>

namespace helios::server {

// The Mcp-Session-Id sessions of the 2025 Streamable HTTP revisions, on the server's
// thread. Bounded: at most `maxSessions`; a session unused for `idleTimeout` ends. Each is
// bound to the subject whose token opened it, so a leaked id is of no use to anyone else:
// to every other subject it is unknown (404), as the spec's session-hijacking advice asks.
// Callers pass the time, so tests can move it on without waiting.
class McpSessionTable {
public:
    using Clock = std::chrono::steady_clock;
    struct Limits {
        int maxSessions = 100;
        std::chrono::milliseconds idleTimeout = std::chrono::minutes(30);
    };

    explicit McpSessionTable(Limits limits);

    // 32 random bytes from the system's CSPRNG, hex: visible ASCII as the spec requires.
    static QString newSessionId();

    // Whether one more session fits: ends idle ones first, then, if still full, the one
    // unused longest that has no request in flight. False when every session is busy.
    bool makeRoom(Clock::time_point now);
    // Adds a session initialize opened (its id set). False when there is no room.
    bool insert(const mcp::McpSession &session, const QString &subject, Clock::time_point now);

    // The session `id` of `subject`, marked used now and busy until finish(); nullopt when
    // it is unknown, ended, expired or another subject's.
    std::optional<mcp::McpSession> start(const QString &id, const QString &subject, Clock::time_point now);
    // A request on it ended: `after` is the session as the request left it. Its fields only
    // ever go from unset to set (negotiated once, initialized once), so concurrent requests
    // on one session are merged field by field and none undoes another. A session ended
    // meanwhile stays ended.
    void finish(const QString &id, const mcp::McpSession &after, Clock::time_point now);

    // Ends `subject`'s session `id`; false when there was none to end.
    bool remove(const QString &id, const QString &subject);

    int size() const { return int(m_sessions.size()); }

private:
    struct Entry {
        mcp::McpSession session;
        QString subject;
        Clock::time_point lastUsed;
        int inFlight = 0;
    };
    bool expired(const Entry &entry, Clock::time_point now) const;

    Limits m_limits;
    QHash<QString, Entry> m_sessions;
};

} // namespace helios::server
