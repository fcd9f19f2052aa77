// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVariant>

namespace helios::data {

// How a parameter is bound, the same way on both back ends. Integers of every width and
// bool are told apart because PostgreSQL has a real boolean (SQLite stores 0/1).
enum class SqlValueKind { Null, Integer, Bool, Double, Text, Bytes, Unsupported };

SqlValueKind sqlValueKind(const QVariant &value);

// The text form of a value whose kind is Text: strings as they are, date/times as
// ISO-8601 (UTC, milliseconds) so they sort and compare the same on both back ends.
QString sqlText(const QVariant &value);

// A statement shortened for error messages: parameters are bound, so the text holds no
// values or secrets, only what the caller wrote.
QString sqlForMessage(const QString &sql);

} // namespace helios::data
