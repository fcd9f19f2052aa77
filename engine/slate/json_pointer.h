// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace helios::slate {

class JsonValue;

// JSON Pointers (RFC 6901) as `$ref` fragments use them.
namespace JsonPointer {

// A fragment as a URI carries it: %XX decoded first, then ~1 and ~0 in each segment. An
// empty fragment is the whole document. The DTCG resolver spec's own example writes
// "example.json#sets/MySet" without the leading '/', so that form is read the same way.
// False with `error` on a bad escape.
bool parse(const QString &fragment, QStringList &segments, QString &error);

// The value `segments` lead to from `root`; nullptr with `error` saying where it stopped.
const JsonValue *follow(const JsonValue &root, const QStringList &segments, QString &error);

// "/a/b~1c" for {a, b/c}.
QString text(const QStringList &segments);

} // namespace JsonPointer

} // namespace helios::slate
