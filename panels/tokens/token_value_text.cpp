// SPDX-License-Identifier: Apache-2.0
#include "token_value_text.h"

#include "slate/json_reader.h"
#include "slate/json_value.h"

namespace helios::panels {

QString TokenValueText::editText(const slate::JsonValue &value)
{
    return value.isString() ? value.toString() : value.toJsonText();
}

QString TokenValueText::toJson(const QString &editText)
{
    const QString trimmed = editText.trimmed();
    const QByteArray utf8 = trimmed.toUtf8();
    // Cheap first check: only these can start a JSON value that is not a bare word.
    const QChar first = trimmed.isEmpty() ? QChar() : trimmed.front();
    const bool maybeJson = first == QLatin1Char('"') || first == QLatin1Char('[') || first == QLatin1Char('-')
                           || first.isDigit() || trimmed.startsWith(QLatin1StringView("{\""))
                           || trimmed.startsWith(QLatin1StringView("{ ")) || trimmed == QLatin1StringView("true")
                           || trimmed == QLatin1StringView("false") || trimmed == QLatin1StringView("null");
    if (maybeJson) {
        const auto parsed = slate::JsonReader::parse(utf8, {});
        if (parsed.complete && !slate::hasErrors(parsed.diagnostics))
            return trimmed;
    }
    QString out;
    slate::appendJsonString(out, trimmed);
    return out;
}

} // namespace helios::panels
