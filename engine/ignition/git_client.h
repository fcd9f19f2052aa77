// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

namespace helios::ignition {

// The few git operations IGNITION needs, through libgit2 (no git executable). Every
// failure is an Error carrying libgit2's message, with the path or URL as context.
// Safe to use from any thread; each call owns its repository handle.
class GitClient {
public:
    struct Signature {
        QString name = QStringLiteral("Helios");
        QString email = QStringLiteral("helios@localhost");
    };

    // Creates a repository in the existing directory `workDir` whose HEAD is
    // refs/heads/`branch`, stages every file (honouring .gitignore) and makes the first
    // commit by `author`. Returns the commit id (hex).
    static Result<QString> initAndCommit(const QString &workDir, const QString &branch, const Signature &author,
                                         const QString &message);

    // Clones `url` (file://, https://, a local path…) into `directory`, which must not
    // exist or be empty. Fails with Unavailable when the remote cannot be read.
    static Result<void> clone(const QString &url, const QString &directory);
};

} // namespace helios::ignition
