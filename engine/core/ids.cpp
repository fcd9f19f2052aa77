// SPDX-License-Identifier: Apache-2.0
#include "ids.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUuid>

namespace helios {

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QString sha256Digest(const QByteArray &bytes)
{
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

} // namespace helios
