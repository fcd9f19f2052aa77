// SPDX-License-Identifier: Apache-2.0
#include "backend_under_test.h"
#include "core/config.h"
#include "spark/llm/llm_expert.h"
#include "spark/token_palette.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace helios;
using namespace helios::spark;

namespace {

const QString apiKey = QStringLiteral("sk-test-secret-4242");

// Every message any code logs while the test runs, to prove the key is never among them.
QStringList &capturedLog()
{
    static QStringList log;
    return log;
}

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog() << message;
}

// What the fake model sends back for one request.
struct Reply {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/event-stream");
    QByteArray body;
    bool chunked = true;        // Transfer-Encoding: chunked, else close-delimited
    int pieces = 1;             // the body is written in this many slices, 5 ms apart
    bool silent = false;        // never answers (a slow server)
};

// A minimal OpenAI-compatible endpoint on 127.0.0.1: records each request, answers with
// the configured Reply. Runs on the test's thread; the expert's own event loop drives it.
class FakeModelServer {
public:
    FakeModelServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headerEnd);
                    qsizetype length = 0;
                    for (const QByteArray &line : head.split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < headerEnd + 4 + length)
                        return;
                    requestHead = head;
                    requestBody = buffer->mid(headerEnd + 4, length);
                    buffer->clear();
                    respond(socket);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    Reply reply;
    QByteArray requestHead;
    QByteArray requestBody;

private:
    void respond(QTcpSocket *socket)
    {
        if (reply.silent)
            return;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\nContent-Type: " + reply.contentType
            + "\r\n";
        head += reply.chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Connection: close\r\n\r\n";
        socket->write(head);
        QList<QByteArray> slices;
        const qsizetype size = std::max<qsizetype>(1, reply.body.size() / std::max(1, reply.pieces) + 1);
        for (qsizetype at = 0; at < reply.body.size(); at += size)
            slices << reply.body.mid(at, size);
        sendSlices(socket, slices, 0);
    }

    void sendSlices(QTcpSocket *socket, const QList<QByteArray> &slices, int index)
    {
        if (index >= slices.size()) {
            if (reply.chunked)
                socket->write("0\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        const QByteArray &slice = slices.at(index);
        socket->write(reply.chunked ? QByteArray::number(slice.size(), 16) + "\r\n" + slice + "\r\n" : slice);
        socket->flush();
        QTimer::singleShot(5, socket, [this, socket, slices, index] { sendSlices(socket, slices, index + 1); });
    }

    QTcpServer m_server;
};

// An SSE body in the OpenAI streaming format, one chunk per delta.
QByteArray sse(const QStringList &deltas, bool done = true, const QByteArray &newline = "\n")
{
    QByteArray out = ": keep-alive" + newline + newline;
    for (const QString &delta : deltas) {
        const QJsonObject chunk{{QStringLiteral("id"), QStringLiteral("c1")},
                                {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                                {QStringLiteral("choices"),
                                 QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                        {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), delta}}},
                                                        {QStringLiteral("finish_reason"), QJsonValue()}}}}};
        out += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + newline + newline;
    }
    if (done)
        out += "data: [DONE]" + newline + newline;
    return out;
}

// The answer a model gives, with its files labelled in three of the accepted ways.
QStringList cardAnswer()
{
    return {QStringLiteral("Here is the component.\n\n### Card/Card.tsx\n```tsx\n"),
            QStringLiteral("import styles from './Card.module.css';\n\nexport function Card({ title }: { title: string }) {\n"),
            QStringLiteral("  return <article className={styles.root}><h2>{title}</h2></article>;\n}\n```\n\n"),
            QStringLiteral("```css title=\"Card/Card.module.css\"\n.root { padding: var(--space-md); }\n```\n\n"),
            QStringLiteral("```tsx\n// file: Card/Card.stories.tsx\nimport { Card } from './Card';\n"),
            QStringLiteral("export default { title: 'Components/Card', component: Card };\n```\n\n"),
            QStringLiteral("File: `Card/index.ts`\n```ts\nexport { Card } from './Card';\n```\n")};
}

ComponentRequest cardRequest()
{
    ComponentRequest request;
    request.prompt = QStringLiteral("a pricing card with a title");
    request.name = QStringLiteral("Card");
    return request;
}

} // namespace

class LlmExpertTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        // The expert did log (its requests and results), so the check below means something.
        QVERIFY(capturedLog().join(QLatin1Char('\n')).contains(QLatin1StringView("asking the LLM expert")));
        for (const QString &line : std::as_const(capturedLog()))
            QVERIFY2(!line.contains(apiKey), "the API key reached the log");
    }

    void aStreamedAnswerBecomesTheComponentsFiles_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<QByteArray>("newline");
        QTest::addColumn<QString>("urlSuffix");
        QTest::newRow("a chunked stream with LF lines to a base URL") << true << QByteArray("\n") << QString();
        QTest::newRow("a close-delimited stream with CRLF lines to a /v1 URL")
            << false << QByteArray("\r\n") << QStringLiteral("/v1/");
    }

    void aStreamedAnswerBecomesTheComponentsFiles()
    {
        QFETCH(bool, chunked);
        QFETCH(QByteArray, newline);
        QFETCH(QString, urlSuffix);

        FakeModelServer server;
        server.reply.body = sse(cardAnswer(), true, newline);
        server.reply.chunked = chunked;
        server.reply.pieces = 23;   // events, lines and CRLFs split across reads
        LlmSettings settings{server.url() + urlSuffix, QStringLiteral("test-model"), apiKey};
        QStringList deltas;
        const auto result = LlmExpert(settings).generate(cardRequest(), ExpertFamily::Card, TokenPalette::builtIn(),
                                                         [&](const QString &delta) { deltas << delta; });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));

        QCOMPARE(deltas, cardAnswer());
        const GeneratedComponent &component = *result;
        QCOMPARE(component.name, QStringLiteral("Card"));
        QCOMPARE(component.expert, QStringLiteral("llm"));
        QStringList paths;
        for (const GeneratedFile &file : component.files)
            paths << file.path;
        QCOMPARE(paths, (QStringList{QStringLiteral("Card/Card.tsx"), QStringLiteral("Card/Card.module.css"),
                                     QStringLiteral("Card/Card.stories.tsx"), QStringLiteral("Card/index.ts")}));
        QVERIFY(component.files[0].content.startsWith("import styles from './Card.module.css';\n"));
        QCOMPARE(component.files[1].content, QByteArray(".root { padding: var(--space-md); }\n"));
        QVERIFY2(!component.files[2].content.contains("// file:"), "the file marker line is dropped");

        QVERIFY(server.requestHead.startsWith("POST /v1/chat/completions HTTP/1.1"));
        QVERIFY(server.requestHead.contains(QByteArray("\r\nAuthorization: Bearer " + apiKey.toUtf8())));
        const QJsonObject body = QJsonDocument::fromJson(server.requestBody).object();
        QCOMPARE(body.value(QLatin1StringView("model")).toString(), QStringLiteral("test-model"));
        QCOMPARE(body.value(QLatin1StringView("stream")).toBool(), true);
        const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        const QString system = messages[0].toObject().value(QLatin1StringView("content")).toString();
        QVERIFY(system.contains(QLatin1StringView("--color-primary: color = #4f46e5")));
        QVERIFY(system.contains(QLatin1StringView("### Card/Card.tsx")));
        QVERIFY(system.contains(QLatin1StringView("role=")) || system.contains(QLatin1StringView("<article>")));
        QVERIFY(messages[1].toObject().value(QLatin1StringView("content")).toString().startsWith(cardRequest().prompt));
    }

    void failuresAreClearErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");

        const QByteArray json("application/json");
        const QByteArray stream("text/event-stream");
        QTest::newRow("a server error reports its status and message without the key")
            << 500 << json << QByteArray("{\"error\": {\"message\": \"overloaded; bad key " + apiKey.toUtf8() + "\"}}")
            << int(ErrorCode::Unavailable) << QStringLiteral("HTTP 500: overloaded");
        QTest::newRow("an unauthorised request says so") << 401 << json
                                                         << QByteArray("{\"error\": {\"message\": \"invalid api key\"}}")
                                                         << int(ErrorCode::Unauthenticated) << QStringLiteral("HTTP 401");
        QTest::newRow("a JSON error body instead of a stream is reported")
            << 200 << json << QByteArray("{\"error\": {\"message\": \"no such model\"}}") << int(ErrorCode::Unavailable)
            << QStringLiteral("no such model");
        QTest::newRow("malformed SSE fails") << 200 << stream << QByteArray("data: {\"choices\": [\n\ndata: [DONE]\n\n")
                                             << int(ErrorCode::Corrupt) << QStringLiteral("not a JSON object");
        QTest::newRow("a stream that stops before [DONE] fails")
            << 200 << stream << sse(cardAnswer().mid(0, 2), false) << int(ErrorCode::Corrupt) << QStringLiteral("[DONE]");
        QTest::newRow("a file path that climbs out of the folder is refused")
            << 200 << stream << sse({QStringLiteral("### ../evil.tsx\n```tsx\nexport const evil = 1;\n```\n")})
            << int(ErrorCode::PermissionDenied) << QStringLiteral("../evil.tsx");
        QTest::newRow("an absolute file path is refused")
            << 200 << stream << sse({QStringLiteral("```tsx title=\"/etc/Card.tsx\"\nexport const x = 1;\n```\n")})
            << int(ErrorCode::PermissionDenied) << QStringLiteral("/etc/Card.tsx");
        QTest::newRow("an answer without files fails")
            << 200 << stream << sse({QStringLiteral("Sorry, I can only "), QStringLiteral("describe it in words.")})
            << int(ErrorCode::InvalidArgument) << QStringLiteral("no files");
        QTest::newRow("a file over the size limit is refused")
            << 200 << stream
            << sse({QStringLiteral("### Card/Card.tsx\n```tsx\n"), QString(210 * 1024, QLatin1Char('x')),
                    QStringLiteral("\n```\n")})
            << int(ErrorCode::TooLarge) << QStringLiteral("200 KB");
    }

    void failuresAreClearErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, mentions);

        FakeModelServer server;
        server.reply.status = status;
        server.reply.contentType = contentType;
        server.reply.body = body;
        server.reply.pieces = 3;
        const auto result = LlmExpert({server.url(), {}, apiKey, 10000})
                                .generate(cardRequest(), ExpertFamily::Card, TokenPalette::builtIn());
        QVERIFY(!result.ok());
        QVERIFY2(int(result.error().code) == code, qPrintable(result.error().toString()));
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QVERIFY(!result.error().toString().contains(apiKey));
        QVERIFY(result.error().context.contains(QLatin1StringView("127.0.0.1")));
    }

    void aSilentServerTimesOut()
    {
        FakeModelServer server;
        server.reply.silent = true;
        QElapsedTimer clock;
        clock.start();
        const auto result = LlmExpert({server.url(), {}, apiKey, 300})
                                .generate(cardRequest(), ExpertFamily::Card, TokenPalette::builtIn());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Timeout);
        QVERIFY(clock.elapsed() < 5000);
    }

    void aCancelledGenerationStops()
    {
        FakeModelServer server;
        server.reply.silent = true;
        std::atomic_bool cancelled = false;
        QTimer flip;
        QObject::connect(&flip, &QTimer::timeout, &flip, [&] { cancelled = true; });
        flip.setSingleShot(true);
        flip.start(100);
        const auto result = LlmExpert({server.url(), {}, apiKey, 10000})
                                .generate(cardRequest(), ExpertFamily::Card, TokenPalette::builtIn(), {}, &cancelled);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY(result.error().message.contains(QLatin1StringView("cancelled")));
    }

    void aDeadServerIsUnavailable()
    {
        const auto result = LlmExpert({QStringLiteral("http://") + test::deadTcpAddress(), {}, apiKey, 5000})
                                .generate(cardRequest(), ExpertFamily::Card, TokenPalette::builtIn());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unavailable);
    }

    void settingsComeFromTheConfig()
    {
        QTemporaryDir dir;
        Config config = Config::embedded(dir.path());
        QVERIFY(!LlmSettings::fromConfig(config).has_value());

        config.set(QStringLiteral("HELIOS_AI_URL"), QStringLiteral("https://models.example/v1/"));
        config.set(QStringLiteral("HELIOS_AI_MODEL"), QStringLiteral("small"));
        config.set(QStringLiteral("HELIOS_AI_KEY"), apiKey);
        const auto settings = LlmSettings::fromConfig(config);
        QVERIFY(settings.has_value());
        QCOMPARE(settings->model, QStringLiteral("small"));
        QCOMPARE(settings->key, apiKey);
        QCOMPARE(settings->endpoint().toString(), QStringLiteral("https://models.example/v1/chat/completions"));
        QVERIFY(Config::isSecret(QStringLiteral("HELIOS_AI_KEY")));
        QVERIFY(Config::knownKeys().contains(QStringLiteral("HELIOS_AI_URL")));

        QCOMPARE((LlmSettings{QStringLiteral("http://h:8080"), {}, {}}).endpoint().toString(),
                 QStringLiteral("http://h:8080/v1/chat/completions"));
        QCOMPARE((LlmSettings{QStringLiteral("http://h/api/v1"), {}, {}}).endpoint().toString(),
                 QStringLiteral("http://h/api/v1/chat/completions"));
    }
};

QTEST_GUILESS_MAIN(LlmExpertTest)
#include "llm_expert_test.moc"
