// SPDX-License-Identifier: Apache-2.0
#include "jwks_test_server.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <mutex>

namespace helios::test {

struct JwksTestServer::Private {
    QThread thread;
    QObject context; // moved to `thread`; parent of the server
    quint16 port = 0;
    mutable std::mutex mutex;
    QByteArray document = QByteArrayLiteral("{\"keys\":[]}");
    int status = 200;
    std::atomic<int> requests{0};

    void respond(QTcpSocket *socket) {
        QByteArray body;
        int code = 200;
        {
            std::lock_guard lock(mutex);
            body = document;
            code = status;
        }
        ++requests;
        socket->write(
            "HTTP/1.1 " + QByteArray::number(code) + (code == 200 ? " OK" : " Error") +
            "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    void serve(QTcpSocket *socket) {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // Only the end of the request head matters: every path gets the document.
            while (socket->canReadLine()) {
                if (socket->readLine() == "\r\n") {
                    respond(socket);
                    return;
                }
            }
        });
    }
};

JwksTestServer::JwksTestServer()
    : d(std::make_unique<Private>()) {
    d->context.moveToThread(&d->thread);
    d->thread.start();
    Private *p = d.get();
    QMetaObject::invokeMethod(
        &d->context,
        [p] {
            auto *server = new QTcpServer(&p->context);
            QObject::connect(server, &QTcpServer::newConnection, server, [p, server] {
                while (QTcpSocket *socket = server->nextPendingConnection())
                    p->serve(socket);
            });
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("the JWKS test server cannot listen on 127.0.0.1");
            p->port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

JwksTestServer::~JwksTestServer() {
    Private *p = d.get();
    // Children (the server, its sockets) are deleted on the thread they live on.
    QMetaObject::invokeMethod(
        &d->context, [p] { qDeleteAll(p->context.children()); }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

QUrl JwksTestServer::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(d->port));
}

void JwksTestServer::setDocument(const QByteArray &json, int status) {
    std::lock_guard lock(d->mutex);
    d->document = json;
    d->status = status;
}

int JwksTestServer::requestCount() const {
    return d->requests.load();
}

} // namespace helios::test
