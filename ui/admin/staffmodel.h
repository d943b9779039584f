#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "services/staffservice.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QList>

namespace cs::ui {

// The staff of the database as a table, over StaffService::list. DisplayRole is formatted and
// translated (role and state names, "Yes"/"No", local date and time); RawValueRole holds the value
// itself (role key, state key, count, bool, QDateTime) for sorting and filtering; StaffIdRole the id.
// The staff list of a branch is short, so reload() fetches it whole.
class StaffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LoginColumn,
        NameColumn,
        RoleColumn,
        BranchColumn,
        StateColumn,
        FailedSignOnsColumn,
        MustChangePasswordColumn,
        LastSignOnColumn,
        ColumnCount
    };
    static constexpr int RawValueRole = Qt::UserRole;
    static constexpr int StaffIdRole = Qt::UserRole + 1;

    StaffModel(Database db, Session session, QObject* parent = nullptr);

    // Fetches the list again; on failure the rows stay as they were and the error is returned.
    Status reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const StaffSummary& staffAt(int row) const { return m_rows.at(row); }
    // The row of the staff member `staffId`, or -1.
    int rowOfStaff(qint64 staffId) const;

    // The translated name of a state key ("active", "disabled", "locked").
    static QString stateDisplayName(const QString& state);

    // Tells the views that every text changed (after the language changed).
    void retranslate();

private:
    QVariant displayValue(const StaffSummary& staff, int column) const;
    static QVariant rawValue(const StaffSummary& staff, int column);

    Database m_db;
    Session m_session;
    QList<StaffSummary> m_rows;
};

} // namespace cs::ui
