#include "services/transferservice.h"

#include "approvals/approvalservice.h"
#include "domain/accountnumber.h"
#include "ledger/classlimits.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/internalaccounts.h"
#include "services/servicecall.h"
#include "services/transfercore.h"
#include "services/transferfees.h"
#include "services/transferrouting.h"
#include "storage/accountrepository.h"
#include "storage/holdrepository.h"
#include "storage/settingsrepository.h"
#include "storage/transferrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using namespace transfers;

const QString settingDailyOut = u"limits.counter_transfer_daily_out"_s;

Currency currencyOf(const QString& code) { return Currency::fromCode(code).value_or(Currency::cny()); }
QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }
QJsonValue idOrNull(qint64 id) { return id > 0 ? QJsonValue(id) : QJsonValue(); }
QJsonValue textOrNull(const QString& s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

// The slip's own fields, before anything is read.
Status checkShape(const TransferRequest& r)
{
    if (r.requestId.trimmed().isEmpty() || r.requestId.size() > 64)
        return fail(Error::invalid(u"transfer.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::TransferService", "A transfer needs a request id of 1 to 64 characters.")));
    if (!r.amount.isPositive())
        return fail(Error::invalid(u"transfer.amount"_s, u"amount"_s, QCoreApplication::translate("cs::TransferService", "The amount must be greater than zero.")));
    if (r.remarks.size() > 256)
        return fail(Error::invalid(u"transfer.remarks"_s, u"remarks"_s, QCoreApplication::translate("cs::TransferService", "The remarks are limited to 256 characters.")));
    if (!r.isInterbank()) {
        if (r.toAccount.trimmed().isEmpty())
            return fail(Error::invalid(u"transfer.to_account"_s, u"to_account"_s, QCoreApplication::translate("cs::TransferService", "Give the payee's account.")));
        return {};
    }
    if (!validBankCode(r.toBankCode.trimmed()))
        return fail(Error::invalid(u"transfer.bank_code"_s, u"to_bank_code"_s,
                                   QCoreApplication::translate("cs::TransferService", "%1 is not a bank code: 12 digits with a valid check digit.").arg(r.toBankCode)));
    static const QRegularExpression accountNo(u"^[0-9A-Za-z-]{1,32}$"_s);
    if (!accountNo.match(r.toAccount.trimmed()).hasMatch())
        return fail(Error::invalid(u"transfer.to_account"_s, u"to_account"_s,
                                   QCoreApplication::translate("cs::TransferService", "The payee's account is 1 to 32 letters, digits or hyphens.")));
    const QString name = r.toName.trimmed();
    if (name.isEmpty() || name.size() > 60)
        return fail(Error::invalid(u"transfer.to_name"_s, u"to_name"_s, QCoreApplication::translate("cs::TransferService", "The payee's name is 1 to 60 characters.")));
    return {};
}

Result<AccountRecord> customerAccount(AccountRepository& accounts, const QString& typed, const QString& field, bool lock)
{
    auto number = AccountNumber::normalize(typed);
    if (!number) {
        Error e = number.error();
        e.field = field;
        return fail(e);
    }
    auto found = lock ? accounts.lockByNumber(*number) : accounts.findByNumber(*number);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"account.not_found"_s, field, QCoreApplication::translate("cs::TransferService", "There is no account %1.").arg(*number)));
    if (!(*found)->isCustomer())
        return fail(Error::refused(u"account.internal"_s, field,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is an internal account of the branch.").arg(*number)));
    return std::move(**found);
}

// What the slip comes to, read from the database: both accounts, the fee, the route.
struct Prepared {
    AccountRecord payer;
    std::optional<AccountRecord> payee; // intra
    QString payerName;
    QString payeeName;
    Money fee = Money::zero(Currency::cny());
    Money total = Money::zero(Currency::cny());
    RoutingDecision routing{TransferRoute::Intra, false};
    QString action;
    bool approvalRequired = false;
};

Result<Prepared> prepare(UnitOfWork& uow, const TransferRequest& r, bool lock)
{
    Prepared p;
    AccountRepository accounts(uow);
    // The payer first and locked (entry): the day's total and the funds are read under its lock.
    auto payer = customerAccount(accounts, r.fromAccount, u"from_account"_s, lock);
    if (!payer)
        return fail(payer.error());
    p.payer = std::move(*payer);
    const Currency currency = currencyOf(p.payer.currency);
    if (r.amount.currency().code() != p.payer.currency)
        return fail(Error::refused(u"transfer.currency"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 is kept in %2, not in %3.")
                                       .arg(p.payer.number, p.payer.currency, r.amount.currency().code())));
    if (auto owner = accounts.owner(p.payer.customerId); !owner)
        return fail(owner.error());
    else if (owner->has_value())
        p.payerName = (*owner)->fullName;
    if (!r.isInterbank()) {
        auto payee = customerAccount(accounts, r.toAccount, u"to_account"_s, false);
        if (!payee)
            return fail(payee.error());
        if (payee->id == p.payer.id)
            return fail(Error::invalid(u"transfer.same_account"_s, u"to_account"_s,
                                       QCoreApplication::translate("cs::TransferService", "The payee's account is the payer's own account.")));
        if (payee->currency != p.payer.currency)
            return fail(Error::refused(u"transfer.currency"_s, u"to_account"_s,
                                       QCoreApplication::translate("cs::TransferService", "Account %1 is kept in %2, account %3 in %4: a transfer stays in one currency.")
                                           .arg(p.payer.number, p.payer.currency, payee->number, payee->currency)));
        auto owner = accounts.owner(payee->customerId);
        if (!owner)
            return fail(owner.error());
        p.payeeName = owner->has_value() ? (*owner)->fullName : QString();
        p.payee = std::move(*payee);
        p.action = actionIntra;
    } else {
        // CNAPS clears renminbi only.
        if (p.payer.currency != u"CNY"_s)
            return fail(Error::refused(u"transfer.currency"_s, u"from_account"_s,
                                       QCoreApplication::translate("cs::TransferService", "Interbank transfers are made in CNY; account %1 is kept in %2.")
                                           .arg(p.payer.number, p.payer.currency)));
        p.payeeName = r.toName.trimmed();
        p.action = actionInterbank;
        auto routing = loadRoutingSettings(uow);
        if (!routing)
            return fail(routing.error());
        const QDateTime now = transferClockNow();
        p.routing = routeInterbank(r.amount.minor(), now, isClearingBusinessDay(now.date()), *routing, r.ibps);
    }
    auto schedule = TransferFeeSchedule::load(uow);
    if (!schedule)
        return fail(schedule.error());
    auto fee = transferFee(*schedule, r.isInterbank(), r.amount);
    if (!fee)
        return fail(fee.error());
    p.fee = r.waiveFee ? Money::zero(currency) : *fee;
    auto total = r.amount.plus(p.fee);
    if (!total)
        return fail(total.error());
    p.total = *total;
    auto required = ApprovalService::required(uow, p.action, r.amount);
    if (!required)
        return fail(required.error());
    // A fee waiver always needs a second person (DESIGN rule 6).
    p.approvalRequired = *required || (r.waiveFee && fee->isPositive());
    return p;
}

// The limits of the slip at entry: account states, the counter's daily limit, Class II/III limits (the
// engine's own rules, without recording usage), and the funds.
Status checkRules(UnitOfWork& uow, const Session& session, const TransferRequest& r, const Prepared& p)
{
    if (auto ok = checkDebit(p.payer); !ok)
        return ok;
    if (p.payee) {
        if (auto ok = checkCredit(*p.payee); !ok)
            return ok;
    }
    auto limits = SettingsRepository(uow).integers({settingDailyOut});
    if (!limits)
        return fail(limits.error());
    const qint64 dailyLimit = limits->value(settingDailyOut);
    auto today = TransferRepository(uow).dayOutTotal(p.payer.id, session.businessDate);
    if (!today)
        return fail(today.error());
    if (*today + r.amount.minor() > dailyLimit)
        return fail(Error::refused(u"transfer.daily_limit"_s, u"amount"_s,
                                   QCoreApplication::translate("cs::TransferService", "Account %1 may transfer %2 a day at the counter; %3 is left today.")
                                       .arg(p.payer.number, formatAmount(Money(dailyLimit, r.amount.currency())),
                                            formatAmount(Money(std::max<qint64>(dailyLimit - *today, 0),
                                                               r.amount.currency())))));
    PostingRequest pending;
    pending.kind = p.payee ? u"transfer"_s : u"interbank_transfer"_s;
    pending.branchId = session.branchId;
    pending.businessDate = session.businessDate;
    QList<ClassLimitMove> moves;
    if (ClassLimits::applies(p.payer))
        moves.append({p.payer, p.total.minor(), 0, 0,
                      p.payee && p.payer.boundAccountId == p.payee->id ? r.amount.minor() : 0});
    if (p.payee && ClassLimits::applies(*p.payee))
        moves.append({*p.payee, 0, r.amount.minor(), p.payee->boundAccountId == p.payer.id ? p.total.minor() : 0, 0});
    if (auto ok = ClassLimits::check(uow, pending, moves); !ok)
        return ok;
    return checkFunds(p.payer, p.total.minor(), 0);
}

TransferRecord fromJson(const QJsonObject& o)
{
    TransferRecord r;
    const Currency currency = currencyOf(o.value(u"currency"_s).toString());
    const auto money = [&](const QString& key) {
        return parseAmount(o.value(key).toString(), currency).value_or(Money::zero(currency));
    };
    r.id = o.value(u"transfer_id"_s).toInteger();
    r.requestId = o.value(u"request_id"_s).toString();
    r.businessDate = QDate::fromString(o.value(u"business_date"_s).toString(), Qt::ISODate);
    r.createdAt = QDateTime::fromString(o.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
    r.fromAccount = o.value(u"from_account"_s).toString();
    r.fromName = o.value(u"from_name"_s).toString();
    r.toAccount = o.value(u"to_account"_s).toString();
    r.toName = o.value(u"to_name"_s).toString();
    r.toBankCode = o.value(u"to_bank_code"_s).toString();
    r.route = routeFromKey(o.value(u"route"_s).toString());
    r.amount = money(u"amount"_s);
    r.fee = money(u"fee"_s);
    r.feeWaived = o.value(u"fee_waived"_s).toBool();
    r.remarks = o.value(u"remarks"_s).toString();
    r.state = o.value(u"state"_s).toString();
    r.approvalId = o.value(u"approval_id"_s).toInteger();
    r.txnId = o.value(u"txn_id"_s).toInteger();
    r.returnTxnId = o.value(u"return_txn_id"_s).toInteger();
    r.clearingMessageId = o.value(u"clearing_message_id"_s).toString();
    r.clearingState = o.value(u"clearing_state"_s).toString();
    r.clearingReason = o.value(u"clearing_reason"_s).toString();
    r.makerLogin = o.value(u"maker"_s).toString();
    r.terminal = o.value(u"terminal"_s).toString();
    r.balanceAfter = o.value(u"balance"_s).isString() ? money(u"balance"_s) : Money::zero(currency);
    return r;
}

} // namespace

QJsonObject transferJson(const TransferRecord& t)
{
    return {{u"transfer_id"_s, t.id},
            {u"request_id"_s, t.requestId},
            {u"business_date"_s, t.businessDate.toString(Qt::ISODate)},
            {u"created_at"_s, t.createdAt.isValid() ? QJsonValue(t.createdAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
            {u"kind"_s, t.toBankCode.isEmpty() ? u"intra"_s : u"interbank"_s},
            {u"from_account"_s, t.fromAccount},
            {u"from_name"_s, t.fromName},
            {u"to_account"_s, t.toAccount},
            {u"to_name"_s, t.toName},
            {u"to_bank_code"_s, textOrNull(t.toBankCode)},
            {u"route"_s, routeKey(t.route)},
            {u"currency"_s, t.amount.currency().code()},
            {u"amount"_s, plain(t.amount)},
            {u"fee"_s, plain(t.fee)},
            {u"fee_waived"_s, t.feeWaived},
            {u"remarks"_s, t.remarks},
            {u"state"_s, t.state},
            {u"approval_id"_s, idOrNull(t.approvalId)},
            {u"txn_id"_s, idOrNull(t.txnId)},
            {u"return_txn_id"_s, idOrNull(t.returnTxnId)},
            {u"clearing_message_id"_s, textOrNull(t.clearingMessageId)},
            {u"clearing_state"_s, textOrNull(t.clearingState)},
            {u"clearing_reason"_s, textOrNull(t.clearingReason)},
            {u"maker"_s, t.makerLogin},
            {u"terminal"_s, t.terminal},
            {u"balance"_s, t.txnId > 0 ? QJsonValue(plain(t.balanceAfter)) : QJsonValue()},
            {u"replayed"_s, t.replayed}};
}

TransferService::TransferService(Database db) : m_db(std::move(db)) {}

Result<TransferPreview> TransferService::preview(const Session& session, const TransferRequest& request) const
{
    TransferRequest r = request;
    if (r.requestId.isEmpty())
        r.requestId = u"preview"_s; // a preview writes nothing and needs none
    if (auto ok = checkShape(r); !ok)
        return fail(ok.error());
    TransferPreview preview;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            preview = {};
            if (auto allowed = Permissions::require(uow, session.role, actionEnter); !allowed)
                return allowed;
            auto p = prepare(uow, r, false);
            if (!p)
                return fail(p.error());
            const Currency currency = currencyOf(p->payer.currency);
            preview.fromAccount = p->payer.number;
            preview.fromName = p->payerName;
            preview.toAccount = p->payee ? p->payee->number : r.toAccount.trimmed();
            preview.toName = p->payeeName;
            preview.toBankCode = r.toBankCode.trimmed();
            preview.route = p->payee ? TransferRoute::Intra : p->routing.route;
            preview.queued = !p->payee && p->routing.queued;
            preview.amount = r.amount;
            preview.fee = p->fee;
            preview.balanceAfter = Money(p->payer.balance - p->total.minor(), currency);
            preview.availableAfter = Money(p->payer.balance - p->payer.held + p->payer.overdraftLimit - p->total.minor(), currency);
            preview.approvalRequired = p->approvalRequired;
            preview.amountInCapitals = chineseCapitals(r.amount).value_or(QString());
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return preview;
}

Result<TransferRecord> TransferService::enter(const Session& session, const TransferRequest& request) const
{
    if (auto ok = checkShape(request); !ok)
        return fail(ok.error());
    bool ran = false;
    auto result = performAudited(
        m_db, session, {actionEnter, u"transfer"_s, {}, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            auto p = prepare(uow, request, true);
            if (!p)
                return fail(p.error());
            if (auto ok = checkRules(uow, session, request, *p); !ok)
                return fail(ok.error());
            TransferRepository transfers(uow);
            auto id = transfers.nextId();
            if (!id)
                return fail(id.error());
            TransferRow row;
            row.id = *id;
            row.branchId = session.branchId;
            row.businessDate = session.businessDate;
            row.requestId = request.requestId;
            row.kind = p->payee ? u"intra"_s : u"interbank"_s;
            row.fromAccountId = p->payer.id;
            row.toAccountId = p->payee ? p->payee->id : 0;
            row.toBankCode = p->payee ? QString() : request.toBankCode.trimmed();
            row.toAccountNo = p->payee ? p->payee->number : request.toAccount.trimmed();
            row.toName = p->payeeName;
            row.remarks = request.remarks.trimmed();
            row.amount = request.amount.minor();
            row.fee = p->fee.minor();
            row.feeWaived = request.waiveFee;
            row.currency = p->payer.currency;
            row.route = routeKey(p->payee ? TransferRoute::Intra : p->routing.route);
            row.makerId = session.staffId;
            row.terminal = session.terminal;
            row.fromNumber = p->payer.number;
            row.fromName = p->payerName;
            if (!p->approvalRequired) {
                auto done = execute(uow, session, row, 0, true);
                if (!done)
                    return fail(done.error());
            } else {
                // Rule 5: the funds are held while the checker decides.
                HoldRequest hold;
                hold.accountId = p->payer.id;
                hold.amount = p->total;
                hold.reasonCode = u"transfer"_s;
                hold.reason = QCoreApplication::translate("cs::TransferService", "Transfer %1 waiting for approval").arg(row.id);
                hold.requestId = holdRequestId(row.id);
                hold.staffId = session.staffId;
                auto held = PostingEngine::placeHold(uow, hold);
                if (!held)
                    return fail(held.error());
                row.holdId = *held;
                row.state = u"pending"_s;
                if (auto inserted = transfers.insert(row); !inserted)
                    return fail(inserted.error());
                auto pending = ApprovalService::submit(
                    uow, session,
                    NewApproval{p->action, u"transfer"_s, QString::number(row.id), payloadOf(row), request.amount, request.requestId});
                if (!pending)
                    return fail(pending.error());
                if (auto linked = transfers.setApproval(row.id, pending->approvalId); !linked)
                    return fail(linked.error());
                if (auto linked = HoldRepository(uow).linkApproval(row.holdId, pending->approvalId); !linked)
                    return fail(linked.error());
            }
            auto record = load(uow, row.id, true);
            if (!record)
                return fail(record.error());
            audit.entityId = QString::number(row.id);
            audit.after = {{u"state"_s, record->state},
                           {u"kind"_s, row.kind},
                           {u"from_account"_s, record->fromAccount},
                           {u"to_account"_s, record->toAccount},
                           {u"to_bank_code"_s, record->toBankCode},
                           {u"amount"_s, plain(record->amount)},
                           {u"fee"_s, plain(record->fee)},
                           {u"fee_waived"_s, record->feeWaived},
                           {u"route"_s, routeKey(record->route)},
                           {u"approval_id"_s, idOrNull(record->approvalId)},
                           {u"txn_id"_s, idOrNull(record->txnId)}};
            return transferJson(*record);
        });
    if (!result)
        return fail(result.error());
    TransferRecord record = fromJson(*result);
    record.replayed = !ran;
    return record;
}

Result<TransferRecord> TransferService::find(const Session& session, qint64 transferId) const
{
    std::optional<TransferRecord> found;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto row = TransferRepository(uow).find(transferId);
            if (!row)
                return fail(row.error());
            if (!row->has_value() || (*row)->branchId != session.branchId)
                return fail(notFound(transferId));
            auto record = toRecord(uow, **row, true);
            if (!record)
                return fail(record.error());
            found = std::move(*record);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return std::move(*found);
}

Result<QList<TransferRecord>> TransferService::list(const Session& session, const TransferFilter& filter) const
{
    QList<TransferRecord> records;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            records.clear();
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto rows = TransferRepository(uow).list(
                {session.branchId, filter.businessDate.isValid() ? filter.businessDate : session.businessDate,
                 filter.makerId, filter.state});
            if (!rows)
                return fail(rows.error());
            for (const TransferRow& row : std::as_const(*rows)) {
                auto record = toRecord(uow, row, false);
                if (!record)
                    return fail(record.error());
                records.append(std::move(*record));
            }
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return records;
}

Result<TransferRecord> TransferService::acknowledge(const Session& session, qint64 transferId, bool accepted,
                                                    const QString& reason, const QString& requestId) const
{
    if (!accepted && reason.trimmed().isEmpty())
        return fail(Error::invalid(u"clearing.reason_required"_s, u"reason"_s,
                                   QCoreApplication::translate("cs::TransferService", "Give the reason the clearing network rejected the transfer.")));
    if (reason.size() > 256)
        return fail(Error::invalid(u"clearing.reason"_s, u"reason"_s, QCoreApplication::translate("cs::TransferService", "The reason is limited to 256 characters.")));
    bool ran = false;
    auto result = performAudited(
        m_db, session, {actionAcknowledge, u"transfer"_s, QString::number(transferId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            ran = true;
            TransferRepository transfers(uow);
            auto row = transfers.lock(transferId);
            if (!row)
                return fail(row.error());
            if (!row->has_value() || (*row)->branchId != session.branchId)
                return fail(notFound(transferId));
            const TransferRow& t = **row;
            if (t.kind != u"interbank"_s || t.state != u"sent"_s)
                return fail(Error::refused(u"clearing.not_sent"_s, u"transfer"_s,
                                           QCoreApplication::translate("cs::TransferService", "Transfer %1 is not an interbank transfer sent to the clearing network: there is nothing to acknowledge.")
                                               .arg(transferId)));
            qint64 returnTxn = 0;
            if (!accepted) {
                // The network refused the credit: the payer gets amount and fee back by a reversal (冲正).
                PostingRequest base;
                base.requestId = returnRequestId(transferId);
                base.branchId = session.branchId;
                base.businessDate = session.businessDate;
                base.staffId = session.staffId;
                base.terminal = session.terminal;
                base.memo = reason.trimmed();
                auto reversed = PostingEngine::reverse(uow, t.txnId, base);
                if (!reversed)
                    return fail(reversed.error());
                returnTxn = reversed->txnId;
            }
            if (auto item = transfers.markAnswered(transferId, accepted, reason.trimmed()); !item)
                return fail(item.error());
            if (auto moved = transfers.setAnswered(transferId, accepted ? u"accepted"_s : u"rejected"_s, returnTxn); !moved)
                return fail(moved.error());
            auto record = load(uow, transferId, true);
            if (!record)
                return fail(record.error());
            audit.before = {{u"state"_s, t.state}};
            audit.after = {{u"state"_s, record->state},
                           {u"message_id"_s, record->clearingMessageId},
                           {u"reason"_s, textOrNull(record->clearingReason)},
                           {u"return_txn_id"_s, idOrNull(returnTxn)}};
            return transferJson(*record);
        });
    if (!result)
        return fail(result.error());
    TransferRecord record = fromJson(*result);
    record.replayed = !ran;
    return record;
}

Result<int> TransferService::releaseQueued(const Session& session, const QDateTime& now) const
{
    auto result = performAudited(
        m_db, session, {actionRelease, u"branch"_s, session.branchCode, {}},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto settings = loadRoutingSettings(uow);
            if (!settings)
                return fail(settings.error());
            int sent = 0;
            if (hvpsWindowOpen(now, isClearingBusinessDay(now.date()), *settings)) {
                TransferRepository transfers(uow);
                auto queued = transfers.queued(session.branchId);
                if (!queued)
                    return fail(queued.error());
                for (qint64 id : std::as_const(*queued)) {
                    auto row = transfers.lock(id);
                    if (!row)
                        return fail(row.error());
                    if (!row->has_value() || (*row)->state != u"queued"_s)
                        continue;
                    if (auto item = transfers.markSent(id, clearingMessageId(session.branchCode, session.businessDate, id)); !item)
                        return fail(item.error());
                    if (auto moved = transfers.setState(id, u"sent"_s); !moved)
                        return fail(moved.error());
                    ++sent;
                }
            }
            audit.after = {{u"sent"_s, sent}, {u"at"_s, now.toString(Qt::ISODate)}};
            return QJsonObject{{u"sent"_s, sent}};
        });
    if (!result)
        return fail(result.error());
    return result->value(u"sent"_s).toInt();
}

} // namespace cs
