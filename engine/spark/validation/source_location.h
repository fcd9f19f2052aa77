// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace helios::spark {

// Offsets in a file's text to 1-based line:column, for findings an editor can jump to.
// Built once per file; each lookup is a binary search, so a file with many findings
// stays linear-ish rather than rescanning from the start for each.
class LineIndex {
public:
    explicit LineIndex(const QString &text)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\n'))
                m_starts.append(i + 1);
        }
    }
    int line(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
        return int(it - m_starts.cbegin());
    }
    int column(qsizetype offset) const { return int(offset - m_starts.at(line(offset) - 1)) + 1; }

private:
    QList<qsizetype> m_starts;
};

} // namespace helios::spark
