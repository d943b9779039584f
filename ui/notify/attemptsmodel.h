#pragma once

#include "services/noticeservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// The delivery attempts of one notice (NoticeService::attempts) as a table: attempt number, sender,
// started and finished at, outcome, HTTP status (empty without an answer) and error.
class AttemptsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AttemptColumn, SenderColumn, StartedColumn, FinishedColumn, OutcomeColumn, HttpColumn, ErrorColumn, ColumnCount };

    explicit AttemptsModel(QObject* parent = nullptr);

    void setAttempts(QList<NoticeAttemptRecord> attempts);
    void clear() { setAttempts({}); }
    const NoticeAttemptRecord& attemptAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    QVariant display(const NoticeAttemptRecord& attempt, int column) const;

    QList<NoticeAttemptRecord> m_rows;
};

} // namespace cs::ui
