#pragma once

#include "reports/reporttable.h"

#include <QAbstractTableModel>

namespace cs::ui {

// A ReportTable for a view: its rows, or (Part::Totals) its totals row alone, which the workspace pins
// under the rows in bold. Only DisplayRole is formatted (money grouped with its decimals); RawValueRole
// holds the cell as the report gave it (fen, QDate, ...). Money, counts and rates are right-aligned.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Part { Rows, Totals };
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit ReportTableModel(Part part, QObject* parent = nullptr);

    void setTable(const ReportTable& table);
    const ReportTable& table() const { return m_table; }
    Part part() const { return m_part; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QVariantList& rowAt(int row) const;

    Part m_part;
    ReportTable m_table;
};

} // namespace cs::ui
