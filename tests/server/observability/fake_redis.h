// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace helios::test {

// Just enough of a Redis server on 127.0.0.1 for RedisCache to connect: every command
// gets "+OK". It runs on a thread of its own because RedisCache connects with blocking
// calls. stop() closes the listener and every connection, after which its address is
// dead (nothing listens there): a Redis that went away after the engine started.
class FakeRedis {
public:
    FakeRedis();
    ~FakeRedis();

    bool start(); // false with errorString() when the socket cannot listen
    void stop();
    QString address() const; // "127.0.0.1:<port>"
    QString errorString() const { return m_error; }

private:
    void run();

    int m_listener = -1;
    int m_port = 0;
    QString m_error;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace helios::test
