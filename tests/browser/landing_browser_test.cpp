// SPDX-License-Identifier: Apache-2.0
#include "landing_page_renderer.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::server;

namespace {

constexpr int ScriptTimeoutMs = 100'000; // the script bounds Chromium at 60 s itself

// Serves one fixed page to every GET on 127.0.0.1: just enough HTTP/1.0 for a browser.
// Lives on the test's thread; the test keeps the event loop running while Chromium loads.
class PageServer : public QObject {
public:
    explicit PageServer(QByteArray page)
        : m_page(std::move(page)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const {
        return QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort());
    }
    int pagesServed() const { return m_pagesServed; }

private:
    void answer(QTcpSocket *socket) {
        m_request[socket] += socket->readAll();
        const QByteArray request = m_request.value(socket);
        if (!request.contains("\r\n\r\n"))
            return;
        m_request.remove(socket);
        const QByteArray target = request.split(' ').value(1);
        QByteArray response;
        if (target == "/") {
            ++m_pagesServed;
            response =
                "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                QByteArray::number(m_page.size()) + "\r\nConnection: close\r\n\r\n" + m_page;
        } else {
            response = QByteArrayLiteral(
                "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_page;
    QHash<QTcpSocket *, QByteArray> m_request;
    int m_pagesServed = 0;
};

struct ScriptRun {
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class LandingBrowserTest : public QObject {
    Q_OBJECT

    // Runs check_landing.sh while this thread's event loop keeps serving the page.
    ScriptRun runCheck(const QString &url, const QStringList &expected) {
        QProcess script;
        script.setProgram(QStringLiteral(HELIOS_CHECK_LANDING_SCRIPT));
        script.setArguments(QStringList{url} + expected);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), m_tmp.path());
        env.insert(QStringLiteral("CHECK_LANDING_DOM_OUT"),
                   m_tmp.filePath(QStringLiteral("dom.html")));
        script.setProcessEnvironment(env);
        QSignalSpy finished(&script, &QProcess::finished);
        script.start();
        ScriptRun run;
        if (!script.waitForStarted(10'000))
            return run;
        run.finished = !finished.isEmpty() || finished.wait(ScriptTimeoutMs);
        if (!run.finished) {
            script.kill(); // our own child, by its pid
            script.waitForFinished(5'000);
        }
        run.exitCode = script.exitStatus() == QProcess::NormalExit ? script.exitCode() : -1;
        run.out = QString::fromUtf8(script.readAllStandardOutput());
        run.err = QString::fromUtf8(script.readAllStandardError());
        return run;
    }

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        // Not a skip: scripts/setup installs chromium, and a missing browser must show.
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/chromium")).isExecutable() ||
                     qEnvironmentVariableIsSet("CHROMIUM"),
                 "headless Chromium is required: run scripts/setup (Debian package chromium)");
        QVERIFY2(QFileInfo(QStringLiteral(HELIOS_CHECK_LANDING_SCRIPT)).isExecutable(),
                 HELIOS_CHECK_LANDING_SCRIPT);
    }

    void testRenderedLandingPageShowsEverySubsystem() {
        LandingPageModel model;
        model.version = QStringLiteral("0.1.0");
        model.user = LandingUser{QStringLiteral("<b>ada</b>"), QStringLiteral("admin")};
        model.subsystems = defaultSubsystems();
        model.subsystems[0].health = SubsystemHealth::Up;
        model.subsystems[3].health = SubsystemHealth::Down;
        PageServer server(LandingPageRenderer::render(model));
        QVERIFY(server.listen());

        const ScriptRun run =
            runCheck(server.url(), {QStringLiteral("landing"), QStringLiteral("slate"),
                                    QStringLiteral("ignition"), QStringLiteral("spark"),
                                    QStringLiteral("ignis"), QStringLiteral("waypoint")});
        QVERIFY2(run.finished, "check_landing.sh did not finish");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("landing: up")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("spark: down")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("slate: unknown")), qPrintable(run.out));
        QVERIFY(server.pagesServed() >= 1);

        // The DOM is the browser's, after parsing: the hostile subject stayed text.
        QFile dom(m_tmp.filePath(QStringLiteral("dom.html")));
        QVERIFY(dom.open(QIODevice::ReadOnly));
        const QByteArray rendered = dom.readAll();
        QVERIFY2(rendered.contains("&lt;b&gt;ada&lt;/b&gt;"), rendered.left(2000).constData());
        QVERIFY(!rendered.contains("<b>ada</b>"));
    }

    void testMissingSubsystemFailsWithItsName() {
        LandingPageModel model;
        model.subsystems = defaultSubsystems();
        model.subsystems.removeAt(2); // no IGNITION
        PageServer server(LandingPageRenderer::render(model));
        QVERIFY(server.listen());

        const ScriptRun run =
            runCheck(server.url(), {QStringLiteral("slate"), QStringLiteral("ignition")});
        QVERIFY2(run.finished, "check_landing.sh did not finish");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("data-subsystem=\"ignition\"")),
                 qPrintable(run.err));
    }

    void testSubsystemWithoutHealthFails() {
        PageServer server(
            QByteArrayLiteral("<!DOCTYPE html><html lang=\"en\"><title>x</title><ul>"
                              "<li data-subsystem=\"slate\" data-health=\"up\">SLATE</li>"
                              "<li data-subsystem=\"spark\">SPARK</li></ul></html>"));
        QVERIFY(server.listen());

        const ScriptRun run =
            runCheck(server.url(), {QStringLiteral("slate"), QStringLiteral("spark")});
        QVERIFY2(run.finished, "check_landing.sh did not finish");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("\"spark\" has no data-health")),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(LandingBrowserTest)
#include "landing_browser_test.moc"
