// SPDX-License-Identifier: Apache-2.0
#include "ignition/git_worktree.h"

#include "core/logging.h"

#include "ignition/libgit2_handles.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <memory>

namespace helios::ignition {

namespace {

using git::Freer;
using git::LibGit2;
using git::Repository;
using Index = std::unique_ptr<git_index, Freer<git_index, git_index_free>>;
using Tree = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using Commit = std::unique_ptr<git_commit, Freer<git_commit, git_commit_free>>;
using StatusList = std::unique_ptr<git_status_list, Freer<git_status_list, git_status_list_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Freer<git_signature, git_signature_free>>;

// A repository opened from a directory in it, and that directory relative to the top of
// the working tree ("" at the top, otherwise ending in '/'), which every path in the
// repository's own terms starts with.
struct OpenedWorktree {
    Repository repo;
    QString root;
    QString prefix;
};

Result<OpenedWorktree> openWorktree(const QString &workDir)
{
    const QFileInfo dir(workDir);
    if (!dir.isDir())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such directory"), workDir);
    git_repository *raw = nullptr;
    const int rc = git_repository_open_ext(&raw, QFile::encodeName(dir.absoluteFilePath()).constData(), 0, nullptr);
    if (rc == GIT_ENOTFOUND)
        return makeError(ErrorCode::NotFound, QStringLiteral("not inside a git repository"), workDir);
    if (rc != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot open the git repository"), workDir);
    OpenedWorktree opened{Repository(raw), {}, {}};
    const char *top = git_repository_workdir(raw);
    if (!top)
        return makeError(ErrorCode::Unsupported, QStringLiteral("the repository is bare (it has no working tree)"),
                         workDir);
    opened.root = QFileInfo(QFile::decodeName(top)).canonicalFilePath();
    const QString relative = QDir(opened.root).relativeFilePath(dir.canonicalFilePath());
    if (relative != QLatin1String("."))
        opened.prefix = relative + QLatin1Char('/');
    return opened;
}

GitFileStatus::State stateOf(unsigned flags)
{
    using State = GitFileStatus::State;
    if (flags & GIT_STATUS_CONFLICTED)
        return State::Conflicted;
    if (flags & (GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED))
        return State::Deleted;
    if (flags & GIT_STATUS_INDEX_RENAMED)
        return State::Renamed;
    if (flags & (GIT_STATUS_INDEX_NEW | GIT_STATUS_WT_NEW))
        return State::New;
    if (flags & (GIT_STATUS_INDEX_TYPECHANGE | GIT_STATUS_WT_TYPECHANGE))
        return State::TypeChange;
    return State::Modified;
}

constexpr unsigned IndexChanges = GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_DELETED
                                  | GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE;

// `path` (relative to the opened directory) in the repository's terms, or an error when it
// leaves that directory.
Result<QString> repositoryPath(const OpenedWorktree &tree, const QString &path, const QString &workDir)
{
    const QString clean = QDir::cleanPath(path);
    if (path.isEmpty() || QDir::isAbsolutePath(path) || clean == QLatin1String(".")
        || clean == QLatin1String("..") || clean.startsWith(QLatin1String("../")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a file path inside the project").arg(path), workDir);
    return QString(tree.prefix + clean);
}

QString hex(const git_oid &id)
{
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &id);
    return QString::fromLatin1(text);
}

} // namespace

Result<QList<GitFileStatus>> GitWorktree::status(const QString &workDir)
{
    const LibGit2 library;
    auto opened = openWorktree(workDir);
    HELIOS_TRY(opened);
    const OpenedWorktree &tree = *opened;

    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
                    | GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX
                    | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    // Only the opened directory's part of a larger repository.
    QByteArray pathspec = tree.prefix.toUtf8();
    char *pathspecs[] = {pathspec.data()};
    if (!tree.prefix.isEmpty())
        options.pathspec = {pathspecs, 1};

    git_status_list *raw = nullptr;
    if (git_status_list_new(&raw, tree.repo.get(), &options) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot read the git status"), workDir);
    const StatusList list(raw);

    QList<GitFileStatus> result;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        if (entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED))
            continue;
        const git_diff_delta *delta = entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
        const QString path = QString::fromUtf8(delta->new_file.path);
        if (!path.startsWith(tree.prefix))
            continue;
        GitFileStatus file;
        file.path = path.mid(tree.prefix.size());
        file.state = stateOf(entry->status);
        file.staged = (entry->status & IndexChanges) != 0;
        if (file.state == GitFileStatus::State::Renamed && entry->head_to_index)
            file.oldPath = QString::fromUtf8(entry->head_to_index->old_file.path).mid(tree.prefix.size());
        result.append(file);
    }
    std::sort(result.begin(), result.end(),
              [](const GitFileStatus &a, const GitFileStatus &b) { return a.path < b.path; });
    return result;
}

Result<QString> GitWorktree::commit(const QString &workDir, const QStringList &relativePaths, const QString &message,
                                    const GitClient::Signature &author)
{
    if (message.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the commit message is empty"), workDir);
    if (relativePaths.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no files chosen to commit"), workDir);

    const LibGit2 library;
    auto opened = openWorktree(workDir);
    HELIOS_TRY(opened);
    const OpenedWorktree &worktree = *opened;
    git_repository *repo = worktree.repo.get();

    QStringList paths;
    for (const QString &relative : relativePaths) {
        auto path = repositoryPath(worktree, relative, workDir);
        HELIOS_TRY(path);
        if (!paths.contains(*path))
            paths.append(*path);
    }

    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot open the git index"), workDir);
    const Index repoIndex(rawIndex);

    // The commit's tree is HEAD's with only the chosen paths changed, built in an index of
    // its own so that whatever else is staged stays out of it.
    Commit parent;
    Tree parentTree;
    const int unborn = git_repository_head_unborn(repo);
    if (unborn < 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot read HEAD"), workDir);
    if (unborn == 0) {
        git_object *head = nullptr;
        if (git_revparse_single(&head, repo, "HEAD^{commit}") != 0)
            return git::lastError(ErrorCode::Corrupt, QStringLiteral("cannot read the HEAD commit"), workDir);
        parent.reset(reinterpret_cast<git_commit *>(head));
        git_tree *rawTree = nullptr;
        if (git_commit_tree(&rawTree, parent.get()) != 0)
            return git::lastError(ErrorCode::Corrupt, QStringLiteral("cannot read the HEAD tree"), workDir);
        parentTree.reset(rawTree);
    }
    git_index *rawTreeIndex = nullptr;
    if (git_index_new(&rawTreeIndex) != 0)
        return git::lastError(ErrorCode::Internal, QStringLiteral("cannot create an index"), workDir);
    const Index treeIndex(rawTreeIndex);
    if (parentTree && git_index_read_tree(treeIndex.get(), parentTree.get()) != 0)
        return git::lastError(ErrorCode::Corrupt, QStringLiteral("cannot read the HEAD tree"), workDir);

    for (const QString &path : paths) {
        const QByteArray utf8 = path.toUtf8();
        const QFileInfo file(worktree.root + QLatin1Char('/') + path);
        if (file.exists() || file.isSymLink()) {
            // The repository's index hashes the file with the repository's filters and mode.
            if (git_index_add_bypath(repoIndex.get(), utf8.constData()) != 0)
                return git::lastError(ErrorCode::Io, QStringLiteral("cannot stage %1").arg(path), workDir);
            const git_index_entry *entry = git_index_get_bypath(repoIndex.get(), utf8.constData(), 0);
            if (!entry || git_index_add(treeIndex.get(), entry) != 0)
                return git::lastError(ErrorCode::Internal, QStringLiteral("cannot stage %1").arg(path), workDir);
        } else if (git_index_remove_bypath(repoIndex.get(), utf8.constData()) != 0
                   || git_index_remove_bypath(treeIndex.get(), utf8.constData()) != 0) {
            return git::lastError(ErrorCode::Io, QStringLiteral("cannot stage the deletion of %1").arg(path),
                                  workDir);
        }
    }

    git_oid treeId;
    if (git_index_write_tree_to(&treeId, treeIndex.get(), repo) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot write the tree"), workDir);
    if ((parentTree && git_oid_equal(&treeId, git_tree_id(parentTree.get())))
        || (!parentTree && git_index_entrycount(treeIndex.get()) == 0))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("nothing to commit: the chosen files are unchanged (%1)").arg(paths.join(u", ")),
                         workDir);
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo, &treeId) != 0)
        return git::lastError(ErrorCode::Internal, QStringLiteral("cannot read back the tree"), workDir);
    const Tree tree(rawTree);

    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, author.name.toUtf8().constData(), author.email.toUtf8().constData()) != 0)
        return git::lastError(ErrorCode::InvalidArgument,
                              QStringLiteral("unusable commit author \"%1 <%2>\"").arg(author.name, author.email),
                              workDir);
    const SignaturePtr signature(rawSignature);

    git_buf cleaned = GIT_BUF_INIT;
    if (git_message_prettify(&cleaned, message.toUtf8().constData(), 0, '#') != 0)
        return git::lastError(ErrorCode::InvalidArgument, QStringLiteral("unusable commit message"), workDir);
    const QByteArray text(cleaned.ptr, qsizetype(cleaned.size));
    git_buf_dispose(&cleaned);

    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    if (git_commit_create(&commitId, repo, "HEAD", signature.get(), signature.get(), "UTF-8", text.constData(),
                          tree.get(), parent ? 1 : 0, parents)
        != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot create the commit"), workDir);
    if (git_index_write(repoIndex.get()) != 0)
        return git::lastError(ErrorCode::Io,
                              QStringLiteral("committed %1, but the index could not be written").arg(hex(commitId)),
                              workDir);
    qCDebug(lcIgnition) << "commit" << hex(commitId) << "of" << paths.size() << "path(s) in" << worktree.root;
    return hex(commitId);
}

GitClient::Signature GitWorktree::configuredAuthor(const QString &workDir)
{
    const LibGit2 library;
    GitClient::Signature author;
    auto opened = openWorktree(workDir);
    if (!opened.ok())
        return author;
    git_signature *raw = nullptr;
    if (git_signature_default(&raw, opened->repo.get()) == 0) {
        const SignaturePtr configured(raw);
        author.name = QString::fromUtf8(configured->name);
        author.email = QString::fromUtf8(configured->email);
    }
    return author;
}

} // namespace helios::ignition
