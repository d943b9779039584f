#pragma once

#include "storage/databaseurl.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QVariant>

// Values crossing the dialect line: PostgreSQL has DATE, TIMESTAMPTZ and BOOLEAN, while SQLite keeps
// ISO text and 0/1. Bound values use the text forms, which both accept.
namespace cs::sql {

// `one` n times, comma-separated: "?, ?, ?" or "(?, ?), (?, ?)" for an IN or VALUES list of n items.
inline QString placeholders(qsizetype n, const QString& one)
{
    return QStringList(n, one).join(QStringLiteral(", "));
}

inline QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }
inline QString date(const QDate& d) { return d.toString(Qt::ISODate); }
inline QDate toDate(const QVariant& v)
{
    if (v.typeId() == QMetaType::QDate)
        return v.toDate();
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}
inline QDateTime toDateTime(const QVariant& v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::QDateTime)
        return v.toDateTime().toUTC();
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
inline QVariant boolean(bool b, Dialect dialect)
{
    return dialect == Dialect::PostgreSQL ? QVariant(b) : QVariant(b ? 1 : 0);
}

} // namespace cs::sql
