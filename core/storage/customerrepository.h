#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace cs {

struct NewCustomer {
    QString branchCode;
    QString kind;     // person, company
    QString fullName;
    QString idType;   // resident, uscc, passport
    QString idNumber;
    QDate birthDate;  // persons
    QString phone;    // empty: none
    QString address;  // empty: none
    QDate idExpiresOn{};           // invalid: not recorded
    qint64 idCheckConfirmedBy = 0; // the supervisor who confirmed a failing USCC check; 0: none
    QString kycState = QStringLiteral("verified");
};

// A stored customer as read back.
struct CustomerRecord {
    qint64 id = 0;
    qint64 branchId = 0;
    QString branchCode;
    QString kind;
    QString fullName;
    QString idType;
    QString idNumber;
    QDate idExpiresOn;
    QDate birthDate;
    QString phone;
    QString address;
    QString kycState;
    qint64 idCheckConfirmedBy = 0;
    QString idCheckConfirmedByLogin;
    QDateTime createdAt;
    QDateTime updatedAt;
};

class CustomerRepository {
public:
    explicit CustomerRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Inserts unless a customer with the same ID exists; true when it inserted.
    Result<bool> insertIfAbsent(const NewCustomer& customer);
    // The new customer's id, or nothing when a customer with the same ID type and number exists
    // (also one a concurrent transaction just committed).
    Result<std::optional<qint64>> insert(const NewCustomer& customer);

    // `forUpdate`: lock the row until the transaction ends (PostgreSQL; SQLite writers are serial).
    Result<std::optional<CustomerRecord>> findById(qint64 id, bool forUpdate = false);
    Result<std::optional<CustomerRecord>> findByDocument(const QString& idType, const QString& idNumber);

    // Lookups for the customer search, each ordered by id and at most `limit` rows.
    Result<QList<CustomerRecord>> findByIdNumber(const QString& idNumber, int limit); // any ID type
    Result<QList<CustomerRecord>> findByPhone(const QString& phone, int limit);
    Result<QList<CustomerRecord>> findByAccountNumber(const QString& accountNumber, int limit);
    // Names containing `text`, ignoring case; LIKE wildcards in `text` match themselves.
    Result<QList<CustomerRecord>> findByNameContaining(const QString& text, int limit);

    // Replaces the editable fields; empty phone or address store NULL.
    Status updateContact(qint64 id, const QString& fullName, const QString& phone, const QString& address);

private:
    Result<QList<CustomerRecord>> select(const QString& condition, const QVariantList& values);
    UnitOfWork& m_uow;
};

} // namespace cs
