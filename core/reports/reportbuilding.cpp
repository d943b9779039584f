#include "reports/reportbuilding.h"

#include "money/amountformat.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::reports {

ReportColumn textColumn(const QString& key, const QString& label) { return {key, label, ReportColumnKind::Text, false}; }
ReportColumn dateColumn(const QString& key, const QString& label) { return {key, label, ReportColumnKind::Date, false}; }
ReportColumn dateTimeColumn(const QString& key, const QString& label)
{
    return {key, label, ReportColumnKind::DateTime, false};
}
ReportColumn integerColumn(const QString& key, const QString& label, bool summed)
{
    return {key, label, ReportColumnKind::Integer, summed};
}
ReportColumn moneyColumn(const QString& key, const QString& label, bool summed)
{
    return {key, label, ReportColumnKind::Money, summed};
}

void addTotals(ReportTable& table)
{
    QVariantList totals(table.columns.size());
    bool labelled = false;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        const ReportColumn& column = table.columns.at(i);
        if (column.summed) {
            qint64 sum = 0;
            for (const QVariantList& row : std::as_const(table.rows))
                sum += row.value(i).toLongLong();
            totals[i] = sum;
        } else if (!labelled && column.kind == ReportColumnKind::Text) {
            totals[i] = QCoreApplication::translate("cs::Reports", "Total");
            labelled = true;
        }
    }
    table.totals = totals;
}

qsizetype columnIndex(const ReportTable& table, const QString& key)
{
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).key == key)
            return i;
    }
    return -1;
}

QString journalKindLabel(const QString& kind)
{
    static const QHash<QString, const char*> labels = {
        {u"cash_deposit"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash deposit")},
        {u"cash_withdrawal"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash withdrawal")},
        {u"vault_to_teller"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash from the vault")},
        {u"teller_to_vault"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash to the vault")},
        {u"vault_delivery"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash delivery to the vault")},
        {u"cash_over"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash over")},
        {u"cash_short"_s, QT_TRANSLATE_NOOP("cs::Reports", "Cash short")},
        {u"transfer"_s, QT_TRANSLATE_NOOP("cs::Reports", "Transfer")},
        {u"interbank_transfer"_s, QT_TRANSLATE_NOOP("cs::Reports", "Interbank transfer")},
        {u"card_fee"_s, QT_TRANSLATE_NOOP("cs::Reports", "Card fee")},
        {u"reversal"_s, QT_TRANSLATE_NOOP("cs::Reports", "Reversal")},
        {u"merchant_payment"_s, QT_TRANSLATE_NOOP("cs::Reports", "Merchant payment")},
        {u"merchant_refund"_s, QT_TRANSLATE_NOOP("cs::Reports", "Merchant refund")},
        {u"merchant_settlement"_s, QT_TRANSLATE_NOOP("cs::Reports", "Merchant settlement")},
        {u"interest"_s, QT_TRANSLATE_NOOP("cs::Reports", "Interest")},
        {u"deposit_maturity"_s, QT_TRANSLATE_NOOP("cs::Reports", "Time deposit maturity")},
        {u"deposit_early_withdrawal"_s, QT_TRANSLATE_NOOP("cs::Reports", "Early withdrawal of a time deposit")},
        {u"notice_fee"_s, QT_TRANSLATE_NOOP("cs::Reports", "SMS notice package fee")},
    };
    const auto it = labels.constFind(kind);
    return it == labels.cend() ? kind : QCoreApplication::translate("cs::Reports", it.value());
}

QString internalRoleLabel(const QString& role)
{
    static const QHash<QString, const char*> labels = {
        {u"cash_box"_s, QT_TRANSLATE_NOOP("cs::Reports", "Teller cash boxes")},
        {u"vault"_s, QT_TRANSLATE_NOOP("cs::Reports", "Vault")},
        {u"fee_income"_s, QT_TRANSLATE_NOOP("cs::Reports", "Fee income")},
        {u"interest_expense"_s, QT_TRANSLATE_NOOP("cs::Reports", "Interest expense")},
        {u"suspense_payable"_s, QT_TRANSLATE_NOOP("cs::Reports", "Suspense payable (cash overs)")},
        {u"suspense_receivable"_s, QT_TRANSLATE_NOOP("cs::Reports", "Suspense receivable (cash shorts)")},
        {u"clearing"_s, QT_TRANSLATE_NOOP("cs::Reports", "Clearing")},
        {u"merchant_settlement"_s, QT_TRANSLATE_NOOP("cs::Reports", "Owed to merchants")},
    };
    const auto it = labels.constFind(role);
    return it == labels.cend() ? role : QCoreApplication::translate("cs::Reports", it.value());
}

QString yesNo(bool yes)
{
    return yes ? QCoreApplication::translate("cs::Reports", "yes") : QCoreApplication::translate("cs::Reports", "no");
}

QString amountText(qint64 minor, const ReportTable& table) { return formatAmount(Money(minor, table.currency)); }

} // namespace cs::reports
