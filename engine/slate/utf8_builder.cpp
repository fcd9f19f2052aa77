// SPDX-License-Identifier: Apache-2.0
#include "slate/utf8_builder.h"

#include <QStringEncoder>

namespace helios::slate {

Utf8Builder::Utf8Builder(qsizetype expectedBytes)
{
    m_text.reserve(chunkSize + 1024);  // an entry may end past the chunk size
    m_utf8.reserve(expectedBytes);
}

void Utf8Builder::flush()
{
    if (m_text.isEmpty())
        return;
    QStringEncoder encoder(QStringEncoder::Utf8);
    const qsizetype at = m_utf8.size();
    m_utf8.resize(at + encoder.requiredSpace(m_text.size()));
    const char *end = encoder.appendToBuffer(m_utf8.data() + at, m_text);
    m_utf8.truncate(end - m_utf8.constData());
    m_text.truncate(0);  // keeps its buffer for the next chunk
}

QByteArray Utf8Builder::take()
{
    flush();
    return std::move(m_utf8);
}

} // namespace helios::slate
