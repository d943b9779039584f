#include "services/merchantservice.h"

#include "domain/accountnumber.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/cardcore.h"
#include "services/internalaccounts.h"
#include "services/merchantfees.h"
#include "services/merchantsettlement.h"
#include "services/servicecall.h"
#include "storage/accountrepository.h"
#include "storage/customerrepository.h"
#include "storage/merchantrepository.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Permissions (0011) and the audited actions under them.
const QString permissionManage = u"merchant.manage"_s;
const QString permissionPay = u"merchant.pay"_s;
const QString permissionRead = u"merchant.read"_s;
const QString actionAdd = u"merchant.add"_s;
const QString actionPayment = u"merchant.payment"_s;
const QString actionCapture = u"merchant.capture"_s;
const QString actionRefund = u"merchant.refund"_s;

const QString kindPayment = u"merchant_payment"_s;
const QString kindRefund = u"merchant_refund"_s;

Money cny(qint64 minor) { return Money(minor, Currency::cny()); }
QString plain(const Money& m) { return formatAmount(m, {.grouping = false, .withCode = false}); }
QString plainFen(qint64 minor) { return plain(cny(minor)); }
QJsonValue idOrNull(qint64 id) { return id > 0 ? QJsonValue(id) : QJsonValue(); }
QJsonValue dateOrNull(const QDate& d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); }
Money moneyOf(const QJsonObject& o, const QString& key)
{
    return parseAmount(o.value(key).toString(), Currency::cny()).value_or(Money::zero(Currency::cny()));
}

Status requireRequestId(const QString& requestId)
{
    if (requestId.trimmed().isEmpty() || requestId.size() > 64)
        return fail(Error::invalid(u"merchant.request_id"_s, u"request_id"_s,
                                   QCoreApplication::translate("cs::Merchants", "A merchant transaction needs a request id of 1 to 64 characters.")));
    return {};
}

Status requireOrder(const QString& order)
{
    static const QRegularExpression format(u"^[A-Za-z0-9_-]{1,32}$"_s);
    if (!format.match(order).hasMatch())
        return fail(Error::invalid(u"merchant.order"_s, u"order"_s,
                                   QCoreApplication::translate("cs::Merchants", "An order number is 1 to 32 letters, digits, hyphens or underscores.")));
    return {};
}

Status requireAmount(const Money& amount)
{
    if (!amount.isPositive())
        return fail(Error::invalid(u"merchant.amount"_s, u"amount"_s, QCoreApplication::translate("cs::Merchants", "The amount must be greater than zero.")));
    if (amount.currency().code() != u"CNY"_s)
        return fail(Error::invalid(u"merchant.currency"_s, u"amount"_s, QCoreApplication::translate("cs::Merchants", "Merchant payments are made in CNY.")));
    return {};
}

MerchantContract contractOf(const MerchantRow& m)
{
    return {m.feePlan, m.feeRateBp, cny(m.fixedFee), m.cycle, m.settlementDays};
}

MerchantView viewOf(const MerchantRow& m)
{
    return {m.id, m.code, m.name, m.customerId, m.settlementAccount, contractOf(m), m.state};
}

PaymentView viewOf(const MerchantPaymentRow& p)
{
    PaymentView v;
    v.id = p.id;
    v.merchantId = p.merchantId;
    v.orderNumber = p.orderNumber;
    v.mode = p.mode;
    v.state = p.state;
    v.channel = p.channel;
    v.payerAccount = p.payerAccount;
    v.payerCardId = p.payerCardId;
    v.amount = cny(p.amount);
    v.captured = cny(p.captured);
    v.refunded = cny(p.refunded);
    v.fee = cny(p.fee);
    v.businessDate = p.businessDate;
    v.settleOn = p.settleOn;
    v.settlementId = p.settlementId;
    v.txnId = p.txnId;
    return v;
}

SettlementView viewOf(const MerchantSettlementRow& s)
{
    SettlementView v;
    v.id = s.id;
    v.merchantId = s.merchantId;
    v.merchantCode = s.merchantCode;
    v.merchantName = s.merchantName;
    v.paymentId = s.paymentId;
    v.businessDate = s.businessDate;
    v.gross = cny(s.gross);
    v.fees = cny(s.fees);
    v.refunds = cny(s.refunds);
    v.net = cny(s.net);
    v.payments = s.payments;
    v.txnId = s.txnId;
    return v;
}

MerchantView merchantFromJson(const QJsonObject& o)
{
    MerchantView v;
    v.id = o.value(u"merchant_id"_s).toInteger();
    v.code = o.value(u"code"_s).toString();
    v.name = o.value(u"name"_s).toString();
    v.customerId = o.value(u"customer_id"_s).toInteger();
    v.settlementAccount = o.value(u"account"_s).toString();
    v.contract.feePlan = o.value(u"plan"_s).toString();
    v.contract.feeRateBp = o.value(u"rate_bp"_s).toInteger();
    v.contract.fixedFee = moneyOf(o, u"fixed_fee"_s);
    v.contract.cycle = o.value(u"cycle"_s).toString();
    v.contract.settlementDays = o.value(u"days"_s).toInt();
    v.state = o.value(u"state"_s).toString();
    return v;
}

PaymentView paymentFromJson(const QJsonObject& o)
{
    PaymentView v;
    v.id = o.value(u"payment_id"_s).toInteger();
    v.merchantId = o.value(u"merchant_id"_s).toInteger();
    v.orderNumber = o.value(u"order"_s).toString();
    v.mode = o.value(u"mode"_s).toString();
    v.state = o.value(u"state"_s).toString();
    v.channel = o.value(u"channel"_s).toString();
    v.payerAccount = o.value(u"payer_account"_s).toString();
    v.payerCardId = o.value(u"card_id"_s).toInteger();
    v.amount = moneyOf(o, u"amount"_s);
    v.captured = moneyOf(o, u"captured"_s);
    v.refunded = moneyOf(o, u"refunded"_s);
    v.fee = moneyOf(o, u"fee"_s);
    v.businessDate = QDate::fromString(o.value(u"business_date"_s).toString(), Qt::ISODate);
    v.settleOn = QDate::fromString(o.value(u"settle_on"_s).toString(), Qt::ISODate);
    v.settlementId = o.value(u"settlement_id"_s).toInteger();
    v.txnId = o.value(u"txn_id"_s).toInteger();
    return v;
}

Error merchantNotFound(qint64 id)
{
    return Error::notFound(u"merchant.not_found"_s, u"merchant"_s, QCoreApplication::translate("cs::Merchants", "There is no merchant %1.").arg(id));
}

Error paymentNotFound(const QString& order)
{
    return Error::notFound(u"merchant.payment_not_found"_s, u"order"_s, QCoreApplication::translate("cs::Merchants", "The merchant has no order %1.").arg(order));
}

Result<MerchantRow> loadMerchant(MerchantRepository& merchants, qint64 id)
{
    auto found = merchants.findMerchant(id);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(merchantNotFound(id));
    return std::move(**found);
}

Result<MerchantFeeDefaults> feeDefaults(UnitOfWork& uow)
{
    auto settings = SettingsRepository(uow).integers(
        {u"merchant.fee.b2b_rate_bp"_s, u"merchant.fee.b2b_fixed"_s, u"merchant.fee.b2c_rate_bp"_s});
    if (!settings)
        return fail(settings.error());
    return MerchantFeeDefaults{settings->value(u"merchant.fee.b2b_rate_bp"_s), cny(settings->value(u"merchant.fee.b2b_fixed"_s)),
                               settings->value(u"merchant.fee.b2c_rate_bp"_s)};
}

Result<AccountRecord> customerAccount(AccountRepository& accounts, const QString& typed, const QString& field)
{
    auto number = AccountNumber::normalize(typed);
    if (!number) {
        Error e = number.error();
        e.field = field;
        return fail(e);
    }
    auto found = accounts.findByNumber(*number);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(u"account.not_found"_s, field, QCoreApplication::translate("cs::Merchants", "There is no account %1.").arg(*number)));
    if (!(*found)->isCustomer())
        return fail(Error::refused(u"account.internal"_s, field,
                                   QCoreApplication::translate("cs::Merchants", "Account %1 is an internal account of the branch.").arg(*number)));
    if ((*found)->currency != u"CNY"_s)
        return fail(Error::refused(u"merchant.currency"_s, field,
                                   QCoreApplication::translate("cs::Merchants", "Account %1 is kept in %2: merchant payments are made in CNY.")
                                       .arg(*number, (*found)->currency)));
    return std::move(**found);
}

// Who pays: the account typed, or the card's card account after the card rules (a debit by card:
// active and not under a loss report; online: enabled, within the day's online limit and, for a credit
// card, its available credit).
struct Payer {
    qint64 accountId = 0;
    qint64 cardId = 0;
};

Result<Payer> payerOf(UnitOfWork& uow, const Session& session, const PaymentRequest& r, const QDate& today)
{
    AccountRepository accounts(uow);
    if (r.payerCardId <= 0) {
        auto account = customerAccount(accounts, r.payerAccount, u"account"_s);
        if (!account)
            return fail(account.error());
        return Payer{account->id, 0};
    }
    auto day = cards::today(uow, session);
    if (!day)
        return fail(day.error());
    auto card = cards::lockForCommand(uow, session, r.payerCardId, *day);
    if (!card)
        return fail(card.error());
    if (auto ok = checkCardCommand(CardCommand::Debit, cards::factsOf(*card, *day)); !ok)
        return fail(ok.error());
    if (r.channel == u"online"_s) {
        auto used = MerchantRepository(uow).onlineCardTotal(card->id, today);
        if (!used)
            return fail(used.error());
        std::optional<Money> credit;
        if (card->productCode == u"credit"_s) {
            auto account = accounts.findById(card->cardAccountId);
            if (!account)
                return fail(account.error());
            if (account->has_value())
                credit = cny((*account)->balance - (*account)->held + (*account)->overdraftLimit);
        }
        if (auto ok = checkOnlinePayment(card->onlineEnabled, r.amount, cny(*used), cny(card->onlineDailyLimit), credit); !ok)
            return fail(ok.error());
    }
    return Payer{card->cardAccountId, card->id};
}

PostingRequest postingOf(const Session& session, const QString& kind, const QString& requestId, const QString& memo)
{
    PostingRequest p;
    p.requestId = requestId;
    p.kind = kind;
    p.branchId = session.branchId;
    p.businessDate = session.businessDate;
    p.staffId = session.staffId;
    p.terminal = session.terminal;
    p.memo = memo;
    return p;
}

QString memoOf(const MerchantRow& m, const QString& order) { return m.code + u' ' + order; }

// The payment as answered, read back after the change.
Result<QJsonObject> answer(MerchantRepository& merchants, qint64 paymentId, AuditEntry& audit)
{
    auto row = merchants.findPaymentById(paymentId);
    if (!row)
        return fail(row.error());
    if (!row->has_value())
        return fail(Error::internal(u"merchant.payment_lost"_s, u"Payment %1 vanished"_s.arg(paymentId)));
    const QJsonObject json = merchantPaymentJson(viewOf(**row));
    audit.entityType = u"merchant_payment"_s;
    audit.entityId = QString::number(paymentId);
    audit.after = json;
    return json;
}

} // namespace

QJsonObject merchantJson(const MerchantView& m)
{
    return {{u"merchant_id"_s, m.id},
            {u"code"_s, m.code},
            {u"name"_s, m.name},
            {u"customer_id"_s, m.customerId},
            {u"account"_s, m.settlementAccount},
            {u"plan"_s, m.contract.feePlan},
            {u"rate_bp"_s, m.contract.feeRateBp},
            {u"fixed_fee"_s, plain(m.contract.fixedFee)},
            {u"cycle"_s, m.contract.cycle},
            {u"days"_s, m.contract.settlementDays},
            {u"state"_s, m.state}};
}

QJsonObject merchantPaymentJson(const PaymentView& p)
{
    return {{u"payment_id"_s, p.id},
            {u"merchant_id"_s, p.merchantId},
            {u"order"_s, p.orderNumber},
            {u"mode"_s, p.mode},
            {u"state"_s, p.state},
            {u"channel"_s, p.channel},
            {u"payer_account"_s, p.payerAccount},
            {u"card_id"_s, idOrNull(p.payerCardId)},
            {u"currency"_s, p.amount.currency().code()},
            {u"amount"_s, plain(p.amount)},
            {u"captured"_s, plain(p.captured)},
            {u"refunded"_s, plain(p.refunded)},
            {u"refundable"_s, plainFen(p.captured.minor() - p.refunded.minor())},
            {u"fee"_s, plain(p.fee)},
            {u"business_date"_s, dateOrNull(p.businessDate)},
            {u"settle_on"_s, dateOrNull(p.settleOn)},
            {u"settlement_id"_s, idOrNull(p.settlementId)},
            {u"txn_id"_s, idOrNull(p.txnId)}};
}

QJsonObject merchantSettlementJson(const SettlementView& s)
{
    return {{u"settlement_id"_s, s.id},
            {u"merchant_id"_s, s.merchantId},
            {u"merchant_code"_s, s.merchantCode},
            {u"merchant_name"_s, s.merchantName},
            {u"payment_id"_s, idOrNull(s.paymentId)},
            {u"business_date"_s, dateOrNull(s.businessDate)},
            {u"gross"_s, plain(s.gross)},
            {u"fees"_s, plain(s.fees)},
            {u"refunds"_s, plain(s.refunds)},
            {u"net"_s, plain(s.net)},
            {u"payments"_s, s.payments},
            {u"txn_id"_s, idOrNull(s.txnId)}};
}

MerchantService::MerchantService(Database db) : m_db(std::move(db)) {}

Result<MerchantView> MerchantService::add(const Session& session, const NewMerchantRequest& request) const
{
    const QString name = request.name.trimmed();
    if (name.isEmpty() || name.size() > 60)
        return fail(Error::invalid(u"merchant.name"_s, u"name"_s, QCoreApplication::translate("cs::Merchants", "A merchant's name is 1 to 60 characters.")));
    if (auto ok = requireRequestId(request.requestId); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, permissionManage, {actionAdd, u"merchant"_s, {}, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto defaults = feeDefaults(uow);
            if (!defaults)
                return fail(defaults.error());
            const MerchantContract contract = withDefaults(request.contract, *defaults);
            if (auto ok = checkContract(contract); !ok)
                return fail(ok.error());
            auto customer = CustomerRepository(uow).findById(request.customerId);
            if (!customer)
                return fail(customer.error());
            if (!customer->has_value())
                return fail(Error::notFound(u"customer.not_found"_s, u"customer"_s,
                                            QCoreApplication::translate("cs::Merchants", "There is no customer %1.").arg(request.customerId)));
            if ((*customer)->kind != u"company"_s)
                return fail(Error::refused(u"merchant.customer_kind"_s, u"customer"_s,
                                           QCoreApplication::translate("cs::Merchants", "%1 is a person: a merchant is a company.").arg((*customer)->fullName)));
            AccountRepository accounts(uow);
            auto account = customerAccount(accounts, request.settlementAccount, u"account"_s);
            if (!account)
                return fail(account.error());
            if (account->customerId != request.customerId)
                return fail(Error::refused(u"merchant.account_owner"_s, u"account"_s,
                                           QCoreApplication::translate("cs::Merchants", "Account %1 is not an account of %2.").arg(account->number, (*customer)->fullName)));
            if (account->state == u"closed"_s)
                return fail(Error::refused(u"merchant.account_owner"_s, u"account"_s,
                                           QCoreApplication::translate("cs::Merchants", "Account %1 is closed.").arg(account->number)));
            MerchantRepository merchants(uow);
            auto id = merchants.nextMerchantId();
            if (!id)
                return fail(id.error());
            MerchantRow row;
            row.id = *id;
            row.code = u"M%1"_s.arg(*id, 8, 10, QLatin1Char('0'));
            row.name = name;
            row.branchId = session.branchId;
            row.customerId = request.customerId;
            row.settlementAccountId = account->id;
            row.feePlan = contract.feePlan;
            row.feeRateBp = contract.feeRateBp;
            row.fixedFee = contract.fixedFee.minor();
            row.cycle = contract.cycle;
            row.settlementDays = contract.settlementDays;
            row.state = u"active"_s;
            row.requestId = request.requestId;
            row.createdBy = session.staffId;
            if (auto inserted = merchants.insertMerchant(row); !inserted)
                return fail(inserted.error());
            row.settlementAccount = account->number;
            const QJsonObject json = merchantJson(viewOf(row));
            audit.entityId = QString::number(row.id);
            audit.after = json;
            return json;
        });
    if (!result)
        return fail(result.error());
    return merchantFromJson(*result);
}

Result<QList<MerchantView>> MerchantService::list(const Session& session) const
{
    QList<MerchantView> views;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            views.clear();
            if (auto allowed = Permissions::require(uow, session.role, permissionRead); !allowed)
                return allowed;
            auto rows = MerchantRepository(uow).listMerchants();
            if (!rows)
                return fail(rows.error());
            for (const MerchantRow& row : std::as_const(*rows))
                views.append(viewOf(row));
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return views;
}

Result<PaymentView> MerchantService::pay(const Session& session, const PaymentRequest& request) const
{
    if (auto ok = requireRequestId(request.requestId); !ok)
        return fail(ok.error());
    if (auto ok = requireOrder(request.orderNumber); !ok)
        return fail(ok.error());
    if (auto ok = requireAmount(request.amount); !ok)
        return fail(ok.error());
    static const QStringList modes = {u"immediate"_s, u"delayed"_s, u"authorised"_s};
    if (!modes.contains(request.mode))
        return fail(Error::invalid(u"merchant.mode"_s, u"mode"_s, QCoreApplication::translate("cs::Merchants", "The payment mode is immediate, delayed or authorised.")));
    PaymentRequest r = request;
    if (r.channel.isEmpty())
        r.channel = u"counter"_s;
    static const QStringList channels = {u"counter"_s, u"online"_s, u"pos"_s};
    if (!channels.contains(r.channel))
        return fail(Error::invalid(u"merchant.channel"_s, u"channel"_s, QCoreApplication::translate("cs::Merchants", "The channel is counter, online or pos.")));
    if ((r.payerCardId > 0) == !r.payerAccount.trimmed().isEmpty())
        return fail(Error::invalid(u"merchant.payer"_s, u"account"_s, QCoreApplication::translate("cs::Merchants", "Give the payer's account or card, one of them.")));

    auto result = performAudited(
        m_db, session, permissionPay, {actionPayment, u"merchant_payment"_s, {}, r.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            MerchantRepository merchants(uow);
            auto merchant = loadMerchant(merchants, r.merchantId);
            if (!merchant)
                return fail(merchant.error());
            if (merchant->state != u"active"_s)
                return fail(Error::refused(u"merchant.inactive"_s, u"merchant"_s,
                                           QCoreApplication::translate("cs::Merchants", "Merchant %1 is %2 and takes no payments.").arg(merchant->code, merchant->state)));
            auto existing = merchants.findPayment(merchant->id, r.orderNumber);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value())
                return fail(Error::refused(u"merchant.order_exists"_s, u"order"_s,
                                           QCoreApplication::translate("cs::Merchants", "Merchant %1 already has an order %2.").arg(merchant->code, r.orderNumber)));
            AccountRepository accounts(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            const QDate today = branch->businessDate;
            auto payer = payerOf(uow, session, r, today);
            if (!payer)
                return fail(payer.error());
            if (payer->accountId == merchant->settlementAccountId)
                return fail(Error::refused(u"merchant.same_account"_s, u"account"_s,
                                           QCoreApplication::translate("cs::Merchants", "The payer's account is the merchant's own settlement account.")));
            auto paymentId = merchants.nextPaymentId();
            if (!paymentId)
                return fail(paymentId.error());
            auto ledger = InternalAccounts::ensure(uow, merchant->branchId);
            if (!ledger)
                return fail(ledger.error());
            const MerchantContract contract = contractOf(*merchant);

            MerchantPaymentRow row;
            row.id = *paymentId;
            row.merchantId = merchant->id;
            row.branchId = session.branchId;
            row.orderNumber = r.orderNumber;
            row.requestId = r.requestId;
            row.mode = r.mode;
            row.channel = r.channel;
            row.payerAccountId = payer->accountId;
            row.payerCardId = payer->cardId;
            row.amount = r.amount.minor();
            row.businessDate = today;
            row.staffId = session.staffId;
            row.terminal = session.terminal;
            if (r.mode == u"authorised"_s) {
                // Rule 5: the amount is held on the payer until the merchant captures it.
                auto hold = PostingEngine::placeHold(
                    uow, {payer->accountId, r.amount, u"merchant"_s,
                          QCoreApplication::translate("cs::Merchants", "Authorised for merchant %1, order %2").arg(merchant->code, r.orderNumber),
                          u"mhold:%1"_s.arg(row.id), session.staffId, 0});
                if (!hold)
                    return fail(hold.error());
                row.state = u"authorised"_s;
                row.holdId = *hold;
            } else {
                PostingRequest posting = postingOf(session, kindPayment, u"mpay:%1"_s.arg(row.id), memoOf(*merchant, r.orderNumber));
                posting.lines = {{payer->accountId, 'D', r.amount, {}}, {ledger->merchantSettlement, 'C', r.amount, {}}};
                auto posted = PostingEngine::post(uow, posting);
                if (!posted)
                    return fail(posted.error());
                auto fee = merchantFee(contract, r.amount);
                if (!fee)
                    return fail(fee.error());
                row.state = u"captured"_s;
                row.captured = r.amount.minor();
                row.fee = fee->minor();
                row.capturedOn = today;
                row.settleOn = settleOnFor(contract, today);
                row.txnId = posted->txnId;
            }
            if (auto inserted = merchants.insertPayment(row); !inserted)
                return fail(inserted.error());
            // T+0 real time: an immediate payment settles at once; a delayed one waits for its day's end.
            if (contract.cycle == u"t0_realtime"_s && r.mode == u"immediate"_s) {
                if (auto settled = merchants::settlePayment(uow, session, *merchant, *ledger, row.id); !settled)
                    return fail(settled.error());
            }
            return answer(merchants, row.id, audit);
        });
    if (!result)
        return fail(result.error());
    return paymentFromJson(*result);
}

Result<PaymentView> MerchantService::capture(const Session& session, qint64 merchantId, const QString& orderNumber,
                                             const std::optional<Money>& amount, const QString& requestId) const
{
    if (auto ok = requireOrder(orderNumber); !ok)
        return fail(ok.error());
    if (amount) {
        if (auto ok = requireAmount(*amount); !ok)
            return fail(ok.error());
    }
    // An order is captured once: without a request id of its own, the order names the request.
    const QString id = requestId.isEmpty() ? u"mcapture:%1:%2"_s.arg(merchantId).arg(orderNumber) : requestId;
    if (auto ok = requireRequestId(id); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, permissionPay, {actionCapture, u"merchant_payment"_s, {}, id},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            MerchantRepository merchants(uow);
            auto merchant = loadMerchant(merchants, merchantId);
            if (!merchant)
                return fail(merchant.error());
            auto payment = merchants.lockPayment(merchant->id, orderNumber);
            if (!payment)
                return fail(payment.error());
            if (!payment->has_value())
                return fail(paymentNotFound(orderNumber));
            const MerchantPaymentRow p = **payment;
            audit.entityType = u"merchant_payment"_s;
            audit.entityId = QString::number(p.id);
            if (p.state != u"authorised"_s)
                return fail(Error::refused(u"merchant.not_authorised"_s, u"order"_s,
                                           QCoreApplication::translate("cs::Merchants", "Order %1 is %2: only an authorised payment is captured.").arg(orderNumber, p.state)));
            const Money taken = amount ? *amount : cny(p.amount);
            if (taken.minor() > p.amount)
                return fail(Error::refused(u"merchant.capture_exceeds"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::Merchants", "Order %1 was authorised for %2: %3 cannot be captured.")
                                               .arg(orderNumber, formatAmount(cny(p.amount)), formatAmount(taken))));
            AccountRepository accounts(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto ledger = InternalAccounts::ensure(uow, merchant->branchId);
            if (!ledger)
                return fail(ledger.error());
            // The hold is consumed whole: the part not captured goes back to the payer's available balance.
            PostingRequest posting = postingOf(session, kindPayment, u"mcap:%1"_s.arg(p.id), memoOf(*merchant, orderNumber));
            posting.lines = {{p.payerAccountId, 'D', taken, {}}, {ledger->merchantSettlement, 'C', taken, {}}};
            posting.consumeHolds = {p.holdId};
            auto posted = PostingEngine::post(uow, posting);
            if (!posted)
                return fail(posted.error());
            const MerchantContract contract = contractOf(*merchant);
            auto fee = merchantFee(contract, taken);
            if (!fee)
                return fail(fee.error());
            const QDate today = branch->businessDate;
            if (auto captured = merchants.setCaptured(p.id, taken.minor(), fee->minor(), today, settleOnFor(contract, today),
                                                      posted->txnId);
                !captured)
                return fail(captured.error());
            if (contract.cycle == u"t0_realtime"_s) {
                if (auto settled = merchants::settlePayment(uow, session, *merchant, *ledger, p.id); !settled)
                    return fail(settled.error());
            }
            return answer(merchants, p.id, audit);
        });
    if (!result)
        return fail(result.error());
    return paymentFromJson(*result);
}

Result<PaymentView> MerchantService::refund(const Session& session, qint64 merchantId, const QString& orderNumber,
                                            const Money& amount, const QString& requestId) const
{
    if (auto ok = requireRequestId(requestId); !ok)
        return fail(ok.error());
    if (auto ok = requireOrder(orderNumber); !ok)
        return fail(ok.error());
    if (auto ok = requireAmount(amount); !ok)
        return fail(ok.error());
    auto result = performAudited(
        m_db, session, permissionPay, {actionRefund, u"merchant_payment"_s, {}, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            MerchantRepository merchants(uow);
            auto merchant = loadMerchant(merchants, merchantId);
            if (!merchant)
                return fail(merchant.error());
            auto payment = merchants.lockPayment(merchant->id, orderNumber);
            if (!payment)
                return fail(payment.error());
            if (!payment->has_value())
                return fail(paymentNotFound(orderNumber));
            const MerchantPaymentRow p = **payment;
            audit.entityType = u"merchant_payment"_s;
            audit.entityId = QString::number(p.id);
            if (p.state != u"captured"_s && p.state != u"settled"_s)
                return fail(Error::refused(u"merchant.not_captured"_s, u"order"_s,
                                           QCoreApplication::translate("cs::Merchants", "Order %1 is %2: nothing was paid that could be refunded.").arg(orderNumber, p.state)));
            const qint64 left = p.captured - p.refunded;
            if (amount.minor() > left)
                return fail(Error::refused(u"merchant.refund_exceeds"_s, u"amount"_s,
                                           QCoreApplication::translate("cs::Merchants", "Only %1 of order %2 is left to refund, less than %3.")
                                               .arg(formatAmount(cny(left)), orderNumber, formatAmount(amount))));
            AccountRepository accounts(uow);
            auto branch = InternalAccounts::branch(accounts, session.branchId);
            if (!branch)
                return fail(branch.error());
            auto ledger = InternalAccounts::ensure(uow, merchant->branchId);
            if (!ledger)
                return fail(ledger.error());
            auto refundId = merchants.nextRefundId();
            if (!refundId)
                return fail(refundId.error());
            // Before settlement the money is still in merchant_settlement (the settlement's gross is
            // reduced by it); after settlement it comes back out of the merchant's account.
            const bool afterSettlement = p.state == u"settled"_s;
            const qint64 source = afterSettlement ? merchant->settlementAccountId : ledger->merchantSettlement;
            PostingRequest posting = postingOf(session, kindRefund, u"mrefund:%1"_s.arg(*refundId), memoOf(*merchant, orderNumber));
            posting.lines = {{source, 'D', amount, {}}, {p.payerAccountId, 'C', amount, {}}};
            auto posted = PostingEngine::post(uow, posting);
            if (!posted)
                return fail(posted.error());
            MerchantRefundRow refund;
            refund.id = *refundId;
            refund.paymentId = p.id;
            refund.branchId = session.branchId;
            refund.requestId = requestId;
            refund.amount = amount.minor();
            refund.afterSettlement = afterSettlement;
            refund.businessDate = branch->businessDate;
            refund.txnId = posted->txnId;
            refund.staffId = session.staffId;
            refund.terminal = session.terminal;
            if (auto inserted = merchants.insertRefund(refund); !inserted)
                return fail(inserted.error());
            if (auto added = merchants.addRefunded(p.id, amount.minor()); !added)
                return fail(added.error());
            auto json = answer(merchants, p.id, audit);
            if (json)
                audit.after.insert(u"refund"_s, QJsonObject{{u"refund_id"_s, refund.id},
                                                            {u"amount"_s, plain(amount)},
                                                            {u"after_settlement"_s, afterSettlement},
                                                            {u"txn_id"_s, refund.txnId}});
            return json;
        });
    if (!result)
        return fail(result.error());
    return paymentFromJson(*result);
}

Result<PaymentView> MerchantService::payment(const Session& session, qint64 merchantId, const QString& orderNumber) const
{
    std::optional<PaymentView> found;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, permissionRead); !allowed)
                return allowed;
            MerchantRepository merchants(uow);
            auto merchant = loadMerchant(merchants, merchantId);
            if (!merchant)
                return fail(merchant.error());
            auto row = merchants.findPayment(merchantId, orderNumber);
            if (!row)
                return fail(row.error());
            if (!row->has_value())
                return fail(paymentNotFound(orderNumber));
            found = viewOf(**row);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return *found;
}

Result<QList<SettlementView>> MerchantService::settlements(const Session& session, const QDate& from, const QDate& to) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(Error::invalid(u"merchant.period"_s, u"from"_s, QCoreApplication::translate("cs::Merchants", "Give a period whose start is not after its end.")));
    QList<SettlementView> views;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            views.clear();
            if (auto allowed = Permissions::require(uow, session.role, permissionRead); !allowed)
                return allowed;
            auto rows = MerchantRepository(uow).settlements(from, to);
            if (!rows)
                return fail(rows.error());
            for (const MerchantSettlementRow& row : std::as_const(*rows))
                views.append(viewOf(row));
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return views;
}

Result<QJsonObject> MerchantService::settleDueIn(UnitOfWork& uow, const Session& session, const QDate& businessDate)
{
    return merchants::settleDue(uow, session, businessDate);
}

} // namespace cs
