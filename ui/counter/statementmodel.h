#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

#include <optional>

namespace cs::ui {

// The statement of one account over a business-date range, read lazily: load() reads the first page,
// each fetchMore() (the view calls it when scrolled to the end) the next one, by keyset paging
// (AccountService::statement after the last line id) with the running balance carried from the page
// before, so no page sums the earlier history again. An account with a million lines opens with one
// page read. Columns: date, time, kind, debit, credit, balance after, memo, terminal.
//
//   StatementModel model(db, session, number, from, to);
//   if (Status loaded = model.load(); !loaded) ...;   // the first page, synchronously
//
// TxnIdRole holds the transaction id of a row.
class StatementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        TimeColumn,
        KindColumn,
        DebitColumn,
        CreditColumn,
        BalanceColumn,
        MemoColumn,
        TerminalColumn,
        ColumnCount
    };
    static constexpr int TxnIdRole = Qt::UserRole + 1;
    static constexpr int defaultPageSize = 200;

    // `from`/`to`: business dates, both included; an invalid date leaves that end open. Reads nothing.
    StatementModel(Database db, Session session, QString accountNumber, QDate from = {}, QDate to = {},
                   QObject* parent = nullptr);

    // Reads the first page, replacing whatever was loaded. On failure the model is empty.
    Status load();
    // A new range; call load() to read it.
    void setRange(const QDate& from, const QDate& to);
    void setPageSize(int lines);

    QString accountNumber() const { return m_number; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    int pageSize() const { return m_pageSize; }
    int pagesRead() const { return m_pagesRead; }
    bool isLoaded() const { return m_loaded; }
    bool atEnd() const { return m_atEnd; }
    const StatementLine& lineAt(int row) const { return m_lines.at(row); }
    // The failure of the last read (load or fetchMore), if it failed.
    const std::optional<Error>& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void retranslate();

signals:
    // A page could not be read; the lines read so far stay.
    void readFailed(const QString& message);

private:
    Result<StatementPage> readPage() const;

    Database m_db;
    Session m_session;
    QString m_number;
    QDate m_from;
    QDate m_to;
    int m_pageSize = defaultPageSize;
    QList<StatementLine> m_lines;
    qint64 m_lastLineId = 0;
    bool m_loaded = false;
    bool m_atEnd = true;
    int m_pagesRead = 0;
    std::optional<Error> m_error;
};

} // namespace cs::ui
