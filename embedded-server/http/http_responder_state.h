// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_responder.h"

#include <QtGlobal>

namespace helios::server {

// What an HttpResponder handle shares with its copies: which connection the answer goes
// to and the request's place in that connection's pipeline. The response bytes
// themselves live in the connection, so an answer produced out of order can wait there
// after every handle is gone. Private to helios_http.
struct HttpResponder::State {
    enum class Phase : quint8 { Unanswered, Streaming, Done };

    HttpConnection *connection = nullptr; // cleared by the connection when it goes away
    quint64 sequence = 0;
    Phase phase = Phase::Unanswered;

    State() = default;
    State(const State &) = delete;
    State &operator=(const State &) = delete;
    // The last handle is gone: an unanswered request is answered 500, a stream left
    // unfinished is cut off by closing the connection.
    ~State();
};

} // namespace helios::server
