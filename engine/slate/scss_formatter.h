// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QByteArray>

namespace helios::slate {

// SCSS variables, `$name: value;`, in set order. With `outputReferences`, aliases to
// tokens written earlier become `$name`; forward references are written resolved.
class ScssFormatter {
public:
    static QByteArray format(const TokenSet &set, const FormatOptions &options);
};

} // namespace helios::slate
