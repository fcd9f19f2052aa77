// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_set.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace helios::slate {

// Reads DTCG token files into one TokenSet. Files are merged in the order they are added:
// a token a later file defines again takes that file's `$value` (and any `$type`,
// `$description`, `$deprecated`, `$extensions` it states) but keeps its place in the order.
// Group `$type`, `$description`... are inherited here; `$extends` is applied by finish().
//
// Problems never stop the read: each file reports all of its errors in one pass, and a
// file that is not JSON is reported and skipped.
class TokenReader {
public:
    TokenReader();
    ~TokenReader();

    // Reads a file from disk; `displayName` labels diagnostics (defaults to the path).
    void addFile(const QString &path, const QString &displayName = {});
    // Reads JSON already in memory.
    void addData(QByteArrayView utf8, const QString &fileName);
    // Reads tokens already parsed (a part of a file, an inline resolver source); the
    // positions in `root` are those of `fileName`.
    void addValue(JsonValue root, const QString &fileName);

    // Applies `$extends` and hands over the merged set (with the reader's diagnostics).
    // Resolve it with TokenResolver before formatting.
    TokenSet finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::slate
