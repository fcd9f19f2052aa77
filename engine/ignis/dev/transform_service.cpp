// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/transform_service.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QVariant>

namespace helios::ignis {

namespace {

void put32(QByteArray &out, quint32 value)
{
    const char bytes[4] = {char(value & 0xff), char((value >> 8) & 0xff), char((value >> 16) & 0xff), char(value >> 24)};
    out.append(bytes, 4);
}

// An object's key: a string without its tag.
void putKey(QByteArray &out, QByteArrayView key)
{
    put32(out, quint32(key.size()));
    out.append(key);
}

void putString(QByteArray &out, char tag, QByteArrayView bytes)
{
    out += tag;
    put32(out, quint32(bytes.size()));
    out.append(bytes);
}

// Reads one value of a packet (QVariantMap, QVariantList, QByteArray for strings and
// bytes, int, bool, or an invalid QVariant for null); false on a malformed packet.
class Reader {
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}

    bool read32(quint32 *value)
    {
        if (m_at + 4 > m_bytes.size())
            return false;
        const auto *b = reinterpret_cast<const uchar *>(m_bytes.data() + m_at);
        *value = quint32(b[0]) | quint32(b[1]) << 8 | quint32(b[2]) << 16 | quint32(b[3]) << 24;
        m_at += 4;
        return true;
    }

    bool readValue(QVariant *value, int depth = 0)
    {
        if (m_at >= m_bytes.size() || depth > 32)
            return false;
        const char tag = m_bytes[m_at++];
        quint32 n = 0;
        switch (tag) {
        case 0:
            *value = QVariant();
            return true;
        case 1:
            if (m_at >= m_bytes.size())
                return false;
            *value = m_bytes[m_at++] != 0;
            return true;
        case 2:
            if (!read32(&n))
                return false;
            *value = int(n);
            return true;
        case 3:
        case 4:
            if (!read32(&n) || m_at + qsizetype(n) > m_bytes.size())
                return false;
            *value = m_bytes.sliced(m_at, n).toByteArray();
            m_at += n;
            return true;
        case 5: {
            if (!read32(&n))
                return false;
            QVariantList list;
            for (quint32 i = 0; i < n; ++i) {
                QVariant item;
                if (!readValue(&item, depth + 1))
                    return false;
                list.append(item);
            }
            *value = list;
            return true;
        }
        case 6: {
            if (!read32(&n))
                return false;
            QVariantMap map;
            for (quint32 i = 0; i < n; ++i) {
                quint32 length = 0;
                QVariant item;
                if (!read32(&length) || m_at + qsizetype(length) > m_bytes.size())
                    return false;
                const QString key = QString::fromUtf8(m_bytes.sliced(m_at, length));
                m_at += length;
                if (!readValue(&item, depth + 1))
                    return false;
                map.insert(key, item);
            }
            *value = map;
            return true;
        }
        default:
            return false;
        }
    }

    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

// A packet: its length, then (id << 1 | isResponse) and the value.
QByteArray packet(quint32 id, bool response, const QByteArray &value)
{
    QByteArray out;
    put32(out, quint32(4 + value.size()));
    put32(out, id << 1 | (response ? 1 : 0));
    return out + value;
}

QString text(const QVariant &value) { return QString::fromUtf8(value.toByteArray()); }

} // namespace

TransformService::TransformService(const EsbuildToolchain &toolchain, const QString &projectDir)
    : m_toolchain(toolchain), m_projectDir(projectDir)
{
}

TransformService::~TransformService()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();  // the service exits when its stdin closes
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
    if (m_toolchain.version.isEmpty() || !QFileInfo(m_toolchain.binary).isExecutable()) {
        fail(QStringLiteral("esbuild's version or binary is unknown"));
        return;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_projectDir);
    m_process->setProcessEnvironment(m_toolchain.processEnvironment());
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(m_toolchain.binary, {QStringLiteral("--service=") + m_toolchain.version});
}

bool TransformService::available() const { return !m_failed; }

bool TransformService::waitForPacket(QByteArray *packet, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_buffer.size() >= 4) {
            quint32 length = 0;
            Reader(m_buffer).read32(&length);
            if (m_buffer.size() >= 4 + qsizetype(length)) {
                *packet = m_buffer.sliced(4, length);
                m_buffer.remove(0, 4 + length);
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        if (m_process->bytesAvailable() == 0 && !m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_process->readAll();
    }
}

Result<TransformService::Output> TransformService::transform(const QByteArray &source, const QStringList &flags, int timeoutMs)
{
    start();
    if (m_failed)
        return makeError(ErrorCode::Unavailable, QStringLiteral("the transform service is not running"));
    QByteArray received;
    if (!m_ready) {
        // Its first packet is its version.
        if (!m_process->waitForStarted(10000) || !waitForPacket(&received, 20000) || received != m_toolchain.version.toUtf8()) {
            fail(QStringLiteral("it did not start: ") + QString::fromUtf8(received.left(300)));
            return makeError(ErrorCode::Unavailable, QStringLiteral("the transform service did not start"));
        }
        m_ready = true;
    }
    const quint32 id = m_nextId++;
    ++m_requests;
    // {command: "transform", flags: [...], inputFS: false, input: <bytes>}
    QByteArray request;
    request += char(6);
    put32(request, 4);
    putKey(request, "command");
    putString(request, 3, "transform");
    putKey(request, "flags");
    request += char(5);
    put32(request, quint32(flags.size()));
    for (const QString &flag : flags)
        putString(request, 3, flag.toUtf8());
    putKey(request, "inputFS");
    request += char(1);
    request += char(0);
    putKey(request, "input");
    putString(request, 4, source);
    m_process->write(packet(id, false, request));
    for (;;) {
        if (!waitForPacket(&received, timeoutMs)) {
            fail(QStringLiteral("it stopped answering"));
            return makeError(ErrorCode::Timeout, QStringLiteral("the transform service did not answer"));
        }
        Reader reader(received);
        quint32 header = 0;
        QVariant value;
        if (!reader.read32(&header) || !reader.readValue(&value) || !reader.atEnd()) {
            fail(QStringLiteral("it sent a malformed packet"));
            return makeError(ErrorCode::Unavailable, QStringLiteral("the transform service sent a malformed packet"));
        }
        if (!(header & 1)) {  // a request of esbuild's own (a ping): answered with {}
            m_process->write(packet(header >> 1, true, QByteArray("\x06\0\0\0\0", 5)));
            continue;
        }
        if (header >> 1 != id)
            continue;  // an answer to a request that timed out earlier
        const QVariantMap answer = value.toMap();
        if (answer.contains(QStringLiteral("error")))
            return makeError(ErrorCode::Unavailable, text(answer.value(QStringLiteral("error"))));
        Output output;
        for (const QVariant &item : answer.value(QStringLiteral("errors")).toList()) {
            const QVariantMap error = item.toMap();
            const QVariantMap location = error.value(QStringLiteral("location")).toMap();
            output.errors.append(BuildMessage{BuildMessage::Severity::Error, text(location.value(QStringLiteral("file"))),
                                              location.value(QStringLiteral("line")).toInt(),
                                              location.isEmpty() ? 0 : location.value(QStringLiteral("column")).toInt() + 1,
                                              text(error.value(QStringLiteral("text"))),
                                              text(location.value(QStringLiteral("lineText"))), {}});
        }
        if (output.errors.isEmpty())
            output.code = answer.value(QStringLiteral("code")).toByteArray();
        return output;
    }
}

} // namespace helios::ignis
