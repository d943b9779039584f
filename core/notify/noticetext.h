#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cs {

// A queued notice with what its text needs.
struct NoticeToRender {
    QString kind;              // movement, maturity
    QString language;          // zh_CN, en: the customer's choice, not the terminal's
    bool withBalance = false;
    QJsonObject payload;       // as queued (amounts in minor units)
    QString accountNumber;
    QDateTime at;              // when the event happened (the notice's creation), UTC
};

// The message text in the customer's language: the masked account number, the amount, the balance when
// subscribed and the local time (UTC + utcOffsetMinutes, China 480), signed 【signature】 as Chinese SMS
// rules require. Deterministic: the same notice renders the same text on every sender.
QString renderNotice(const NoticeToRender& notice, const QString& signature, int utcOffsetMinutes);

// ****1234: what a message or a list shows of an account number.
QString maskedAccountNumber(const QString& number);

} // namespace cs
