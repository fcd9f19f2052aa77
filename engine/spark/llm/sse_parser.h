// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace helios::spark {

// An incremental reader of Server-Sent Events (the WHATWG event-stream format) as the
// OpenAI-compatible APIs stream them: bytes arrive in arbitrary pieces (an event, even a
// line or a CRLF, may be split across reads); lines end in LF, CRLF or CR; `data:` lines
// of one event join with LF; lines starting with ':' are comments (keep-alives); a blank
// line ends an event. Memory stays bounded by the longest line: complete lines are
// consumed as they arrive.
class SseParser {
public:
    struct Event {
        QByteArray type;   // "message" unless an `event:` field said otherwise
        QByteArray data;
    };

    // The events completed by `bytes`.
    QList<Event> feed(QByteArrayView bytes);
    // At the end of the stream: an event whose final blank line never came.
    QList<Event> finish();
    // Bytes of the line not yet ended, for a caller that caps line length.
    qsizetype pendingBytes() const { return m_line.size(); }

private:
    void line(QByteArrayView text, QList<Event> &events);

    QByteArray m_line;
    bool m_lastWasCr = false;
    QByteArray m_data;
    QByteArray m_type;
    bool m_hasData = false;
};

} // namespace helios::spark
