#pragma once

#include "auth/session.h"
#include "services/noticeservice.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cs::ui {

// The notice outbox (NoticeService::outbox), newest first, in one state or all of them, read lazily:
// load() reads the first page, each fetchMore() (the view calls it when scrolled to the end) reads
// up to one page more and appends the notices not yet listed. Columns: number, queued at, kind,
// account and phone (masked), state, attempts, next attempt or sent at, last error, text.
// NoticeIdRole holds a row's notice id, StateKeyRole its state key.
class OutboxModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        CreatedColumn,
        KindColumn,
        AccountColumn,
        PhoneColumn,
        StateColumn,
        AttemptsColumn,
        WhenColumn,
        ErrorColumn,
        TextColumn,
        ColumnCount
    };
    static constexpr int NoticeIdRole = Qt::UserRole + 1;
    static constexpr int StateKeyRole = Qt::UserRole + 2;
    static constexpr int defaultPageSize = 200;

    OutboxModel(Database db, Session session, QObject* parent = nullptr);

    // The state shown (empty: every state); call load() to read it.
    void setStateFilter(const QString& state) { m_state = state; }
    QString stateFilter() const { return m_state; }
    void setPageSize(int notices) { m_pageSize = notices; }
    // Reads the first page, replacing what was listed. On failure the model is empty.
    Status load();

    const OutboxEntry& entryAt(int row) const { return m_rows.at(row); }
    int rowOfNotice(qint64 noticeId) const;
    bool atEnd() const { return m_atEnd; }
    const std::optional<Error>& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void retranslate();

signals:
    void readFailed(const QString& message);

private:
    Result<QList<OutboxEntry>> read(int limit, qint64 beforeId = 0) const;
    QVariant display(const OutboxEntry& entry, int column) const;

    Database m_db;
    Session m_session;
    QString m_state;
    int m_pageSize = defaultPageSize;
    QList<OutboxEntry> m_rows;
    bool m_atEnd = true;
    std::optional<Error> m_error;
};

} // namespace cs::ui
