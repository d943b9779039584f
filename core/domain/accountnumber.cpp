#include "domain/accountnumber.h"

#include "domain/luhn.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

struct RoleRow {
    InternalRole role;
    QStringView key;
    int code;
};

constexpr RoleRow roles[] = {
    {InternalRole::CashBox, u"cash_box", 1},
    {InternalRole::Vault, u"vault", 2},
    {InternalRole::FeeIncome, u"fee_income", 3},
    {InternalRole::InterestExpense, u"interest_expense", 4},
    {InternalRole::SuspensePayable, u"suspense_payable", 5},
    {InternalRole::SuspenseReceivable, u"suspense_receivable", 6},
    {InternalRole::Clearing, u"clearing", 7},
    {InternalRole::MerchantSettlement, u"merchant_settlement", 8},
};

const RoleRow& rowOf(InternalRole role)
{
    for (const RoleRow& row : roles) {
        if (row.role == role)
            return row;
    }
    return roles[0];
}

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return true;
}

Result<QString> withCheckDigit(const QString& body)
{
    const auto check = luhnCheckDigit(body);
    if (!check)
        return fail(Error::internal(u"account.sequence"_s, u"Account number body is not digits: %1"_s.arg(body)));
    return body + QChar(u'0' + *check);
}

Error formatError()
{
    return Error::invalid(u"account.format"_s, u"account"_s,
                          QCoreApplication::translate("cs::AccountNumber",
                                                      "An account number has 16 digits and starts with 6 or 9."));
}

} // namespace

QString internalRoleKey(InternalRole role) { return rowOf(role).key.toString(); }

std::optional<InternalRole> internalRoleFromKey(QStringView key)
{
    for (const RoleRow& row : roles) {
        if (row.key == key)
            return row.role;
    }
    return std::nullopt;
}

int internalRoleCode(InternalRole role) { return rowOf(role).code; }

namespace AccountNumber {

Result<QString> customer(QStringView branchCode, AccountFamily family, qint64 sequence)
{
    if (branchCode.size() != 4 || !allDigits(branchCode) || sequence < 1 || sequence > maxCustomerSequence)
        return fail(Error::internal(u"account.sequence"_s,
                                    u"No customer account number for branch %1, sequence %2"_s.arg(branchCode).arg(sequence)));
    return withCheckDigit(u"6"_s + branchCode + QString::number(static_cast<int>(family))
                          + u"%1"_s.arg(sequence, 9, 10, QChar(u'0')));
}

Result<QString> internal(QStringView branchCode, InternalRole role, qint64 sequence)
{
    if (branchCode.size() != 4 || !allDigits(branchCode) || sequence < 1 || sequence > maxInternalSequence)
        return fail(Error::internal(u"account.sequence"_s,
                                    u"No internal account number for branch %1, sequence %2"_s.arg(branchCode).arg(sequence)));
    return withCheckDigit(u"9"_s + branchCode + u"%1"_s.arg(internalRoleCode(role), 2, 10, QChar(u'0'))
                          + u"%1"_s.arg(sequence, 8, 10, QChar(u'0')));
}

Status validate(QStringView number)
{
    if (number.size() != length || !allDigits(number))
        return fail(formatError());
    if (number[0] == u'6') {
        const char16_t family = number[5].unicode();
        if (family < u'1' || family > u'4')
            return fail(formatError());
    } else if (number[0] == u'9') {
        const int code = number.mid(5, 2).toInt();
        bool known = false;
        for (const RoleRow& row : roles)
            known = known || row.code == code;
        if (!known)
            return fail(formatError());
    } else {
        return fail(formatError());
    }
    if (!luhnValid(number))
        return fail(Error::invalid(u"account.check_digit"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountNumber",
                                                               "The account number is mistyped: its check digit "
                                                               "does not match. Check each digit.")));
    return {};
}

Result<QString> normalize(QStringView typed)
{
    QString digits;
    digits.reserve(typed.size());
    for (QChar c : typed) {
        if (c == u' ' || c == u'-' || c == u'\t')
            continue;
        digits.append(c);
    }
    if (digits.isEmpty())
        return fail(Error::invalid(u"account.empty"_s, u"account"_s,
                                   QCoreApplication::translate("cs::AccountNumber", "Enter the account number.")));
    if (auto valid = validate(digits); !valid)
        return fail(valid.error());
    return digits;
}

bool isInternal(QStringView number) { return !number.isEmpty() && number[0] == u'9'; }

} // namespace AccountNumber
} // namespace cs
