// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::test {

// Stages every file of the repository at `workDir` (git init'ed already, with at least
// one commit) and commits it on top of HEAD as "Test <test@localhost>". Returns the new
// commit's id (hex), or an empty string after a failed QVERIFY-style message on stderr.
QString commitAll(const QString &workDir, const QString &message);

} // namespace helios::test
