// SPDX-License-Identifier: Apache-2.0
#include "ignition/git_client.h"

#include "core/logging.h"

#include "ignition/libgit2_handles.h"

#include <memory>

namespace helios::ignition {

namespace {

using git::Freer;
using git::LibGit2;
using git::Repository;
using Index = std::unique_ptr<git_index, Freer<git_index, git_index_free>>;
using Tree = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Freer<git_signature, git_signature_free>>;

} // namespace

Result<QString> GitClient::initAndCommit(const QString &workDir, const QString &branch, const Signature &author,
                                         const QString &message)
{
    const LibGit2 library;
    const QByteArray path = workDir.toUtf8();
    const QByteArray head = branch.toUtf8();

    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = head.constData();
    git_repository *rawRepo = nullptr;
    if (git_repository_init_ext(&rawRepo, path.constData(), &options) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("git init failed"), workDir);
    const Repository repo(rawRepo);

    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.get()) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot open the git index"), workDir);
    const Index index(rawIndex);
    if (git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0
        || git_index_write(index.get()) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot stage the files"), workDir);

    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot write the tree"), workDir);
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo.get(), &treeId) != 0)
        return git::lastError(ErrorCode::Internal, QStringLiteral("cannot read back the tree"), workDir);
    const Tree tree(rawTree);

    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, author.name.toUtf8().constData(), author.email.toUtf8().constData()) != 0)
        return git::lastError(ErrorCode::InvalidArgument,
                        QStringLiteral("unusable commit author \"%1 <%2>\"").arg(author.name, author.email), workDir);
    const SignaturePtr signature(rawSignature);

    git_oid commitId;
    if (git_commit_create(&commitId, repo.get(), "HEAD", signature.get(), signature.get(), "UTF-8",
                          message.toUtf8().constData(), tree.get(), 0, nullptr)
        != 0)
        return git::lastError(ErrorCode::Io, QStringLiteral("cannot create the first commit"), workDir);

    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &commitId);
    qCDebug(lcIgnition) << "first commit" << hex << "in" << workDir;
    return QString::fromLatin1(hex);
}

Result<void> GitClient::clone(const QString &url, const QString &directory)
{
    const LibGit2 library;
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    git_repository *rawRepo = nullptr;
    if (git_clone(&rawRepo, url.toUtf8().constData(), directory.toUtf8().constData(), &options) != 0)
        return git::lastError(ErrorCode::Unavailable, QStringLiteral("cannot clone the template repository"), url);
    const Repository repo(rawRepo);
    return {};
}

} // namespace helios::ignition
