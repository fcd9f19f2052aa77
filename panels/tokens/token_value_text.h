// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::slate {
class JsonValue;
}

namespace helios::panels {

// How the panel shows a `$value` for editing, and back. A string value is shown without
// quotes ("#ff0000", "16px", "{color.red}"); anything else as compact JSON. Text typed
// back is taken as JSON when it is JSON (400, {"value": 4, "unit": "px"}, "quoted") and
// as a string otherwise, so the common cases need no quotes.
class TokenValueText {
public:
    static QString editText(const slate::JsonValue &value);
    static QString toJson(const QString &editText);
};

} // namespace helios::panels
