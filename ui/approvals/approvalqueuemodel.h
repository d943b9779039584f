#pragma once

#include "approvals/approvalservice.h"
#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cs::ui {

// The approval queue (ApprovalService::list) under a filter (state, action, maker, business dates),
// oldest first, read lazily: load() reads the first page and the total, each fetchMore() (the view
// calls it when scrolled to the end) the next page by keyset (ids above the last one read), so a long
// queue opens at once. reload() reads again as many rows as were shown, for a live update.
// Columns: number, time, action, what it is about, maker, amount (hidden while re-keyed blind, see
// amountIsBlind), state. ApprovalIdRole holds a row's approval id.
class ApprovalQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, TimeColumn, ActionColumn, SubjectColumn, MakerColumn, AmountColumn, StateColumn, ColumnCount };
    static constexpr int ApprovalIdRole = Qt::UserRole + 1;
    static constexpr int defaultPageSize = 100;

    ApprovalQueueModel(Database db, Session session, QObject* parent = nullptr);

    // The filter's afterId and limit are the model's own (paging); set the rest. Call load() after.
    void setFilter(const ApprovalFilter& filter);
    const ApprovalFilter& filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    // The first page and the total, replacing what was loaded. On failure the model is empty.
    Status load();
    // The same filter again, reading pages until as many rows as before are shown (or the end).
    Status reload();

    bool isLoaded() const { return m_loaded; }
    bool atEnd() const { return m_atEnd; }
    int pagesRead() const { return m_pagesRead; }
    // Approvals under the filter, counted when it was last loaded.
    qint64 totalCount() const { return m_total; }
    const ApprovalRecord& approvalAt(int row) const { return m_rows.at(row); }
    int rowOfApproval(qint64 id) const;
    const std::optional<Error>& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void retranslate();

signals:
    // A page could not be read; the rows read so far stay.
    void readFailed(const QString& message);
    // load() or reload() finished (the total may have changed).
    void loaded();

private:
    Result<QList<ApprovalRecord>> readPage(qint64 afterId) const;
    Status readFirstPages(int atLeast);

    Database m_db;
    Session m_session;
    ApprovalFilter m_filter;
    int m_pageSize = defaultPageSize;
    QList<ApprovalRecord> m_rows;
    qint64 m_total = 0;
    bool m_loaded = false;
    bool m_atEnd = true;
    int m_pagesRead = 0;
    std::optional<Error> m_error;
};

} // namespace cs::ui
