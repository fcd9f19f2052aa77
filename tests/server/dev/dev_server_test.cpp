// SPDX-License-Identifier: Apache-2.0
// `helios dev`'s transport: two projects served at once from one process, each page's
// WebSocket getting only its own project's hot updates, token.updated on the Bus
// swapping the token stylesheet, and a clean stop.
#include "dev_server.h"

#include "bus/bus.h"
#include "core/config.h"
#include "engine.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace helios;
using helios::test::writeFile;

namespace {

QByteArray tokens(const char *brand)
{
    return QByteArray("{\"color\": {\"$type\": \"color\", \"brand\": {\"$value\": \"") + brand + "\"}}}";
}

void writeProject(const QString &dir, const char *brand)
{
    writeFile(dir + QStringLiteral("/helios.json"),
          R"({"name": "p", "tokens": "tokens/tokens.config.json",
              "build": {"entries": [{"name": "app", "entry": "src/main.ts", "html": "index.html"}]}})");
    writeFile(dir + QStringLiteral("/index.html"), "<html><head></head><body><script type=\"module\" src=\"/src/main.ts\"></script></body></html>");
    writeFile(dir + QStringLiteral("/tokens/tokens.config.json"),
          R"({"source": ["base.tokens.json"], "platforms": {"css": {"format": "css", "destination": "x.css"}}})");
    writeFile(dir + QStringLiteral("/tokens/base.tokens.json"), tokens(brand));
    writeFile(dir + QStringLiteral("/src/main.ts"), "document.body.dataset.ready = 'yes';\n");
}

// A page's hot-update socket: the messages it got, as JSON objects.
struct Page {
    QWebSocket socket;
    QList<QJsonObject> messages;

    void open(quint16 port)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
    }
    bool got(const QString &type) const
    {
        return std::any_of(messages.begin(), messages.end(),
                           [&](const QJsonObject &m) { return m.value(QStringLiteral("type")).toString() == type; });
    }
};

} // namespace

class DevServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoProjectsTokenEventsAndStop()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a"));
        const QString b = dir.filePath(QStringLiteral("b"));
        writeProject(a, "#ff0000");
        writeProject(b, "#00ff00");
        const Config config = Config::embedded(dir.filePath(QStringLiteral("data")));
        auto engine = Engine::open(config);
        QVERIFY(engine.ok());

        server::DevServer first(config, a, {QStringLiteral("127.0.0.1"), 0, 0});
        server::DevServer second(config, b, {QStringLiteral("127.0.0.1"), 0, 0});
        for (server::DevServer *server : {&first, &second}) {
            auto started = server->start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        }
        // Work that waits for the first page's compile runs after it, on this thread.
        bool compiled = false;
        first.afterFirstPage([&] { compiled = true; });
        QVERIFY(!compiled);
        QTRY_VERIFY_WITH_TIMEOUT(compiled, 30000);
        QVERIFY(first.port() != second.port());
        QVERIFY(first.hmrPort() != second.hmrPort());
        QVERIFY(first.followTokenEvents((*engine)->bus()).ok());

        // Each serves its own project's tokens, and its page points at its own socket.
        QNetworkAccessManager network;
        const auto get = [&](quint16 port, const QString &path) {
            QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(30000);
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            return body;
        };
        QVERIFY(get(first.port(), QStringLiteral("/tokens.css")).contains("#ff0000"));
        QVERIFY(get(second.port(), QStringLiteral("/tokens.css")).contains("#00ff00"));
        QVERIFY(get(first.port(), QStringLiteral("/")).contains(QByteArray("client.js?hmrPort=" + QByteArray::number(first.hmrPort()))));

        Page pageA;
        Page pageB;
        pageA.open(first.hmrPort());
        pageB.open(second.hmrPort());
        QTRY_VERIFY_WITH_TIMEOUT(pageA.got(QStringLiteral("connected")) && pageB.got(QStringLiteral("connected")), 10000);
        QTRY_COMPARE(first.clientCount(), 1);

        // A token edit in project a reaches a's page only.
        QSignalSpy sentA(&first, &server::DevServer::changesSent);
        writeFile(a + QStringLiteral("/tokens/base.tokens.json"), tokens("#0000ff"));
        QVERIFY(sentA.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(pageA.got(QStringLiteral("update")), 10000);
        const QJsonObject update = pageA.messages.last().value(QStringLiteral("updates")).toArray().first().toObject();
        QCOMPARE(update.value(QStringLiteral("path")).toString(), QStringLiteral("/tokens.css"));
        QVERIFY(get(first.port(), QStringLiteral("/tokens.css")).contains("#0000ff"));
        QTest::qWait(300);
        QVERIFY(!pageB.got(QStringLiteral("update")));

        // token.updated on the Bus: a's page (following the bus) gets a swap.
        const int before = int(pageA.messages.size());
        QVERIFY((*engine)->bus().publish(data::Event::make(QStringLiteral("token.updated"), QStringLiteral("/helios/slate"),
                                                            QStringLiteral("brand"))).ok());
        QTRY_VERIFY_WITH_TIMEOUT(pageA.messages.size() > before, 10000);
        QCOMPARE(pageA.messages.last().value(QStringLiteral("type")).toString(), QStringLiteral("update"));

        // A stop closes the pages' sockets and the ports.
        QSignalSpy closed(&pageA.socket, &QWebSocket::disconnected);
        first.stop();
        QVERIFY(closed.count() > 0 || closed.wait(10000));
        QCOMPARE(first.clientCount(), 0);
        QVERIFY(get(second.port(), QStringLiteral("/tokens.css")).contains("#00ff00"));  // b still serves
    }
};

QTEST_GUILESS_MAIN(DevServerTest)
#include "dev_server_test.moc"
