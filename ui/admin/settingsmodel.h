#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "money/money.h"
#include "services/settingsservice.h"
#include "storage/database.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cs::ui {

// The settings as rows, each with the value as stored and the value typed but not yet saved. Only
// DisplayRole is formatted; RawValueRole holds the value itself, KeyRole the setting's key.
class SettingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SettingColumn, ValueColumn, DescriptionColumn, ChangedByColumn, ChangedAtColumn, ColumnCount };
    static constexpr int RawValueRole = Qt::UserRole;
    static constexpr int KeyRole = Qt::UserRole + 1;

    struct Row {
        SettingValue setting;
        std::optional<QString> pending; // typed, not saved
        QString error;                  // the service's refusal of `pending`
        QString requestId;              // of the change `pending`, made when it was typed
    };

    SettingsModel(Database db, Session session, QObject* parent);

    // Fetches the settings again. With keepPending the unsaved values (and their refusals) of settings
    // that still exist stay; otherwise they are forgotten.
    Status reload(bool keepPending);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Row& rowAt(int row) const { return m_rows.at(row); }
    // The row of the setting `key`, or -1.
    int rowOfKey(const QString& key) const;
    QList<int> changedRows() const;

    // Marks the unsaved value of `row` as refused.
    void setError(int row, const Error& error);

    void retranslate();

    // The value as shown in the table: amounts grouped ("50,000.00"), minutes and days with their unit,
    // a time of day and a count as they are.
    static QString displayValue(const SettingDefinition& definition, const QString& value);
    // "Allowed: 0.00 to 1,000,000.00 yuan.", or empty when the setting has no range to show.
    static QString rangeText(const SettingDefinition& definition);
    // The amount in yuan that `text` holds, if it is one.
    static std::optional<Money> parseYuan(const QString& text);

signals:
    void changesChanged();

private:
    Database m_db;
    Session m_session;
    QList<Row> m_rows;
};

} // namespace cs::ui
