// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/source_position.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace helios::slate {

// One problem found in a token file, located precisely enough for an editor to jump to it.
struct Diagnostic {
    enum class Severity { Error, Warning };
    enum class Kind {
        MalformedJson,      // the file is not JSON; reading stops at the first such error
        DuplicateKey,       // the same key twice in one object
        UnknownType,        // `$type` names no type of the format module
        MissingType,        // no `$type` on the token, its groups, or an alias target
        BadValue,           // `$value` does not have the shape its type requires
        InvalidName,        // a token or group name with `.`, `{`, `}` or a leading `$`
        MissingAliasTarget, // `{a.b}` or `$ref` points at no token
        AliasCycle,         // a chain of aliases that comes back to itself
        TypeMismatch,       // an alias points at a token of another type
        BadExtends,         // `$extends` names no group, or groups extend each other in a cycle
        BadProperty,        // `$description`, `$deprecated` ... with the wrong kind of value
        Io,                 // the file could not be read
        Lint,               // a lint rule (see `rule`) or the lint configuration
    };

    Severity severity = Severity::Error;
    Kind kind = Kind::BadValue;
    QString file;
    SourcePosition position;
    QString tokenPath; // empty when the problem is not inside a token
    QString message;
    QString expected;  // what the format requires, when it says
    QString found;     // what the file has
    QString rule;      // the lint rule that reported it ("contrast"); empty for the reader

    bool isError() const { return severity == Severity::Error; }
    // "file:line:column: error: message [rule] [token path] (expected X, found Y)";
    // the rule appears only for lint findings.
    QString toString() const;
};

QString diagnosticKindName(Diagnostic::Kind kind);

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

// {"file", "line", "column", "severity", "kind", "message"[, "tokenPath", "expected",
// "found"]}: the shape `--json` output and the server's API share.
QJsonObject diagnosticToJson(const Diagnostic &diagnostic);
QJsonArray diagnosticsToJson(const Diagnostics &diagnostics);

} // namespace helios::slate
