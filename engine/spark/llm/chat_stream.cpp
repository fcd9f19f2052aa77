// SPDX-License-Identifier: Apache-2.0
#include "spark/llm/chat_stream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::spark {

namespace {

QString errorText(const QJsonValue &error)
{
    if (error.isObject()) {
        const QJsonObject object = error.toObject();
        const QString message = object.value(QLatin1StringView("message")).toString();
        const QString type = object.value(QLatin1StringView("type")).toString();
        return message.isEmpty() ? QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)).left(300)
                                 : (type.isEmpty() ? message : message + QStringLiteral(" (") + type + QLatin1Char(')'));
    }
    return error.toString().left(300);
}

} // namespace

Result<void> ChatStream::feed(QByteArrayView bytes)
{
    if (m_done)
        return {};   // anything after [DONE] does not matter
    const auto events = m_parser.feed(bytes);
    for (const SseParser::Event &event : events) {
        HELIOS_TRY(handle(event));
        if (m_done)
            return {};
    }
    if (m_parser.pendingBytes() > maxAnswerBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("the model's stream has a line longer than 4 MB"));
    return {};
}

Result<void> ChatStream::finish()
{
    if (m_done)
        return {};
    for (const SseParser::Event &event : m_parser.finish())
        HELIOS_TRY(handle(event));
    return {};
}

Result<void> ChatStream::handle(const SseParser::Event &event)
{
    ++m_events;
    const QByteArray data = event.data.trimmed();
    if (data == "[DONE]") {
        m_done = true;
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the model's stream is not OpenAI-compatible SSE: event %1 is not a JSON object (%2)")
                             .arg(m_events)
                             .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                               : QStringLiteral("not an object")));
    const QJsonObject chunk = document.object();
    if (chunk.contains(QLatin1StringView("error")))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the model reported an error: ") + errorText(chunk.value(QLatin1StringView("error"))));
    const QJsonArray choices = chunk.value(QLatin1StringView("choices")).toArray();
    if (choices.isEmpty())
        return {};   // usage-only chunks and keep-alive objects carry no text
    const QJsonObject choice = choices.first().toObject();
    // delta.content when streaming; message.content or text from servers that send a
    // whole answer in one event.
    QString delta = choice.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("content")).toString();
    if (delta.isEmpty())
        delta = choice.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("content")).toString();
    if (delta.isEmpty())
        delta = choice.value(QLatin1StringView("text")).toString();
    if (!delta.isEmpty()) {
        if ((m_content.size() + delta.size()) * 2 > maxAnswerBytes)
            return makeError(ErrorCode::TooLarge, QStringLiteral("the model's answer is longer than 4 MB"));
        m_content += delta;
        if (m_onDelta)
            m_onDelta(delta);
    }
    const QJsonValue reason = choice.value(QLatin1StringView("finish_reason"));
    if (reason.isString())
        m_finishReason = reason.toString();
    return {};
}

} // namespace helios::spark
