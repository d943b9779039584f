#pragma once

#include "services/accountservice.h"

#include <QString>

namespace cs::ui {

// Translated names of the keys the account services answer with (context "cs::ui::AccountNames").
// A key without a name is shown as it is.
QString accountStateName(const QString& state);          // normal, frozen, dormant, closed
QString freezeModeName(const QString& mode);             // full, debit, credit
QString accountStateText(const AccountView& account);    // "Frozen (no debits)"
QString accountClassName(const QString& accountClass);   // "Class II"; empty stays empty
QString productName(const QString& code, const QString& stored); // by product code, else the stored name
QString transactionKindName(const QString& kind);        // cash_deposit, cash_withdrawal, fee, ...
QString holdReasonName(const QString& code);             // judicial, customer, aml, bank, transfer, other
QString customerIdTypeName(const QString& idType);       // resident, uscc, passport

} // namespace cs::ui
