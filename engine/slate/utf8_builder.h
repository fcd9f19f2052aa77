// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace helios::slate {

// An output written as UTF-16 (what the formatters' QString helpers append to) and kept
// as UTF-8, converted a chunk at a time. A large output never exists whole in both
// encodings, and each chunk is converted while it is still in cache: at 10,000 tokens a
// CSS and a TypeScript output no longer touch 1.4 MB of fresh memory for their UTF-16.
class Utf8Builder {
public:
    // `expectedBytes`: a guess of the whole output's size, reserved up front.
    explicit Utf8Builder(qsizetype expectedBytes);

    // Where to append. Call flushIfFull() between whole entries, never inside one, so a
    // chunk never ends inside a surrogate pair.
    QString &text() { return m_text; }
    void flushIfFull()
    {
        if (m_text.size() >= chunkSize)
            flush();
    }
    // All of the output, as UTF-8.
    QByteArray take();

private:
    static constexpr qsizetype chunkSize = 16 * 1024;
    void flush();

    QString m_text;
    QByteArray m_utf8;
};

} // namespace helios::slate
