// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios::cli {

// Prepares the C heap for a short batch run that allocates tens of megabytes (a token
// build): one large heap reservation backed by transparent huge pages instead of many
// small 4 KiB page faults. Page faults dominated `helios tokens build` on virtual
// machines. A no-op where glibc or THP is unavailable.
void prepareHeapForBatchWork();

} // namespace helios::cli
