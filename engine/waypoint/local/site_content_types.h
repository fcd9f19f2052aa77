// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QStringView>

namespace helios::waypoint {

// The Content-Type a static site's file is served with, from its extension (the types
// a built web site ships: markup, styles, scripts, source maps, images, fonts, wasm).
// Text types carry "; charset=utf-8"; anything unknown is application/octet-stream.
QByteArray siteContentType(QStringView fileName);

} // namespace helios::waypoint
