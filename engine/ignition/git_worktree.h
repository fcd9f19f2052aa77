// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignition/git_client.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace helios::ignition {

// One changed path of a working tree, relative to the directory status() was asked about.
struct GitFileStatus {
    // What committing the path would record, compared with HEAD.
    enum class State { New, Modified, Deleted, Renamed, TypeChange, Conflicted };

    QString path;
    State state = State::Modified;
    // True when the change is already in the index (git add'ed), false when it is only in
    // the working tree. A file changed in both counts as staged.
    bool staged = false;
    // For Renamed: the path before the rename. Committing a rename takes both paths.
    QString oldPath;

    friend bool operator==(const GitFileStatus &, const GitFileStatus &) = default;
};

// The working-tree side of git for the editor: what changed, and committing a chosen set of
// paths. Through libgit2 (no git executable); `workDir` may be the repository's top or a
// folder inside it, and every path in and out is relative to `workDir`. Safe to call from
// any thread; each call opens its own repository handle. Failures carry libgit2's message
// with the directory as context; a directory outside any repository fails with NotFound.
class GitWorktree {
public:
    // Changed, new (untracked, honouring .gitignore) and conflicted files under `workDir`,
    // sorted by path. Files in no state but "current" are left out.
    static Result<QList<GitFileStatus>> status(const QString &workDir);

    // Commits exactly `relativePaths` as they are in the working tree (a missing file is
    // committed as deleted) on top of HEAD, or as the first commit when HEAD is unborn,
    // like `git commit --only -- <paths>`: other staged changes stay staged and
    // uncommitted. The index is updated for those paths, so they show clean afterwards.
    // Returns the new commit id (hex). An empty message, no paths, a path outside
    // `workDir` or nothing to commit fail with InvalidArgument before anything changes.
    static Result<QString> commit(const QString &workDir, const QStringList &relativePaths, const QString &message,
                                  const GitClient::Signature &author);

    // The author git would use here (user.name/user.email from the repository's and the
    // user's configuration), or GitClient::Signature's default when either is unset.
    static GitClient::Signature configuredAuthor(const QString &workDir);
};

} // namespace helios::ignition
