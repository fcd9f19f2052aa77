// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace helios {

// A random RFC 4122 UUID without braces: ids of events, jobs and records.
QString newId();

// "sha256:<hex>" of the bytes: the content address used by the ArtifactStore and caches.
QString sha256Digest(const QByteArray &bytes);

// Now, in UTC, as RFC 3339 with milliseconds: timestamps of events and records.
QString nowUtc();

} // namespace helios
