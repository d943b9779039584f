#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "reports/reporttable.h"
#include "storage/database.h"

#include <QHash>

namespace cs {

// The report names of CLI.md: teller-journal, teller-balancing, cash-position, daily-journal,
// trial-balance, merchant-settlement, fee-income, interest-paid, large-value, approvals, audit,
// statistics.
struct ReportInfo {
    QString name;
    QString title;        // translated
    QString description;  // translated
    bool anyTimeOfDay = false; // teller-journal, teller-balancing: also during the day
};
const QList<ReportInfo>& reportCatalogue();

struct ReportRequest {
    QString name;
    QDate from;           // business dates, inclusive; an invalid `to` means `from` alone
    QDate to;
    // Per report: "teller" (login; teller-journal/teller-balancing, default the acting staff),
    // "granularity" (day|month|year; statistics), "dimension" (channel|mode|account_type; statistics),
    // "query" (audit: entity, action or staff), "merchant" (merchant-settlement).
    QHash<QString, QString> options;
};

// Runs a report for the acting staff's branch (permission report.read; a teller may run
// teller-journal and teller-balancing for themselves). Reads only, in one read transaction so that
// the totals and the rows agree. Invalid report.unknown (field "name"), report.period (field "from").
class ReportService {
public:
    explicit ReportService(Database db);
    Result<ReportTable> run(const Session& session, const ReportRequest& request) const;

private:
    Database m_db;
};

} // namespace cs
