#include "reports/reportservice.h"

#include "reports/reportbuilding.h"
#include "security/permissions.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// Permissions (0002 report.read; 0013 report.own: a teller's own teller journal and cash box balancing).
const QString actionRead = u"report.read"_s;
const QString actionOwn = u"report.own"_s;
// The teller option's value for every teller of the branch (report.read only).
const QString everyTeller = u"*"_s;

struct Entry {
    const char* name;
    const char* title;
    const char* description;
    bool anyTimeOfDay;
    reports::ReportDefinition definition;
};

// In the order of CLI.md.
const QList<Entry>& entries()
{
    static const QList<Entry> all = {
        {"teller-journal", QT_TRANSLATE_NOOP("cs::Reports", "Teller journal"),
         QT_TRANSLATE_NOOP("cs::Reports", "A teller's postings of the day, with the cash in and out of the box."), true,
         reports::tellerJournal},
        {"teller-balancing", QT_TRANSLATE_NOOP("cs::Reports", "Cash box balancing"),
         QT_TRANSLATE_NOOP("cs::Reports", "Opening + in - out = closing, against the count: overs and shorts per teller."),
         true, reports::tellerBalancing},
        {"cash-position", QT_TRANSLATE_NOOP("cs::Reports", "Branch cash position"),
         QT_TRANSLATE_NOOP("cs::Reports", "Cash in the vault and the teller cash boxes."), false, reports::cashPosition},
        {"daily-journal", QT_TRANSLATE_NOOP("cs::Reports", "Daily journal"),
         QT_TRANSLATE_NOOP("cs::Reports", "Every journal line of the period with its account, debit and credit."), false,
         reports::dailyJournal},
        {"trial-balance", QT_TRANSLATE_NOOP("cs::Reports", "Trial balance"),
         QT_TRANSLATE_NOOP("cs::Reports", "Opening balance, debits, credits and closing balance per ledger group."), false,
         reports::trialBalance},
        {"merchant-settlement", QT_TRANSLATE_NOOP("cs::Reports", "Merchant settlement"),
         QT_TRANSLATE_NOOP("cs::Reports", "Gross, fees, refunds and net settled per merchant."), false,
         reports::merchantSettlement},
        {"fee-income", QT_TRANSLATE_NOOP("cs::Reports", "Fee income"),
         QT_TRANSLATE_NOOP("cs::Reports", "Fees taken and given back, by kind of transaction."), false, reports::feeIncome},
        {"interest-paid", QT_TRANSLATE_NOOP("cs::Reports", "Interest paid"),
         QT_TRANSLATE_NOOP("cs::Reports", "Interest credited to customers, per account and product."), false,
         reports::interestPaid},
        {"large-value", QT_TRANSLATE_NOOP("cs::Reports", "Large-value transactions"),
         QT_TRANSLATE_NOOP("cs::Reports", "Transactions at or above the large-value thresholds, for the PBOC report."),
         false, reports::largeValue},
        {"approvals", QT_TRANSLATE_NOOP("cs::Reports", "Approvals"),
         QT_TRANSLATE_NOOP("cs::Reports", "Pending and decided approvals with maker, checker and times."), false,
         reports::approvals},
        {"audit", QT_TRANSLATE_NOOP("cs::Reports", "Audit trail"),
         QT_TRANSLATE_NOOP("cs::Reports", "Audit records of the period, found by entity, action or staff."), false,
         reports::audit},
        {"statistics", QT_TRANSLATE_NOOP("cs::Reports", "Statistics"),
         QT_TRANSLATE_NOOP("cs::Reports",
                           "Merchant payments counted and summed by channel, payment mode or account type over days, "
                           "months or years."),
         false, reports::statistics},
    };
    return all;
}

QString translated(const char* text) { return QCoreApplication::translate("cs::Reports", text); }

bool isTellerReport(const QString& name) { return name == u"teller-journal"_s || name == u"teller-balancing"_s; }

Error refusedOtherTeller()
{
    return Error::refused(u"report.own_only"_s, u"teller"_s,
                          QCoreApplication::translate("cs::Reports",
                                                      "A teller may run the teller journal and cash box balancing "
                                                      "for themselves only."));
}

// The teller a teller report is about (0: every teller), after the permission check.
Result<qint64> resolveTeller(UnitOfWork& uow, const Session& session, const QString& option)
{
    if (option.isEmpty() || option == session.login)
        return session.staffId;
    if (option == everyTeller)
        return qint64(0);
    auto staff = StaffRepository(uow).findByLogin(option);
    if (!staff)
        return fail(staff.error());
    if (!staff->has_value() || (*staff)->session.branchId != session.branchId)
        return fail(Error::notFound(u"report.teller_unknown"_s, u"teller"_s,
                                    QCoreApplication::translate("cs::Reports", "There is no staff member %1 at this branch.")
                                        .arg(option)));
    return (*staff)->session.staffId;
}

} // namespace

const QList<ReportInfo>& reportCatalogue()
{
    // Translated when first asked for: the translators are installed by then.
    static const QList<ReportInfo> catalogue = [] {
        QList<ReportInfo> list;
        for (const Entry& e : entries())
            list.append({QString::fromLatin1(e.name), translated(e.title), translated(e.description), e.anyTimeOfDay});
        return list;
    }();
    return catalogue;
}

ReportService::ReportService(Database db) : m_db(std::move(db)) {}

Result<ReportTable> ReportService::run(const Session& session, const ReportRequest& request) const
{
    const QString name = request.name.trimmed();
    const Entry* entry = nullptr;
    for (const Entry& e : entries()) {
        if (name == QLatin1StringView(e.name))
            entry = &e;
    }
    if (!entry)
        return fail(Error::invalid(u"report.unknown"_s, u"name"_s,
                                   QCoreApplication::translate("cs::Reports", "There is no report %1.").arg(name)));
    if (!request.from.isValid())
        return fail(Error::invalid(u"report.period"_s, u"from"_s,
                                   QCoreApplication::translate("cs::Reports", "Choose the first day of the period.")));
    const QDate to = request.to.isValid() ? request.to : request.from;
    if (to < request.from)
        return fail(Error::invalid(u"report.period"_s, u"to"_s,
                                   QCoreApplication::translate("cs::Reports",
                                                               "The period ends before it begins (%1 to %2).")
                                       .arg(request.from.toString(Qt::ISODate), to.toString(Qt::ISODate))));

    ReportTable table;
    const Status built = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            table = {};
            auto mayRead = Permissions::allows(uow, session.role, actionRead);
            if (!mayRead)
                return fail(mayRead.error());
            const QString tellerOption = request.options.value(u"teller"_s).trimmed();
            if (!*mayRead) {
                // A teller sees their own day, nothing else.
                if (!isTellerReport(name))
                    return Permissions::require(uow, session.role, actionRead);
                if (auto own = Permissions::require(uow, session.role, actionOwn); !own)
                    return own;
                if (!tellerOption.isEmpty() && tellerOption != session.login)
                    return fail(refusedOtherTeller());
            }
            reports::ReportContext context{uow, session, request, request.from, to, 0};
            if (isTellerReport(name)) {
                auto teller = resolveTeller(uow, session, tellerOption);
                if (!teller)
                    return fail(teller.error());
                context.tellerId = *teller;
            }
            table.header = {name,
                            translated(entry->title),
                            session.branchCode,
                            session.branchName,
                            request.from,
                            to,
                            QDateTime::currentDateTimeUtc(),
                            session.login,
                            session.fullName};
            return entry->definition(context, table);
        },
        UnitOfWork::Isolation::ReadOnlySnapshot);
    if (!built)
        return fail(built.error());
    return table;
}

} // namespace cs
