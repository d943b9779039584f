// Placeholder until wip-reports commits the core ReportService and the CSV writer: a small fixed table
// per report, so that the workspace, the printer and their tests can be built. Deleted at the merge.

#include "reports/reportservice.h"

#include <QCoreApplication>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cs {

const QList<ReportInfo>& reportCatalogue()
{
    static const QList<ReportInfo> catalogue = {
        {u"teller-journal"_s, u"Teller journal"_s, u"Every transaction of a teller on the day."_s, true},
        {u"teller-balancing"_s, u"Cash box balancing"_s, u"Opening, in, out, closing and the count."_s, true},
        {u"trial-balance"_s, u"GL trial balance"_s, u"Debits and credits per ledger account."_s, false},
        {u"statistics"_s, u"Statistics"_s, u"Amounts by channel, payment mode or account type."_s, false},
    };
    return catalogue;
}

ReportService::ReportService(Database db)
    : m_db(std::move(db))
{
}

Result<ReportTable> ReportService::run(const Session& session, const ReportRequest& request) const
{
    const bool tellerReport = request.name == u"teller-journal" || request.name == u"teller-balancing";
    if (session.role == Role::Teller && !tellerReport)
        return fail(Error::refused(u"permission.denied"_s, {}, u"not permitted"_s));
    ReportTable t;
    t.header.name = request.name;
    t.header.branchCode = session.branchCode;
    t.header.branchName = session.branchName;
    t.header.from = request.from;
    t.header.to = request.to.isValid() ? request.to : request.from;
    t.header.generatedAt = QDateTime::currentDateTimeUtc();
    t.header.staffLogin = session.login;
    t.header.staffName = session.fullName;
    for (const ReportInfo& info : reportCatalogue()) {
        if (info.name == request.name)
            t.header.title = info.title;
    }
    if (t.header.title.isEmpty())
        return fail(Error::invalid(u"report.unknown"_s, u"name"_s, u"unknown report"_s));
    t.columns = {{u"account"_s, u"Account"_s, ReportColumnKind::Text, false},
                 {u"name"_s, u"Name"_s, ReportColumnKind::Text, false},
                 {u"debit"_s, u"Debit"_s, ReportColumnKind::Money, true},
                 {u"credit"_s, u"Credit"_s, ReportColumnKind::Money, true}};
    t.rows = {{u"1001"_s, u"Cash 现金"_s, qint64(123456789), qint64(0)},
              {u"2001"_s, u"Demand deposits"_s, qint64(0), qint64(100000000)},
              {u"6001"_s, u"Fee income"_s, qint64(0), qint64(23456789)}};
    t.totals = {u"Total"_s, QVariant(), qint64(123456789), qint64(123456789)};
    t.chart = ReportChart::Bar;
    t.series = {{u"Debit"_s, {{u"1001"_s, 123456789}, {u"2001"_s, 0}, {u"6001"_s, 0}}},
                {u"Credit"_s, {{u"1001"_s, 0}, {u"2001"_s, 100000000}, {u"6001"_s, 23456789}}}};
    t.notes = {u"Balanced: yes"_s};
    return t;
}

QByteArray reportCsv(const ReportTable& table)
{
    QByteArray out = "\xEF\xBB\xBF";
    out += "# report: " + table.header.name.toUtf8() + "\r\n";
    QStringList keys;
    for (const ReportColumn& c : table.columns)
        keys.append(c.key);
    out += keys.join(u',').toUtf8() + "\r\n";
    const auto line = [&](const QVariantList& row) {
        QStringList cells;
        for (int c = 0; c < row.size(); ++c) {
            const QVariant& v = row.at(c);
            if (table.columns.at(c).kind == ReportColumnKind::Money && !v.isNull())
                cells.append(QString::number(v.toLongLong() / 100) + u'.'
                             + QString::number(v.toLongLong() % 100).rightJustified(2, u'0'));
            else
                cells.append(v.toString());
        }
        return cells;
    };
    for (const QVariantList& row : table.rows)
        out += line(row).join(u',').toUtf8() + "\r\n";
    if (!table.totals.isEmpty()) {
        QStringList cells = line(table.totals);
        cells[0] = u"total"_s;
        out += cells.join(u',').toUtf8() + "\r\n";
    }
    return out;
}

QJsonObject reportJson(const ReportTable&)
{
    return {};
}

} // namespace cs
