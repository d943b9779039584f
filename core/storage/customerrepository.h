#pragma once

#include "common/result.h"
#include "storage/unitofwork.h"

#include <QDate>

namespace cs {

struct NewCustomer {
    QString branchCode;
    QString kind;     // person, company
    QString fullName;
    QString idType;   // resident, uscc, passport
    QString idNumber;
    QDate birthDate;  // persons
    QString phone;
    QString address;
};

class CustomerRepository {
public:
    explicit CustomerRepository(UnitOfWork& uow) : m_uow(uow) {}

    // Inserts unless a customer with the same ID exists; true when it inserted.
    Result<bool> insertIfAbsent(const NewCustomer& customer);

private:
    UnitOfWork& m_uow;
};

} // namespace cs
