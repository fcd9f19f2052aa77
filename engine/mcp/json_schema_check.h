// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace helios::mcp {

// Checks a value against the subset of JSON Schema (2020-12) the tools' inputSchemas use:
// type (one name or a list), required, properties, additionalProperties: false, enum,
// minLength/maxLength (in Unicode code points, as the standard counts), pattern (searched,
// not anchored, as in ECMA-262: our patterns anchor themselves), items, minItems/maxItems,
// minimum/maximum. Keywords outside it are ignored.
//
// Returns the first problem as "<where>: <what>", where <where> names the argument
// ("files[2].path"), or an empty string when the value conforms.
QString checkAgainstSchema(const QJsonValue &value, const QJsonObject &schema, const QString &where = {});

} // namespace helios::mcp
