// SPDX-License-Identifier: Apache-2.0
#include "ids.h"

#include "core/sha256.h"

#include <QDateTime>
#include <QUuid>

namespace helios {

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QString sha256Digest(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hexHash(bytes));
}

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

} // namespace helios
