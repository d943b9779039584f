#pragma once

#include "auth/session.h"
#include "services/noticeservice.h"
#include "storage/database.h"
#include "widgets/permittedactions.h"

#include <QWidget>

#include <memory>

class QAction;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cs::ui {

class TerminalGatewaySecret;

// The HTTP SMS gateway's settings in the Administration: URL, account and signature, saved by
// NoticeService::setGateway (notice.manage) under a request id made when the form is shown (a new one
// after each answer but a lost connection), and the gateway's password, which is written only to this
// terminal's secret store and never shown back: the form says whether one is stored here, and an empty
// password field leaves it as it is. Save (Ctrl+S, or Enter in a field) saves what changed; a refusal
// shows under the field it names. Without notice.manage the form is read-only.
// Object names: gatewayForm; gatewayUrlEdit, gatewayAccountEdit, gatewaySignatureEdit,
// gatewayPasswordEdit, gatewayPasswordState, gatewayUpdatedLabel; error lines gatewayUrlError,
// gatewayAccountError, gatewaySignatureError, gatewayPasswordError; gatewayMessage; action and button
// saveGatewayAction, saveGatewayButton.
class GatewayForm : public QWidget {
    Q_OBJECT
public:
    GatewayForm(Database db, Session session, PermittedActions permitted, QWidget* parent = nullptr);
    ~GatewayForm() override;

    // Reads the settings and whether this terminal holds the password again; unsaved typing is lost.
    void reload();
    const GatewaySettings& settings() const { return m_loaded; }
    bool passwordStored() const { return m_passwordStored; }
    QString messageText() const;
    QLineEdit* urlEdit() const { return m_url; }

public slots:
    void save();

signals:
    // The settings or the password were saved.
    void saved();

protected:
    void changeEvent(QEvent* event) override;

private:
    QLabel* addField(QLabel* label, QLineEdit* edit, const QString& errorName);
    void showError(const Error& error);
    void clearErrors();
    void showPasswordState();
    void retranslateUi();

    Database m_db;
    Session m_session;
    bool m_mayManage = false;
    std::unique_ptr<TerminalGatewaySecret> m_secret;
    GatewaySettings m_loaded;
    bool m_passwordStored = false;
    QString m_requestId;

    QFormLayout* m_form = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_urlError = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLineEdit* m_account = nullptr;
    QLabel* m_accountError = nullptr;
    QLabel* m_signatureLabel = nullptr;
    QLineEdit* m_signature = nullptr;
    QLabel* m_signatureError = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_passwordError = nullptr;
    QLabel* m_passwordState = nullptr;
    QLabel* m_updated = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_saveAction = nullptr;
};

} // namespace cs::ui
