#include "services/cashservice.h"

#include "approvals/approvalservice.h"
#include "domain/accountnumber.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/cardcore.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/cashrepository.h"
#include "storage/journalrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Action names of the permissions table (0002).
const QString actionDeposit = u"cash.deposit"_s;
const QString actionWithdraw = u"cash.withdraw"_s;
const QString actionRead = u"account.read"_s;

const QString kindDeposit = u"cash_deposit"_s;
const QString kindWithdrawal = u"cash_withdrawal"_s;

const QString settingLargeValue = u"aml.cash_large_value"_s;
const QString settingTellerMax = u"limits.teller_single_max"_s;

const QString& actionOf(CashDirection d) { return d == CashDirection::Deposit ? actionDeposit : actionWithdraw; }
const QString& kindOf(CashDirection d) { return d == CashDirection::Deposit ? kindDeposit : kindWithdrawal; }
// The side of the customer's account: a deposit credits it, a withdrawal debits it.
QString customerSide(CashDirection d) { return d == CashDirection::Deposit ? u"C"_s : u"D"_s; }
QString directionKey(CashDirection d) { return d == CashDirection::Deposit ? u"deposit"_s : u"withdrawal"_s; }
QString flowKey(CashDirection d) { return d == CashDirection::Deposit ? u"in"_s : u"out"_s; }

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }
QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }

// The fee of a cash transaction, in one place: the remote (异地) fee when the counter is in another city
// than the account's branch (DOMAIN: cards; settings cards.remote_fee.*), the same for deposits and
// withdrawals. It is charged to the account in the same posting: on top of a withdrawal, out of the
// account after a deposit.
Result<Money> cashFee(UnitOfWork& uow, const Session& session, const AccountRecord& account, const QDate& businessDate,
                      const Money& amount)
{
    return cards::remoteCashFee(uow, session, account.id, account.branchId, businessDate, amount);
}

Error accountNotFound(const QString& number)
{
    return Error::notFound(u"account.not_found"_s, u"account"_s,
                           QCoreApplication::translate("cs::CashService", "There is no account %1.").arg(number));
}

Status requireRequestId(const QString& requestId)
{
    if (requestId.trimmed().isEmpty() || requestId.size() > 64)
        return fail(Error::invalid(u"cash.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::CashService",
                                                               "A cash transaction needs a request id of 1 to 64 "
                                                               "characters.")));
    return {};
}

Status requireAmount(const Money& amount)
{
    if (!amount.isPositive())
        return fail(Error::invalid(u"cash.amount"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::CashService",
                                                               "The amount must be greater than zero.")));
    return {};
}

// DOMAIN, AML: a one-off cash service at or above the threshold records who came, why and where the
// copy of the ID is. The field named is the first one missing.
Status checkDueDiligence(CashDirection direction, const DueDiligence& dd)
{
    const auto missing = [](const QString& field, const QString& message) {
        return fail(Error::invalid(u"cash.due_diligence_required"_s, field, message));
    };
    if (dd.idCopyRef.trimmed().isEmpty())
        return missing(u"id_copy_ref"_s, QCoreApplication::translate("cs::CashService",
                                                                     "Large-value cash: give the reference of the ID copy."));
    if (direction == CashDirection::Deposit && dd.sourceOfFunds.trimmed().isEmpty())
        return missing(u"source_of_funds"_s,
                       QCoreApplication::translate("cs::CashService", "Large-value cash: give the source of the funds."));
    if (direction == CashDirection::Withdrawal && dd.purpose.trimmed().isEmpty())
        return missing(u"purpose"_s,
                       QCoreApplication::translate("cs::CashService", "Large-value cash: give the purpose of the withdrawal."));
    const bool name = !dd.agentName.trimmed().isEmpty();
    const bool id = !dd.agentIdNumber.trimmed().isEmpty();
    if (name && !id)
        return missing(u"agent_id_number"_s,
                       QCoreApplication::translate("cs::CashService", "Give the agent's ID number with the agent's name."));
    if (id && !name)
        return missing(u"agent_name"_s,
                       QCoreApplication::translate("cs::CashService", "Give the agent's name with the agent's ID number."));
    return {};
}

Result<AccountRecord> loadCustomerAccount(AccountRepository& accounts, const QString& number)
{
    auto found = accounts.findByNumber(number);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(accountNotFound(number));
    if (!(*found)->isCustomer())
        return fail(Error::refused(u"account.internal"_s, u"account"_s,
                                   QCoreApplication::translate("cs::CashService",
                                                               "Account %1 is an internal account of the branch.")
                                       .arg(number)));
    return std::move(**found);
}

} // namespace

QJsonObject cashReceiptJson(const CashReceipt& r)
{
    return {{u"txn_id"_s, r.txnId},
            {u"request_id"_s, r.requestId},
            {u"direction"_s, directionKey(r.direction)},
            {u"account"_s, r.accountNumber},
            {u"account_title"_s, r.accountTitle},
            {u"customer_name"_s, r.customerName},
            {u"currency"_s, r.amount.currency().code()},
            {u"amount"_s, plain(r.amount)},
            {u"fee"_s, plain(r.fee)},
            {u"balance"_s, plain(r.balanceAfter)},
            {u"business_date"_s, r.businessDate.toString(Qt::ISODate)},
            {u"posted_at"_s, r.postedAt.toString(Qt::ISODateWithMs)},
            {u"branch_code"_s, r.branchCode},
            {u"branch_name"_s, r.branchName},
            {u"teller"_s, r.tellerLogin},
            {u"teller_name"_s, r.tellerName},
            {u"terminal"_s, r.terminal},
            {u"large_value"_s, r.largeValue},
            {u"memo"_s, r.memo},
            {u"approval_id"_s, r.approvalId > 0 ? QJsonValue(r.approvalId) : QJsonValue()},
            {u"state"_s, r.state}};
}

QJsonObject cashRequestPayload(const CashRequest& r)
{
    return {{u"account"_s, r.accountNumber},
            {u"amount"_s, plain(r.amount)},
            {u"currency"_s, r.amount.currency().code()},
            {u"request_id"_s, r.requestId},
            {u"memo"_s, r.memo},
            {u"agent_name"_s, r.dueDiligence.agentName},
            {u"agent_id_number"_s, r.dueDiligence.agentIdNumber},
            {u"source_of_funds"_s, r.dueDiligence.sourceOfFunds},
            {u"purpose"_s, r.dueDiligence.purpose},
            {u"id_copy_ref"_s, r.dueDiligence.idCopyRef}};
}

CashRequest cashRequestFromPayload(const QJsonObject& o)
{
    const Currency currency = currencyOf(o.value(u"currency"_s).toString());
    CashRequest r;
    r.accountNumber = o.value(u"account"_s).toString();
    r.amount = parseAmount(o.value(u"amount"_s).toString(), currency).value_or(Money::zero(currency));
    r.requestId = o.value(u"request_id"_s).toString();
    r.memo = o.value(u"memo"_s).toString();
    r.dueDiligence = {o.value(u"agent_name"_s).toString(), o.value(u"agent_id_number"_s).toString(),
                      o.value(u"source_of_funds"_s).toString(), o.value(u"purpose"_s).toString(),
                      o.value(u"id_copy_ref"_s).toString()};
    return r;
}

namespace {

CashReceipt fromJson(const QJsonObject& o)
{
    CashReceipt r;
    const Currency currency = currencyOf(o.value(u"currency"_s).toString());
    const auto money = [&](const QString& key) {
        return parseAmount(o.value(key).toString(), currency).value_or(Money::zero(currency));
    };
    r.txnId = o.value(u"txn_id"_s).toInteger();
    r.requestId = o.value(u"request_id"_s).toString();
    r.direction = o.value(u"direction"_s).toString() == u"withdrawal"_s ? CashDirection::Withdrawal : CashDirection::Deposit;
    r.accountNumber = o.value(u"account"_s).toString();
    r.accountTitle = o.value(u"account_title"_s).toString();
    r.customerName = o.value(u"customer_name"_s).toString();
    r.amount = money(u"amount"_s);
    r.fee = money(u"fee"_s);
    r.balanceAfter = money(u"balance"_s);
    r.businessDate = QDate::fromString(o.value(u"business_date"_s).toString(), Qt::ISODate);
    r.postedAt = QDateTime::fromString(o.value(u"posted_at"_s).toString(), Qt::ISODateWithMs);
    r.branchCode = o.value(u"branch_code"_s).toString();
    r.branchName = o.value(u"branch_name"_s).toString();
    r.tellerLogin = o.value(u"teller"_s).toString();
    r.tellerName = o.value(u"teller_name"_s).toString();
    r.terminal = o.value(u"terminal"_s).toString();
    r.largeValue = o.value(u"large_value"_s).toBool();
    r.memo = o.value(u"memo"_s).toString();
    r.approvalId = o.value(u"approval_id"_s).toInteger();
    r.state = o.value(u"state"_s).toString(u"posted"_s);
    return r;
}

// The voucher of a posted cash transaction, rebuilt from the journal: the balance is the account's
// balance right after it.
Result<CashReceipt> rebuild(UnitOfWork& uow, qint64 txnId)
{
    JournalRepository journal(uow);
    auto header = journal.header(txnId);
    if (!header)
        return fail(header.error());
    if (!header->has_value() || ((*header)->kind != kindDeposit && (*header)->kind != kindWithdrawal))
        return fail(Error::notFound(u"cash.txn_not_found"_s, u"txn"_s,
                                    QCoreApplication::translate("cs::CashService", "There is no cash transaction %1.")
                                        .arg(txnId)));
    const TxnHeader& h = **header;
    const CashDirection direction = h.kind == kindDeposit ? CashDirection::Deposit : CashDirection::Withdrawal;
    auto lines = journal.lines(txnId);
    if (!lines)
        return fail(lines.error());
    AccountRepository accounts(uow);
    std::optional<AccountRecord> customer;
    qint64 charged = 0; // the customer's debits: a withdrawal with its fee, or a deposit's fee
    qint64 cash = 0;
    for (const JournalLineRecord& line : std::as_const(*lines)) {
        auto account = accounts.findById(line.accountId);
        if (!account)
            return fail(account.error());
        if (!account->has_value())
            continue;
        if ((*account)->isCustomer()) {
            customer = **account;
            if (line.side == u"D"_s)
                charged += line.amount;
        } else if ((*account)->internalRole == u"cash_box"_s) {
            cash += line.amount;
        }
    }
    if (!customer)
        return fail(Error::internal(u"cash.txn_malformed"_s, u"Cash transaction %1 has no customer line"_s.arg(txnId)));
    const Currency currency = currencyOf(customer->currency);
    auto balance = journal.signedSumBefore(customer->id, customer->normalSide, txnId + 1, 0);
    if (!balance)
        return fail(balance.error());
    CashRepository cashRepo(uow);
    auto names = cashRepo.voucherNames(h.staffId, h.branchId);
    if (!names)
        return fail(names.error());
    auto large = cashRepo.hasLargeValue(txnId, u"cash"_s);
    if (!large)
        return fail(large.error());
    CashReceipt r;
    r.txnId = txnId;
    r.requestId = h.requestId;
    r.direction = direction;
    r.accountNumber = customer->number;
    r.accountTitle = customer->title;
    if (customer->customerId > 0) {
        auto owner = accounts.owner(customer->customerId);
        if (!owner)
            return fail(owner.error());
        if (owner->has_value())
            r.customerName = (*owner)->fullName;
    }
    r.amount = Money(cash, currency);
    r.fee = Money(direction == CashDirection::Withdrawal ? charged - cash : charged, currency);
    r.balanceAfter = Money(*balance, currency);
    r.businessDate = h.businessDate;
    r.postedAt = h.createdAt;
    r.branchCode = names->branchCode;
    r.branchName = names->branchName;
    r.tellerLogin = names->tellerLogin;
    r.tellerName = names->tellerName;
    r.terminal = h.terminal;
    r.largeValue = *large;
    r.memo = h.memo;
    return r;
}

// The withdrawal as an approval for a supervisor (cash.withdraw): validated as it will be executed,
// stored pending, and the amount charged held on the account until the decision.
Result<QJsonObject> waitForApproval(UnitOfWork& uow, const Session& session, const CashRequest& request,
                                    const AccountRecord& account, const Money& fee, AuditEntry& audit)
{
    auto charged = request.amount.plus(fee);
    if (!charged)
        return fail(charged.error());
    auto pending = ApprovalService::submit(uow, session, {actionWithdraw, u"account"_s, account.number,
                                                          cashRequestPayload(request), request.amount, request.requestId});
    if (!pending)
        return fail(pending.error());
    auto hold = PostingEngine::placeHold(
        uow, {account.id, *charged, u"approval"_s,
              QCoreApplication::translate("cs::CashService", "Cash withdrawal waiting for approval %1")
                  .arg(pending->approvalId),
              request.requestId, session.staffId, pending->approvalId});
    if (!hold)
        return fail(hold.error());
    CashReceipt r;
    r.requestId = request.requestId;
    r.direction = CashDirection::Withdrawal;
    r.accountNumber = account.number;
    r.accountTitle = account.title;
    if (account.customerId > 0) {
        auto owner = AccountRepository(uow).owner(account.customerId);
        if (!owner)
            return fail(owner.error());
        if (owner->has_value())
            r.customerName = (*owner)->fullName;
    }
    r.amount = request.amount;
    r.fee = fee;
    r.balanceAfter = Money(account.balance, request.amount.currency());
    r.businessDate = session.businessDate;
    r.postedAt = QDateTime::currentDateTimeUtc();
    r.branchCode = session.branchCode;
    r.branchName = session.branchName;
    r.tellerLogin = session.login;
    r.tellerName = session.fullName;
    r.terminal = session.terminal;
    r.memo = request.memo.trimmed();
    r.approvalId = pending->approvalId;
    r.state = pending->state;
    audit.entityId = account.number;
    audit.after = {{u"approval_id"_s, pending->approvalId},
                   {u"state"_s, pending->state},
                   {u"direction"_s, directionKey(CashDirection::Withdrawal)},
                   {u"amount"_s, plain(request.amount)},
                   {u"held"_s, plain(*charged)},
                   {u"hold_id"_s, *hold}};
    return cashReceiptJson(r);
}

} // namespace

CashService::CashService(Database db) : m_db(std::move(db)) {}

Result<CashPreview> CashService::preview(const Session& session, CashDirection direction, const QString& typed,
                                         const Money& amount) const
{
    if (auto ok = requireAmount(amount); !ok)
        return fail(ok.error());
    auto account = AccountService(m_db).show(session, typed);
    if (!account)
        return fail(account.error());
    CashPreview p;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            p = {};
            if (auto allowed = Permissions::require(uow, session.role, actionOf(direction)); !allowed)
                return allowed;
            AccountRepository accounts(uow);
            auto record = loadCustomerAccount(accounts, account->number);
            if (!record)
                return fail(record.error());
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto settings = SettingsRepository(uow).integers({settingLargeValue});
            if (!settings)
                return fail(settings.error());
            auto today = CashRepository(uow).customerCashDayTotal(record->customerId, branch->businessDate,
                                                                  kindOf(direction), customerSide(direction));
            if (!today)
                return fail(today.error());
            const Currency currency = account->currency;
            const qint64 threshold = settings->value(settingLargeValue);
            p.account = *account;
            p.direction = direction;
            p.amount = amount;
            auto fee = cashFee(uow, session, *record, branch->businessDate, amount);
            if (!fee)
                return fail(fee.error());
            p.fee = *fee;
            const qint64 change = direction == CashDirection::Deposit ? amount.minor() - p.fee.minor()
                                                                        : -(amount.minor() + p.fee.minor());
            p.balanceAfter = Money(account->balance.minor() + change, currency);
            p.availableAfter = Money(account->available.minor() + change, currency);
            p.customerDayTotal = Money(*today + amount.minor(), currency);
            p.largeValue = threshold > 0 && p.customerDayTotal.minor() >= threshold;
            p.dueDiligenceRequired = threshold > 0 && amount.minor() >= threshold;
            p.amountInCapitals = chineseCapitals(amount).value_or(QString());
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return p;
}

Result<CashReceipt> CashService::deposit(const Session& session, const CashRequest& request) const
{
    return post(session, CashDirection::Deposit, request);
}

Result<CashReceipt> CashService::withdraw(const Session& session, const CashRequest& request) const
{
    return post(session, CashDirection::Withdrawal, request);
}

Result<CashReceipt> CashService::post(const Session& session, CashDirection direction, const CashRequest& request) const
{
    if (auto ok = requireAmount(request.amount); !ok)
        return fail(ok.error());
    if (auto ok = requireRequestId(request.requestId); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(request.accountNumber);
    if (!number)
        return fail(number.error());
    CashRequest normalized = request;
    normalized.accountNumber = *number;
    bool ran = false;
    auto result = performAudited(m_db, session, {actionOf(direction), u"account"_s, *number, request.requestId},
                                 [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
                                     ran = true;
                                     return postIn(uow, session, direction, normalized, audit);
                                 });
    if (!result)
        return fail(result.error());
    CashReceipt receipt = fromJson(*result);
    receipt.replayed = !ran;
    return receipt;
}

Result<QJsonObject> CashService::postIn(UnitOfWork& uow, const Session& session, CashDirection direction,
                                        const CashRequest& request, AuditEntry& audit, const ApprovedCash* approved)
{
    if (auto ok = requireAmount(request.amount); !ok)
        return fail(ok.error());
    if (auto ok = requireRequestId(request.requestId); !ok)
        return fail(ok.error());
    auto number = AccountNumber::normalize(request.accountNumber);
    if (!number)
        return fail(number.error());
    AccountRepository accounts(uow);
    auto account = loadCustomerAccount(accounts, *number);
    if (!account)
        return fail(account.error());
    auto branch = InternalAccounts::branch(accounts, session.branchId);
    if (!branch)
        return fail(branch.error());
    CashRepository cash(uow);
    auto box = cash.openSession(session.staffId);
    if (!box)
        return fail(box.error());
    if (!box->has_value() || (*box)->businessDate != branch->businessDate)
        return fail(Error::refused(u"cashbox.not_open"_s, u"cashbox"_s,
                                   QCoreApplication::translate("cs::CashService",
                                                               "Your cash box is not open today: open it before "
                                                               "handling cash.")));
    auto settings = SettingsRepository(uow).integers({settingLargeValue, settingTellerMax});
    if (!settings)
        return fail(settings.error());
    const qint64 threshold = settings->value(settingLargeValue);
    const qint64 tellerMax = settings->value(settingTellerMax);
    const Currency currency = currencyOf(account->currency);
    auto remote = cashFee(uow, session, *account, branch->businessDate, request.amount);
    if (!remote)
        return fail(remote.error());
    const Money fee = *remote;
    // Above the teller's limit a withdrawal waits for a supervisor (DESIGN rule 6), its amount held.
    if (direction == CashDirection::Withdrawal && !approved && request.amount.minor() > tellerMax)
        return waitForApproval(uow, session, request, *account, fee, audit);
    if (threshold > 0 && request.amount.minor() >= threshold) {
        if (auto ok = checkDueDiligence(direction, request.dueDiligence); !ok)
            return fail(ok.error());
    }
    // The customer's row serializes their cash across terminals (PostgreSQL; SQLite has one
    // writer), so two deposits at once both see each other in the day total and neither misses
    // the large-value report. Customer before accounts, as opening an account locks them.
    if (auto owner = AccountRepository(uow).lockOwner(account->customerId); !owner)
        return fail(owner.error());
    auto dayBefore = cash.customerCashDayTotal(account->customerId, branch->businessDate, kindOf(direction),
                                               customerSide(direction));
    if (!dayBefore)
        return fail(dayBefore.error());

    PostingRequest posting;
    posting.requestId = request.requestId;
    posting.kind = kindOf(direction);
    posting.branchId = session.branchId;
    posting.businessDate = session.businessDate;
    posting.staffId = session.staffId;
    posting.terminal = session.terminal;
    posting.memo = request.memo.trimmed();
    if (approved) {
        posting.approvalId = approved->approvalId;
        posting.consumeHolds = approved->holds;
    }
    if (direction == CashDirection::Deposit) {
        posting.lines = {{(*box)->accountId, 'D', request.amount, {}}, {account->id, 'C', request.amount, {}}};
        if (fee.isPositive())
            posting.lines.append({account->id, 'D', fee, QCoreApplication::translate("cs::CashService", "Remote fee")});
    } else {
        auto charged = request.amount.plus(fee);
        if (!charged)
            return fail(charged.error());
        posting.lines = {{account->id, 'D', *charged, {}}, {(*box)->accountId, 'C', request.amount, {}}};
    }
    if (fee.isPositive()) {
        auto ledger = InternalAccounts::ensure(uow, session.branchId, currency);
        if (!ledger)
            return fail(ledger.error());
        posting.lines.append({ledger->feeIncome, 'C', fee, {}});
    }
    auto posted = PostingEngine::post(uow, posting);
    if (!posted)
        return fail(posted.error());

    const qint64 dayTotal = *dayBefore + request.amount.minor();
    const bool large = threshold > 0 && dayTotal >= threshold;
    if (large) {
        const DueDiligence& dd = request.dueDiligence;
        if (auto entered = cash.insertLargeValue({session.branchId, branch->businessDate, account->customerId,
                                                  posted->txnId, u"cash"_s, flowKey(direction), request.amount.minor(),
                                                  dayTotal, account->currency, dd.agentName, dd.agentIdNumber,
                                                  dd.sourceOfFunds, dd.purpose, dd.idCopyRef});
            !entered)
            return fail(entered.error());
    }
    auto receipt = rebuild(uow, posted->txnId);
    if (!receipt)
        return fail(receipt.error());
    audit.entityId = account->number;
    audit.after = {{u"txn_id"_s, posted->txnId},
                   {u"direction"_s, directionKey(direction)},
                   {u"amount"_s, plain(request.amount)},
                   {u"fee"_s, plain(fee)},
                   {u"balance"_s, plain(receipt->balanceAfter)},
                   {u"large_value"_s, large}};
    if (approved)
        audit.after.insert(u"approval_id"_s, approved->approvalId);
    return cashReceiptJson(*receipt);
}

Result<CashReceipt> CashService::receipt(const Session& session, qint64 txnId) const
{
    std::optional<CashReceipt> found;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto r = rebuild(uow, txnId);
            if (!r)
                return fail(r.error());
            found = std::move(*r);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return std::move(*found);
}

} // namespace cs
