// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/json_value.h"

#include <QByteArrayView>
#include <QString>

namespace helios::slate {

// A strict JSON (RFC 8259) reader that records the line and column of every key and value
// and reports duplicate keys. Hand-written because QJsonDocument keeps no positions and
// silently lets a later duplicate win; it is also a single linear pass over the bytes.
//
// A syntax error ends the read (there is no sensible recovery for broken JSON) and is
// returned as a MalformedJson diagnostic; duplicate keys are reported and reading goes on,
// keeping the first occurrence.
class JsonReader {
public:
    struct Result {
        JsonValue root;
        Diagnostics diagnostics;
        bool complete = false; // false when a syntax error stopped the read
        int parts = 1;         // 2 when a large document was read in two parts at once
    };

    // `fileName` only labels the diagnostics.
    static Result parse(QByteArrayView utf8, const QString &fileName);

    // Nesting deeper than this is rejected rather than risking the stack.
    static constexpr int maxDepth = 256;
};

} // namespace helios::slate
