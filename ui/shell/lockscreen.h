#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cs::ui {

// What a locked terminal shows instead of its workspaces: who is signed on and a password field. The
// same staff member's password resumes the session; anyone may sign the session off.
// Object names: unlockPasswordEdit, unlockButton, unlockErrorLabel, lockSignOffButton.
class LockScreen : public QWidget {
    Q_OBJECT
public:
    LockScreen(Database db, Session session, QWidget* parent = nullptr);

    // Clears the password and the error and puts the cursor in the password field.
    void prepare();

public slots:
    void tryUnlock();

signals:
    void unlocked();
    void signOffRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Database m_db;
    Session m_session;
    QLabel* m_title = nullptr;
    QLabel* m_who = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_signOff = nullptr;
};

} // namespace cs::ui
