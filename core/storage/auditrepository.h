#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cs {

// The head of one audit chain: the last sequence number appended and that record's hash.
struct AuditHead {
    QString chain;
    qint64 lastSeq = 0;
    QString lastHash;
};

// One audit_log row as stored. Nullable columns are optionals, so that the hash can tell NULL from an
// empty string. `at` is the UTC text `yyyy-MM-ddTHH:mm:ss.zzzZ` in both dialects (read back from a
// PostgreSQL TIMESTAMPTZ in exactly that form; a value with sub-millisecond digits keeps them, so that
// an edit there does not hide).
struct AuditRow {
    qint64 id = 0; // 0 before insertion
    QString chain;
    qint64 seq = 0;
    std::optional<qint64> staffId;
    std::optional<QString> login;
    QString terminal;
    std::optional<qint64> branchId;
    QString at;
    QString action;
    std::optional<QString> entityType;
    std::optional<QString> entityId;
    QString outcome; // success | refused
    std::optional<QString> detail;
    std::optional<QString> beforeValue; // compact JSON text
    std::optional<QString> afterValue;
    QString prevHash;
    QString hash;
};

// The SQL of the audit chain (security/auditlog.cpp holds the rules and the hash).
class AuditRepository {
public:
    explicit AuditRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Appending ------------------------------------------------------------------------------------
    // The chain's head, locked until the transaction ends (PostgreSQL FOR UPDATE; an SQLite write
    // transaction holds the database lock already). Empty when the chain has no head row yet.
    Result<std::optional<AuditHead>> lockHead(const QString& chain);
    // Creates the head row (seq 0, zero hash) unless another transaction did: call lockHead() again after.
    Status insertHeadIfAbsent(const QString& chain);
    Status insertRecord(const AuditRow& row);
    // Moves the locked head from `fromSeq` to the new record; fails when the head is not at `fromSeq`.
    Status moveHead(const QString& chain, qint64 fromSeq, qint64 toSeq, const QString& hash);

    // Verifying ------------------------------------------------------------------------------------
    // First statement of a verifying transaction: one snapshot for every read that follows
    // (PostgreSQL REPEATABLE READ; an SQLite read transaction is a snapshot already).
    Status useOneSnapshot();
    // Every head row, in no particular order.
    Result<QList<AuditHead>> heads();
    // Chains that have records but no head row (only after a DBA bypassed the foreign key).
    Result<QStringList> chainsWithoutHead();
    // At most `limit` records of `chain` with seq > afterSeq, in seq order (one page of a walk).
    Result<QList<AuditRow>> records(const QString& chain, qint64 afterSeq, int limit);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
