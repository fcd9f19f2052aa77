// SPDX-License-Identifier: Apache-2.0
#include "slate/diagnostic.h"

#include <algorithm>

namespace helios::slate {

QString Diagnostic::toString() const
{
    QString out = file;
    if (position.isValid())
        out += QLatin1Char(':') + QString::number(position.line) + QLatin1Char(':')
            + QString::number(position.column);
    out += severity == Severity::Error ? QLatin1StringView(": error: ") : QLatin1StringView(": warning: ");
    out += message;
    if (!rule.isEmpty())
        out += QLatin1StringView(" [") + rule + QLatin1Char(']');
    if (!tokenPath.isEmpty())
        out += QLatin1StringView(" [") + tokenPath + QLatin1Char(']');
    if (!expected.isEmpty() || !found.isEmpty()) {
        out += QLatin1StringView(" (");
        if (!expected.isEmpty())
            out += QLatin1StringView("expected ") + expected;
        if (!expected.isEmpty() && !found.isEmpty())
            out += QLatin1StringView(", ");
        if (!found.isEmpty())
            out += QLatin1StringView("found ") + found;
        out += QLatin1Char(')');
    }
    return out;
}

QString diagnosticKindName(Diagnostic::Kind kind)
{
    switch (kind) {
    case Diagnostic::Kind::MalformedJson: return QStringLiteral("malformed-json");
    case Diagnostic::Kind::DuplicateKey: return QStringLiteral("duplicate-key");
    case Diagnostic::Kind::UnknownType: return QStringLiteral("unknown-type");
    case Diagnostic::Kind::MissingType: return QStringLiteral("missing-type");
    case Diagnostic::Kind::BadValue: return QStringLiteral("bad-value");
    case Diagnostic::Kind::InvalidName: return QStringLiteral("invalid-name");
    case Diagnostic::Kind::MissingAliasTarget: return QStringLiteral("missing-alias-target");
    case Diagnostic::Kind::AliasCycle: return QStringLiteral("alias-cycle");
    case Diagnostic::Kind::TypeMismatch: return QStringLiteral("type-mismatch");
    case Diagnostic::Kind::BadExtends: return QStringLiteral("bad-extends");
    case Diagnostic::Kind::BadProperty: return QStringLiteral("bad-property");
    case Diagnostic::Kind::Io: return QStringLiteral("io");
    case Diagnostic::Kind::Lint: return QStringLiteral("lint");
    }
    return {};
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

QJsonObject diagnosticToJson(const Diagnostic &d)
{
    QJsonObject o{{QStringLiteral("file"), d.file},
                  {QStringLiteral("line"), d.position.line},
                  {QStringLiteral("column"), d.position.column},
                  {QStringLiteral("severity"), d.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                  {QStringLiteral("kind"), diagnosticKindName(d.kind)},
                  {QStringLiteral("message"), d.message}};
    if (!d.tokenPath.isEmpty())
        o.insert(QStringLiteral("tokenPath"), d.tokenPath);
    if (!d.expected.isEmpty())
        o.insert(QStringLiteral("expected"), d.expected);
    if (!d.found.isEmpty())
        o.insert(QStringLiteral("found"), d.found);
    return o;
}

QJsonArray diagnosticsToJson(const Diagnostics &diagnostics)
{
    QJsonArray out;
    for (const Diagnostic &d : diagnostics)
        out.append(diagnosticToJson(d));
    return out;
}

} // namespace helios::slate
