#include "services/timedepositservice.h"

#include "domain/accountnumber.h"
#include "domain/interest.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/noticerepository.h"
#include "storage/settingsrepository.h"
#include "storage/timedepositrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString actionPlace = u"deposit.place"_s;
const QString actionWithdraw = u"deposit.withdraw"_s;
const QString actionRead = u"account.read"_s;

const QString kindPlacement = u"deposit_placement"_s;
const QString kindEarly = u"deposit_early_withdrawal"_s;
const QString kindMaturity = u"deposit_maturity"_s;
const QString kindInterest = u"interest"_s;

const QString settingMinimum = u"deposit.time_minimum"_s;
const QString settingDemandRate = u"interest.rate_bp.demand"_s;

QString rateSetting(const QString& productCode) { return u"interest.rate_bp."_s + productCode; }

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }
QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }
Money money(qint64 minor, const QString& currency) { return Money(minor, currencyOf(currency)); }

Error accountNotFound(const QString& number)
{
    return Error::notFound(u"account.not_found"_s, u"account"_s,
                           QCoreApplication::translate("cs::TimeDeposits", "There is no account %1.").arg(number));
}

Status requireRequestId(const QString& requestId)
{
    if (requestId.trimmed().isEmpty() || requestId.size() > 64)
        return fail(Error::invalid(u"deposit.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "A time deposit transaction needs a request id of 1 "
                                                               "to 64 characters.")));
    return {};
}

// A demand or corporate account (not a time deposit, a card's own account or an internal one).
bool isSettlementProduct(AccountRepository& accounts, const AccountRecord& a, Error* error)
{
    auto product = accounts.product(a.productCode);
    if (!product) {
        *error = product.error();
        return false;
    }
    return product->has_value() && ((*product)->kind == u"demand"_s || (*product)->kind == u"corporate"_s);
}

// Credits may reach the account: what end of day checks before paying into it.
bool takesCredits(const AccountRecord& a)
{
    return a.state == u"normal"_s || (a.state == u"frozen"_s && a.freezeMode == u"debit"_s);
}

TimeDepositView viewOf(const TimeDepositRecord& d, const QString& number, const QString& payoutNumber)
{
    TimeDepositView v;
    v.account = number;
    v.productCode = d.productCode;
    v.payoutAccount = payoutNumber;
    v.principal = money(d.principal, d.currency);
    v.rateBp = d.rateBp;
    v.termMonths = d.termMonths;
    v.openedOn = d.openedOn;
    v.maturesOn = d.maturesOn;
    v.rollover = d.rollover;
    v.partialOn = d.partialOn;
    v.partialAmount = money(d.partialAmount, d.currency);
    v.terms = d.terms;
    v.state = d.state;
    return v;
}

Result<TimeDepositView> loadView(UnitOfWork& uow, const TimeDepositRecord& d)
{
    AccountRepository accounts(uow);
    auto own = accounts.findById(d.accountId);
    if (!own)
        return fail(own.error());
    auto payout = accounts.findById(d.payoutAccountId);
    if (!payout)
        return fail(payout.error());
    return viewOf(d, own->has_value() ? (*own)->number : QString(), payout->has_value() ? (*payout)->number : QString());
}

QString dateOrNull(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

TimeDepositView viewFromJson(const QJsonObject& o)
{
    const Currency c = currencyOf(o.value(u"currency"_s).toString());
    const auto amount = [&](const QString& key) { return parseAmount(o.value(key).toString(), c).value_or(Money::zero(c)); };
    TimeDepositView v;
    v.account = o.value(u"account"_s).toString();
    v.productCode = o.value(u"product"_s).toString();
    v.payoutAccount = o.value(u"payout_account"_s).toString();
    v.principal = amount(u"principal"_s);
    v.rateBp = o.value(u"rate_bp"_s).toInteger();
    v.termMonths = o.value(u"term_months"_s).toInt();
    v.openedOn = QDate::fromString(o.value(u"opened_on"_s).toString(), Qt::ISODate);
    v.maturesOn = QDate::fromString(o.value(u"matures_on"_s).toString(), Qt::ISODate);
    v.rollover = o.value(u"rollover"_s).toBool();
    v.partialOn = QDate::fromString(o.value(u"partial_on"_s).toString(), Qt::ISODate);
    v.partialAmount = amount(u"partial_amount"_s);
    v.terms = o.value(u"terms"_s).toInt();
    v.state = o.value(u"state"_s).toString();
    return v;
}

DepositMovement movementFromJson(const QJsonObject& o)
{
    const QJsonObject d = o.value(u"deposit"_s).toObject();
    const Currency c = currencyOf(d.value(u"currency"_s).toString());
    const auto amount = [&](const QString& key) { return parseAmount(o.value(key).toString(), c).value_or(Money::zero(c)); };
    DepositMovement m;
    m.txnId = o.value(u"txn_id"_s).toInteger();
    m.kind = o.value(u"kind"_s).toString();
    m.deposit = viewFromJson(d);
    m.amount = amount(u"amount"_s);
    m.interest = amount(u"interest"_s);
    m.interestDays = o.value(u"interest_days"_s).toInteger();
    m.interestRateBp = o.value(u"interest_rate_bp"_s).toInteger();
    m.paid = amount(u"paid"_s);
    m.businessDate = QDate::fromString(o.value(u"business_date"_s).toString(), Qt::ISODate);
    return m;
}

// The customer's account that maturity and withdrawals pay into: the one named, or the source of the
// principal, or the customer's Class I (a person) or corporate account (a company). Never a Class II or
// III account (their inflow limits could refuse a maturity at end of day), never the deposit itself.
Result<AccountRecord> payoutAccountFor(AccountRepository& accounts, const AccountRecord& deposit, const QString& named,
                                       const std::optional<AccountRecord>& source)
{
    const auto eligible = [&](const AccountRecord& a, Error* error) {
        return a.customerId == deposit.customerId && a.id != deposit.id && a.currency == deposit.currency
               && a.state != u"closed"_s && a.accountClass != u"II"_s && a.accountClass != u"III"_s
               && isSettlementProduct(accounts, a, error);
    };
    Error error;
    if (!named.trimmed().isEmpty()) {
        auto number = AccountNumber::normalize(named);
        if (!number)
            return fail(number.error());
        auto found = accounts.findByNumber(*number);
        if (!found)
            return fail(found.error());
        if (!found->has_value())
            return fail(accountNotFound(*number));
        if (!eligible(**found, &error)) {
            if (!error.code.isEmpty())
                return fail(error);
            return fail(Error::refused(u"deposit.payout_account"_s, u"payout"_s,
                                       QCoreApplication::translate("cs::TimeDeposits",
                                                                   "The payout account must be an open Class I "
                                                                   "demand or corporate account of the same customer.")));
        }
        return **found;
    }
    if (source && eligible(*source, &error))
        return *source;
    if (!error.code.isEmpty())
        return fail(error);
    auto all = accounts.listByCustomer(deposit.customerId);
    if (!all)
        return fail(all.error());
    for (const AccountRecord& a : std::as_const(*all)) {
        if ((a.accountClass == u"I"_s || a.accountClass.isEmpty()) && eligible(a, &error))
            return a;
        if (!error.code.isEmpty())
            return fail(error);
    }
    return fail(Error::refused(u"deposit.payout_account"_s, u"payout"_s,
                               QCoreApplication::translate("cs::TimeDeposits",
                                                           "The customer has no open Class I demand or corporate "
                                                           "account for the payout: name one.")));
}

// Interest of the time deposit's current term at its fixed rate.
Result<Money> termInterest(const TimeDepositRecord& d)
{
    return simpleInterest(money(d.principal, d.currency), d.rateBp, interestDays(d.openedOn, d.maturesOn));
}

struct Payout {
    Money principal;
    Money interest;
    qint64 days = 0;
    qint64 rateBp = 0;
};

// Principal and interest of a whole deposit paid out on `payDate` on or after maturity: the term at its
// fixed rate, the days after maturity at the demand rate.
Result<Payout> maturityPayout(const TimeDepositRecord& d, qint64 balance, qint64 demandRateBp, const QDate& payDate)
{
    auto term = termInterest(d);
    if (!term)
        return fail(term.error());
    const qint64 overdue = interestDays(d.maturesOn, payDate);
    auto late = simpleInterest(money(d.principal, d.currency), demandRateBp, overdue);
    if (!late)
        return fail(late.error());
    auto interest = term->plus(*late);
    if (!interest)
        return fail(interest.error());
    return Payout{money(balance, d.currency), *interest, interestDays(d.openedOn, d.maturesOn) + overdue, d.rateBp};
}

// One posting out of the deposit: principal from it, interest from interest expense, both to the payout.
Result<qint64> postOut(UnitOfWork& uow, const Session& session, const QString& requestId, const QString& kind,
                       const TimeDepositRecord& d, const Money& principal, const Money& interest, const QString& memo)
{
    PostingRequest r;
    r.requestId = requestId;
    r.kind = kind;
    r.branchId = session.branchId;
    r.businessDate = session.businessDate;
    r.staffId = session.staffId;
    r.terminal = session.terminal;
    r.memo = memo;
    auto paid = principal.plus(interest);
    if (!paid)
        return fail(paid.error());
    r.lines = {{d.accountId, 'D', principal, {}}, {d.payoutAccountId, 'C', *paid, {}}};
    if (interest.isPositive()) {
        auto ledger = InternalAccounts::ensure(uow, session.branchId, principal.currency());
        if (!ledger)
            return fail(ledger.error());
        const QString interestMemo = QCoreApplication::translate("cs::TimeDeposits", "Interest");
        r.lines.append({ledger->interestExpense, 'D', interest, interestMemo});
    }
    auto posted = PostingEngine::post(uow, r);
    if (!posted)
        return fail(posted.error());
    return posted->txnId;
}

Result<qint64> postInterest(UnitOfWork& uow, const Session& session, const QString& requestId, const TimeDepositRecord& d,
                            const Money& interest, const QString& memo)
{
    auto ledger = InternalAccounts::ensure(uow, session.branchId, interest.currency());
    if (!ledger)
        return fail(ledger.error());
    PostingRequest r;
    r.requestId = requestId;
    r.kind = kindInterest;
    r.branchId = session.branchId;
    r.businessDate = session.businessDate;
    r.staffId = session.staffId;
    r.terminal = session.terminal;
    r.memo = memo;
    r.lines = {{ledger->interestExpense, 'D', interest, {}}, {d.accountId, 'C', interest, {}}};
    auto posted = PostingEngine::post(uow, r);
    if (!posted)
        return fail(posted.error());
    return posted->txnId;
}

Status closeDeposit(UnitOfWork& uow, TimeDepositRecord& d, const QDate& on, qint64 txnId)
{
    d.state = u"closed"_s;
    d.closedOn = on;
    d.closedTxnId = txnId;
    if (auto written = TimeDepositRepository(uow).update(d); !written)
        return written;
    return AccountRepository(uow).setClosed(d.accountId, on);
}

QJsonObject movementJson(const DepositMovement& m, const QString& currency)
{
    QJsonObject deposit = timeDepositJson(m.deposit);
    deposit.insert(u"currency"_s, currency);
    return {{u"txn_id"_s, m.txnId},
            {u"kind"_s, m.kind},
            {u"deposit"_s, deposit},
            {u"amount"_s, plain(m.amount)},
            {u"interest"_s, plain(m.interest)},
            {u"interest_days"_s, m.interestDays},
            {u"interest_rate_bp"_s, m.interestRateBp},
            {u"paid"_s, plain(m.paid)},
            {u"business_date"_s, m.businessDate.toString(Qt::ISODate)}};
}

Result<TimeDepositRecord> lockDeposit(UnitOfWork& uow, const AccountRecord& account)
{
    auto locked = TimeDepositRepository(uow).lock(account.id);
    if (!locked)
        return fail(locked.error());
    if (!locked->has_value())
        return fail(Error::notFound(u"deposit.not_placed"_s, u"account"_s,
                                    QCoreApplication::translate("cs::TimeDeposits",
                                                                "No time deposit was placed into account %1.")
                                        .arg(account.number)));
    if ((*locked)->state == u"closed"_s)
        return fail(Error::refused(u"deposit.closed"_s, u"account"_s,
                                   QCoreApplication::translate("cs::TimeDeposits", "Time deposit %1 is closed.")
                                       .arg(account.number)));
    return **locked;
}

} // namespace

QJsonObject timeDepositJson(const TimeDepositView& v)
{
    return {{u"account"_s, v.account},
            {u"product"_s, v.productCode},
            {u"payout_account"_s, v.payoutAccount},
            {u"currency"_s, v.principal.currency().code()},
            {u"principal"_s, plain(v.principal)},
            {u"rate_bp"_s, v.rateBp},
            {u"term_months"_s, v.termMonths},
            {u"opened_on"_s, dateOrNull(v.openedOn)},
            {u"matures_on"_s, dateOrNull(v.maturesOn)},
            {u"rollover"_s, v.rollover},
            {u"partial_on"_s, v.partialOn.isValid() ? QJsonValue(dateOrNull(v.partialOn)) : QJsonValue()},
            {u"partial_amount"_s, plain(v.partialAmount)},
            {u"terms"_s, v.terms},
            {u"state"_s, v.state}};
}

QJsonObject depositMovementJson(const DepositMovement& m)
{
    QJsonObject o = movementJson(m, m.deposit.principal.currency().code());
    o.insert(u"replayed"_s, m.replayed);
    return o;
}

TimeDepositService::TimeDepositService(Database db) : m_db(std::move(db)) {}

Result<DepositMovement> TimeDepositService::place(const Session& session, const PlaceDepositRequest& request) const
{
    if (request.cash == !request.fromAccount.trimmed().isEmpty())
        return fail(Error::invalid(u"deposit.source"_s, u"from"_s,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "Say where the principal comes from: another account "
                                                               "of the customer, or cash.")));
    if (!request.amount.isPositive())
        return fail(Error::invalid(u"deposit.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "The amount must be greater than zero.")));
    if (auto ok = requireRequestId(request.requestId); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(request.account);
    if (!number)
        return fail(number.error());
    QString fromNumber;
    if (!request.cash) {
        auto from = AccountNumber::normalize(request.fromAccount);
        if (!from) {
            Error e = from.error();
            e.field = u"from"_s;
            return fail(e);
        }
        fromNumber = *from;
    }
    bool ran = false;
    auto result = performAudited(
        m_db, session, {actionPlace, u"account"_s, *number, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            AccountRepository accounts(uow);
            auto locked = accounts.lockByNumber(*number);
            if (!locked)
                return fail(locked.error());
            if (!locked->has_value())
                return fail(accountNotFound(*number));
            const AccountRecord deposit = **locked;
            auto product = accounts.product(deposit.productCode);
            if (!product)
                return fail(product.error());
            if (!deposit.isCustomer() || !product->has_value() || (*product)->kind != u"time"_s)
                return fail(Error::refused(u"deposit.not_time"_s, u"account"_s,
                                           QCoreApplication::translate("cs::TimeDeposits",
                                                                       "Account %1 is not a time deposit account.")
                                               .arg(*number)));
            TimeDepositRepository deposits(uow);
            auto existing = deposits.find(deposit.id);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value() || deposit.balance != 0 || deposit.state != u"normal"_s)
                return fail(Error::refused(u"deposit.already_placed"_s, u"account"_s,
                                           QCoreApplication::translate("cs::TimeDeposits",
                                                                       "The principal of this time deposit was "
                                                                       "placed before.")));
            const QString rateKey = rateSetting(deposit.productCode);
            auto settings = SettingsRepository(uow).integers({settingMinimum, rateKey});
            if (!settings)
                return fail(settings.error());
            if (request.amount.currency().code() != deposit.currency)
                return fail(Error::invalid(u"deposit.amount"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::TimeDeposits", "Account %1 is kept in %2.")
                                               .arg(*number, deposit.currency)));
            const qint64 minimum = settings->value(settingMinimum);
            if (request.amount.minor() < minimum)
                return fail(Error::refused(u"deposit.below_minimum"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::TimeDeposits",
                                                                       "A time deposit is at least %1.")
                                               .arg(formatAmount(money(minimum, deposit.currency)))));
            std::optional<AccountRecord> source;
            if (!request.cash) {
                auto from = accounts.findByNumber(fromNumber);
                if (!from)
                    return fail(from.error());
                if (!from->has_value())
                    return fail(accountNotFound(fromNumber));
                Error error;
                if ((*from)->customerId != deposit.customerId || (*from)->id == deposit.id
                    || !isSettlementProduct(accounts, **from, &error)) {
                    if (!error.code.isEmpty())
                        return fail(error);
                    return fail(Error::refused(u"deposit.from_account"_s, u"from"_s,
                                               QCoreApplication::translate("cs::TimeDeposits",
                                                                           "The principal comes from a demand or "
                                                                           "corporate account of the same customer.")));
                }
                source = **from;
            }
            auto payout = payoutAccountFor(accounts, deposit, request.payoutAccount, source);
            if (!payout)
                return fail(payout.error());

            qint64 txnId = 0;
            QString kind;
            if (request.cash) {
                CashRequest cash{*number, request.amount, request.requestId, request.memo, request.dueDiligence};
                auto receipt = CashService::postIn(uow, session, CashDirection::Deposit, cash, audit);
                if (!receipt)
                    return fail(receipt.error());
                txnId = receipt->value(u"txn_id"_s).toInteger();
                kind = u"cash_deposit"_s;
            } else {
                PostingRequest r;
                r.requestId = request.requestId;
                r.kind = kindPlacement;
                r.branchId = session.branchId;
                r.businessDate = session.businessDate;
                r.staffId = session.staffId;
                r.terminal = session.terminal;
                r.memo = request.memo.trimmed();
                r.lines = {{source->id, 'D', request.amount, {}}, {deposit.id, 'C', request.amount, {}}};
                auto posted = PostingEngine::post(uow, r);
                if (!posted)
                    return fail(posted.error());
                txnId = posted->txnId;
                kind = kindPlacement;
            }
            // The principal is what reached the account (a remote cash fee comes out of a cash deposit).
            auto after = accounts.findById(deposit.id);
            if (!after)
                return fail(after.error());
            TimeDepositRecord d;
            d.accountId = deposit.id;
            d.branchId = deposit.branchId;
            d.productCode = deposit.productCode;
            d.currency = deposit.currency;
            d.principal = after->has_value() ? (*after)->balance : request.amount.minor();
            d.rateBp = settings->value(rateKey);
            d.termMonths = (*product)->termMonths;
            d.openedOn = session.businessDate;
            d.maturesOn = session.businessDate.addMonths(d.termMonths);
            d.rollover = request.rollover;
            d.payoutAccountId = payout->id;
            d.state = u"active"_s;
            d.placedTxnId = txnId;
            if (d.principal < minimum)
                return fail(Error::refused(u"deposit.below_minimum"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::TimeDeposits",
                                                                       "A time deposit is at least %1.")
                                               .arg(formatAmount(money(minimum, deposit.currency)))));
            if (auto inserted = deposits.insert(d); !inserted)
                return fail(inserted.error());
            if (auto matured = deposits.setAccountMaturity(d.accountId, d.maturesOn); !matured)
                return fail(matured.error());
            DepositMovement m;
            m.txnId = txnId;
            m.kind = kind;
            m.deposit = viewOf(d, deposit.number, payout->number);
            m.amount = money(d.principal, d.currency);
            m.interest = Money::zero(m.amount.currency());
            m.paid = Money::zero(m.amount.currency());
            m.businessDate = session.businessDate;
            audit.entityId = deposit.number;
            audit.after = timeDepositJson(m.deposit);
            audit.after.insert(u"txn_id"_s, txnId);
            audit.after.insert(u"source"_s, request.cash ? u"cash"_s : source->number);
            return movementJson(m, d.currency);
        });
    if (!result)
        return fail(result.error());
    DepositMovement m = movementFromJson(*result);
    m.replayed = !ran;
    return m;
}

Result<DepositMovement> TimeDepositService::withdraw(const Session& session, const QString& account,
                                                     const std::optional<Money>& amount, const QString& requestId) const
{
    if (amount && !amount->isPositive())
        return fail(Error::invalid(u"deposit.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "The amount must be greater than zero.")));
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(account);
    if (!number)
        return fail(number.error());
    bool ran = false;
    auto result = performAudited(
        m_db, session, {actionWithdraw, u"account"_s, *number, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            AccountRepository accounts(uow);
            auto found = accounts.findByNumber(*number);
            if (!found)
                return fail(found.error());
            if (!found->has_value())
                return fail(accountNotFound(*number));
            const AccountRecord own = **found;
            auto locked = lockDeposit(uow, own);
            if (!locked)
                return fail(locked.error());
            TimeDepositRecord d = *locked;
            const QJsonObject before = timeDepositJson(viewOf(d, own.number, {}));
            auto settings = SettingsRepository(uow).integers({settingMinimum, settingDemandRate});
            if (!settings)
                return fail(settings.error());
            const qint64 demandRate = settings->value(settingDemandRate);
            const QDate today = session.businessDate;
            const bool matured = today >= d.maturesOn;
            const bool partial = amount && amount->minor() < d.principal;
            if (amount && amount->currency().code() != d.currency)
                return fail(Error::invalid(u"deposit.amount"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::TimeDeposits", "Account %1 is kept in %2.")
                                               .arg(*number, d.currency)));
            if (amount && amount->minor() > d.principal)
                return fail(Error::refused(u"deposit.amount_exceeds"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::TimeDeposits",
                                                                       "The deposit holds %1; no more can be taken.")
                                               .arg(formatAmount(money(d.principal, d.currency)))));
            DepositMovement m;
            m.businessDate = today;
            if (matured) {
                if (partial)
                    return fail(Error::refused(u"deposit.matured"_s, u"amount"_s,
                                               QCoreApplication::translate("cs::TimeDeposits",
                                                                           "The deposit has matured: it is paid out "
                                                                           "whole, not in part.")));
                auto payout = maturityPayout(d, own.balance, demandRate, today);
                if (!payout)
                    return fail(payout.error());
                auto txn = postOut(uow, session, requestId, kindMaturity, d, payout->principal, payout->interest,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "Time deposit paid out at maturity"));
                if (!txn)
                    return fail(txn.error());
                if (auto closed = closeDeposit(uow, d, today, *txn); !closed)
                    return fail(closed.error());
                m.txnId = *txn;
                m.kind = kindMaturity;
                m.amount = payout->principal;
                m.interest = payout->interest;
                m.interestDays = payout->days;
                m.interestRateBp = d.rateBp;
            } else if (partial) {
                if (d.partialOn.isValid())
                    return fail(Error::refused(u"deposit.partial_used"_s, u"amount"_s,
                                               QCoreApplication::translate("cs::TimeDeposits",
                                                                           "The one partial early withdrawal of "
                                                                           "this deposit was made before; only the whole "
                                                                           "deposit can be withdrawn now.")));
                const qint64 minimum = settings->value(settingMinimum);
                if (d.principal - amount->minor() < minimum)
                    return fail(Error::refused(u"deposit.remainder_below_minimum"_s, u"amount"_s,
                                               QCoreApplication::translate("cs::TimeDeposits",
                                                                           "What is left must be at least %1: withdraw "
                                                                           "the whole deposit instead.")
                                                   .arg(formatAmount(money(minimum, d.currency)))));
                const qint64 days = interestDays(d.openedOn, today);
                auto interest = simpleInterest(*amount, demandRate, days);
                if (!interest)
                    return fail(interest.error());
                auto txn = postOut(uow, session, requestId, kindEarly, d, *amount, *interest,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "Partial early withdrawal of a time deposit"));
                if (!txn)
                    return fail(txn.error());
                d.principal -= amount->minor();
                d.partialOn = today;
                d.partialAmount = amount->minor();
                if (auto written = TimeDepositRepository(uow).update(d); !written)
                    return fail(written.error());
                m.txnId = *txn;
                m.kind = kindEarly;
                m.amount = *amount;
                m.interest = *interest;
                m.interestDays = days;
                m.interestRateBp = demandRate;
            } else {
                const qint64 days = interestDays(d.openedOn, today);
                auto interest = simpleInterest(money(d.principal, d.currency), demandRate, days);
                if (!interest)
                    return fail(interest.error());
                auto txn = postOut(uow, session, requestId, kindEarly, d, money(own.balance, d.currency), *interest,
                                   QCoreApplication::translate("cs::TimeDeposits",
                                                               "Early withdrawal of a time deposit"));
                if (!txn)
                    return fail(txn.error());
                if (auto closed = closeDeposit(uow, d, today, *txn); !closed)
                    return fail(closed.error());
                m.txnId = *txn;
                m.kind = kindEarly;
                m.amount = money(own.balance, d.currency);
                m.interest = *interest;
                m.interestDays = days;
                m.interestRateBp = demandRate;
            }
            auto paid = m.amount.plus(m.interest);
            if (!paid)
                return fail(paid.error());
            m.paid = *paid;
            auto view = loadView(uow, d);
            if (!view)
                return fail(view.error());
            m.deposit = *view;
            audit.entityId = own.number;
            audit.before = before;
            audit.after = timeDepositJson(m.deposit);
            audit.after.insert(u"txn_id"_s, m.txnId);
            audit.after.insert(u"interest"_s, plain(m.interest));
            audit.after.insert(u"paid"_s, plain(m.paid));
            return movementJson(m, d.currency);
        });
    if (!result)
        return fail(result.error());
    DepositMovement m = movementFromJson(*result);
    m.replayed = !ran;
    return m;
}

Result<TimeDepositView> TimeDepositService::show(const Session& session, const QString& account) const
{
    auto number = AccountNumber::normalize(account);
    if (!number)
        return fail(number.error());
    std::optional<TimeDepositView> view;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = AccountRepository(uow).findByNumber(*number);
            if (!found)
                return fail(found.error());
            if (!found->has_value())
                return fail(accountNotFound(*number));
            auto d = TimeDepositRepository(uow).find((*found)->id);
            if (!d)
                return fail(d.error());
            if (!d->has_value())
                return fail(Error::notFound(u"deposit.not_placed"_s, u"account"_s,
                                            QCoreApplication::translate("cs::TimeDeposits",
                                                                        "No time deposit was placed into account %1.")
                                                .arg(*number)));
            auto v = loadView(uow, **d);
            if (!v)
                return fail(v.error());
            view = *v;
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return *view;
}

Result<QJsonObject> TimeDepositService::matureDueIn(UnitOfWork& uow, const Session& session, const QDate& nextDate)
{
    TimeDepositRepository deposits(uow);
    auto due = deposits.dueThrough(session.branchId, nextDate);
    if (!due)
        return fail(due.error());
    auto demand = SettingsRepository(uow).integers({settingDemandRate});
    if (!demand)
        return fail(demand.error());
    const qint64 demandRate = demand->value(settingDemandRate);
    AccountRepository accounts(uow);
    NoticeRepository notices(uow);
    int rolled = 0;
    int paidOut = 0;
    int waiting = 0;
    Money total = Money::zero(Currency::cny());
    for (TimeDepositRecord d : std::as_const(*due)) {
        auto own = accounts.findById(d.accountId);
        if (!own)
            return fail(own.error());
        if (!own->has_value())
            continue;
        const AccountRecord account = **own;
        const QDate maturity = d.maturesOn;
        const QString tag = u"%1:%2"_s.arg(d.accountId).arg(maturity.toString(Qt::ISODate));
        QJsonObject payload{{u"account"_s, account.number},
                            {u"matured_on"_s, maturity.toString(Qt::ISODate)},
                            {u"currency"_s, d.currency}};
        if (d.rollover) {
            auto interest = termInterest(d);
            if (!interest)
                return fail(interest.error());
            qint64 txnId = 0;
            if (interest->isPositive()) {
                auto txn = postInterest(uow, session, u"td-rollover:"_s + tag, d, *interest,
                                        QCoreApplication::translate("cs::TimeDeposits",
                                                                    "Time deposit interest, rolled over"));
                if (!txn)
                    return fail(txn.error());
                txnId = *txn;
            }
            auto rate = SettingsRepository(uow).integers({rateSetting(d.productCode)});
            if (!rate)
                return fail(rate.error());
            d.principal += interest->minor();
            d.rateBp = rate->value(rateSetting(d.productCode));
            d.openedOn = maturity;
            d.maturesOn = maturity.addMonths(d.termMonths);
            d.terms += 1;
            d.partialOn = {};
            d.partialAmount = 0;
            d.state = u"active"_s;
            if (auto written = deposits.update(d); !written)
                return fail(written.error());
            if (auto moved = deposits.setAccountMaturity(d.accountId, d.maturesOn); !moved)
                return fail(moved.error());
            payload.insert(u"action"_s, u"rollover"_s);
            payload.insert(u"interest_minor"_s, interest->minor());
            payload.insert(u"principal_minor"_s, d.principal);
            payload.insert(u"rate_bp"_s, d.rateBp);
            payload.insert(u"next_maturity"_s, d.maturesOn.toString(Qt::ISODate));
            if (txnId > 0)
                payload.insert(u"txn_id"_s, txnId);
            if (auto t = total.plus(*interest))
                total = *t;
            ++rolled;
        } else {
            auto payout = accounts.findById(d.payoutAccountId);
            if (!payout)
                return fail(payout.error());
            if (!payout->has_value() || !takesCredits(**payout)) {
                // Paid when the payout account can take it; the days until then earn the demand rate.
                if (d.state != u"matured"_s) {
                    d.state = u"matured"_s;
                    if (auto written = deposits.update(d); !written)
                        return fail(written.error());
                }
                payload.insert(u"action"_s, u"waiting"_s);
                ++waiting;
            } else {
                auto amounts = maturityPayout(d, account.balance, demandRate, nextDate);
                if (!amounts)
                    return fail(amounts.error());
                auto txn = postOut(uow, session, u"td-maturity:"_s + tag, kindMaturity, d, amounts->principal,
                                   amounts->interest,
                                       QCoreApplication::translate("cs::TimeDeposits",
                                                                   "Time deposit paid out at maturity"));
                if (!txn)
                    return fail(txn.error());
                if (auto closed = closeDeposit(uow, d, session.businessDate, *txn); !closed)
                    return fail(closed.error());
                payload.insert(u"action"_s, u"payout"_s);
                payload.insert(u"principal_minor"_s, amounts->principal.minor());
                payload.insert(u"interest_minor"_s, amounts->interest.minor());
                payload.insert(u"payout_account"_s, (*payout)->number);
                payload.insert(u"txn_id"_s, *txn);
                if (auto t = total.plus(amounts->interest))
                    total = *t;
                ++paidOut;
            }
        }
        // One notice per maturity and outcome, when subscribed: a deposit waiting for its payout is told
        // once, and again when it is paid.
        const QString event = u"maturity:%1:%2"_s.arg(maturity.toString(Qt::ISODate), payload.value(u"action"_s).toString());
        auto queued = notices.enqueue({session.branchId, account.id, u"maturity"_s, session.businessDate, event, payload});
        if (!queued)
            return fail(queued.error());
    }
    return QJsonObject{{u"deposits"_s, int(due->size())},
                       {u"rolled_over"_s, rolled},
                       {u"paid_out"_s, paidOut},
                       {u"waiting"_s, waiting},
                       {u"interest"_s, plain(total)}};
}

} // namespace cs
