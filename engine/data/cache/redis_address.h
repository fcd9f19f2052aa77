// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

namespace helios::data {

// Where one Redis server (or Sentinel) is and how to log in, parsed from a URL:
//   redis://[[user]:password@]host[:port][/db]          a data server (db defaults to 0)
//   redis://[:password@]host[:port][/master-name]        a Sentinel (also ?master=<name>,
//                                                        scheme redis-sentinel accepted)
// `redacted` is the URL with the password removed, for logs and error contexts.
struct RedisAddress {
    static constexpr int DefaultPort = 6379;
    static constexpr int DefaultSentinelPort = 26379;

    QString host;
    int port = DefaultPort;
    QString user;     // empty: the pre-ACL "AUTH <password>" form
    QString password; // empty: no AUTH
    int db = 0;
    QString masterName; // Sentinel only
    QString redacted;

    // InvalidArgument for a malformed URL, Unsupported for rediss:// (hiredis 0.14 has no
    // TLS). Messages and contexts never contain the password.
    static Result<RedisAddress> parseServer(const QString &url);
    static Result<RedisAddress> parseSentinel(const QString &url);
};

} // namespace helios::data
