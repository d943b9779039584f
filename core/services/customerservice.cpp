#include "services/customerservice.h"

#include "domain/residentid.h"
#include "domain/uscc.h"
#include "security/permissions.h"
#include "services/servicecall.h"
#include "storage/customerrepository.h"
#include "storage/staffrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// The permission actions of this service (the `permissions` table, 0002_permissions).
const QString actionRead = u"customer.read"_s;
const QString actionAdd = u"customer.add"_s;
const QString actionEdit = u"customer.edit"_s;

constexpr int maxNameLength = 100;
constexpr int maxAddressLength = 200;
const QDate earliestBirthDate(1900, 1, 1);

// Upper-cases ASCII letters only: no other character may turn into an ID symbol.
QString asciiUpper(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - u'a' + u'A');
    }
    return out;
}

qsizetype characterCount(const QString& text) { return text.toUcs4().size(); }

// The person or company as audited: the fields that have a value.
QJsonObject picture(const NewCustomer& c, const QString& confirmedByLogin)
{
    QJsonObject o{{u"kind"_s, c.kind},
                  {u"full_name"_s, c.fullName},
                  {u"id_type"_s, c.idType},
                  {u"id_number"_s, c.idNumber}};
    if (c.birthDate.isValid())
        o.insert(u"birth_date"_s, c.birthDate.toString(Qt::ISODate));
    if (c.idExpiresOn.isValid())
        o.insert(u"id_expires_on"_s, c.idExpiresOn.toString(Qt::ISODate));
    if (!c.phone.isEmpty())
        o.insert(u"phone"_s, c.phone);
    if (!c.address.isEmpty())
        o.insert(u"address"_s, c.address);
    if (!confirmedByLogin.isEmpty())
        o.insert(u"id_check_confirmed_by"_s, confirmedByLogin);
    return o;
}

CustomerSummary summaryOf(const CustomerRecord& r)
{
    return {r.id, r.kind, r.fullName, r.idType, r.idNumber, r.phone};
}

Error notFound()
{
    return Error::notFound(u"customer.not_found"_s, u"customer"_s,
                           QCoreApplication::translate("cs::CustomerService", "There is no such customer."));
}

Error duplicate(qint64 existingId)
{
    return Error::refused(u"customer.duplicate"_s, u"id_number"_s,
                          QCoreApplication::translate("cs::CustomerService",
                                                      "This ID document already belongs to customer %1.")
                              .arg(existingId));
}

// A validated request: the row to insert, and whether a USCC failed its check character.
struct Prepared {
    NewCustomer row;
    bool usccCheckFails = false;
};

Result<QDate> checkedBirthDate(const QDate& birth, const QDate& today)
{
    if (!birth.isValid())
        return fail(Error::invalid(u"customer.birth_date_missing"_s, u"birth_date"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "Enter the birth date shown in the passport.")));
    if (birth < earliestBirthDate)
        return fail(Error::invalid(u"customer.birth_date_too_early"_s, u"birth_date"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A birth date before 1900-01-01 is not possible.")));
    if (birth > today)
        return fail(Error::invalid(u"customer.birth_date_future"_s, u"birth_date"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "The birth date is in the future.")));
    return birth;
}

Result<QString> normalisePassport(const QString& text)
{
    static const QRegularExpression format(u"^[0-9A-Z]+$"_s);
    const QString number = asciiUpper(text.trimmed());
    if (number.size() < 5 || number.size() > 20)
        return fail(Error::invalid(u"id.length"_s, u"id_number"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A passport number has 5 to 20 characters; this one "
                                                               "has %1.").arg(number.size())));
    if (!format.match(number).hasMatch())
        return fail(Error::invalid(u"id.characters"_s, u"id_number"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A passport number has only letters A-Z and digits.")));
    return number;
}

Result<Prepared> prepare(const NewCustomerRequest& request, const QString& branchCode, const QDate& today)
{
    Prepared p;
    NewCustomer& row = p.row;
    row.branchCode = branchCode;
    row.idType = request.idType.trimmed().toLower();
    if (row.idType != customer::resident && row.idType != customer::uscc && row.idType != customer::passport)
        return fail(Error::invalid(u"customer.id_type"_s, u"id_type"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "The ID type must be resident, uscc or passport.")));
    const QString expectedKind = row.idType == customer::uscc ? customer::company : customer::person;
    row.kind = request.kind.trimmed().toLower();
    if (row.kind.isEmpty())
        row.kind = expectedKind;
    if (row.kind != expectedKind)
        return fail(Error::invalid(u"customer.kind"_s, u"kind"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A company is identified by its unified social credit "
                                                               "code, a person by a resident ID or a passport.")));
    auto name = normaliseName(request.fullName);
    if (!name)
        return fail(name.error());
    row.fullName = *name;

    if (row.idType == customer::resident) {
        auto id = ResidentId::parse(request.idNumber, today);
        if (!id)
            return fail(id.error());
        if (request.birthDate.isValid() && request.birthDate != id->birthDate)
            return fail(Error::invalid(u"customer.birth_date_mismatch"_s, u"birth_date"_s,
                                       QCoreApplication::translate("cs::CustomerService",
                                                                   "The birth date differs from the one in the "
                                                                   "resident ID number (%1).")
                                           .arg(id->birthDate.toString(Qt::ISODate))));
        row.idNumber = id->number;
        row.birthDate = id->birthDate;
    } else if (row.idType == customer::passport) {
        auto number = normalisePassport(request.idNumber);
        if (!number)
            return fail(number.error());
        auto birth = checkedBirthDate(request.birthDate, today);
        if (!birth)
            return fail(birth.error());
        row.idNumber = *number;
        row.birthDate = *birth;
    } else {
        auto code = normaliseUscc(request.idNumber);
        if (!code)
            return fail(code.error());
        if (request.birthDate.isValid())
            return fail(Error::invalid(u"customer.birth_date_company"_s, u"birth_date"_s,
                                       QCoreApplication::translate("cs::CustomerService",
                                                                   "A company has no birth date.")));
        row.idNumber = *code;
        p.usccCheckFails = !usccCheckDigitValid(*code);
    }

    auto phone = normalisePhone(request.phone);
    if (!phone)
        return fail(phone.error());
    row.phone = *phone;
    auto address = normaliseAddress(request.address);
    if (!address)
        return fail(address.error());
    row.address = *address;
    row.idExpiresOn = request.idExpiresOn;
    if (row.idExpiresOn.isValid() && row.idExpiresOn < today)
        return fail(Error::refused(u"customer.id_expired"_s, u"id_expires_on"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "The ID document expired on %1; ask for a valid one.")
                                       .arg(row.idExpiresOn.toString(Qt::ISODate))));
    row.kycState = u"verified"_s; // the teller checked the document in person
    return p;
}

// The supervisor confirming a failing USCC check character: someone other than the maker, who is an
// active supervisor according to the staff table (not only to the session handed in).
Result<StaffRecord> confirmer(UnitOfWork& uow, const Session& maker, const std::optional<Session>& confirmation)
{
    if (!confirmation)
        return fail(Error::refused(u"customer.uscc_check_digit"_s, u"id_number"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "The check character of this unified social credit "
                                                               "code does not match. Check the code; if it is right "
                                                               "as printed, a supervisor must confirm it.")));
    if (confirmation->staffId == maker.staffId)
        return fail(Error::refused(u"customer.confirmer_is_maker"_s, u"confirm_as"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "The code must be confirmed by a supervisor other "
                                                               "than the one entering the customer.")));
    auto staff = StaffRepository(uow).findById(confirmation->staffId);
    if (!staff)
        return fail(staff.error());
    if (!staff->has_value() || (*staff)->session.role != Role::Supervisor || (*staff)->state != u"active"_s)
        return fail(Error::refused(u"customer.confirmer_not_supervisor"_s, u"confirm_as"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "Only an active supervisor can confirm a unified "
                                                               "social credit code that fails its check.")));
    return std::move(**staff);
}

QJsonValue jsonText(const QString& text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); }

} // namespace

Result<QString> normalisePhone(const QString& phone)
{
    static const QRegularExpression format(u"^\\+?[0-9]{7,15}$"_s);
    QString compact = phone.trimmed();
    compact.remove(u' ').remove(u'-');
    if (compact.isEmpty())
        return QString();
    if (!format.match(compact).hasMatch())
        return fail(Error::invalid(u"customer.phone"_s, u"phone"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A phone number has 7 to 15 digits, optionally after "
                                                               "a leading +.")));
    return compact;
}

Result<QString> normaliseName(const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return fail(Error::invalid(u"customer.name_empty"_s, u"full_name"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "Enter the customer's full name.")));
    if (characterCount(trimmed) > maxNameLength)
        return fail(Error::invalid(u"customer.name_too_long"_s, u"full_name"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "A name has at most %1 characters.")
                                       .arg(maxNameLength)));
    return trimmed;
}

Result<QString> normaliseAddress(const QString& address)
{
    const QString trimmed = address.simplified();
    if (characterCount(trimmed) > maxAddressLength)
        return fail(Error::invalid(u"customer.address_too_long"_s, u"address"_s,
                                   QCoreApplication::translate("cs::CustomerService",
                                                               "An address has at most %1 characters.")
                                       .arg(maxAddressLength)));
    return trimmed;
}

CustomerService::CustomerService(Database db) : m_db(std::move(db)) {}

Result<qint64> CustomerService::add(const Session& session, const NewCustomerRequest& request) const
{
    const QDate today = QDate::currentDate();
    auto result = performAudited(
        m_db, session, {actionAdd, u"customer"_s, {}, request.requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            auto prepared = prepare(request, session.branchCode, today);
            if (!prepared)
                return fail(prepared.error());
            NewCustomer& row = prepared->row;
            QString confirmedBy;
            if (prepared->usccCheckFails) {
                auto supervisor = confirmer(uow, session, request.supervisorConfirmation);
                if (!supervisor)
                    return fail(supervisor.error());
                row.idCheckConfirmedBy = supervisor->session.staffId;
                confirmedBy = supervisor->session.login;
            }
            CustomerRepository customers(uow);
            auto existing = customers.findByDocument(row.idType, row.idNumber);
            if (!existing)
                return fail(existing.error());
            if (existing->has_value())
                return fail(duplicate((*existing)->id));
            auto id = customers.insert(row);
            if (!id)
                return fail(id.error());
            if (!id->has_value()) {
                // Another terminal added the same document since the look-up above.
                auto winner = customers.findByDocument(row.idType, row.idNumber);
                if (!winner)
                    return fail(winner.error());
                return fail(duplicate(winner->has_value() ? (*winner)->id : 0));
            }
            audit.entityId = QString::number(**id);
            audit.after = picture(row, confirmedBy);
            return QJsonObject{{u"customer_id"_s, **id}};
        });
    if (!result)
        return fail(result.error());
    return result->value(u"customer_id"_s).toInteger();
}

Status CustomerService::edit(const Session& session, qint64 customerId, const CustomerEdit& changes,
                             const QString& requestId) const
{
    auto result = performAudited(
        m_db, session, {actionEdit, u"customer"_s, QString::number(customerId), requestId},
        [&](UnitOfWork& uow, AuditEntry& audit) -> Result<QJsonObject> {
            CustomerRepository customers(uow);
            auto found = customers.findById(customerId, true);
            if (!found)
                return fail(found.error());
            if (!found->has_value())
                return fail(notFound());
            const CustomerRecord& before = **found;
            QString name = before.fullName;
            QString phone = before.phone;
            QString address = before.address;
            if (changes.fullName) {
                auto n = normaliseName(*changes.fullName);
                if (!n)
                    return fail(n.error());
                name = *n;
            }
            if (changes.phone) {
                auto p = normalisePhone(*changes.phone);
                if (!p)
                    return fail(p.error());
                phone = *p;
            }
            if (changes.address) {
                auto a = normaliseAddress(*changes.address);
                if (!a)
                    return fail(a.error());
                address = *a;
            }
            QJsonObject was;
            QJsonObject now;
            for (const auto& [key, old, updated] : {std::tuple{u"full_name"_s, before.fullName, name},
                                                    std::tuple{u"phone"_s, before.phone, phone},
                                                    std::tuple{u"address"_s, before.address, address}}) {
                if (old != updated) {
                    was.insert(key, jsonText(old));
                    now.insert(key, jsonText(updated));
                }
            }
            if (was.isEmpty())
                return fail(Error::invalid(u"customer.no_change"_s, {},
                                           QCoreApplication::translate("cs::CustomerService",
                                                                       "Nothing to change: the values are the same "
                                                                       "as before.")));
            if (auto updated = customers.updateContact(customerId, name, phone, address); !updated)
                return fail(updated.error());
            audit.before = was;
            audit.after = now;
            return QJsonObject{{u"customer_id"_s, customerId}};
        });
    if (!result)
        return fail(result.error());
    return {};
}

Result<QList<CustomerSummary>> CustomerService::find(const Session& session, const QString& query, int limit) const
{
    static const QRegularExpression idNumberShape(u"^[0-9A-Z]{5,20}$"_s);
    static const QRegularExpression accountShape(u"^[0-9]{10,32}$"_s);
    const QString text = query.simplified();
    const int rows = std::clamp(limit, 1, maxFindLimit);
    QList<CustomerSummary> found;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            found.clear();
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            if (text.isEmpty())
                return fail(Error::invalid(u"customer.query_empty"_s, u"query"_s,
                                           QCoreApplication::translate("cs::CustomerService",
                                                                       "Enter an ID number, account number, phone "
                                                                       "number or part of a name.")));
            CustomerRepository customers(uow);
            QList<CustomerRecord> hits;
            const auto collect = [&](Result<QList<CustomerRecord>> part) -> Status {
                if (!part)
                    return fail(part.error());
                for (CustomerRecord& r : *part) {
                    const bool seen = std::any_of(hits.cbegin(), hits.cend(),
                                                  [&](const CustomerRecord& h) { return h.id == r.id; });
                    if (!seen)
                        hits.append(std::move(r));
                }
                return {};
            };
            // Exact keys first: an ID document, an account, a phone.
            if (const QString number = asciiUpper(text); idNumberShape.match(number).hasMatch()) {
                if (auto ok = collect(customers.findByIdNumber(number, rows)); !ok)
                    return ok;
            }
            if (accountShape.match(text).hasMatch()) {
                if (auto ok = collect(customers.findByAccountNumber(text, rows)); !ok)
                    return ok;
            }
            if (auto phone = normalisePhone(text); phone && !phone->isEmpty()) {
                if (auto ok = collect(customers.findByPhone(*phone, rows)); !ok)
                    return ok;
            }
            // Otherwise part of a name.
            if (hits.isEmpty()) {
                if (auto ok = collect(customers.findByNameContaining(text, rows)); !ok)
                    return ok;
            }
            std::sort(hits.begin(), hits.end(), [](const CustomerRecord& a, const CustomerRecord& b) { return a.id < b.id; });
            for (const CustomerRecord& r : std::as_const(hits).first(std::min<qsizetype>(hits.size(), rows)))
                found.append(summaryOf(r));
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    return found;
}

Result<CustomerDetail> CustomerService::get(const Session& session, qint64 customerId) const
{
    std::optional<CustomerRecord> record;
    const Status read = m_db.transact(
        [&](UnitOfWork& uow) -> Status {
            if (auto allowed = Permissions::require(uow, session.role, actionRead); !allowed)
                return allowed;
            auto found = CustomerRepository(uow).findById(customerId);
            if (!found)
                return fail(found.error());
            if (!found->has_value())
                return fail(notFound());
            record = std::move(*found);
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!read)
        return fail(read.error());
    CustomerDetail d;
    d.summary = summaryOf(*record);
    d.branchCode = record->branchCode;
    d.address = record->address;
    d.birthDate = record->birthDate;
    if (const int age = ageInYears(record->birthDate, QDate::currentDate()); age >= 0)
        d.age = age;
    d.idExpiresOn = record->idExpiresOn;
    d.kycState = record->kycState;
    d.idCheckConfirmedBy = record->idCheckConfirmedByLogin;
    d.createdAt = record->createdAt;
    d.updatedAt = record->updatedAt;
    return d;
}

} // namespace cs
