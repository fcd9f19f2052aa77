// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/transform_service.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace helios::ignis {

TransformService::TransformService(const EsbuildToolchain &toolchain, const QString &projectDir)
    : m_toolchain(toolchain), m_projectDir(projectDir)
{
}

TransformService::~TransformService()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();  // the script exits when its stdin closes
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

void TransformService::fail(const QString &why)
{
    if (!m_failed)
        qCWarning(lcIgnis).noquote() << "dev server: no transform service, compiling with esbuild processes:" << why;
    m_failed = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

void TransformService::start()
{
    if (m_process || m_failed)
        return;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || m_toolchain.nodeModules.isEmpty() ||
        !QFileInfo::exists(m_toolchain.nodeModules + QStringLiteral("/esbuild/package.json"))) {
        fail(QStringLiteral("Node.js or the esbuild npm package is missing"));
        return;
    }
    QFile script(QStringLiteral(":/helios/hmr/transform_service.js"));
    if (!script.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("the service script is not built in"));
        return;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_projectDir);
    QProcessEnvironment environment = m_toolchain.processEnvironment();
    // The same binary the batch builds run, whatever the npm package would pick.
    environment.insert(QStringLiteral("ESBUILD_BINARY_PATH"), m_toolchain.binary);
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(node, {QStringLiteral("-e"), QString::fromUtf8(script.readAll())});
}

bool TransformService::available() const { return !m_failed; }

bool TransformService::waitForLine(QByteArray *line, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end >= 0) {
            *line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            return true;
        }
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        if (m_process->bytesAvailable() == 0 && !m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_process->readAll();
    }
}

Result<TransformService::Output> TransformService::transform(const QByteArray &source, const QJsonObject &options, int timeoutMs)
{
    start();
    if (m_failed)
        return makeError(ErrorCode::Unavailable, QStringLiteral("the transform service is not running"));
    QByteArray line;
    if (!m_ready) {
        if (!m_process->waitForStarted(10000) || !waitForLine(&line, 20000) ||
            !QJsonDocument::fromJson(line).object().value(QStringLiteral("ready")).toBool()) {
            fail(QStringLiteral("it did not start: ") + QString::fromUtf8(line.left(300)));
            return makeError(ErrorCode::Unavailable, QStringLiteral("the transform service did not start"));
        }
        m_ready = true;
    }
    const int id = m_nextId++;
    ++m_requests;
    QJsonObject request{{QStringLiteral("id"), id}, {QStringLiteral("options"), options}};
    request.insert(QStringLiteral("code"), QString::fromUtf8(source));
    m_process->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    for (;;) {
        if (!waitForLine(&line, timeoutMs)) {
            fail(QStringLiteral("it stopped answering"));
            return makeError(ErrorCode::Timeout, QStringLiteral("the transform service did not answer"));
        }
        const QJsonObject answer = QJsonDocument::fromJson(line).object();
        if (answer.value(QStringLiteral("id")).toInt() != id)
            continue;  // an answer to a request that timed out earlier
        Output output;
        const QJsonArray errors = answer.value(QStringLiteral("errors")).toArray();
        for (const QJsonValue &value : errors) {
            const QJsonObject e = value.toObject();
            output.errors.append(BuildMessage{BuildMessage::Severity::Error, e.value(QStringLiteral("file")).toString(),
                                              e.value(QStringLiteral("line")).toInt(), e.value(QStringLiteral("column")).toInt(),
                                              e.value(QStringLiteral("text")).toString(),
                                              e.value(QStringLiteral("lineText")).toString(), {}});
        }
        if (errors.isEmpty())
            output.code = answer.value(QStringLiteral("code")).toString().toUtf8();
        return output;
    }
}

} // namespace helios::ignis
