#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "services/transferservice.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// The transfers of the session's business day (TransferService::list), newest first, with their
// states. A branch enters at most a few hundred a day, so one read holds them all; load() reads them
// again (after an entry, and when an approval changes). Columns: time, number, payer, payee, route,
// amount, fee, state, approval number. TransferIdRole holds a row's transfer id.
class TransfersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        IdColumn,
        FromColumn,
        ToColumn,
        RouteColumn,
        AmountColumn,
        FeeColumn,
        StateColumn,
        ApprovalColumn,
        ColumnCount
    };
    static constexpr int TransferIdRole = Qt::UserRole + 1;
    static constexpr int StateKeyRole = Qt::UserRole + 2;

    TransfersModel(Database db, Session session, QObject* parent = nullptr);

    // Only this maker's transfers (0: everyone's of the branch).
    void setMakerId(qint64 makerId) { m_filter.makerId = makerId; }
    // Reads the day's transfers again; on failure the rows read before stay.
    Status load();

    const TransferRecord& transferAt(int row) const { return m_rows.at(row); }
    int rowOfTransfer(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    Database m_db;
    Session m_session;
    TransferFilter m_filter;
    QList<TransferRecord> m_rows;
};

} // namespace cs::ui
