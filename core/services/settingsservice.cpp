#include "services/settingsservice.h"

#include "money/amountformat.h"
#include "money/amountparser.h"
#include "security/permissions.h"
#include "services/servicecall.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTime>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

using Kind = SettingDefinition::Kind;
constexpr qint64 yuan = 100;

QString text(const char* source) { return QCoreApplication::translate("cs::Settings", source); }

Error unknownSetting(const QString& key)
{
    return Error::invalid(u"setting.unknown"_s, u"key"_s,
                          QCoreApplication::translate("cs::Settings", "There is no setting %1.").arg(key));
}

// Stored form -> the form a person reads and types.
QString shown(const SettingDefinition& d, const QString& stored)
{
    if (d.kind == Kind::Money)
        return formatAmount(Money(stored.toLongLong(), Currency::cny()), {.grouping = false, .withCode = false});
    return stored;
}

// The form a person typed -> the stored form, or a message naming the setting.
Result<QString> parsed(const SettingDefinition& d, const QString& typed)
{
    const QString label = text(d.label);
    if (d.kind == Kind::Money) {
        auto money = parseAmount(typed, Currency::cny(), {u"value"_s, label, false, true});
        if (!money)
            return fail(money.error());
        if (money->minor() < d.min || money->minor() > d.max)
            return fail(Error::invalid(
                u"setting.out_of_range"_s, u"value"_s,
                QCoreApplication::translate("cs::Settings", "%1 must be between %2 and %3.")
                    .arg(label, formatAmount(Money(d.min, Currency::cny())), formatAmount(Money(d.max, Currency::cny())))));
        return QString::number(money->minor());
    }
    if (d.kind == Kind::TimeOfDay) {
        static const QRegularExpression hhmm(u"^([01][0-9]|2[0-3]):[0-5][0-9]$"_s);
        if (!hhmm.match(typed.trimmed()).hasMatch())
            return fail(Error::invalid(u"setting.invalid"_s, u"value"_s,
                                       QCoreApplication::translate("cs::Settings", "%1 must be a time of day as HH:MM, "
                                                                                   "e.g. 17:15.").arg(label)));
        return typed.trimmed();
    }
    static const QRegularExpression digits(u"^(0|-?[1-9][0-9]{0,9})$"_s);
    const QString t = typed.trimmed();
    if (!digits.match(t).hasMatch() || t.toLongLong() < d.min || t.toLongLong() > d.max)
        return fail(Error::invalid(u"setting.out_of_range"_s, u"value"_s,
                                   QCoreApplication::translate("cs::Settings", "%1 must be a whole number from %2 to %3.")
                                       .arg(label).arg(d.min).arg(d.max)));
    return t;
}

SettingValue toValue(const SettingDefinition& d, const StoredSetting& s)
{
    return {d, shown(d, s.value), text(d.label), text(d.description), s.updatedAt, s.updatedBy};
}

} // namespace

const QList<SettingDefinition>& settingDefinitions()
{
    static const QList<SettingDefinition> definitions = {
        {u"limits.teller_single_max"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Teller limit per transaction"),
         QT_TRANSLATE_NOOP("cs::Settings", "A teller pays out or transfers up to this amount alone; above it a supervisor approves.")},
        {u"limits.supervisor_approve_max"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Supervisor approval limit"),
         QT_TRANSLATE_NOOP("cs::Settings", "The largest amount a supervisor may approve.")},
        {u"approvals.blind_rekey_min"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Blind re-key from"),
         QT_TRANSLATE_NOOP("cs::Settings", "From this amount the checker types the amount again without seeing it.")},
        // Maker-checker (0009): 1 = a teller's command of this kind waits for a supervisor, 0 = done at once.
        {u"approvals.required.account_freeze"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for freezes"), QT_TRANSLATE_NOOP("cs::Settings", "1: a freeze waits for a supervisor's approval; 0: done at once.")},
        {u"approvals.required.account_unfreeze"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for unfreezes"), QT_TRANSLATE_NOOP("cs::Settings", "1: lifting a freeze waits for a supervisor's approval; 0: done at once.")},
        {u"approvals.required.account_close"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for closures"), QT_TRANSLATE_NOOP("cs::Settings", "1: closing an account waits for a supervisor's approval; 0: done at once.")},
        {u"approvals.required.reversal"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for reversals"), QT_TRANSLATE_NOOP("cs::Settings", "1: a teller's reversal waits for a supervisor's approval; 0: done at once.")},
        {u"approvals.required.cashbox_overshort"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for cash over/short"), QT_TRANSLATE_NOOP("cs::Settings", "1: booking a cash box over or short waits for a supervisor's approval.")},
        {u"approvals.required.fee_waiver"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for fee waivers"), QT_TRANSLATE_NOOP("cs::Settings", "1: waiving a fee waits for a supervisor's approval.")},
        {u"approvals.required.card_replace"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for card replacement"), QT_TRANSLATE_NOOP("cs::Settings", "1: replacing a card waits for a supervisor's approval.")},
        {u"approvals.required.card_pin_reset"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for PIN resets"), QT_TRANSLATE_NOOP("cs::Settings", "1: resetting a card's PIN waits for a supervisor's approval.")},
        {u"approvals.required.transfer_interbank"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "Approval for interbank transfers"), QT_TRANSLATE_NOOP("cs::Settings", "1: every interbank transfer waits for a supervisor's approval.")},
        {u"aml.cash_large_value"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Large-value cash threshold"),
         QT_TRANSLATE_NOOP("cs::Settings", "Cash per customer per day at or above this is reported as large-value.")},
        {u"clearing.beps_limit"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "BEPS credit limit"),
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank credits above this go through HVPS.")},
        {u"clearing.hvps_cutoff"_s, Kind::TimeOfDay, 0, 0,
         QT_TRANSLATE_NOOP("cs::Settings", "HVPS cut-off"),
         QT_TRANSLATE_NOOP("cs::Settings", "After this time HVPS instructions wait for the next window.")},
        {u"clearing.hvps_open"_s, Kind::TimeOfDay, 0, 0,
         QT_TRANSLATE_NOOP("cs::Settings", "HVPS opens"),
         QT_TRANSLATE_NOOP("cs::Settings", "HVPS takes instructions from this time on business days; before it they wait.")},
        {u"clearing.ibps_enabled"_s, Kind::Count, 0, 1,
         QT_TRANSLATE_NOOP("cs::Settings", "IBPS enabled"),
         QT_TRANSLATE_NOOP("cs::Settings", "1: a customer may ask for IBPS (real time, 7x24); 0: it is not offered.")},
        {u"clearing.ibps_limit"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "IBPS limit"),
         QT_TRANSLATE_NOOP("cs::Settings", "The largest transfer sent through IBPS.")},
        {u"limits.counter_transfer_daily_out"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Counter transfers per account per day"),
         QT_TRANSLATE_NOOP("cs::Settings", "What one account may transfer out at the counter in a business day.")},
        {u"fees.transfer.intra"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Intra-bank transfer fee"),
         QT_TRANSLATE_NOOP("cs::Settings", "The fee of a transfer to an account of this bank.")},
        {u"fees.transfer.interbank_t1_max"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 1 up to"), QT_TRANSLATE_NOOP("cs::Settings", "Interbank transfers up to this amount pay the tier 1 fee.")},
        {u"fees.transfer.interbank_t1_fee"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 1"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of an interbank transfer in tier 1.")},
        {u"fees.transfer.interbank_t2_max"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 2 up to"), QT_TRANSLATE_NOOP("cs::Settings", "Interbank transfers up to this amount pay the tier 2 fee.")},
        {u"fees.transfer.interbank_t2_fee"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 2"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of an interbank transfer in tier 2.")},
        {u"fees.transfer.interbank_t3_max"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 3 up to"), QT_TRANSLATE_NOOP("cs::Settings", "Interbank transfers up to this amount pay the tier 3 fee.")},
        {u"fees.transfer.interbank_t3_fee"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 3"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of an interbank transfer in tier 3.")},
        {u"fees.transfer.interbank_t4_max"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 4 up to"), QT_TRANSLATE_NOOP("cs::Settings", "Interbank transfers up to this amount pay the tier 4 fee.")},
        {u"fees.transfer.interbank_t4_fee"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee tier 4"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of an interbank transfer in tier 4.")},
        {u"fees.transfer.interbank_rate_ppm"_s, Kind::Count, 0, 10'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee above tier 4 (per million)"), QT_TRANSLATE_NOOP("cs::Settings", "Above tier 4 the fee is this many millionths of the amount (20 = 0.002%), rounded half up.")},
        {u"fees.transfer.interbank_cap"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Interbank fee at most"), QT_TRANSLATE_NOOP("cs::Settings", "The largest fee of one interbank transfer.")},
        {u"class2.daily_in"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class II daily inflow"), QT_TRANSLATE_NOOP("cs::Settings", "Credits from non-bound accounts and cash deposits per day.")},
        {u"class2.yearly_in"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class II yearly inflow"), QT_TRANSLATE_NOOP("cs::Settings", "Credits from non-bound accounts and cash deposits per year.")},
        {u"class2.daily_out"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class II daily outflow"), QT_TRANSLATE_NOOP("cs::Settings", "Payments, transfers to non-bound accounts and cash per day.")},
        {u"class2.yearly_out"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class II yearly outflow"), QT_TRANSLATE_NOOP("cs::Settings", "Payments, transfers to non-bound accounts and cash per year.")},
        {u"class3.balance_cap"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class III balance cap"), QT_TRANSLATE_NOOP("cs::Settings", "A Class III account never holds more than this.")},
        {u"class3.daily_out"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class III daily outflow"), QT_TRANSLATE_NOOP("cs::Settings", "Payments out of a Class III account per day.")},
        {u"class3.yearly_out"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Class III yearly outflow"), QT_TRANSLATE_NOOP("cs::Settings", "Payments out of a Class III account per year.")},
        {u"cards.oral_loss_lapse_days"_s, Kind::Days, 1, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Oral loss report lapses after"), QT_TRANSLATE_NOOP("cs::Settings", "Days an oral loss report stands without a written one.")},
        {u"cards.written_loss_replace_days"_s, Kind::Days, 0, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Replacement after written loss report"), QT_TRANSLATE_NOOP("cs::Settings", "Days from a written loss report to the replacement card.")},
        {u"cards.bin.debit"_s, Kind::Count, 100'000, 99'999'999,
         QT_TRANSLATE_NOOP("cs::Settings", "BIN of the debit card"), QT_TRANSLATE_NOOP("cs::Settings", "The first digits (6 to 8) of every debit card number the bank issues.")},
        {u"cards.bin.quasi"_s, Kind::Count, 100'000, 99'999'999,
         QT_TRANSLATE_NOOP("cs::Settings", "BIN of the quasi-credit card"), QT_TRANSLATE_NOOP("cs::Settings", "The first digits (6 to 8) of every quasi-credit card number the bank issues.")},
        {u"cards.bin.credit"_s, Kind::Count, 100'000, 99'999'999,
         QT_TRANSLATE_NOOP("cs::Settings", "BIN of the credit card"), QT_TRANSLATE_NOOP("cs::Settings", "The first digits (6 to 8) of every credit card number the bank issues.")},
        {u"cards.pan_length.debit"_s, Kind::Count, 16, 19,
         QT_TRANSLATE_NOOP("cs::Settings", "Card number length, debit card"), QT_TRANSLATE_NOOP("cs::Settings", "Digits of a debit card number, the check digit included (16 to 19).")},
        {u"cards.pan_length.quasi"_s, Kind::Count, 16, 19,
         QT_TRANSLATE_NOOP("cs::Settings", "Card number length, quasi-credit card"), QT_TRANSLATE_NOOP("cs::Settings", "Digits of a quasi-credit card number, the check digit included (16 to 19).")},
        {u"cards.pan_length.credit"_s, Kind::Count, 16, 19,
         QT_TRANSLATE_NOOP("cs::Settings", "Card number length, credit card"), QT_TRANSLATE_NOOP("cs::Settings", "Digits of a credit card number, the check digit included (16 to 19).")},
        {u"cards.validity_years.debit"_s, Kind::Count, 1, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Validity of a debit card (years)"), QT_TRANSLATE_NOOP("cs::Settings", "A debit card expires at the end of the month this many years after issuance.")},
        {u"cards.validity_years.quasi"_s, Kind::Count, 1, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Validity of a quasi-credit card (years)"), QT_TRANSLATE_NOOP("cs::Settings", "A quasi-credit card expires at the end of the month this many years after issuance.")},
        {u"cards.validity_years.credit"_s, Kind::Count, 1, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Validity of a credit card (years)"), QT_TRANSLATE_NOOP("cs::Settings", "A credit card expires at the end of the month this many years after issuance.")},
        {u"cards.fee.issue.debit"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Issuance fee, debit card"), QT_TRANSLATE_NOOP("cs::Settings", "Charged to the settlement account when a debit card is issued; 0: none.")},
        {u"cards.fee.issue.quasi"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Issuance fee, quasi-credit card"), QT_TRANSLATE_NOOP("cs::Settings", "Charged to the settlement account when a quasi-credit card is issued; 0: none.")},
        {u"cards.fee.issue.credit"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Issuance fee, credit card"), QT_TRANSLATE_NOOP("cs::Settings", "Charged to the settlement account when a credit card is issued; 0: none.")},
        {u"cards.fee.annual.debit"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Annual fee, debit card"), QT_TRANSLATE_NOOP("cs::Settings", "The yearly fee of a debit card; 0: none.")},
        {u"cards.fee.annual.quasi"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Annual fee, quasi-credit card"), QT_TRANSLATE_NOOP("cs::Settings", "The yearly fee of a quasi-credit card; 0: none.")},
        {u"cards.fee.annual.credit"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Annual fee, credit card"), QT_TRANSLATE_NOOP("cs::Settings", "The yearly fee of a credit card; 0: none.")},
        {u"cards.quasi.overdraft_default"_s, Kind::Money, 0, 1'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Quasi-credit overdraft, default"), QT_TRANSLATE_NOOP("cs::Settings", "The overdraft limit of a new quasi-credit card unless the teller enters another.")},
        {u"cards.credit.limit_default"_s, Kind::Money, 0, 10'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Credit limit, default"), QT_TRANSLATE_NOOP("cs::Settings", "The credit limit of a new credit card unless the teller enters another.")},
        {u"cards.credit.statement_day"_s, Kind::Count, 1, 28,
         QT_TRANSLATE_NOOP("cs::Settings", "Credit card statement day"), QT_TRANSLATE_NOOP("cs::Settings", "The day of the month a credit card's statement is made, unless chosen at issuance.")},
        {u"cards.credit.due_day"_s, Kind::Count, 1, 28,
         QT_TRANSLATE_NOOP("cs::Settings", "Credit card due day"), QT_TRANSLATE_NOOP("cs::Settings", "The day of the month a credit card's statement is due, unless chosen at issuance.")},
        {u"cards.remote_fee.free_below"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Remote cash free below"), QT_TRANSLATE_NOOP("cs::Settings", "Remote (other city) cash deposits and withdrawals are free while the day's total stays under this.")},
        {u"cards.remote_fee.rate_ppm"_s, Kind::Count, 0, 10'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Remote cash fee (per million)"), QT_TRANSLATE_NOOP("cs::Settings", "Above the free amount each remote cash transaction pays this many millionths of it (100 = 0.01%), rounded half up.")},
        {u"cards.remote_fee.cap"_s, Kind::Money, 0, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Remote cash fee at most"), QT_TRANSLATE_NOOP("cs::Settings", "The largest remote cash fee of one transaction.")},
        {u"cards.online.ceiling.sms"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Online payment ceiling, SMS code"), QT_TRANSLATE_NOOP("cs::Settings", "The highest daily online payment limit a customer verifying by SMS code may choose.")},
        {u"cards.online.ceiling.otp"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Online payment ceiling, OTP token"), QT_TRANSLATE_NOOP("cs::Settings", "The highest daily online payment limit a customer verifying by OTP token may choose.")},
        {u"cards.online.ceiling.otp_trial"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Online payment ceiling, trial OTP token"), QT_TRANSLATE_NOOP("cs::Settings", "The highest daily online payment limit a customer verifying by trial OTP token may choose.")},
        {u"cards.online.ceiling.usbkey"_s, Kind::Money, 0, 100'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Online payment ceiling, USB key"), QT_TRANSLATE_NOOP("cs::Settings", "The highest daily online payment limit a customer verifying by USB key may choose.")},
        {u"cards.pin_max_failures"_s, Kind::Count, 1, 10,
         QT_TRANSLATE_NOOP("cs::Settings", "Wrong PINs before the lock"), QT_TRANSLATE_NOOP("cs::Settings", "After this many wrong PINs in a business day the card's PIN is locked until the next business day.")},
        // Merchant acquiring (0011): the rates a new contract takes unless the supervisor enters others.
        {u"merchant.fee.b2b_rate_bp"_s, Kind::Count, 1, 100,
         QT_TRANSLATE_NOOP("cs::Settings", "Merchant B2B fee (basis points)"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of a new B2B percent contract in hundredths of a percent (10 = 0.1%), rounded half up per payment.")},
        {u"merchant.fee.b2b_fixed"_s, Kind::Money, 1, 10'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Merchant B2B fixed fee"), QT_TRANSLATE_NOOP("cs::Settings", "The fee per payment of a new B2B fixed-fee contract.")},
        {u"merchant.fee.b2c_rate_bp"_s, Kind::Count, 20, 30,
         QT_TRANSLATE_NOOP("cs::Settings", "Merchant B2C fee (basis points)"), QT_TRANSLATE_NOOP("cs::Settings", "The fee of a new B2C contract in hundredths of a percent, 20 to 30 (0.2% to 0.3%), rounded half up per payment.")},
        {u"accounts.dormant_after_days"_s, Kind::Days, 30, 3650,
         QT_TRANSLATE_NOOP("cs::Settings", "Dormant after (days)"), QT_TRANSLATE_NOOP("cs::Settings", "A customer demand account without a customer movement for this many days becomes dormant.")},
        // Interest and time deposits (0012): annual rates in basis points (35 = 0.35%).
        {u"interest.rate_bp.demand"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Demand deposit rate (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual demand deposit rate in basis points (35 = 0.35%): daily accrual, quarterly settlement, early withdrawals and time after maturity.")},
        {u"interest.rate_bp.td3m"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 3 months (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 3-month time deposit when it is placed or rolled over.")},
        {u"interest.rate_bp.td6m"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 6 months (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 6-month time deposit when it is placed or rolled over.")},
        {u"interest.rate_bp.td1y"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 1 year (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 1-year time deposit when it is placed or rolled over.")},
        {u"interest.rate_bp.td2y"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 2 years (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 2-year time deposit when it is placed or rolled over.")},
        {u"interest.rate_bp.td3y"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 3 years (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 3-year time deposit when it is placed or rolled over.")},
        {u"interest.rate_bp.td5y"_s, Kind::Count, 0, 2'000,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit rate, 5 years (bp)"), QT_TRANSLATE_NOOP("cs::Settings", "Annual rate in basis points fixed for a 5-year time deposit when it is placed or rolled over.")},
        {u"deposit.time_minimum"_s, Kind::Money, 0, 1'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Time deposit minimum"), QT_TRANSLATE_NOOP("cs::Settings", "The smallest principal of a time deposit, and what a partial early withdrawal must leave.")},
        {u"aml.person_transfer_large_value"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Large-value transfers, persons"), QT_TRANSLATE_NOOP("cs::Settings", "A person's transfers per day and direction at or above this are reported as large-value at end of day.")},
        {u"aml.company_transfer_large_value"_s, Kind::Money, 0, 1'000'000'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Large-value transfers, companies"), QT_TRANSLATE_NOOP("cs::Settings", "A company's transfers per day and direction at or above this are reported as large-value at end of day.")},
        // SMS notices (0014): delivery to the gateway and the notice package.
        {u"notify.timeout_seconds"_s, Kind::Count, 1, 120,
         QT_TRANSLATE_NOOP("cs::Settings", "SMS gateway timeout (seconds)"), QT_TRANSLATE_NOOP("cs::Settings", "An SMS gateway that has not answered within this many seconds is taken as failed, and the notice is tried again later.")},
        {u"notify.max_attempts"_s, Kind::Count, 1, 50,
         QT_TRANSLATE_NOOP("cs::Settings", "SMS attempts before dead letter"), QT_TRANSLATE_NOOP("cs::Settings", "A notice that failed this many times is set aside as dead until an administrator retries it.")},
        {u"notify.backoff_base_seconds"_s, Kind::Count, 0, 3'600,
         QT_TRANSLATE_NOOP("cs::Settings", "SMS retry wait, first (seconds)"), QT_TRANSLATE_NOOP("cs::Settings", "The wait after a notice's first failure, doubled after each further one, with random jitter.")},
        {u"notify.backoff_max_seconds"_s, Kind::Count, 1, 86'400,
         QT_TRANSLATE_NOOP("cs::Settings", "SMS retry wait, longest (seconds)"), QT_TRANSLATE_NOOP("cs::Settings", "The longest wait between two attempts of a notice.")},
        {u"notify.batch_size"_s, Kind::Count, 1, 500,
         QT_TRANSLATE_NOOP("cs::Settings", "SMS notices per claim"), QT_TRANSLATE_NOOP("cs::Settings", "How many due notices a sender takes at a time; other senders take the rest.")},
        {u"notify.utc_offset_minutes"_s, Kind::Count, -720, 840,
         QT_TRANSLATE_NOOP("cs::Settings", "Notice time zone (minutes from UTC)"), QT_TRANSLATE_NOOP("cs::Settings", "The times in SMS notices are shown this many minutes ahead of UTC (China: 480).")},
        {u"notice.package_monthly_fee"_s, Kind::Money, 1, 1'000 * yuan,
         QT_TRANSLATE_NOOP("cs::Settings", "Notice package, monthly fee"), QT_TRANSLATE_NOOP("cs::Settings", "The monthly fee of a new paid notice package, due only after its trial and the customer's confirmation.")},
        {u"notice.trial_days"_s, Kind::Days, 0, 365,
         QT_TRANSLATE_NOOP("cs::Settings", "Notice package trial (days)"), QT_TRANSLATE_NOOP("cs::Settings", "A new paid notice package is free for this many days, and after them until the customer confirms it.")},
        {u"security.lockout_failures"_s, Kind::Count, 3, 10,
         QT_TRANSLATE_NOOP("cs::Settings", "Wrong passwords before lockout"), QT_TRANSLATE_NOOP("cs::Settings", "After this many wrong passwords in a row the staff member is locked until an administrator unlocks.")},
        {u"security.idle_lock_minutes"_s, Kind::Minutes, 0, 120,
         QT_TRANSLATE_NOOP("cs::Settings", "Idle lock after (minutes)"), QT_TRANSLATE_NOOP("cs::Settings", "An idle terminal locks after this many minutes; 0 never locks.")},
        {u"security.password_min_length"_s, Kind::Count, 8, 64,
         QT_TRANSLATE_NOOP("cs::Settings", "Minimum password length"), QT_TRANSLATE_NOOP("cs::Settings", "Staff passwords have at least this many characters.")},
    };
    return definitions;
}

const SettingDefinition* findSetting(const QString& key)
{
    for (const SettingDefinition& d : settingDefinitions()) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

SettingsService::SettingsService(Database db) : m_db(std::move(db)) {}

Result<QList<SettingValue>> SettingsService::list(const Session& session) const
{
    QList<SettingValue> values;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            values.clear();
            if (auto allowed = Permissions::require(uow, session.role, action::settingRead); !allowed)
                return allowed;
            auto stored = SettingsRepository(uow).list();
            if (!stored)
                return fail(stored.error());
            for (const SettingDefinition& d : settingDefinitions()) {
                for (const StoredSetting& s : std::as_const(*stored)) {
                    if (s.key == d.key)
                        values.append(toValue(d, s));
                }
            }
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return values;
}

Result<SettingValue> SettingsService::get(const Session& session, const QString& key) const
{
    auto all = list(session);
    if (!all)
        return fail(all.error());
    for (const SettingValue& v : std::as_const(*all)) {
        if (v.definition.key == key)
            return v;
    }
    return fail(unknownSetting(key));
}

Status SettingsService::set(const Session& session, const QString& key, const QString& value,
                            const QString& requestId) const
{
    const SettingDefinition* definition = findSetting(key);
    auto result = performAudited(
        m_db, session, {action::settingSet, u"setting"_s, key, requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            if (!definition)
                return fail(unknownSetting(key));
            auto stored = parsed(*definition, value);
            if (!stored)
                return fail(stored.error());
            SettingsRepository settings(uow);
            auto old = settings.find(key);
            if (!old)
                return fail(old.error());
            if (!old->has_value())
                return fail(unknownSetting(key));
            if (auto updated = settings.update(key, *stored, session.staffId); !updated)
                return fail(updated.error());
            audit.before = {{u"value"_s, shown(*definition, (*old)->value)}};
            audit.after = {{u"value"_s, shown(*definition, *stored)}};
            return QJsonObject{{u"key"_s, key}, {u"value"_s, shown(*definition, *stored)}};
        });
    if (!result)
        return fail(result.error());
    return {};
}

Result<qint64> SettingsService::integer(const QString& key) const
{
    qint64 value = 0;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            auto stored = SettingsRepository(uow).find(key);
            if (!stored)
                return fail(stored.error());
            if (!stored->has_value())
                return fail(unknownSetting(key));
            bool ok = false;
            value = (*stored)->value.toLongLong(&ok);
            if (!ok)
                return fail(Error::internal(u"setting.not_a_number"_s,
                                            QCoreApplication::translate("cs::Settings", "The setting %1 is not a number.").arg(key)));
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return value;
}

} // namespace cs
