// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"

#include <QString>

namespace helios::slate {

// Turns a token path into an output name. Each path segment is split into words at
// non-alphanumerics and at lower-to-upper case changes ("fontSize" -> font, size); a
// `$root` segment is dropped, so "accent.$root" names the group itself ("accent").
class NameTransform {
public:
    static QString apply(const QString &path, NameCase nameCase, const QString &prefix = {});
    // The same name appended to `out`: formatters write every token's name, and a
    // temporary string per name was a large part of their time.
    static void appendTo(QString &out, const QString &path, NameCase nameCase, const QString &prefix = {});
};

} // namespace helios::slate
