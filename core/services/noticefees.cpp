#include "services/noticefees.h"

#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "services/internalaccounts.h"
#include "storage/noticesubscriptionrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {

Result<QJsonObject> chargeNoticePackages(UnitOfWork& uow, const Session& session)
{
    const QDate day = session.businessDate;
    Money total = Money::zero(Currency::cny());
    if (day.addDays(1).month() == day.month())
        return QJsonObject{{u"charged"_s, 0}, {u"amount"_s, formatAmount(total)}, {u"unpaid"_s, 0}};
    auto packages = NoticeSubscriptionRepository(uow).packagesOfBranch(session.branchId);
    if (!packages)
        return fail(packages.error());
    auto ledger = InternalAccounts::ensure(uow, session.branchId);
    if (!ledger)
        return fail(ledger.error());
    int charged = 0;
    int unpaid = 0;
    for (const NoticeSubscription& s : std::as_const(*packages)) {
        if (!s.feeDueOn(day))
            continue;
        PostingRequest r;
        r.requestId = u"notice-fee:%1:%2"_s.arg(s.id).arg(day.toString(u"yyyy-MM"_s));
        r.kind = u"notice_fee"_s;
        r.branchId = session.branchId;
        r.businessDate = day;
        r.staffId = session.staffId;
        r.terminal = session.terminal;
        r.memo = QCoreApplication::translate("cs::Notices", "SMS notice package, %1").arg(day.toString(u"yyyy-MM"_s));
        r.lines = {{s.accountId, 'D', s.monthlyFee, {}}, {ledger->feeIncome, 'C', s.monthlyFee, {}}};
        // The engine asks every rule before it writes, so a refusal leaves the transaction as it was.
        auto posted = PostingEngine::post(uow, r);
        if (!posted) {
            if (posted.error().kind != ErrorKind::Refused)
                return fail(posted.error());
            ++unpaid;
            continue;
        }
        ++charged;
        if (auto t = total.plus(s.monthlyFee))
            total = *t;
    }
    return QJsonObject{{u"charged"_s, charged}, {u"amount"_s, formatAmount(total)}, {u"unpaid"_s, unpaid}};
}

} // namespace cs
