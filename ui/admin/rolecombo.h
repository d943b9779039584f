#pragma once

#include "domain/role.h"

class QComboBox;

namespace cs::ui {

// A combo box of the roles, by their translated names; the item data is the role key.
void fillRoleCombo(QComboBox* combo);
void retranslateRoleCombo(QComboBox* combo);
// The role chosen (Teller if none).
Role comboRole(const QComboBox* combo);

} // namespace cs::ui
