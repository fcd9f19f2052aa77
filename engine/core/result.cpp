// SPDX-License-Identifier: Apache-2.0
#include "result.h"

namespace helios {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already-exists");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::Unauthenticated: return QStringLiteral("unauthenticated");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case ErrorCode::TooLarge: return QStringLiteral("too-large");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QString Error::toString() const
{
    if (context.isEmpty())
        return message;
    return context + QStringLiteral(": ") + message;
}

} // namespace helios
