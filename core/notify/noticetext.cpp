#include "notify/noticetext.h"

#include "money/amountformat.h"

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// The templates are chosen by the customer's language, so they are not tr() strings (which follow the
// terminal's language); both languages live here, side by side.

QString amount(qint64 minor, const QString& currencyCode, bool zh)
{
    const auto currency = Currency::fromCode(currencyCode);
    if (!currency)
        return u"%1 %2"_s.arg(currencyCode).arg(minor);
    const Money money(minor, *currency);
    if (zh && currencyCode == u"CNY"_s)
        return u"人民币%1元"_s.arg(formatAmount(money));
    return formatAmount(money, {true, true}); // CNY 1,234.50
}

QString localTime(const QDateTime& at, int utcOffsetMinutes, bool zh)
{
    const QDateTime local = at.toOffsetFromUtc(utcOffsetMinutes * 60);
    return zh ? local.toString(u"MM月dd日HH:mm"_s) : local.toString(u"dd/MM HH:mm"_s);
}

QString movement(const NoticeToRender& n, const QString& signature, int offset, bool zh)
{
    const qint64 net = n.payload.value(u"amount_minor"_s).toInteger();
    const QString currency = n.payload.value(u"currency"_s).toString();
    const QString account = maskedAccountNumber(n.accountNumber);
    const QString when = localTime(n.at, offset, zh);
    const QString sum = amount(net < 0 ? -net : net, currency, zh);
    const QString balance = amount(n.payload.value(u"balance_minor"_s).toInteger(), currency, zh);
    if (zh) {
        QString text = u"您的账户%1于%2%3%4"_s.arg(account, when, net < 0 ? u"支出"_s : u"收入"_s, sum);
        if (n.withBalance)
            text += u"，余额%1"_s.arg(balance);
        return text + u"。【%1】"_s.arg(signature);
    }
    QString text = u"[%1] Account %2: %3 of %4 on %5."_s.arg(signature, account, net < 0 ? u"debit"_s : u"credit"_s, sum, when);
    if (n.withBalance)
        text += u" Balance %1."_s.arg(balance);
    return text;
}

QString maturity(const NoticeToRender& n, const QString& signature, bool zh)
{
    const QString account = maskedAccountNumber(n.accountNumber);
    const QString currency = n.payload.value(u"currency"_s).toString();
    const QDate maturedOn = QDate::fromString(n.payload.value(u"matured_on"_s).toString(), Qt::ISODate);
    const QString on = zh ? maturedOn.toString(u"yyyy年M月d日"_s) : maturedOn.toString(u"d MMM yyyy"_s);
    const QString action = n.payload.value(u"action"_s).toString();
    const QString principal = amount(n.payload.value(u"principal_minor"_s).toInteger(), currency, zh);
    const QString interest = amount(n.payload.value(u"interest_minor"_s).toInteger(), currency, zh);
    QString text;
    if (action == u"rollover"_s) {
        const QDate next = QDate::fromString(n.payload.value(u"next_maturity"_s).toString(), Qt::ISODate);
        text = zh ? u"您的定期存款%1已于%2到期，利息%3，已自动转存，新本金%4，下次到期日%5。"_s.arg(
                        account, on, interest, principal, next.toString(u"yyyy年M月d日"_s))
                  : u"Time deposit %1 matured on %2: interest %3, rolled over; new principal %4, next maturity %5."_s.arg(
                        account, on, interest, principal, next.toString(u"d MMM yyyy"_s));
    } else if (action == u"payout"_s) {
        const QString to = maskedAccountNumber(n.payload.value(u"payout_account"_s).toString());
        text = zh ? u"您的定期存款%1已于%2到期，本金%3、利息%4已转入账户%5。"_s.arg(account, on, principal, interest, to)
                  : u"Time deposit %1 matured on %2: principal %3 and interest %4 paid into account %5."_s.arg(
                        account, on, principal, interest, to);
    } else {
        text = zh ? u"您的定期存款%1已于%2到期，请到网点办理支取。"_s.arg(account, on)
                  : u"Time deposit %1 matured on %2. Please visit a branch to collect it."_s.arg(account, on);
    }
    return zh ? text + u"【%1】"_s.arg(signature) : u"[%1] "_s.arg(signature) + text;
}

} // namespace

QString maskedAccountNumber(const QString& number)
{
    return u"****"_s + number.right(4);
}

QString renderNotice(const NoticeToRender& notice, const QString& signature, int utcOffsetMinutes)
{
    const bool zh = notice.language != u"en"_s;
    if (notice.kind == u"maturity"_s)
        return maturity(notice, signature, zh);
    return movement(notice, signature, utcOffsetMinutes, zh);
}

} // namespace cs
