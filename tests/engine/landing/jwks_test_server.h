// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace helios::test {

// A tiny HTTP server on 127.0.0.1 that answers every GET with the JWKS it was given. It
// runs on a thread of its own, because the code under test blocks its caller's thread
// while it waits for the keys. Counts the requests it answered.
class JwksTestServer {
public:
    JwksTestServer();
    ~JwksTestServer();

    QUrl url() const; // http://127.0.0.1:<port>/jwks.json
    void setDocument(const QByteArray &json, int status = 200);
    int requestCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::test
