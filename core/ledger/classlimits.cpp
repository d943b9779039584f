#include "ledger/classlimits.h"

#include "money/amountformat.h"
#include "storage/journalrepository.h"
#include "storage/limitusagerepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString class2DailyIn = u"class2.daily_in"_s;
const QString class2YearlyIn = u"class2.yearly_in"_s;
const QString class2DailyOut = u"class2.daily_out"_s;
const QString class2YearlyOut = u"class2.yearly_out"_s;
const QString class3Cap = u"class3.balance_cap"_s;
const QString class3DailyOut = u"class3.daily_out"_s;
const QString class3YearlyOut = u"class3.yearly_out"_s;

QString amount(qint64 minor, const QString& currency)
{
    const auto c = Currency::fromCode(currency);
    return c ? formatAmount(Money(minor, *c)) : QString::number(minor);
}
qint64 left(qint64 limit, qint64 used) { return std::max<qint64>(limit - used, 0); }

// In and out of the account that count: what does not come from or go to its bound Class I account.
qint64 countedIn(const ClassLimitMove& m) { return std::max<qint64>(m.credits - m.boundDebits, 0); }
qint64 countedOut(const ClassLimitMove& m) { return std::max<qint64>(m.debits - m.boundCredits, 0); }

Error refused(const QString& code, const QString& message) { return Error::refused(code, u"amount"_s, message); }

// One limit on what a Class II/III account takes in or pays out per day or per year.
struct LimitRule {
    const char* code;
    const QString* setting;
    qint64 LimitUsage::*used;
    bool out;
    const char* message; // %1 account, %2 limit, %3 what is left
};

const LimitRule class2Rules[] = {
    {"limit.class2_daily_in", &class2DailyIn, &LimitUsage::dayIn, false,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class II account %1 may take in %2 a day; %3 is left today.")},
    {"limit.class2_yearly_in", &class2YearlyIn, &LimitUsage::yearIn, false,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class II account %1 may take in %2 a year; %3 is left this year.")},
    {"limit.class2_daily_out", &class2DailyOut, &LimitUsage::dayOut, true,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class II account %1 may pay out %2 a day; %3 is left today.")},
    {"limit.class2_yearly_out", &class2YearlyOut, &LimitUsage::yearOut, true,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class II account %1 may pay out %2 a year; %3 is left this year.")},
};
const LimitRule class3Rules[] = {
    {"limit.class3_daily_out", &class3DailyOut, &LimitUsage::dayOut, true,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class III account %1 may pay out %2 a day; %3 is left today.")},
    {"limit.class3_yearly_out", &class3YearlyOut, &LimitUsage::yearOut, true,
     QT_TRANSLATE_NOOP("cs::ClassLimits", "Class III account %1 may pay out %2 a year; %3 is left this year.")},
};

template <std::size_t N>
Status checkRules(const LimitRule (&rules)[N], const ClassLimitMove& m, const LimitUsage& used,
                  const QHash<QString, qint64>& limits)
{
    const AccountRecord& a = m.account;
    for (const LimitRule& rule : rules) {
        const qint64 moved = rule.out ? countedOut(m) : countedIn(m);
        const qint64 limit = limits.value(*rule.setting);
        const qint64 before = used.*rule.used;
        if (moved > 0 && before + moved > limit)
            return fail(refused(QString::fromLatin1(rule.code),
                                QCoreApplication::translate("cs::ClassLimits", rule.message)
                                    .arg(a.number, amount(limit, a.currency), amount(left(limit, before), a.currency))));
    }
    return {};
}

Status checkClassIII(const ClassLimitMove& m, const PostingRequest& r, const LimitUsage& used,
                     const QHash<QString, qint64>& limits)
{
    const AccountRecord& a = m.account;
    if (r.kind == u"cash_deposit"_s || r.kind == u"cash_withdrawal"_s)
        return fail(Error::refused(u"limit.class3_no_cash"_s, u"account"_s,
                                   QCoreApplication::translate("cs::ClassLimits",
                                                               "Account %1 is a Class III account: it takes and pays no cash.")
                                       .arg(a.number)));
    // The balance on its normal side (C for deposits) after this posting; only growth is refused, so a
    // cap lowered below a balance still lets money out.
    const qint64 delta = a.normalSide == u"C"_s ? m.credits - m.debits : m.debits - m.credits;
    const qint64 cap = limits.value(class3Cap);
    if (delta > 0 && a.balance + delta > cap)
        return fail(refused(u"limit.class3_balance_cap"_s,
                            QCoreApplication::translate("cs::ClassLimits",
                                                        "Class III account %1 may hold at most %2; it can take %3 more.")
                                .arg(a.number, amount(cap, a.currency), amount(left(cap, a.balance), a.currency))));
    return checkRules(class3Rules, m, used, limits);
}

} // namespace

bool ClassLimits::applies(const AccountRecord& account)
{
    return account.isCustomer() && (account.accountClass == u"II"_s || account.accountClass == u"III"_s);
}

Status ClassLimits::apply(UnitOfWork& uow, const PostingRequest& r, const QList<ClassLimitMove>& moves)
{
    return run(uow, r, moves, true);
}

Status ClassLimits::check(UnitOfWork& uow, const PostingRequest& r, const QList<ClassLimitMove>& moves)
{
    return run(uow, r, moves, false);
}

Status ClassLimits::run(UnitOfWork& uow, const PostingRequest& r, const QList<ClassLimitMove>& moves, bool record)
{
    if (moves.isEmpty())
        return {};
    // Interest the bank credits (end of day, time deposits) is neither a payment in from someone else nor
    // a deposit the customer makes: it counts against no limit and is not refused by the Class III cap.
    if (r.kind == u"interest"_s)
        return {};
    LimitUsageRepository usage(uow);
    if (r.kind == u"reversal"_s) {
        if (!record)
            return {};
        // The usage of the reversed posting is given back on its own business day and year: the
        // reversal's lines are the original's with the sides swapped.
        auto original = JournalRepository(uow).header(r.reversesTxnId);
        if (!original)
            return fail(original.error());
        const QDate day = original->has_value() ? (*original)->businessDate : r.businessDate;
        for (const ClassLimitMove& m : moves) {
            if (auto given = usage.giveBack(m.account.id, day, countedOut(m), countedIn(m)); !given)
                return given;
        }
        return {};
    }
    auto limits = SettingsRepository(uow).integers(
        {class2DailyIn, class2YearlyIn, class2DailyOut, class2YearlyOut, class3Cap, class3DailyOut, class3YearlyOut});
    if (!limits)
        return fail(limits.error());
    AccountRepository accounts(uow);
    const QDate yearStart(r.businessDate.year(), 1, 1);
    for (const ClassLimitMove& m : moves) {
        auto used = accounts.limitUsage(m.account.id, r.businessDate, yearStart);
        if (!used)
            return fail(used.error());
        const Status ok = m.account.accountClass == u"II"_s ? checkRules(class2Rules, m, *used, *limits)
                                                             : checkClassIII(m, r, *used, *limits);
        if (!ok)
            return ok;
        if (!record)
            continue;
        if (auto added = usage.add(m.account.id, r.businessDate, countedIn(m), countedOut(m)); !added)
            return added;
    }
    return {};
}

} // namespace cs
