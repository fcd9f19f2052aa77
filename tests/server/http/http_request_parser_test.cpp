// SPDX-License-Identifier: Apache-2.0
#include "http_request_parser.h"

#include <QTest>

using helios::server::HttpRequest;
using helios::server::HttpRequestParser;
using Event = HttpRequestParser::Event;

namespace {

struct Outcome {
    QList<HttpRequest> requests;
    QList<bool> keepAlive;
    int errorStatus = 0;
};

// Runs the parser until it needs more bytes or fails, collecting complete requests.
void drain(HttpRequestParser &parser, Outcome &out)
{
    while (true) {
        const Event e = parser.next();
        if (e == Event::NeedMore)
            return;
        if (e == Event::Error) {
            out.errorStatus = parser.errorStatus();
            return;
        }
        if (e == Event::RequestComplete) {
            out.keepAlive.append(parser.keepAlive());
            out.requests.append(parser.takeRequest());
        }
    }
}

Outcome parseAll(const QByteArray &input, HttpRequestParser::Limits limits = {})
{
    HttpRequestParser parser(limits);
    Outcome out;
    parser.feed(input);
    drain(parser, out);
    return out;
}

const QByteArray kSample = QByteArrayLiteral(
    "POST /api/slate/sets?limit=5&name=a%20b HTTP/1.1\r\n"
    "Host: example\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 11\r\n"
    "\r\n"
    "{\"a\": true}"
    "PUT /upload HTTP/1.1\r\n"
    "Host: example\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "5;ext=1\r\nhello\r\n"
    "6\r\n world\r\n"
    "0\r\n"
    "X-Trailer: yes\r\n"
    "\r\n"
    "GET /last HTTP/1.1\r\n"
    "Host: example\r\n"
    "Connection: close\r\n"
    "\r\n");

} // namespace

class HttpRequestParserTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testRejects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        const QByteArray get = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: h\r\n");
        QTest::newRow("a folded header line (obs-fold) is rejected")
            << QByteArray(get + "X-A: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("whitespace between a header name and its colon is rejected")
            << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400;
        QTest::newRow("a method that is not a token is rejected") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("an HTTP/1.1 request without Host is rejected") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Host headers are rejected") << QByteArray(get + "Host: i\r\n\r\n") << 400;
        QTest::newRow("Content-Length together with Transfer-Encoding is rejected")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("a non-numeric Content-Length is rejected") << QByteArray(get + "Content-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("a negative Content-Length is rejected") << QByteArray(get + "Content-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two different Content-Length headers are rejected")
            << QByteArray(get + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("a Content-Length list of different values is rejected")
            << QByteArray(get + "Content-Length: 5, 6\r\n\r\n") << 400;
        QTest::newRow("a gzip transfer coding is not implemented")
            << QByteArray(get + "Transfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("gzip layered over chunked is not implemented")
            << QByteArray(get + "Transfer-Encoding: gzip, chunked\r\n\r\n") << 501;
        QTest::newRow("Transfer-Encoding in HTTP/1.0 is rejected")
            << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("a declared body over the limit is refused before it is read")
            << QByteArray(get + "Content-Length: 101\r\n\r\n") << 413;
        QTest::newRow("a chunked body growing over the limit is refused")
            << QByteArray(get + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + QByteArray(64, 'a') + "\r\n40\r\n") << 413;
        QTest::newRow("a chunk size that is not hex is rejected")
            << QByteArray(get + "Transfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("chunk data not followed by CRLF is rejected")
            << QByteArray(get + "Transfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n") << 400;
        QTest::newRow("an encoded NUL in the path is rejected") << QByteArray("GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a malformed percent-escape is rejected") << QByteArray("GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a truncated percent-escape is rejected") << QByteArray("GET /a%4 HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("an absolute-form target is rejected") << QByteArray("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("an asterisk target is rejected") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a dot-dot segment is rejected") << QByteArray("GET /a/../b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a trailing dot-dot segment is rejected") << QByteArray("GET /a/.. HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a percent-encoded dot-dot segment is rejected")
            << QByteArray("GET /a/%2e%2E/b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("an encoded slash that forms a dot-dot segment is rejected")
            << QByteArray("GET /a/..%2fb HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a line ended by a bare LF is rejected") << QByteArray("GET / HTTP/1.1\nHost: h\r\n\r\n") << 400;
        QTest::newRow("headers over the limit are refused") << QByteArray(get + "X-Big: " + QByteArray(300, 'x')) << 431;
        QTest::newRow("HTTP/2.0 on this port is not supported") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("a malformed version is rejected") << QByteArray("GET / HTTP/1.1x\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("an expectation other than 100-continue fails")
            << QByteArray(get + "Expect: something\r\n\r\n") << 417;
        QTest::newRow("a control character in a header value is rejected")
            << QByteArray(get + "X-A: a\x01" "b\r\n\r\n") << 400;
        QTest::newRow("a space inside the target is rejected") << QByteArray("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("a non-ASCII byte in the target is rejected")
            << QByteArray("GET /caf\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    }
    void testRejects()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        const Outcome out = parseAll(input, {100, 256});
        QCOMPARE(out.errorStatus, status);
        QVERIFY(out.requests.isEmpty());
    }

    void testFailureIsFinal()
    {
        HttpRequestParser parser;
        parser.feed("GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n");
        QCOMPARE(parser.next(), Event::Error);
        parser.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        QCOMPARE(parser.next(), Event::Error);
        QCOMPARE(parser.errorCode(), QByteArray("bad_percent_encoding"));
    }

    void testRequestFields()
    {
        const Outcome out = parseAll("GET /api/%7Euser/a%20b?token=s%20x&flag&plus=a+b HTTP/1.1\r\n"
                                     "HOST: example\r\n"
                                     "X-Custom:   padded value \t\r\n"
                                     "\r\n");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        const HttpRequest &r = out.requests.front();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.target, QByteArray("/api/%7Euser/a%20b?token=s%20x&flag&plus=a+b"));
        QCOMPARE(r.path, QByteArray("/api/~user/a b"));
        QCOMPARE(r.query, QByteArray("token=s%20x&flag&plus=a+b"));
        QCOMPARE(r.headers.size(), 2);
        QCOMPARE(r.headers[0].first, QByteArray("host"));
        QCOMPARE(r.headers[1].first, QByteArray("x-custom"));
        QCOMPARE(r.header("X-CUSTOM"), QByteArray("padded value"));
        QCOMPARE(r.header("missing"), QByteArray());
        QCOMPARE(r.queryValue("token"), QByteArray("s x"));
        QCOMPARE(r.queryValue("plus"), QByteArray("a b"));
        QCOMPARE(r.queryValue("flag"), QByteArray());
        QCOMPARE(r.queryValue("absent"), QByteArray());
        QVERIFY(r.body.isEmpty());
    }

    void testEqualContentLengthsAreAccepted()
    {
        const Outcome out = parseAll("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.front().body, QByteArray("abc"));
    }

    void testBlankLinesBetweenRequestsAreSkipped()
    {
        const Outcome out = parseAll("\r\n\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 2);
        QCOMPARE(out.requests[1].path, QByteArray("/b"));
    }

    void testPipelinedRequestsComeOutInOrder()
    {
        const Outcome out = parseAll(kSample);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 3);
        QCOMPARE(out.requests[0].method, QByteArray("POST"));
        QCOMPARE(out.requests[0].body, QByteArray("{\"a\": true}"));
        QCOMPARE(out.requests[0].queryValue("name"), QByteArray("a b"));
        QCOMPARE(out.requests[1].method, QByteArray("PUT"));
        QCOMPARE(out.requests[1].body, QByteArray("hello world"));
        QCOMPARE(out.requests[2].path, QByteArray("/last"));
        QCOMPARE(out.keepAlive, (QList<bool>{true, true, false}));
    }

    void testSplitAtEveryByteBoundary()
    {
        const Outcome whole = parseAll(kSample);
        for (qsizetype split = 0; split <= kSample.size(); ++split) {
            HttpRequestParser parser;
            Outcome out;
            parser.feed(QByteArrayView(kSample).first(split));
            drain(parser, out);
            parser.feed(QByteArrayView(kSample).sliced(split));
            drain(parser, out);
            QCOMPARE(out.errorStatus, 0);
            QCOMPARE(out.requests.size(), whole.requests.size());
            for (qsizetype i = 0; i < out.requests.size(); ++i) {
                QCOMPARE(out.requests[i].target, whole.requests[i].target);
                QCOMPARE(out.requests[i].headers, whole.requests[i].headers);
                QCOMPARE(out.requests[i].body, whole.requests[i].body);
            }
        }
        // And one byte at a time.
        HttpRequestParser parser;
        Outcome out;
        for (char c : kSample) {
            parser.feed(QByteArrayView(&c, 1));
            drain(parser, out);
        }
        QCOMPARE(out.requests.size(), 3);
        QCOMPARE(out.requests[1].body, QByteArray("hello world"));
    }

    void testKeepAlive_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("HTTP/1.1 keeps the connection by default") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true;
        QTest::newRow("HTTP/1.1 with Connection: close does not")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo, Close\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0 closes by default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0 with Connection: keep-alive keeps it")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }
    void testKeepAlive()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, keepAlive);
        const Outcome out = parseAll(input);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.keepAlive.front(), keepAlive);
    }

    void testHeadersAreReportedBeforeTheBody()
    {
        HttpRequestParser parser({1000, 1024});
        parser.feed("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QCOMPARE(parser.next(), Event::HeadersComplete);
        QVERIFY(parser.expectsContinue());
        QCOMPARE(parser.request().path, QByteArray("/u"));
        QCOMPARE(parser.next(), Event::NeedMore);
        QVERIFY(parser.inRequest());
        parser.feed("da");
        QCOMPARE(parser.next(), Event::NeedMore);
        parser.feed("ta");
        QCOMPARE(parser.next(), Event::RequestComplete);
        QCOMPARE(parser.takeRequest().body, QByteArray("data"));
        QVERIFY(!parser.inRequest());
    }

    void testWebSocketUpgradeKeepsTheRawHead()
    {
        const QByteArray head = QByteArrayLiteral("GET /events HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n"
                                                  "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: x\r\n\r\n");
        HttpRequestParser parser;
        parser.feed(QByteArray(head + "frame"));
        QCOMPARE(parser.next(), Event::HeadersComplete);
        QVERIFY(parser.isWebSocketUpgrade());
        QCOMPARE(parser.rawHead().toByteArray(), head);
        QCOMPARE(parser.bytesAfterHead().toByteArray(), QByteArray("frame"));
        QCOMPARE(parser.next(), Event::RequestComplete);
    }

    void testUpgradeNeedsConnectionUpgrade()
    {
        HttpRequestParser parser;
        parser.feed("GET /events HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n\r\n");
        QCOMPARE(parser.next(), Event::HeadersComplete);
        QVERIFY(!parser.isWebSocketUpgrade());
    }
};

QTEST_GUILESS_MAIN(HttpRequestParserTest)
#include "http_request_parser_test.moc"
