#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cs {

// ID types and kinds as stored and typed on the command line.
namespace customer {
inline const QString person = QStringLiteral("person");
inline const QString company = QStringLiteral("company");
inline const QString resident = QStringLiteral("resident");
inline const QString uscc = QStringLiteral("uscc");
inline const QString passport = QStringLiteral("passport");
} // namespace customer

struct NewCustomerRequest {
    QString kind;       // person or company; empty: follows from the ID type (uscc: company)
    QString fullName;
    QString idType;     // resident, uscc, passport
    QString idNumber;   // normalised before storing (trimmed, upper-case)
    QDate idExpiresOn;  // optional (invalid: not given); an expired ID is refused
    QDate birthDate;    // passports: required; resident IDs: taken from the number (if given, must agree)
    QString phone;      // optional
    QString address;    // optional
    QString requestId;  // the same id again returns the first result
    // A USCC whose check character fails is accepted only with a supervisor's confirmation: the
    // supervisor signed on at this terminal (not the maker). Ignored for codes that pass the check.
    std::optional<Session> supervisorConfirmation;
};

// The fields an edit may change; nullopt leaves a field as it is. ID type and number never change.
struct CustomerEdit {
    std::optional<QString> fullName;
    std::optional<QString> phone;   // empty: remove the phone
    std::optional<QString> address; // empty: remove the address
};

struct CustomerSummary {
    qint64 id = 0;
    QString kind;
    QString fullName;
    QString idType;
    QString idNumber;
    QString phone;
};

struct CustomerDetail {
    CustomerSummary summary;
    QString branchCode;
    QString address;
    QDate birthDate;             // persons
    std::optional<int> age;      // whole years today, for persons with a birth date
    QDate idExpiresOn;
    QString kycState;            // pending, verified, expired
    QString idCheckConfirmedBy;  // login of the supervisor who confirmed a failing USCC check, or empty
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Input rules shared by add and edit (Invalid, naming the field; names and addresses have their runs
// of white space collapsed): `customer.phone` (digits, 7 to 15,
// an optional leading +; spaces and hyphens are dropped), `customer.name_empty`,
// `customer.name_too_long` (more than 100 characters), `customer.address_too_long` (more than 200).
Result<QString> normalisePhone(const QString& phone);
Result<QString> normaliseName(const QString& name);
Result<QString> normaliseAddress(const QString& address);

// Customers: persons (resident ID or passport) and companies (unified social credit code), one per
// ID document. Every change is audited (`customer.add`, `customer.edit`, entity "customer").
class CustomerService {
public:
    static constexpr int maxFindLimit = 500;

    explicit CustomerService(Database db);

    // The new customer's id. Invalid: the rules above, `customer.id_type` (field id_type),
    // `customer.kind` (field kind; a company needs a USCC, a person a resident ID or passport), the
    // ResidentId codes, USCC `id.length`/`id.characters`, passports `id.length`/`id.characters`
    // (5 to 20 letters and digits), `customer.birth_date_missing`/`_future`/`_too_early`/`_mismatch`/
    // `_company` (field birth_date). Refused: `customer.duplicate` (field id_number, naming the
    // existing customer), `customer.id_expired` (field id_expires_on), `customer.uscc_check_digit`
    // (field id_number) without a valid confirmation, `customer.confirmer_not_supervisor` and
    // `customer.confirmer_is_maker` (field confirm_as), `permission.denied`.
    Result<qint64> add(const Session& session, const NewCustomerRequest& request) const;

    // Name, phone and address; audited with the before and after of the changed fields only.
    // Invalid `customer.no_change` when nothing would change; NotFound `customer.not_found`.
    Status edit(const Session& session, qint64 customerId, const CustomerEdit& changes,
                const QString& requestId = {}) const;

    // By exact ID number (any type, normalised), account number or phone; when none of these match,
    // by name containing `query` ignoring case. Ordered by id, at most `limit` (1..maxFindLimit).
    // Invalid `customer.query_empty` (field query).
    Result<QList<CustomerSummary>> find(const Session& session, const QString& query, int limit = 50) const;

    // NotFound `customer.not_found` (field customer).
    Result<CustomerDetail> get(const Session& session, qint64 customerId) const;

private:
    Database m_db;
};

} // namespace cs
