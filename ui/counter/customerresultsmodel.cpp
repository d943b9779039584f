#include "counter/customerresultsmodel.h"

#include "counter/accountnames.h"

namespace cs::ui {

CustomerResultsModel::CustomerResultsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CustomerResultsModel::setCustomers(QList<CustomerSummary> customers)
{
    beginResetModel();
    m_rows = std::move(customers);
    endResetModel();
}

int CustomerResultsModel::rowOfCustomer(qint64 customerId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == customerId)
            return static_cast<int>(row);
    }
    return -1;
}

int CustomerResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CustomerResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CustomerSummary& c = m_rows.at(index.row());
    if (role == CustomerIdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn: return c.fullName;
    case IdTypeColumn: return customerIdTypeName(c.idType);
    case IdNumberColumn: return c.idNumber;
    case PhoneColumn: return c.phone;
    default: return {};
    }
}

QVariant CustomerResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case IdTypeColumn: return tr("ID type");
    case IdNumberColumn: return tr("ID number");
    case PhoneColumn: return tr("Phone");
    default: return {};
    }
}

void CustomerResultsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace cs::ui
