// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace helios::spark {

// A unified diff ("--- a/<path>", "+++ b/<path>", "@@ -l,s +l,s @@" hunks with `context`
// lines around each change) of two texts, line by line, as `diff -u` and git print it.
// Empty when the texts are equal. An empty `before` diffs as a new file, an empty
// `after` as a deleted one. Myers' O((N+M)·D) algorithm: cheap for the small edits
// between two versions of a component, and never worse than the sizes multiplied.
QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after, int context = 3);

} // namespace helios::spark
