// SPDX-License-Identifier: Apache-2.0
#include "fake_redis.h"

#include <QByteArray>
#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace helios::test {

FakeRedis::FakeRedis() = default;

FakeRedis::~FakeRedis() {
    stop();
}

bool FakeRedis::start() {
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (m_listener < 0 ||
        ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listener, 8) != 0 ||
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void FakeRedis::stop() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QString FakeRedis::address() const {
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

void FakeRedis::run() {
    QList<int> clients;
    while (!m_stop) {
        QList<pollfd> fds{{m_listener, POLLIN, 0}};
        for (int client : std::as_const(clients))
            fds.append({client, POLLIN, 0});
        if (::poll(fds.data(), nfds_t(fds.size()), 20) <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            const int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0)
                clients.append(client);
        }
        for (qsizetype i = 1; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[4096];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                ::close(fds[i].fd);
                clients.removeOne(fds[i].fd);
                continue;
            }
            // hiredis sends each command as one RESP array ("*<n>\r\n…"); an argument
            // starting with '*' right after a CRLF would be miscounted, and ours have none.
            const QByteArray data(buffer, qsizetype(n));
            const qsizetype commands = data.count("\r\n*") + (data.startsWith('*') ? 1 : 0);
            QByteArray reply;
            for (qsizetype c = 0; c < commands; ++c)
                reply += "+OK\r\n";
            (void)!::write(fds[i].fd, reply.constData(), size_t(reply.size()));
        }
    }
    for (int client : std::as_const(clients))
        ::close(client);
    ::close(m_listener);
    m_listener = -1;
}

} // namespace helios::test
