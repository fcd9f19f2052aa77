// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios::slate {

// A place in a source file. Both are 1-based; 0 means "unknown". The column counts
// Unicode code points from the start of the line, which is what editors show.
struct SourcePosition {
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

} // namespace helios::slate
