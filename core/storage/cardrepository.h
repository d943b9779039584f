#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// One row of `cards` (0010). The PAN itself is never here: sealed, keyed hash and masked copy only.
struct CardRecord {
    qint64 id = 0;
    qint64 customerId = 0;
    QString productCode;          // debit, quasi, credit
    qint64 settlementAccountId = 0;
    qint64 cardAccountId = 0;     // = settlementAccountId for a debit card
    qint64 branchId = 0;
    QString bin;
    QByteArray panSealed;
    QString panKeyId;
    QString panHash;
    QString panMasked;
    QDate expiresOn;
    QDate issuedOn;
    QString state;                // issued, active, lost_oral, lost_written, frozen, replaced, cancelled
    QString stateBeforeLoss;      // while a loss report stands
    QString lossKind;             // oral, written, empty
    QDate lossReportedOn;
    QString pinVv;                // empty: no PIN
    int pinFailures = 0;
    QDate pinFailureDate;
    qint64 replacesCardId = 0;
    qint64 replacedByCardId = 0;
    bool onlineEnabled = false;
    QString onlineMethod;         // sms, otp, otp_trial, usbkey, empty
    qint64 onlineDailyLimit = 0;  // fen
    qint64 creditLimit = 0;       // fen: quasi overdraft, credit limit
    int statementDay = 0;         // credit only
    int dueDay = 0;
    QString requestId;
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 version = 0;
};

// Every SQL statement about cards and their PAN numbering.
class CardRepository {
public:
    explicit CardRepository(UnitOfWork& uow) : m_uow(uow) {}

    Result<std::optional<CardRecord>> find(qint64 id);
    // Locks the row for a change (PostgreSQL FOR NO KEY UPDATE; SQLite's write transaction is the lock).
    Result<std::optional<CardRecord>> lock(qint64 id);
    Result<std::optional<CardRecord>> findByPanHash(const QString& panHash);
    Result<QList<CardRecord>> listByCustomer(qint64 customerId);

    // Inserts the card as `card` describes it (state, PIN and online fields as given); its id.
    Result<qint64> insert(const CardRecord& card);
    // Writes the fields a lifecycle step changes (state, loss, PIN, replacement, online payment) from
    // `card`, whose version must still be the stored one; version + 1. Conflict card.changed otherwise.
    Status update(const CardRecord& card);


    // Cards on the account (as settlement or card account) that are neither replaced nor cancelled.
    Result<int> liveCardsOn(qint64 accountId);

    // The 12-digit CNAPS bank code of a branch (empty when none is recorded).
    Result<QString> branchBankCode(qint64 branchId);
    // Cash deposited to and withdrawn from the account on `businessDate` at branches whose bank code's
    // city (digits 4-7) is not `homeCity`: the day's remote (异地) total, counted by the cash box lines.
    Result<qint64> remoteCashTotal(qint64 accountId, const QDate& businessDate, const QString& homeCity);

private:
    Result<std::optional<CardRecord>> selectOne(const QString& condition, const QVariant& key);
    UnitOfWork& m_uow;
};

} // namespace cs
