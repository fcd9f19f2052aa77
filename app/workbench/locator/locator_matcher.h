// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "locator_entry.h"

#include <QList>
#include <QString>

#include <optional>

namespace helios::workbench {

// What the user typed, split into an optional kind filter and the text to match:
// "> text" actions, "t text" tokens, "c text" components, "f text" files.
struct LocatorQuery {
    std::optional<LocatorEntry::Kind> kind;
    QString text;

    static LocatorQuery parse(const QString &typed);
};

// Ranks entries against a query, case-insensitively. An entry matches if the query's
// characters appear in order in its text (a file's relative path, else its title). Better
// matches come first:
//   1. the name (title) starts with the query;
//   2. the query appears whole at a word start (after '/', '.', '-', '_', ' ', or a
//      lower-to-upper case change);
//   3. it appears whole anywhere;
//   4. its characters appear in order;
// then shorter texts, then alphabetically. An empty query lists entries in their order.
// Entries of disabled or hidden actions are skipped. Linear in the entries (one scan of
// each text) plus a partial sort of the best `limit`.
class LocatorMatcher {
public:
    static constexpr int DefaultLimit = 200;

    // Indexes into `entries`, best first, at most `limit`.
    static QList<int> rank(const QList<LocatorEntry> &entries, const LocatorQuery &query, int limit = DefaultLimit);
};

} // namespace helios::workbench
