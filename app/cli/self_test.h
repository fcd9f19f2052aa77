// SPDX-License-Identifier: Apache-2.0
#pragma once

class QTextStream;

namespace helios::cli {

// `helios --self-test`: opens an engine with every back end embedded in a temporary
// directory and round-trips each one (SQL write/read, cache set/get, an event
// published and received, a blob stored and read back). Exit 0 when all pass.
int runSelfTest(QTextStream &out, QTextStream &err);

} // namespace helios::cli
