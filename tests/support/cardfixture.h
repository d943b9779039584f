#pragma once

#include "domain/residentid.h"
#include "security/cardkeys.h"
#include "services/cardservice.h"
#include "services/customerservice.h"
#include "storage/branchrepository.h"
#include "support/approvals.h"
#include "support/cashfixture.h"

#include <QRegularExpression>
#include <QSqlRecord>

namespace cs::test {

// The demo database with a card vault (key in memory), tellers and a supervisor signed on, and what the
// card tests need: issuing and PIN helpers that remember every full PAN and PIN used (for the dump
// check), moving the business date, and a dump of every table.
class CardFixture : public CashFixture {
public:
    MemorySecretStore store;
    std::optional<CardVault> vault;
    std::optional<Session> super1;
    QStringList pans; // every full PAN issued, in clear
    QStringList pins; // every PIN typed

    Status create()
    {
        if (auto made = CashFixture::create(); !made)
            return made;
        auto opened = openCardVault(store, db.db(), true);
        if (!opened)
            return fail(opened.error());
        vault = *opened;
        return signOnAgain();
    }

    CardService service() { return CardService(db.db(), *vault); }

    Result<IssuedCard> issue(const QString& account, const QString& product = u"debit"_s, const QString& presentedId = {},
                             std::optional<Money> limit = std::nullopt, const QString& requestId = {})
    {
        IssueCardRequest r;
        r.account = account;
        r.productCode = product;
        r.presentedIdNumber = presentedId;
        r.limit = limit;
        r.requestId = requestId.isEmpty() ? newId() : requestId;
        auto issued = service().issue(*teller, r);
        if (issued && !pans.contains(issued->pan))
            pans.append(issued->pan);
        return issued;
    }

    SecureBytes pin(const QString& digits)
    {
        if (!pins.contains(digits))
            pins.append(digits);
        return SecureBytes(digits.toLatin1());
    }

    Result<CardChange> setPin(qint64 cardId, const QString& digits)
    {
        return service().setPin(*teller, cardId, pin(digits), pin(digits), newId());
    }

    // A debit card on `account` with a PIN, activated.
    Result<IssuedCard> activeCard(const QString& account, const QString& product = u"debit"_s,
                                  const QString& digits = u"581937"_s)
    {
        auto issued = issue(account, product);
        if (!issued)
            return issued;
        if (auto set = setPin(issued->cardId, digits); !set)
            return fail(set.error());
        if (auto active = service().activate(*teller, issued->cardId, newId()); !active)
            return fail(active.error());
        return issued;
    }

    QString cardColumn(qint64 cardId, const QString& column)
    {
        return db.scalar(u"SELECT %1 FROM cards WHERE id = %2"_s.arg(column).arg(cardId)).toString();
    }

    QDate businessDate()
    {
        return QDate::fromString(db.scalar(u"SELECT business_date FROM branches WHERE id = %1"_s.arg(teller->branchId))
                                     .toString()
                                     .left(10),
                                 Qt::ISODate);
    }

    // End of day does not exist yet: the test moves the branch's business date forward as it will
    // (the day closed, the next one opened), then signs the staff on again for the new date.
    Status advanceDays(int days)
    {
        const QDate from = businessDate();
        const Status moved = db.db().transact([&](UnitOfWork& uow) -> Status {
            return BranchRepository(uow).advanceBusinessDate(teller->branchId, from, from.addDays(days), super1->staffId);
        });
        if (!moved)
            return moved;
        return signOnAgain();
    }

    Status signOnAgain()
    {
        auto t1 = db.signOn(u"teller1"_s);
        if (!t1)
            return fail(t1.error());
        teller = *t1;
        auto s = db.signOn(u"super1"_s, QString::fromUtf16(DemoDb::password), u"S01"_s);
        if (!s)
            return fail(s.error());
        super1 = *s;
        return {};
    }

    // A new person with a Class I account, born on `birth` (a resident ID made for the date).
    Result<QString> personWithAccount(const QString& name, const QDate& birth, int sequence)
    {
        const QString body = u"110101"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(sequence, 3, 10, QChar(u'0'));
        static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; ++i)
            sum += (body[i].unicode() - u'0') * weights[i];
        const QString idNumber = body + QString(u"10X98765432"_s[sum % 11]);
        NewCustomerRequest c;
        c.fullName = name;
        c.idType = u"resident"_s;
        c.idNumber = idNumber;
        c.requestId = newId();
        auto added = CustomerService(db.db()).add(*teller, c);
        if (!added)
            return fail(added.error());
        return classI(idNumber);
    }

    QString dump() { return test::dumpEveryTable(db.db()); }

    // The PANs and PINs found in `text`: a PAN anywhere, a PIN only as a whole token (not inside a
    // longer run of digits or hex, such as a hash).
    QStringList leaks(const QString& text) const
    {
        QStringList found;
        for (const QString& p : pans) {
            if (text.contains(p))
                found.append(u"PAN "_s + p);
        }
        for (const QString& p : pins) {
            const QRegularExpression token(u"(?<![0-9A-Za-z])"_s + p + u"(?![0-9A-Za-z])"_s);
            if (token.match(text).hasMatch())
                found.append(u"PIN "_s + p);
        }
        return found;
    }
};

} // namespace cs::test
