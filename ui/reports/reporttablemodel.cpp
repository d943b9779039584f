#include "reports/reporttablemodel.h"

#include "print/reportcells.h"

#include <QFont>

namespace cs::ui {

ReportTableModel::ReportTableModel(Part part, QObject* parent)
    : QAbstractTableModel(parent)
    , m_part(part)
{
}

void ReportTableModel::setTable(const ReportTable& table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    if (m_part == Part::Totals)
        return m_table.totals.isEmpty() ? 0 : 1;
    return static_cast<int>(m_table.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

const QVariantList& ReportTableModel::rowAt(int row) const
{
    return m_part == Part::Totals ? m_table.totals : m_table.rows.at(row);
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QVariantList& row = rowAt(index.row());
    const int column = index.column();
    const QVariant value = column < row.size() ? row.at(column) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return reportCellText(m_table, column, value);
    case RawValueRole:
        return value;
    case Qt::TextAlignmentRole:
        if (reportColumnIsNumeric(m_table.columns.at(column).kind))
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::FontRole:
        if (m_part == Part::Totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ReportColumn& column = m_table.columns.at(section);
    if (role == Qt::DisplayRole)
        return column.label;
    if (role == Qt::TextAlignmentRole) {
        // Heads sit over their figures: right for money and counts, left for text.
        return QVariant::fromValue(Qt::Alignment((reportColumnIsNumeric(column.kind) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace cs::ui
