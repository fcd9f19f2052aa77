// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QThread;
class QObject;

namespace helios::landing {

// A thread of its own running a QNetworkAccessManager, so that an HTTP GET never needs
// an event loop on the caller's thread (the server's event loop must not be re-entered).
// The thread starts with the first get() and ends in the destructor, which aborts what
// is still running.
class HttpFetchThread {
public:
    using Done = std::function<void(Result<QByteArray>)>;

    HttpFetchThread();
    ~HttpFetchThread();
    HttpFetchThread(const HttpFetchThread &) = delete;
    HttpFetchThread &operator=(const HttpFetchThread &) = delete;

    // Starts GET `url`; `done` is called once, on the fetch thread, with the body of a 200
    // response, or Timeout (nothing within `timeout`), Unavailable (connection, TLS or an
    // HTTP status other than 200) or TooLarge (more than `maxBytes`). Errors carry the URL
    // with any password removed. Thread-safe.
    void get(const QUrl &url, std::chrono::milliseconds timeout, qint64 maxBytes, Done done);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::landing
