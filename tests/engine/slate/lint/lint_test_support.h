// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"

#include <QByteArray>
#include <QStringList>

namespace helios::slate::test {

// JSON written with single quotes, so fixtures need neither escapes nor raw strings (moc
// mis-reads raw strings holding '#' or '//').
inline QByteArray json(const char *singleQuoted)
{
    QByteArray text(singleQuoted);
    text.replace('\'', '"');
    return text;
}

inline QString lines(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.toString());
    return out.join(QLatin1Char('\n'));
}

} // namespace helios::slate::test
