#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace cs::ui {

class NoticesPage;
class SettingsPage;
class StaffPage;

// The Administration workspace (admin role): the staff list, the settings editor and the SMS notices
// (gateway and outbox), one tab each (Ctrl+Tab switches). Object names: administrationPage, adminTabs,
// staffPage, settingsPage, noticesPage.
class AdminWorkspace : public QWidget {
    Q_OBJECT
public:
    AdminWorkspace(Database db, Session session, QWidget* parent = nullptr);

    StaffPage* staffPage() const { return m_staff; }
    SettingsPage* settingsPage() const { return m_settings; }
    NoticesPage* noticesPage() const { return m_notices; }
    QTabWidget* tabs() const { return m_tabs; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_title = nullptr;
    QTabWidget* m_tabs = nullptr;
    StaffPage* m_staff = nullptr;
    SettingsPage* m_settings = nullptr;
    NoticesPage* m_notices = nullptr;
};

} // namespace cs::ui
