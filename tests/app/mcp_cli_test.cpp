// SPDX-License-Identifier: Apache-2.0
// `helios mcp` through the real binary: help, usage errors, and a stdio session (the
// 2025 handshake, tools/list, tool calls, a stateless 2026-07-28 request, a malformed
// line) in which stdout carries only JSON-RPC lines and the end of stdin ends it with 0.
#include "cli_run.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class McpCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    Run helios(const QStringList &args)
    {
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), args,
                                     helios::test::cliEnvironment(m_dir.filePath(QStringLiteral("data"))), m_dir.path());
    }

    QString project() const { return m_dir.filePath(QStringLiteral("lib")); }

    static QByteArray line(const QJsonObject &message) { return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n'; }

    static QJsonObject request(int id, const QString &method, const QJsonObject &params = {})
    {
        QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id}, {QStringLiteral("method"), method}};
        if (!params.isEmpty())
            message.insert(QStringLiteral("params"), params);
        return message;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const Run created = helios(helios::test::newReactLibraryArgs(project(), QStringLiteral("lib"), QStringLiteral("Sample")));
        QVERIFY2(created.exitCode == 0, created.err.constData());
    }

    void helpShowsHowAClientStartsIt()
    {
        const Run help = helios({QStringLiteral("mcp"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("usage: helios mcp"));
        QVERIFY(help.out.contains("\"mcpServers\""));
        QVERIFY(helios({QStringLiteral("--help")}).out.contains("mcp"));
    }

    void aDirectoryThatIsNoProjectIsAUsageError()
    {
        const Run run = helios({QStringLiteral("mcp"), QStringLiteral("--project"), m_dir.filePath(QStringLiteral("nowhere"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("not a project"), run.err.constData());
        QCOMPARE(helios({QStringLiteral("mcp"), QStringLiteral("--bogus")}).exitCode, 2);
    }

    void aStdioSessionSpeaksOnlyJsonRpcAndEndsWithStdin()
    {
        QProcess server;
        server.setProcessEnvironment(helios::test::cliEnvironment(m_dir.filePath(QStringLiteral("data"))));
        server.setWorkingDirectory(m_dir.path());
        server.start(QStringLiteral(HELIOS_CLI_PATH), {QStringLiteral("mcp"), QStringLiteral("--project"), project()});
        QVERIFY2(server.waitForStarted(30000), qPrintable(server.errorString()));

        QByteArray input;
        input += line(request(1, QStringLiteral("initialize"),
                              QJsonObject{{QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")},
                                          {QStringLiteral("capabilities"), QJsonObject()},
                                          {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cli-test")}, {QStringLiteral("version"), QStringLiteral("1")}}}}));
        input += line(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
        input += line(request(2, QStringLiteral("tools/list")));
        input += line(request(3, QStringLiteral("tools/call"), QJsonObject{{QStringLiteral("name"), QStringLiteral("read_component")},
                                                                           {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Sample")}}}}));
        input += "\n";                      // blank lines are skipped
        input += "{\"jsonrpc\": \"2.0\", oops\n"; // answered with a parse error, the session goes on
        input += line(request(4, QStringLiteral("tools/call"), QJsonObject{{QStringLiteral("name"), QStringLiteral("write_component")},
                                                                           {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Evil")},
                                                                                                                     {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("../../x.tsx")}, {QStringLiteral("content"), QStringLiteral("x")}}}}}}}));
        const QJsonObject meta{{QStringLiteral("io.modelcontextprotocol/protocolVersion"), QStringLiteral("2026-07-28")},
                               {QStringLiteral("io.modelcontextprotocol/clientCapabilities"), QJsonObject()}};
        input += line(request(5, QStringLiteral("server/discover"), QJsonObject{{QStringLiteral("_meta"), meta}}));
        input += line(request(6, QStringLiteral("ping")));
        server.write(input);
        server.closeWriteChannel();
        QVERIFY2(server.waitForFinished(120000), "helios mcp did not end when stdin closed");
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        const QByteArray out = server.readAllStandardOutput();
        const QByteArray err = server.readAllStandardError();
        QVERIFY2(server.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("serving"), err.constData());

        // Every stdout line is one JSON-RPC message; nothing else is there.
        QVERIFY(out.endsWith('\n'));
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QList<QJsonObject> replies;
        for (const QByteArray &l : lines) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(l, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), l.constData());
            QCOMPARE(document.object().value(QLatin1StringView("jsonrpc")).toString(), QStringLiteral("2.0"));
            replies << document.object();
        }
        const auto result = [&](int i) { return replies.at(i).value(QLatin1StringView("result")).toObject(); };
        QCOMPARE(replies.at(0).value(QLatin1StringView("id")).toInt(), 1);
        QCOMPARE(result(0).value(QLatin1StringView("protocolVersion")).toString(), QStringLiteral("2025-11-25"));
        QCOMPARE(result(0).value(QLatin1StringView("serverInfo")).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("luminera"));
        QCOMPARE(result(1).value(QLatin1StringView("tools")).toArray().size(), 7);
        const QJsonObject read = result(2);
        QCOMPARE(read.value(QLatin1StringView("isError")), QJsonValue(false));
        QCOMPARE(read.value(QLatin1StringView("structuredContent")).toObject().value(QLatin1StringView("files")).toArray().size(), 4);
        QCOMPARE(replies.at(3).value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toInt(), -32700);
        QCOMPARE(replies.at(4).value(QLatin1StringView("id")).toInt(), 4);
        QCOMPARE(result(4).value(QLatin1StringView("isError")), QJsonValue(true));
        QVERIFY(!QDir(m_dir.path()).exists(QStringLiteral("x.tsx")));
        QVERIFY(!QDir(project()).exists(QStringLiteral("src/components/Evil")));
        QCOMPARE(result(5).value(QLatin1StringView("resultType")).toString(), QStringLiteral("complete"));
        QCOMPARE(replies.at(6).value(QLatin1StringView("id")).toInt(), 6);
        QCOMPARE(result(6), QJsonObject());
    }
};

QTEST_GUILESS_MAIN(McpCliTest)
#include "mcp_cli_test.moc"
