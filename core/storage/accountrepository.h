#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `accounts`. Amounts are minor units signed on normal_side (see 0001 section 7).
struct AccountRecord {
    qint64 id = 0;
    QString number;
    QString title;
    qint64 branchId = 0;
    qint64 customerId = 0;   // 0: internal account
    QString productCode;
    QString kind;            // customer, internal
    QString internalRole;    // empty for customer accounts
    qint64 ownerStaffId = 0; // cash boxes only
    QString accountClass;    // I, II, III or empty
    qint64 boundAccountId = 0;
    QString currency;
    QString normalSide;      // D or C
    QString state;           // normal, frozen, dormant, closed
    QString freezeMode;      // full, debit, credit; empty unless frozen
    QString freezeReason;
    qint64 balance = 0;
    qint64 held = 0;
    qint64 overdraftLimit = 0;
    QDate openedOn;
    QDate maturityOn;
    QDate closedOn;
    qint64 version = 0;
    QString balanceMode;     // row, journal

    bool isCustomer() const { return kind == QStringLiteral("customer"); }
    bool isJournalMode() const { return balanceMode == QStringLiteral("journal"); }
};

struct NewAccount {
    QString number;
    QString title;
    qint64 branchId = 0;
    qint64 customerId = 0;
    QString productCode;
    QString kind;
    QString internalRole;
    qint64 ownerStaffId = 0;
    QString accountClass;
    qint64 boundAccountId = 0;
    QString currency;
    QString normalSide;
    QString balanceMode = QStringLiteral("row");
    QDate openedOn;
    QDate maturityOn;
};

struct ProductRecord {
    QString code;
    QString name;
    QString kind; // demand, time, corporate, internal, card
    QString currency;
    int termMonths = 0;
    qint64 minOpeningMinor = 0;
    bool active = false;
};

struct AccountOwner {
    qint64 id = 0;
    QString kind; // person, company
    QString fullName;
};

struct BranchDay {
    qint64 id = 0;
    QString code;
    QDate businessDate;
};

// Class II/III amounts used (account_limit_usage) for one day and one year.
struct LimitUsage {
    qint64 dayIn = 0;
    qint64 dayOut = 0;
    qint64 yearIn = 0;
    qint64 yearOut = 0;
};

class AccountRepository {
public:
    explicit AccountRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<AccountRecord>> findById(qint64 id);
    Result<std::optional<AccountRecord>> findByNumber(const QString& number);
    // Locks the row for a change (PostgreSQL FOR NO KEY UPDATE: writers queue, foreign-key checks of
    // journal lines and holds do not; SQLite's write transaction is the lock).
    Result<std::optional<AccountRecord>> lockById(qint64 id);
    Result<std::optional<AccountRecord>> lockByNumber(const QString& number);
    Result<QList<AccountRecord>> listByCustomer(qint64 customerId);

    Result<qint64> insert(const NewAccount& account);

    // The accounts of a posting in one round trip, ascending by id: the 'row' ones locked in that order
    // (PostgreSQL FOR NO KEY UPDATE, read after the lock), the 'journal' ones read without a lock so a
    // hot internal account never makes one posting wait for another. Missing ids are simply absent.
    Result<QList<AccountRecord>> lockForPosting(const QList<qint64>& ascendingIds);
    // The statement of lockForPosting, for PostingRepository to run it in a larger one.
    SqlStatement lockForPostingStatement(const QList<qint64>& ascendingIds) const;
    // The net effect of one posting on its 'row' accounts in one statement: balance += delta,
    // held -= released, version + 1; the new balances by id.
    struct BalanceChange {
        qint64 id = 0;
        qint64 delta = 0;
        qint64 released = 0;
    };
    Result<QHash<qint64, qint64>> applyPostings(const QList<BalanceChange>& changes);
    // Its statement (UPDATE ... RETURNING id, balance); `changes` is not empty.
    static SqlStatement applyPostingsStatement(const QList<BalanceChange>& changes);
    // One row as lockForPostingStatement and the other queries here read it, from column `first` on.
    static AccountRecord fromRow(const QSqlQuery& row, int first = 0);
    // held += delta (a hold placed: positive; released: negative), version + 1.
    Status changeHeld(qint64 id, qint64 delta);
    Status setFrozen(qint64 id, const QString& mode, const QString& reason);
    Status setUnfrozen(qint64 id);
    Status setClosed(qint64 id, const QDate& closedOn);
    // The overdraft of a quasi-credit card's account, the credit limit of a credit card's (issue 6).
    Status setOverdraftLimit(qint64 id, qint64 limit);

    // Open (not closed) Class I accounts of the customer.
    Result<int> openClassICount(qint64 customerId);
    // Open Class II/III accounts bound to the account.
    Result<int> openBoundCount(qint64 accountId);

    // The next number of the branch's sequence ('customer' or 'internal'), taken under the row's lock:
    // the row is created at 1 on first use.
    Result<qint64> nextSequence(qint64 branchId, const QString& kind);
    // Locks the sequence row without taking a number (serializes creating internal accounts).
    Status lockSequence(qint64 branchId, const QString& kind);

    // Open internal accounts of a branch in one currency (role -> id; cash boxes excluded).
    Result<QList<std::pair<QString, qint64>>> openInternal(qint64 branchId, const QString& currency);
    Result<std::optional<qint64>> openCashBox(qint64 staffId, const QString& currency);

    Result<std::optional<ProductRecord>> product(const QString& code);
    // Locks the customer (PostgreSQL FOR NO KEY UPDATE), so that two tellers cannot both open a Class I.
    Result<std::optional<AccountOwner>> lockOwner(qint64 customerId);
    Result<std::optional<AccountOwner>> owner(qint64 customerId);
    Result<std::optional<BranchDay>> branch(qint64 branchId);

    Result<LimitUsage> limitUsage(qint64 accountId, const QDate& day, const QDate& yearStart);

    UnitOfWork& uow() { return m_uow; }

private:
    Result<std::optional<AccountRecord>> selectOne(const QString& sql, const QVariant& key);
    Status updateOne(const QString& sql, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
