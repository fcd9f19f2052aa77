// SPDX-License-Identifier: Apache-2.0
#include "sql_value.h"

#include <QDateTime>
#include <QUuid>

namespace helios::data {

SqlValueKind sqlValueKind(const QVariant &value)
{
    if (value.isNull())
        return SqlValueKind::Null;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return SqlValueKind::Bool;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return SqlValueKind::Integer;
    case QMetaType::Double:
    case QMetaType::Float:
        return SqlValueKind::Double;
    case QMetaType::QByteArray:
        return SqlValueKind::Bytes;
    case QMetaType::QString:
    case QMetaType::QDateTime:
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QUuid:
    case QMetaType::QUrl:
    case QMetaType::QChar:
        return SqlValueKind::Text;
    default:
        return SqlValueKind::Unsupported;
    }
}

QString sqlText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QUuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    default:
        return value.toString();
    }
}

QString sqlForMessage(const QString &sql)
{
    constexpr int Limit = 160;
    QString shown = sql.simplified();
    if (shown.size() > Limit) {
        shown.truncate(Limit);
        shown += QStringLiteral("…");
    }
    return shown;
}

} // namespace helios::data
