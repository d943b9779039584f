#pragma once

#include "services/customerservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// The customers a Counter search found (CustomerService::find): name, ID type, ID number, phone.
// CustomerIdRole holds the id.
class CustomerResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdTypeColumn, IdNumberColumn, PhoneColumn, ColumnCount };
    static constexpr int CustomerIdRole = Qt::UserRole + 1;

    explicit CustomerResultsModel(QObject* parent = nullptr);

    void setCustomers(QList<CustomerSummary> customers);
    const CustomerSummary& customerAt(int row) const { return m_rows.at(row); }
    int rowOfCustomer(qint64 customerId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    QList<CustomerSummary> m_rows;
};

} // namespace cs::ui
