// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace helios::waypoint {

struct Changelog {
    QString head;        // the commit released, hex; empty when the project is not in git
    QStringList entries; // "abc1234 Subject line", newest first
};

// The commits reachable from HEAD of the repository containing `projectDir` and not from
// `sinceCommit` (every commit when it is empty or unknown to the repository), through
// libgit2, at most `limit` entries. A directory outside any repository is not an error:
// an empty Changelog.
Result<Changelog> changelogSince(const QString &projectDir, const QString &sinceCommit, int limit = 200);

} // namespace helios::waypoint
