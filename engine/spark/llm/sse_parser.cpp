// SPDX-License-Identifier: Apache-2.0
#include "spark/llm/sse_parser.h"

namespace helios::spark {

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    QList<Event> events;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        // The LF of a CRLF whose CR ended the previous line (possibly in the previous read).
        if (c == '\n' && m_lastWasCr && i == start && m_line.isEmpty()) {
            m_lastWasCr = false;
            start = i + 1;
            continue;
        }
        m_line.append(bytes.sliced(start, i - start));
        line(m_line, events);
        m_line.clear();
        m_lastWasCr = c == '\r';
        start = i + 1;
    }
    if (start < bytes.size()) {
        m_line.append(bytes.sliced(start));
        m_lastWasCr = false;
    }
    return events;
}

QList<SseParser::Event> SseParser::finish()
{
    QList<Event> events;
    if (!m_line.isEmpty()) {
        line(m_line, events);
        m_line.clear();
    }
    line({}, events);
    return events;
}

void SseParser::line(QByteArrayView text, QList<Event> &events)
{
    if (text.isEmpty()) {
        if (m_hasData)
            events.append({m_type.isEmpty() ? QByteArrayLiteral("message") : m_type, m_data});
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        return;
    }
    if (text.front() == ':')
        return;   // a comment
    const qsizetype colon = text.indexOf(':');
    const QByteArrayView field = colon < 0 ? text : text.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    }
    // id and retry do not matter for one request's answer.
}

} // namespace helios::spark
