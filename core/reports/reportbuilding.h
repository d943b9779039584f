#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "reports/reportservice.h"
#include "reports/reporttable.h"
#include "storage/unitofwork.h"

// What the report definitions (core/reports/<name>report.cpp) share: the context ReportService hands
// them inside its read transaction, column shorthands, the totals row and the names of journal kinds
// and internal accounts. Not for use outside core/reports.
namespace cs::reports {

struct ReportContext {
    UnitOfWork& uow;
    const Session& session;
    const ReportRequest& request;
    QDate from;
    QDate to;
    qint64 tellerId = 0; // teller-journal, teller-balancing: the teller (0: every teller)
    QString option(const QString& key) const { return request.options.value(key).trimmed(); }
};

// A definition fills the table's columns, rows, notes and chart; the service has filled the header.
using ReportDefinition = Status (*)(ReportContext&, ReportTable&);

Status tellerJournal(ReportContext& context, ReportTable& table);
Status tellerBalancing(ReportContext& context, ReportTable& table);
Status cashPosition(ReportContext& context, ReportTable& table);
Status dailyJournal(ReportContext& context, ReportTable& table);
Status trialBalance(ReportContext& context, ReportTable& table);
Status merchantSettlement(ReportContext& context, ReportTable& table);
Status feeIncome(ReportContext& context, ReportTable& table);
Status interestPaid(ReportContext& context, ReportTable& table);
Status largeValue(ReportContext& context, ReportTable& table);
Status approvals(ReportContext& context, ReportTable& table);
Status audit(ReportContext& context, ReportTable& table);
Status statistics(ReportContext& context, ReportTable& table);

ReportColumn textColumn(const QString& key, const QString& label);
ReportColumn dateColumn(const QString& key, const QString& label);
ReportColumn dateTimeColumn(const QString& key, const QString& label);
ReportColumn integerColumn(const QString& key, const QString& label, bool summed = false);
ReportColumn moneyColumn(const QString& key, const QString& label, bool summed = true);

// The totals row: the sum of every summed column over the rows, "Total" in the first text column.
void addTotals(ReportTable& table);
// The column's index by key (-1: none).
qsizetype columnIndex(const ReportTable& table, const QString& key);

// Translated names: "Cash deposit" for cash_deposit (the key itself when unknown), "Vault" for vault.
QString journalKindLabel(const QString& kind);
QString internalRoleLabel(const QString& role);
// "Yes" or "No", translated.
QString yesNo(bool yes);
// Money in the table's currency for notes ("1,234.56").
QString amountText(qint64 minor, const ReportTable& table);

// Where a statement of the report failed: passes the error on.
template <typename T>
Status check(const Result<T>& result)
{
    if (!result)
        return fail(result.error());
    return {};
}

} // namespace cs::reports
