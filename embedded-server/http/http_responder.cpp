// SPDX-License-Identifier: Apache-2.0
#include "http_responder.h"

#include "http_connection.h"
#include "http_responder_state.h"
#include "http_response_writer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace helios::server {

HttpResponder::State::~State()
{
    if (connection)
        connection->release(*this);
}

HttpResponder::HttpResponder(std::shared_ptr<State> state)
    : m_state(std::move(state))
{
}

bool HttpResponder::isOpen() const
{
    return m_state && m_state->connection && m_state->connection->isOpen(*m_state);
}

void HttpResponder::send(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &headers)
{
    if (m_state && m_state->connection)
        m_state->connection->send(*m_state, status, contentType, body, headers);
}

void HttpResponder::sendJson(int status, const QJsonObject &body, const HttpHeaders &headers)
{
    if (m_state && m_state->connection)
        send(status, QByteArrayLiteral("application/json"), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

void HttpResponder::sendError(int status, const QByteArray &code, const QString &message, const HttpHeaders &headers)
{
    if (m_state && m_state->connection)
        send(status, QByteArrayLiteral("application/json"), wire::errorBody(status, code, message), headers);
}

void HttpResponder::begin(int status, const HttpHeaders &headers)
{
    if (m_state && m_state->connection)
        m_state->connection->begin(*m_state, status, headers);
}

void HttpResponder::write(const QByteArray &chunk)
{
    if (m_state && m_state->connection)
        m_state->connection->write(*m_state, chunk);
}

void HttpResponder::end()
{
    if (m_state && m_state->connection)
        m_state->connection->end(*m_state);
}

} // namespace helios::server
