// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QByteArray>

namespace helios::slate {

// A TypeScript module `export const tokens = { ... } as const;` (values as their CSS text;
// numbers and font weights as numbers) and the matching declaration file, both with the
// `Tokens` and `TokenName` types. Keys use `options.nameCase` (camelCase is usual).
class TypeScriptFormatter {
public:
    static QByteArray module(const TokenSet &set, const FormatOptions &options);
    static QByteArray declarations(const TokenSet &set, const FormatOptions &options);
};

} // namespace helios::slate
