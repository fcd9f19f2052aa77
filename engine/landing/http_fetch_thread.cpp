// SPDX-License-Identifier: Apache-2.0
#include "http_fetch_thread.h"

#include "core/config.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

#include <mutex>

namespace helios::landing {

struct HttpFetchThread::Private {
    std::mutex mutex; // guards the lazy start
    QThread thread;
    QObject *context = nullptr; // lives on `thread`; parent of the manager
    QNetworkAccessManager *manager = nullptr;

    void start() {
        std::lock_guard lock(mutex);
        if (context)
            return;
        context = new QObject;
        context->moveToThread(&thread);
        // Deferred deletes still run when the thread's event loop ends, so the manager and
        // every reply die on the thread they belong to.
        QObject::connect(&thread, &QThread::finished, context, &QObject::deleteLater);
        thread.setObjectName(QStringLiteral("helios-http-fetch"));
        thread.start();
    }
};

HttpFetchThread::HttpFetchThread()
    : d(std::make_unique<Private>()) {}

HttpFetchThread::~HttpFetchThread() {
    if (d->context) {
        d->thread.quit();
        d->thread.wait();
    }
}

void HttpFetchThread::get(const QUrl &url, std::chrono::milliseconds timeout, qint64 maxBytes,
                          Done done) {
    d->start();
    Private *p = d.get();
    QMetaObject::invokeMethod(p->context, [p, url, timeout, maxBytes, done = std::move(done)] {
        if (!p->manager)
            p->manager = new QNetworkAccessManager(p->context);
        const QString where = redactUrl(url.toString());
        QNetworkRequest request(url);
        request.setTransferTimeout(int(timeout.count()));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setRawHeader("Accept", "application/jwk-set+json, application/json");
        QNetworkReply *reply = p->manager->get(request);
        auto tooLarge = std::make_shared<bool>(false);
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                         [reply, maxBytes, tooLarge](qint64 received, qint64) {
                             if (received > maxBytes && !*tooLarge) {
                                 *tooLarge = true;
                                 reply->abort();
                             }
                         });
        QObject::connect(
            reply, &QNetworkReply::finished, reply, [reply, where, maxBytes, tooLarge, done] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (*tooLarge) {
                    done(makeError(
                        ErrorCode::TooLarge,
                        QStringLiteral("the response is larger than %1 bytes").arg(maxBytes),
                        where));
                } else if (reply->error() == QNetworkReply::OperationCanceledError) {
                    done(makeError(ErrorCode::Timeout,
                                   QStringLiteral("no complete response in time"), where));
                } else if (reply->error() != QNetworkReply::NoError && status == 0) {
                    done(makeError(ErrorCode::Unavailable, reply->errorString(), where));
                } else if (status != 200) {
                    done(makeError(ErrorCode::Unavailable,
                                   QStringLiteral("HTTP status %1").arg(status), where));
                } else {
                    done(reply->readAll());
                }
            });
    });
}

} // namespace helios::landing
