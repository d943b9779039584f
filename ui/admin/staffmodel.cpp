#include "admin/staffmodel.h"

#include "domain/role.h"
#include "widgets/formwidgets.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace cs::ui {

StaffModel::StaffModel(Database db, Session session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
{
}

Status StaffModel::reload()
{
    auto listed = StaffService(m_db).list(m_session);
    if (!listed)
        return fail(listed.error());
    beginResetModel();
    m_rows = std::move(*listed);
    endResetModel();
    return {};
}

int StaffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StaffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffSummary& staff = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return displayValue(staff, index.column());
    case RawValueRole:
        return rawValue(staff, index.column());
    case StaffIdRole:
        return staff.id;
    case Qt::TextAlignmentRole:
        if (index.column() == FailedSignOnsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (index.column() == MustChangePasswordColumn || index.column() == BranchColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case Qt::ForegroundRole:
        // A staff member who cannot sign on stands out; the palette's own colours otherwise.
        if (index.column() == StateColumn && staff.state != u"active")
            return errorColor();
        return {};
    default:
        return {};
    }
}

QVariant StaffModel::displayValue(const StaffSummary& staff, int column) const
{
    switch (column) {
    case LoginColumn: return staff.login;
    case NameColumn: return staff.fullName;
    case RoleColumn: return roleDisplayName(staff.role);
    case BranchColumn: return staff.branchCode;
    case StateColumn: return stateDisplayName(staff.state);
    case FailedSignOnsColumn: return QString::number(staff.failedLogins);
    case MustChangePasswordColumn: return staff.mustChangePassword ? tr("Yes") : tr("No");
    case LastSignOnColumn:
        return staff.lastLoginAt.isValid() ? staff.lastLoginAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm")
                                           : tr("Never");
    default: return {};
    }
}

QVariant StaffModel::rawValue(const StaffSummary& staff, int column)
{
    switch (column) {
    case LoginColumn: return staff.login;
    case NameColumn: return staff.fullName;
    case RoleColumn: return roleKey(staff.role);
    case BranchColumn: return staff.branchCode;
    case StateColumn: return staff.state;
    case FailedSignOnsColumn: return staff.failedLogins;
    case MustChangePasswordColumn: return staff.mustChangePassword;
    case LastSignOnColumn: return staff.lastLoginAt;
    default: return {};
    }
}

QVariant StaffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LoginColumn: return tr("Login");
    case NameColumn: return tr("Name");
    case RoleColumn: return tr("Role");
    case BranchColumn: return tr("Branch");
    case StateColumn: return tr("State");
    case FailedSignOnsColumn: return tr("Failed sign-ons");
    case MustChangePasswordColumn: return tr("Must change password");
    case LastSignOnColumn: return tr("Last sign-on");
    default: return {};
    }
}

int StaffModel::rowOfStaff(qint64 staffId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == staffId)
            return static_cast<int>(row);
    }
    return -1;
}

QString StaffModel::stateDisplayName(const QString& state)
{
    if (state == u"active")
        return tr("Active");
    if (state == u"disabled")
        return tr("Disabled");
    if (state == u"locked")
        return tr("Locked");
    return state;
}

void StaffModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
