#include "services/eodsteps.h"

#include "domain/interest.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/cardcore.h"
#include "services/internalaccounts.h"
#include "services/merchantservice.h"
#include "services/noticefees.h"
#include "services/timedepositservice.h"
#include "storage/approvalrepository.h"
#include "storage/branchrepository.h"
#include "storage/eodrepository.h"
#include "storage/noticerepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::eod {
namespace {

const QString settingDemandRate = u"interest.rate_bp.demand"_s;
const QString settingPersonTransfers = u"aml.person_transfer_large_value"_s;
const QString settingCompanyTransfers = u"aml.company_transfer_large_value"_s;

// Accounts credited per interest posting: one journal transaction of a few hundred lines keeps a
// statement's parameters well inside both databases' limits, and a quarter's settlement of a hundred
// thousand accounts a few hundred postings instead of a hundred thousand.
constexpr qsizetype interestAccountsPerPosting = 400;

QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }

Error mismatch(const QString& message)
{
    return Error::refused(u"eod.ledger_mismatch"_s, u"account"_s, message);
}

} // namespace

const QStringList& stepKeys()
{
    static const QStringList keys = {u"check"_s,         u"expire"_s,   u"accrue_interest"_s, u"mature_deposits"_s,
                                     u"settle_merchants"_s, u"large_value"_s, u"notices"_s,      u"verify_ledger"_s,
                                     u"close_day"_s,     u"settle_interest"_s};
    return keys;
}

QString stepLabel(const QString& key)
{
    static const QHash<QString, const char*> labels = {
        {u"check"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Check that nothing is open or pending")},
        {u"expire"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Expire lapsed card loss reports")},
        {u"accrue_interest"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Accrue demand interest")},
        {u"mature_deposits"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Mature time deposits")},
        {u"settle_merchants"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Settle merchants")},
        {u"large_value"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Large-value transfer reports")},
        {u"notices"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Queue customer notices")},
        {u"verify_ledger"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Verify the ledger")},
        {u"close_day"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Close the business day")},
        {u"settle_interest"_s, QT_TRANSLATE_NOOP("cs::EndOfDay", "Settle demand interest")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : QCoreApplication::translate("cs::EndOfDay", it.value());
}

Result<QList<EodBlocker>> blockersIn(UnitOfWork& uow, qint64 branchId)
{
    QList<EodBlocker> blockers;
    auto boxes = EodRepository(uow).openCashBoxes(branchId);
    if (!boxes)
        return fail(boxes.error());
    for (const OpenCashBoxRecord& box : std::as_const(*boxes))
        blockers.append({u"cashbox"_s, box.sessionId,
                         QCoreApplication::translate("cs::EndOfDay", "Cash box of %1 (%2) is open")
                             .arg(box.fullName, box.login)});
    ApprovalRepository approvals(uow);
    ApprovalQuery query;
    query.branchId = branchId;
    query.state = u"pending"_s;
    query.limit = 1000;
    auto pending = approvals.list(query);
    if (!pending)
        return fail(pending.error());
    for (const ApprovalRecord& a : std::as_const(*pending))
        blockers.append({u"approval"_s, a.id,
                         QCoreApplication::translate("cs::EndOfDay", "Approval %1: %2 by %3")
                             .arg(a.id)
                             .arg(a.action, a.makerLogin)});
    return blockers;
}

Error blockedError(const QList<EodBlocker>& blockers)
{
    QStringList lines;
    for (const EodBlocker& b : blockers)
        lines.append(b.description);
    return Error::refused(u"eod.blocked"_s, {},
                          QCoreApplication::translate("cs::EndOfDay",
                                                      "The business day cannot be closed while cash boxes are open or "
                                                      "approvals are pending: %1.")
                              .arg(lines.join(u"; "_s)));
}

Result<QJsonObject> check(UnitOfWork& uow, const Session& session)
{
    auto blockers = blockersIn(uow, session.branchId);
    if (!blockers)
        return fail(blockers.error());
    if (!blockers->isEmpty())
        return fail(blockedError(*blockers));
    if (auto marked = EodRepository(uow).markClosing(session.branchId, session.businessDate); !marked)
        return fail(marked.error());
    return QJsonObject{{u"cash_boxes"_s, 0}, {u"approvals"_s, 0}};
}

Result<QJsonObject> expire(UnitOfWork& uow, const Session& session)
{
    auto day = cards::today(uow, session);
    if (!day)
        return fail(day.error());
    auto candidates = EodRepository(uow).oralLossCardsBefore(session.branchId, day->businessDate);
    if (!candidates)
        return fail(candidates.error());
    int lapsed = 0;
    for (qint64 id : std::as_const(*candidates)) {
        // The card service's own rule stores a lapsed report back and audits it (card.loss_lapse).
        auto card = cards::lockForCommand(uow, session, id, *day);
        if (!card)
            return fail(card.error());
        if (card->state != u"lost_oral"_s)
            ++lapsed;
    }
    // Approvals of the day still pending cannot exist here: the check refused them.
    return QJsonObject{{u"oral_loss_reports_lapsed"_s, lapsed}};
}

Result<QJsonObject> accrueInterest(UnitOfWork& uow, const Session& session)
{
    EodRepository eod(uow);
    auto opened = eod.openProducts(session.branchId, session.businessDate);
    if (!opened)
        return fail(opened.error());
    auto accrued = eod.accrue(session.branchId, session.businessDate);
    if (!accrued)
        return fail(accrued.error());
    return QJsonObject{{u"accounts"_s, *accrued}, {u"new_accounts"_s, *opened}};
}

Result<QJsonObject> matureDeposits(UnitOfWork& uow, const Session& session, const QDate& nextDate)
{
    return TimeDepositService::matureDueIn(uow, session, nextDate);
}

Result<QJsonObject> settleMerchants(UnitOfWork& uow, const Session& session)
{
    return MerchantService::settleDueIn(uow, session, session.businessDate);
}

Result<QJsonObject> largeValue(UnitOfWork& uow, const Session& session)
{
    auto thresholds = SettingsRepository(uow).integers({settingPersonTransfers, settingCompanyTransfers});
    if (!thresholds)
        return fail(thresholds.error());
    auto entries = EodRepository(uow).insertTransferLargeValues(session.branchId, session.businessDate,
                                                                thresholds->value(settingPersonTransfers),
                                                                thresholds->value(settingCompanyTransfers));
    if (!entries)
        return fail(entries.error());
    return QJsonObject{{u"entries"_s, *entries}};
}

Result<QJsonObject> notices(UnitOfWork& uow, const Session& session)
{
    // Movements queue their notices as they post and maturities as they mature (both only when subscribed):
    // this step records what the day queued, per kind.
    // The month's package fees first: their debits are movements too.
    auto fees = chargeNoticePackages(uow, session);
    if (!fees)
        return fail(fees.error());
    auto queued = NoticeRepository(uow).queuedOn(session.branchId, session.businessDate);
    if (!queued)
        return fail(queued.error());
    return QJsonObject{{u"movements"_s, queued->value(u"movement"_s)},
                       {u"maturities"_s, queued->value(u"maturity"_s)},
                       {u"package_fees"_s, *fees}};
}

Result<QJsonObject> verifyLedger(UnitOfWork& uow, const Session& session)
{
    EodRepository eod(uow);
    for (const QDate& date : {session.businessDate, QDate()}) {
        auto unbalanced = eod.unbalancedCurrency(session.branchId, date);
        if (!unbalanced)
            return fail(unbalanced.error());
        if (unbalanced->has_value())
            return fail(mismatch(date.isValid()
                                     ? QCoreApplication::translate("cs::EndOfDay",
                                                                   "The journal of %1 does not balance in %2: debits and "
                                                                   "credits differ.")
                                           .arg(date.toString(Qt::ISODate), **unbalanced)
                                     : QCoreApplication::translate("cs::EndOfDay",
                                                                   "The branch's journal does not balance in %1: debits "
                                                                   "and credits differ.")
                                           .arg(**unbalanced)));
    }
    auto first = eod.firstBalanceMismatch(session.branchId);
    if (!first)
        return fail(first.error());
    if (first->has_value()) {
        const LedgerMismatch& m = **first;
        return fail(mismatch(QCoreApplication::translate("cs::EndOfDay",
                                                         "The balance of account %1 (%2) is not the sum of its journal "
                                                         "lines (%3).")
                                 .arg(m.number, formatAmount(Money(m.balance, Currency::cny())),
                                      formatAmount(Money(m.journal, Currency::cny())))));
    }
    auto accounts = eod.rowAccountCount(session.branchId);
    if (!accounts)
        return fail(accounts.error());
    auto lines = eod.journalLineCount(session.branchId, session.businessDate);
    if (!lines)
        return fail(lines.error());
    return QJsonObject{{u"accounts"_s, *accounts}, {u"day_lines"_s, *lines}, {u"balanced"_s, true}};
}

Result<QJsonObject> closeDay(UnitOfWork& uow, const Session& session, const QDate& nextDate)
{
    if (auto moved = BranchRepository(uow).advanceBusinessDate(session.branchId, session.businessDate, nextDate,
                                                               session.staffId);
        !moved)
        return fail(moved.error());
    return QJsonObject{{u"closed"_s, session.businessDate.toString(Qt::ISODate)},
                       {u"business_date"_s, nextDate.toString(Qt::ISODate)}};
}

Result<QJsonObject> settleInterest(UnitOfWork& uow, const Session& session, const QDate& closedDate)
{
    if (!isDemandSettlementDay(closedDate))
        return QJsonObject{{u"skipped"_s, true}};
    EodRepository eod(uow);
    auto rate = SettingsRepository(uow).integers({settingDemandRate});
    if (!rate)
        return fail(rate.error());
    const qint64 rateBp = rate->value(settingDemandRate);
    auto due = eod.productsDue(session.branchId);
    if (!due)
        return fail(due.error());
    auto ledger = InternalAccounts::ensure(uow, session.branchId);
    if (!ledger)
        return fail(ledger.error());

    // interestOnProduct per account, credited in postings of a few hundred accounts each, every one
    // balanced by the branch's interest expense.
    Money total = Money::zero(Currency::cny());
    int credited = 0;
    int postings = 0;
    QList<PostingLine> lines;
    Money chunkTotal = Money::zero(Currency::cny());
    const QString memo = QCoreApplication::translate("cs::EndOfDay", "Demand interest to %1")
                             .arg(closedDate.toString(Qt::ISODate));
    const auto flush = [&]() -> Status {
        if (lines.isEmpty())
            return {};
        PostingRequest r;
        r.requestId = u"eod-interest:%1:%2:%3"_s.arg(session.branchId).arg(closedDate.toString(Qt::ISODate)).arg(++postings);
        r.kind = u"interest"_s;
        r.branchId = session.branchId;
        r.businessDate = session.businessDate;
        r.staffId = session.staffId;
        r.terminal = session.terminal;
        r.memo = memo;
        r.lines = lines;
        r.lines.prepend({ledger->interestExpense, 'D', chunkTotal, {}});
        auto posted = PostingEngine::post(uow, r);
        if (!posted)
            return fail(posted.error());
        lines.clear();
        chunkTotal = Money::zero(Currency::cny());
        return {};
    };
    for (const ProductDue& p : std::as_const(*due)) {
        if (p.currency != Currency::cny().code())
            continue; // demand products are CNY; another currency has no rate here
        auto interest = interestOnProduct(p.product, rateBp);
        if (!interest)
            return fail(interest.error());
        if (!interest->isPositive())
            continue;
        lines.append({p.accountId, 'C', *interest, {}});
        auto sum = chunkTotal.plus(*interest);
        auto all = total.plus(*interest);
        if (!sum || !all)
            return fail(!sum ? sum.error() : all.error());
        chunkTotal = *sum;
        total = *all;
        ++credited;
        if (lines.size() >= interestAccountsPerPosting) {
            if (auto flushed = flush(); !flushed)
                return fail(flushed.error());
        }
    }
    if (auto flushed = flush(); !flushed)
        return fail(flushed.error());
    auto reset = eod.resetProducts(session.branchId, session.businessDate);
    if (!reset)
        return fail(reset.error());
    return QJsonObject{{u"accounts"_s, credited},
                       {u"interest"_s, plain(total)},
                       {u"rate_bp"_s, rateBp},
                       {u"postings"_s, postings},
                       {u"products_reset"_s, *reset}};
}

} // namespace cs::eod
