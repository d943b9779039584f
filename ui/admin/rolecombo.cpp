#include "admin/rolecombo.h"

#include <QComboBox>

namespace cs::ui {

void fillRoleCombo(QComboBox* combo)
{
    for (const Role role : {Role::Teller, Role::Supervisor, Role::Auditor, Role::Admin})
        combo->addItem(roleDisplayName(role), roleKey(role));
}

void retranslateRoleCombo(QComboBox* combo)
{
    for (int i = 0; i < combo->count(); ++i) {
        if (const auto role = roleFromKey(combo->itemData(i).toString()))
            combo->setItemText(i, roleDisplayName(*role));
    }
}

Role comboRole(const QComboBox* combo)
{
    return roleFromKey(combo->currentData().toString()).value_or(Role::Teller);
}

} // namespace cs::ui
