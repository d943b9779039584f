// Throwaway: merchant-settlement, interest-paid and statistics wait for the merchant (0011) and end of
// day (0012) tables. Deleted when their report files land.
#include "reports/reportbuilding.h"

using namespace Qt::StringLiterals;

namespace cs::reports {
namespace {
Status notYet(ReportTable& table)
{
    return fail(Error::refused(u"report.not_available"_s, u"name"_s, u"Report %1 is not available yet."_s.arg(table.header.name)));
}
} // namespace

Status merchantSettlement(ReportContext&, ReportTable& table) { return notYet(table); }
Status interestPaid(ReportContext&, ReportTable& table) { return notYet(table); }
Status statistics(ReportContext&, ReportTable& table) { return notYet(table); }

} // namespace cs::reports
