// SPDX-License-Identifier: Apache-2.0
#include "git_commits.h"

#include <QDebug>

#include <git2.h>

namespace helios::test {

QString commitAll(const QString &workDir, const QString &message)
{
    git_libgit2_init();
    git_repository *repo = nullptr;
    git_index *index = nullptr;
    git_tree *tree = nullptr;
    git_signature *signature = nullptr;
    git_commit *parent = nullptr;
    git_oid treeId;
    git_oid parentId;
    git_oid commitId;
    QString id;
    const bool ok = git_repository_open(&repo, workDir.toUtf8().constData()) == 0
                    && git_repository_index(&index, repo) == 0
                    && git_index_add_all(index, nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) == 0
                    && git_index_write(index) == 0 && git_index_write_tree(&treeId, index) == 0
                    && git_tree_lookup(&tree, repo, &treeId) == 0
                    && git_signature_now(&signature, "Test", "test@localhost") == 0
                    && git_reference_name_to_id(&parentId, repo, "HEAD") == 0
                    && git_commit_lookup(&parent, repo, &parentId) == 0;
    const git_commit *parents[] = {parent};
    if (ok
        && git_commit_create(&commitId, repo, "HEAD", signature, signature, "UTF-8", message.toUtf8().constData(), tree,
                             1, parents)
               == 0) {
        char text[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(text, sizeof text, &commitId);
        id = QString::fromLatin1(text);
    } else {
        const git_error *error = git_error_last();
        qWarning() << "commit in" << workDir << "failed:" << (error && error->message ? error->message : "unknown");
    }
    git_commit_free(parent);
    git_signature_free(signature);
    git_tree_free(tree);
    git_index_free(index);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return id;
}

} // namespace helios::test
