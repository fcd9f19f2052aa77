// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <git2.h>

#include <QString>

#include <memory>

namespace helios::git {

// libgit2 counts its own initialisations; one per call keeps the library usable from
// any thread without global set-up.
class LibGit2 {
public:
    LibGit2() { git_libgit2_init(); }
    ~LibGit2() { git_libgit2_shutdown(); }
    LibGit2(const LibGit2 &) = delete;
    LibGit2 &operator=(const LibGit2 &) = delete;
};

template <typename T, void (*Free)(T *)>
struct Freer {
    void operator()(T *p) const { Free(p); }
};
using Repository = std::unique_ptr<git_repository, Freer<git_repository, git_repository_free>>;

// An Error carrying libgit2's last message after `what`, with `context` (a path, a URL).
inline Error lastError(ErrorCode code, const QString &what, const QString &context)
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown libgit2 error");
    return makeError(code, QStringLiteral("%1: %2").arg(what, detail), context);
}

} // namespace helios::git
