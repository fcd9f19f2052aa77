// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"

#include <QByteArrayView>

namespace helios::ignis {

// Reads what the esbuild CLI prints on stderr with --color=false:
//
//   ✘ [ERROR] Could not resolve "nope"
//
//       src/c.tsx:2:7:
//         2 │ import "nope";
//           ╵        ~~~~~~
//
//     You can mark the path "nope" as external to exclude it from the bundle, ...
//
// into messages with 1-based line and column (esbuild prints 0-based columns). Lines it
// does not recognise are ignored, so a newer esbuild that adds decoration still parses.
BuildMessages parseEsbuildMessages(QByteArrayView stderrText);

} // namespace helios::ignis
