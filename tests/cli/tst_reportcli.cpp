// `countersign-batch report NAME --date D [--to D] --format pdf|csv|json --out FILE` through the real
// executable on both backends, over the demo's history: the trial balance end to end in all three
// formats, and every report's PDF, turned to text with pdftotext (poppler-utils), showing its header
// (branch, period, staff) and its totals. The batch builds a QGuiApplication on the offscreen platform.
#include "cli/batchrunner.h"
#include "money/amountformat.h"
#include "support/demodb.h"

#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

using cs::test::DemoDb;
using cs::test::runBatch;

namespace {

const QStringList allReports = {u"teller-journal"_s, u"teller-balancing"_s, u"cash-position"_s, u"daily-journal"_s,
                                u"trial-balance"_s, u"merchant-settlement"_s, u"fee-income"_s, u"interest-paid"_s,
                                u"large-value"_s, u"approvals"_s, u"audit"_s, u"statistics"_s};

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "1234.56" -> "1,234.56", as the printer shows money.
QString grouped(const QString& plain)
{
    const auto minor = [&] {
        const bool negative = plain.startsWith(u'-');
        const QString digits = negative ? plain.mid(1) : plain;
        const qint64 v = digits.section(u'.', 0, 0).toLongLong() * 100 + digits.section(u'.', 1, 1).toLongLong();
        return negative ? -v : v;
    }();
    return cs::formatAmount(cs::Money(minor, cs::Currency::cny()));
}

} // namespace

class TestReportCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    QTemporaryDir m_dir;
    QString m_first; // the demo's first business date
    QString m_today;

    cs::test::BatchRun as(const QString& login, const QStringList& command, const QMap<QString, QString>& env = {})
    {
        QMap<QString, QString> all = env;
        all.insert(u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s);
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command, all);
    }
    cs::test::BatchRun report(const QString& name, const QString& format, const QString& out,
                              const QString& login = u"auditor1"_s, const QMap<QString, QString>& env = {})
    {
        QStringList command{u"report"_s, name, u"--date"_s, m_first, u"--to"_s, m_today, u"--format"_s, format,
                            u"--out"_s, out};
        if (name.startsWith(u"teller-"_s))
            command << u"--teller"_s << u"*"_s;
        return as(login, command, env);
    }
    QString pdfText(const QString& pdf)
    {
        const QString tool = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (tool.isEmpty())
            return u"<pdftotext is missing: install poppler-utils (installer/deps.txt)>"_s;
        QProcess process;
        process.start(tool, {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
        if (!process.waitForFinished(60000))
            return u"<pdftotext did not finish>"_s;
        return QString::fromUtf8(process.readAllStandardOutput());
    }
    void expectSuccess(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QVERIFY(run.rawErr.isEmpty());
    }
    void expectFailure(const cs::test::BatchRun& run, int exitCode, const QString& code, const QString& field = {})
    {
        QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(run.rawOut.isEmpty());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CS_VERIFY_RESULT(m_db.create(cs::DemoData::Content::Everything));
        m_first = m_db.scalar(u"SELECT min(business_date) FROM business_days"_s).toString().left(10);
        m_today = m_db.scalar(u"SELECT business_date FROM branches WHERE code = '0001'"_s).toString().left(10);
        QVERIFY(m_first < m_today);
    }
    void cleanupTestCase() { m_db.reset(); }

    void trialBalanceInEveryFormat()
    {
        const QString csvPath = m_dir.filePath(u"tb.csv"_s);
        const auto csv = report(u"trial-balance"_s, u"csv"_s, csvPath);
        expectSuccess(csv);
        QCOMPARE(csv.out.value(u"report"_s).toString(), u"trial-balance"_s);
        QCOMPARE(csv.out.value(u"format"_s).toString(), u"csv"_s);
        QCOMPARE(csv.out.value(u"out"_s).toString(), csvPath);
        QVERIFY(csv.out.value(u"rows"_s).toInt() > 0);
        const QJsonObject totals = csv.out.value(u"totals"_s).toObject();
        // The ledger balances: debits equal credits, as strings in decimal form.
        QVERIFY(totals.value(u"debits"_s).isString());
        QCOMPARE(totals.value(u"debits"_s).toString(), totals.value(u"credits"_s).toString());
        QCOMPARE(totals.value(u"closing_debit"_s).toString(), totals.value(u"closing_credit"_s).toString());
        const QByteArray bytes = readAll(csvPath);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(u"# report: trial-balance\r\n"_s));
        QVERIFY(text.contains(u"\r\ngroup,name,opening_debit,opening_credit,debits,credits,closing_debit,closing_credit\r\n"_s));
        QVERIFY(text.contains(u"\r\ntotal,"_s));
        QVERIFY(text.contains(totals.value(u"debits"_s).toString()));

        const QString jsonPath = m_dir.filePath(u"tb.json"_s);
        const auto json = report(u"trial-balance"_s, u"json"_s, jsonPath);
        expectSuccess(json);
        const QJsonObject file = QJsonDocument::fromJson(readAll(jsonPath)).object();
        QCOMPARE(file.value(u"report"_s).toString(), u"trial-balance"_s);
        QCOMPARE(file.value(u"branch"_s).toString(), u"0001"_s);
        QCOMPARE(file.value(u"from"_s).toString(), m_first);
        QCOMPARE(file.value(u"to"_s).toString(), m_today);
        QCOMPARE(file.value(u"staff"_s).toString(), u"auditor1"_s);
        QCOMPARE(file.value(u"totals"_s).toObject(), totals);
        QCOMPARE(file.value(u"rows"_s).toArray().size(), json.out.value(u"rows"_s).toInt());

        const QString pdfPath = m_dir.filePath(u"tb.pdf"_s);
        // QT_QPA_PLATFORM unset: the batch picks the offscreen platform itself.
        const auto pdf = report(u"trial-balance"_s, u"pdf"_s, pdfPath, u"auditor1"_s, {{u"QT_QPA_PLATFORM"_s, QString()}});
        expectSuccess(pdf);
        QVERIFY(readAll(pdfPath).startsWith("%PDF"));
        const QString printed = pdfText(pdfPath);
        QVERIFY2(printed.contains(u"Trial balance"_s), qPrintable(printed.left(400)));
        QVERIFY(printed.contains(grouped(totals.value(u"debits"_s).toString())));
        QVERIFY(printed.contains(u"Balanced: yes."_s));
    }

    // Every report's PDF shows its header (branch, period, staff) and its totals.
    void everyReportPdf_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : allReports)
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyReportPdf()
    {
        QFETCH(QString, name);
        const QString jsonPath = m_dir.filePath(name + u".json"_s);
        expectSuccess(report(name, u"json"_s, jsonPath));
        const QJsonObject json = QJsonDocument::fromJson(readAll(jsonPath)).object();
        const QString pdfPath = m_dir.filePath(name + u".pdf"_s);
        const auto pdf = report(name, u"pdf"_s, pdfPath);
        expectSuccess(pdf);
        QCOMPARE(pdf.out.value(u"totals"_s).toObject(), json.value(u"totals"_s).toObject());
        const QString printed = pdfText(pdfPath);
        const QString why = name + u":\n"_s + printed.left(2000);
        QVERIFY2(printed.contains(json.value(u"title"_s).toString()), qPrintable(why));
        QVERIFY2(printed.contains(u"0001"_s), qPrintable(why));
        QVERIFY2(printed.contains(u"Demo Branch"_s), qPrintable(why));
        QVERIFY2(printed.contains(m_first) && printed.contains(m_today), qPrintable(why));
        QVERIFY2(printed.contains(u"auditor1"_s), qPrintable(why));
        QVERIFY2(printed.contains(u"Total"_s), qPrintable(why));
        const QJsonObject totals = json.value(u"totals"_s).toObject();
        for (const QJsonValue& c : json.value(u"columns"_s).toArray()) {
            const QJsonObject column = c.toObject();
            if (!column.value(u"summed"_s).toBool())
                continue;
            const QJsonValue value = totals.value(column.value(u"key"_s).toString());
            const QString shown = column.value(u"kind"_s).toString() == u"money"_s ? grouped(value.toString())
                                                                                    : QString::number(value.toInteger());
            QVERIFY2(printed.contains(shown), qPrintable(why + u"\nmissing total "_s + shown));
        }
    }

    void refusalsAndBadUsage()
    {
        const QString out = m_dir.filePath(u"refused.csv"_s);
        expectFailure(as(u"teller1"_s, {u"report"_s, u"daily-journal"_s, u"--date"_s, m_today, u"--format"_s, u"csv"_s,
                                        u"--out"_s, out}),
                      3, u"permission.denied"_s);
        expectFailure(as(u"teller1"_s, {u"report"_s, u"teller-journal"_s, u"--date"_s, m_today, u"--teller"_s,
                                        u"teller2"_s, u"--format"_s, u"csv"_s, u"--out"_s, out}),
                      3, u"report.own_only"_s, u"teller"_s);
        QVERIFY(!QFile::exists(out));
        // A teller's own journal.
        expectSuccess(as(u"teller1"_s, {u"report"_s, u"teller-journal"_s, u"--date"_s, m_first, u"--format"_s, u"csv"_s,
                                        u"--out"_s, out}));
        QVERIFY(QFile::exists(out));
        expectFailure(report(u"balance-sheet"_s, u"csv"_s, out), 2, u"report.unknown"_s, u"name"_s);
        expectFailure(report(u"audit"_s, u"xlsx"_s, out), 2, u"usage.bad_format"_s, u"format"_s);
        expectFailure(as(u"auditor1"_s, {u"report"_s, u"audit"_s, u"--format"_s, u"csv"_s, u"--out"_s, out}), 2,
                      u"usage.missing_option"_s);
        expectFailure(as(u"auditor1"_s, {u"report"_s, u"audit"_s, u"--date"_s, m_today, u"--to"_s, m_first, u"--format"_s,
                                         u"csv"_s, u"--out"_s, out}),
                      2, u"report.period"_s, u"to"_s);
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
