// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QByteArray>

namespace helios::slate {

// JSON of the resolved values (their CSS text; numbers and font weights as numbers):
// flat, one member per token named with `options.nameCase`, or nested by token path.
class JsonFormatter {
public:
    static QByteArray flat(const TokenSet &set, const FormatOptions &options);
    static QByteArray nested(const TokenSet &set, const FormatOptions &options);
};

} // namespace helios::slate
