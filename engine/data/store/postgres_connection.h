// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

struct pg_conn;

namespace helios::data {

// Where and how to connect; shared by every connection of a pool.
struct PostgresTarget {
    QByteArray url;          // as configured, with the password: only ever given to libpq
    QString redactedUrl;     // for messages, logs and error context
    QStringList secrets;     // the password, raw and percent-decoded: scrubbed from messages
    int connectTimeoutSeconds = 3;

    // Checks the URL without connecting. InvalidArgument for a URL libpq cannot use.
    static Result<PostgresTarget> fromUrl(const QString &url, int connectTimeoutMs);
    QString scrub(QString text) const;
};

// One libpq connection with its prepared statements. Used by one thread at a time (the
// pool hands it out); not thread-safe itself.
class PostgresConnection {
public:
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    // Connects within target.connectTimeoutSeconds. Unavailable when the server cannot
    // be reached, Unauthenticated for wrong credentials, NotFound for a missing
    // database; the context is the redacted URL.
    static Result<std::unique_ptr<PostgresConnection>> connect(const PostgresTarget &target);

    // Runs one statement with bound parameters, preparing it on first use. Collects rows
    // when `rows` is given; returns the number of rows changed.
    Result<qint64> run(const QString &sql, const QVariantList &params, Rows *rows);

    // A parameterless command (BEGIN, COMMIT, ROLLBACK); returns the command tag.
    Result<QByteArray> command(const char *sql);

    // Whether the connection still works, found without blocking: reads what the server
    // sent while the connection sat idle (a shutdown notice, end of stream).
    bool isAlive();
    // The connection is gone (server restarted or network failure): discard it.
    bool isBroken() const;
    // Idle and outside a transaction: fit to go back to the pool.
    bool isReusable() const;

private:
    struct Prepared {
        QByteArray name;
        int parameterCount = 0;
    };

    PostgresConnection(pg_conn *conn, const PostgresTarget &target);
    Result<Prepared> prepare(const QString &key, const QString &sql, const QVariantList &params);
    Error lostOrFailed(const QString &what) const;

    pg_conn *m_conn = nullptr;
    PostgresTarget m_target;
    QHash<QString, Prepared> m_prepared;
    quint64 m_nextStatement = 0;
};

} // namespace helios::data
