#pragma once

#include "admin/settingsmodel.h"
#include "auth/session.h"
#include "storage/database.h"

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace cs::ui {

class SettingsDelegate;

// The settings editor: every setting with its value, description and who changed it last. The value
// is edited in place (F2, a double click or just typing) with an editor that suits its kind: amounts in
// a line edit (checked by the service's strict amount parser on Save), minutes, days and counts in a
// spin box bounded by the setting's range, times of day in an HH:mm time edit. Changed rows are marked
// until Save (Ctrl+S) sends each one to SettingsService::set; a refused value stays marked with the
// service's message. Revert (F5) forgets the unsaved changes and fetches the settings again.
// Object names: settingsTable, settingValueEditor (the open editor), settingDetails, settingCapitals,
// settingsMessage; actions and buttons saveSettingsAction/-Button, revertSettingsAction/-Button.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    SettingsPage(Database db, Session session, QWidget* parent = nullptr);
    ~SettingsPage() override;

    QAbstractItemModel* model() const;
    QTableView* view() const { return m_view; }
    // The row of the setting `key`, or -1.
    int rowOfSetting(const QString& key) const;
    bool hasUnsavedChanges() const;
    QString messageText() const;

    // Columns and roles of model().
    using enum SettingsModel::Column;
    static constexpr int RawValueRole = SettingsModel::RawValueRole;
    static constexpr int KeyRole = SettingsModel::KeyRole;

public slots:
    // Sends every changed value to the service, one call per setting, and shows what was saved and what
    // was refused.
    void save();
    // Forgets the unsaved changes and fetches the settings again.
    void revert();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateActions();
    void updateDetails();
    void showCapitals(const QString& typed);
    void retranslateUi();

    Database m_db;
    Session m_session;
    SettingsModel* m_model = nullptr;
    SettingsDelegate* m_delegate = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_capitals = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_revertAction = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_revertButton = nullptr;
};

} // namespace cs::ui
