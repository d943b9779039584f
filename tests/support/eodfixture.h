#pragma once

#include "services/endofdayservice.h"
#include "services/timedepositservice.h"
#include "storage/branchrepository.h"
#include "support/cashfixture.h"

namespace cs::test {

// The cash fixture with a supervisor (super1) for end of day, money brought into accounts from clearing,
// the branch moved to a chosen date, and time deposit accounts opened.
class EodFixture : public CashFixture {
public:
    std::optional<Session> super;

    Status create()
    {
        if (auto made = CashFixture::create(); !made)
            return made;
        auto s = db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"S01"_s);
        if (!s)
            return fail(s.error());
        super = *s;
        return {};
    }

    QDate today() const { return teller->businessDate; }

    // Moves the branch's business date forward without an end of day (the tests whose subject is not
    // the end of day itself), and the signed-on sessions with it.
    Status moveTo(const QDate& to)
    {
        const QDate from = today();
        const Status moved = db.db().transact([&](UnitOfWork& uow) -> Status {
            return BranchRepository(uow).advanceBusinessDate(teller->branchId, from, to, super->staffId);
        });
        if (moved)
            follow(to);
        return moved;
    }
    // The sessions follow a date the end of day moved.
    void follow(const QDate& to)
    {
        teller->businessDate = to;
        teller2->businessDate = to;
        super->businessDate = to;
    }
    QDate branchDate() { return QDate::fromString(db.scalar(u"SELECT business_date FROM branches"_s).toString().left(10), Qt::ISODate); }

    // Money into an account from the clearing account (an incoming credit), through the engine.
    Status fund(const QString& number, qint64 minor)
    {
        return db.db().transact([&](UnitOfWork& uow) -> Status {
            PostingRequest r;
            r.requestId = newId();
            r.kind = u"test_funding"_s;
            r.branchId = teller->branchId;
            r.businessDate = teller->businessDate;
            r.staffId = teller->staffId;
            r.terminal = teller->terminal;
            r.lines = {{ledger.clearing, 'D', cny(minor), {}}, {idOf(number), 'C', cny(minor), {}}};
            auto posted = PostingEngine::post(uow, r);
            if (!posted)
                return fail(posted.error());
            return {};
        });
    }

    // End of day by super1; the sessions follow the date it moved to.
    Result<EodResult> endOfDay()
    {
        auto result = EndOfDayService(db.db()).run(*super);
        if (result)
            follow(result->businessDate);
        return result;
    }

    Result<DepositMovement> place(const QString& deposit, const QString& from, qint64 minor, bool rollover,
                                  const QString& requestId = {})
    {
        PlaceDepositRequest r;
        r.account = deposit;
        r.fromAccount = from;
        r.amount = cny(minor);
        r.rollover = rollover;
        r.requestId = requestId.isEmpty() ? newId() : requestId;
        return TimeDepositService(db.db()).place(*teller, r);
    }
    Result<DepositMovement> withdraw(const QString& deposit, std::optional<qint64> minor = std::nullopt,
                                     const QString& requestId = {})
    {
        return TimeDepositService(db.db()).withdraw(*teller, deposit,
                                                    minor ? std::optional(cny(*minor)) : std::nullopt,
                                                    requestId.isEmpty() ? newId() : requestId);
    }

    qint64 interestExpense()
    {
        return db.count(u"SELECT coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount ELSE -l.amount END), 0) "
                        "FROM journal_lines l JOIN accounts a ON a.id = l.account_id "
                        "WHERE a.internal_role = 'interest_expense'"_s);
    }
    QString depositColumn(const QString& number, const QString& column)
    {
        return db.scalar(u"SELECT %1 FROM time_deposits WHERE account_id = %2"_s.arg(column).arg(idOf(number))).toString();
    }
};

} // namespace cs::test
