// report NAME --date D [--to D] --format pdf|csv|json --out FILE (../shared/CLI.md): any report of the
// Reports workspace, written to a file. PDF through the report printer (QtGui only): main.cpp builds a
// QGuiApplication, on the offscreen platform unless QT_QPA_PLATFORM says otherwise, for this command.
#include "batch/commandgroups.h"
#include "batch/context.h"

#include "print/reportprinter.h"
#include "reports/reportservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

const QStringList formats = {u"pdf"_s, u"csv"_s, u"json"_s};
// Options passed through to the report as they are (ReportRequest::options).
const QStringList reportOptions = {u"teller"_s, u"granularity"_s, u"dimension"_s, u"query"_s, u"merchant"_s};

Status writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(Error::invalid(u"report.out"_s, u"out"_s,
                                   QCoreApplication::translate("cs::batch", "Cannot write %1: %2")
                                       .arg(path, file.errorString())));
    return {};
}

} // namespace

Result<QJsonObject> reportCommand(const CliArgs& args)
{
    const QString name = args.words.value(1);
    if (name.isEmpty())
        return fail(Error::invalid(u"usage.missing_report"_s, u"name"_s,
                                   QCoreApplication::translate("cs::batch", "Name the report: %1")
                                       .arg(u"teller-journal, teller-balancing, cash-position, daily-journal, "
                                            "trial-balance, merchant-settlement, fee-income, interest-paid, "
                                            "large-value, approvals, audit, statistics"_s)));
    auto date = required(args, u"date"_s);
    if (!date)
        return fail(date.error());
    auto from = dateOption(args, u"date"_s);
    if (!from)
        return fail(from.error());
    auto to = dateOption(args, u"to"_s);
    if (!to)
        return fail(to.error());
    auto format = required(args, u"format"_s);
    if (!format)
        return fail(format.error());
    if (!formats.contains(*format))
        return fail(Error::invalid(u"usage.bad_format"_s, u"format"_s,
                                   QCoreApplication::translate("cs::batch", "The format is pdf, csv or json.")));
    auto out = required(args, u"out"_s);
    if (!out)
        return fail(out.error());

    auto who = acting(args);
    if (!who)
        return fail(who.error());
    ReportRequest request{name, *from, *to, {}};
    for (const QString& option : reportOptions) {
        if (args.has(option))
            request.options.insert(option, args.value(option));
    }
    auto table = ReportService(who->db).run(who->session, request);
    if (!table)
        return fail(table.error());

    const QJsonObject json = reportJson(*table);
    Status written;
    if (*format == u"csv"_s)
        written = writeFile(*out, reportCsv(*table));
    else if (*format == u"json"_s)
        written = writeFile(*out, QJsonDocument(json).toJson(QJsonDocument::Indented));
    else
        written = ui::writeReportPdf(*table, *out);
    if (!written)
        return fail(written.error());
    return QJsonObject{{u"report"_s, name},
                       {u"format"_s, *format},
                       {u"out"_s, *out},
                       {u"from"_s, json.value(u"from"_s)},
                       {u"to"_s, json.value(u"to"_s)},
                       {u"rows"_s, table->rows.size()},
                       {u"totals"_s, json.value(u"totals"_s)}};
}

} // namespace cs::batch
