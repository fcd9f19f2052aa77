// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <memory>
#include <utility>

class QJsonObject;

namespace helios::server {

class HttpConnection;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// The one answer to one request. A cheap handle: copy or move it, keep it and answer
// later from the same thread (asynchronous handlers). Exactly one of send() or
// begin()/write()/end() answers; anything after that is ignored. When the client has
// gone away meanwhile every call is a no-op and isOpen() is false. Responses on a
// keep-alive connection go out in request order whatever order handlers answer in.
// A handle that is dropped unanswered answers 500, so no client hangs.
class HttpResponder {
public:
    HttpResponder() = default; // answers nothing; isOpen() is false

    bool isOpen() const;

    // A whole response: Content-Length is set from the body.
    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const HttpHeaders &headers = {});
    void sendJson(int status, const QJsonObject &body, const HttpHeaders &headers = {});
    // {"error": {"status": 400, "code": "invalid_json", "message": "..."}}
    void sendError(int status, const QByteArray &code, const QString &message,
                   const HttpHeaders &headers = {});

    // A streamed response: chunked transfer encoding unless `headers` has a
    // content-length. write() may be called any number of times, then end().
    void begin(int status, const HttpHeaders &headers);
    void write(const QByteArray &chunk);
    void end();

    struct State; // private to the server: the connection and the request's place in it
    explicit HttpResponder(std::shared_ptr<State> state);

private:
    std::shared_ptr<State> m_state; // shared by copies; when the last goes unanswered: 500
};

} // namespace helios::server
