// SPDX-License-Identifier: Apache-2.0
#include "waypoint/changelog.h"

#include "ignition/libgit2_handles.h"

#include <memory>

namespace helios::waypoint {

namespace {

using git::Freer;
using git::LibGit2;
using git::Repository;
using RevWalk = std::unique_ptr<git_revwalk, Freer<git_revwalk, git_revwalk_free>>;
using Commit = std::unique_ptr<git_commit, Freer<git_commit, git_commit_free>>;

QString hex(const git_oid &oid)
{
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &oid);
    return QString::fromLatin1(text);
}

} // namespace

Result<Changelog> changelogSince(const QString &projectDir, const QString &sinceCommit, int limit)
{
    const LibGit2 library;
    git_repository *rawRepo = nullptr;
    const int opened = git_repository_open_ext(&rawRepo, projectDir.toUtf8().constData(), 0, nullptr);
    if (opened == GIT_ENOTFOUND)
        return Changelog{};
    if (opened != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot open the git repository"), projectDir);
    const Repository repo(rawRepo);

    git_oid head;
    const int resolved = git_reference_name_to_id(&head, repo.get(), "HEAD");
    if (resolved == GIT_ENOTFOUND || resolved == GIT_EUNBORNBRANCH)
        return Changelog{}; // a repository without commits yet
    if (resolved != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot resolve HEAD"), projectDir);

    git_revwalk *rawWalk = nullptr;
    if (git_revwalk_new(&rawWalk, repo.get()) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot walk the history"), projectDir);
    const RevWalk walk(rawWalk);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (git_revwalk_push(walk.get(), &head) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot walk the history from HEAD"), projectDir);
    // A commit the repository does not know (history rewritten, another clone) is as
    // good as none: every commit is new to this release then.
    git_oid since;
    if (!sinceCommit.isEmpty() && git_oid_fromstr(&since, sinceCommit.toLatin1().constData()) == 0) {
        git_commit *known = nullptr;
        if (git_commit_lookup(&known, repo.get(), &since) == 0) {
            git_commit_free(known);
            if (git_revwalk_hide(walk.get(), &since) != 0)
                return git::lastError(ErrorCode::Io, QStringLiteral("cannot hide the previous release's commit"), projectDir);
        }
    }

    Changelog changelog;
    changelog.head = hex(head);
    git_oid next;
    while (changelog.entries.size() < limit && git_revwalk_next(&next, walk.get()) == 0) {
        git_commit *rawCommit = nullptr;
        if (git_commit_lookup(&rawCommit, repo.get(), &next) != 0)
            return git::lastError(ErrorCode::Io, QStringLiteral("cannot read commit %1").arg(hex(next)), projectDir);
        const Commit commit(rawCommit);
        const char *summary = git_commit_summary(commit.get());
        changelog.entries << hex(next).left(7) + QLatin1Char(' ') + QString::fromUtf8(summary ? summary : "");
    }
    return changelog;
}

} // namespace helios::waypoint
