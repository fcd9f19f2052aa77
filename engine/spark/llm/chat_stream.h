// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/llm/sse_parser.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

namespace helios::spark {

// The answer of a streaming /v1/chat/completions call, read as it arrives: each SSE event
// is a JSON chunk whose choices[0].delta.content extends the answer; `data: [DONE]` ends
// it. An event with an "error" object, or data that is not JSON, fails the stream.
class ChatStream {
public:
    static constexpr qsizetype maxAnswerBytes = 4 * 1024 * 1024;

    explicit ChatStream(std::function<void(const QString &)> onDelta = {}) : m_onDelta(std::move(onDelta)) {}

    // Consumes bytes; an error is final.
    Result<void> feed(QByteArrayView bytes);
    // The stream ended (the connection closed): flushes a last unterminated event.
    Result<void> finish();

    const QString &content() const { return m_content; }
    bool done() const { return m_done; }                      // [DONE] seen
    const QString &finishReason() const { return m_finishReason; }
    int events() const { return m_events; }

private:
    Result<void> handle(const SseParser::Event &event);

    std::function<void(const QString &)> m_onDelta;
    SseParser m_parser;
    QString m_content;
    QString m_finishReason;
    bool m_done = false;
    int m_events = 0;
};

} // namespace helios::spark
