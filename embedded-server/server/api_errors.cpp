// SPDX-License-Identifier: Apache-2.0
#include "api_errors.h"

#include "route.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace helios::server {

int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 400;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Timeout:
        return 504;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::TooLarge:
        return 413;
    case ErrorCode::Unsupported:
        return 501;
    case ErrorCode::Corrupt:
    case ErrorCode::Io:
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

void sendEngineError(HttpResponder &responder, const Error &error)
{
    const int status = httpStatus(error.code);
    if (status >= 500) {
        qCWarning(lcServer).noquote() << "request failed:" << error.message << error.context;
        if (status == 500) {
            responder.sendError(status, QByteArrayLiteral("internal"), QStringLiteral("internal error"));
            return;
        }
    }
    responder.sendError(status, errorCodeName(error.code).toLatin1().replace('-', '_'), error.message);
}

std::optional<QJsonObject> jsonObjectBody(RequestContext &context)
{
    const QByteArray type = context.request.header("content-type");
    if (!type.isEmpty() && !type.startsWith("application/json")) {
        context.responder.sendError(415, QByteArrayLiteral("unsupported_media_type"),
                                    QStringLiteral("the body must be application/json"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(context.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        context.responder.sendError(400, QByteArrayLiteral("invalid_json"),
                                    QStringLiteral("malformed JSON at byte %1: %2")
                                        .arg(parseError.offset)
                                        .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        context.responder.sendError(400, QByteArrayLiteral("invalid_body"),
                                    QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

} // namespace helios::server
