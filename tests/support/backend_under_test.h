// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config.h"

#include <QString>

namespace helios::test {

// Contract suites run unchanged against both implementations of an interface. CTest
// registers each suite twice; HELIOS_TEST_BACKEND says which one this run is:
//   "embedded" - the in-process implementation, state under a temporary dir;
//   "real"     - the server whose URL scripts/test exported as HELIOS_TEST_<KEY>
//                (HELIOS_TEST_DATABASE_URL, HELIOS_TEST_REDIS_URL, …).
bool realBackend();

// A Config with every back end embedded under `dataDir`, except that in a "real" run
// each of `keys` (Config key names, e.g. "DATABASE_URL") is set from its
// HELIOS_TEST_<KEY> variable. A missing variable fails the test with a message saying
// to run through scripts/test - never a silent skip.
Config configFor(const QString &dataDir, const QStringList &keys);

// The value of HELIOS_TEST_<key>, or a failed QVERIFY-style message if unset.
QString serviceUrl(const QString &key);

// Restarts one of the servers scripts/test started ("postgres", "redis", "nats",
// "registry"), keeping its data, through scripts/service. Returns false with a
// message on failure.
bool restartService(const QString &name, QString *errorMessage = nullptr);
bool stopService(const QString &name, QString *errorMessage = nullptr);
bool startService(const QString &name, QString *errorMessage = nullptr);

// An address on which nothing listens: for "backend down at start" cases.
QString deadTcpAddress();

} // namespace helios::test
