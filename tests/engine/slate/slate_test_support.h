// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/source_position.h"

#include <QByteArray>
#include <QTest>

namespace helios::slate {
// Lets QCOMPARE print positions as "line:column".
inline char *toString(const SourcePosition &p)
{
    const QByteArray text = QByteArray::number(p.line) + ':' + QByteArray::number(p.column);
    return qstrdup(text.constData());
}
} // namespace helios::slate

#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QFile>
#include <QStringList>

namespace helios::slate::test {

// Reads in-memory files named "a.json", "b.json"... in order and resolves them.
inline TokenSet readAndResolve(const QList<QByteArray> &files)
{
    TokenReader reader;
    char name = 'a';
    for (const QByteArray &json : files)
        reader.addData(json, QString(QLatin1Char(name++)) + QStringLiteral(".json"));
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    return set;
}

inline TokenSet readAndResolve(const QByteArray &json)
{
    return readAndResolve(QList<QByteArray>{json});
}

inline QStringList diagnosticLines(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines;
}

inline QString allDiagnostics(const Diagnostics &diagnostics)
{
    return diagnosticLines(diagnostics).join(QLatin1Char('\n'));
}

inline QString allDiagnostics(const TokenSet &set)
{
    return allDiagnostics(set.diagnostics());
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace helios::slate::test
