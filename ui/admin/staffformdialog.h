#pragma once

#include "auth/session.h"
#include "common/result.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHash>
#include <QList>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cs {
class StaffService;
}

namespace cs::ui {

// A staff action that asks for more than a click: a form whose fields each have an error line under
// them, a general error line, OK and Cancel. OK runs the service call off the GUI thread (password
// hashing is slow on purpose); a refusal is shown next to the field it names and the dialog stays
// open. Object names of the buttons: okButton, cancelButton; of the general error line: formError.
// The texts are the subclasses' own (their translation contexts); this class translates none but its
// fallback error.
class StaffFormDialog : public QDialog {
    Q_OBJECT
public:
    StaffFormDialog(Database db, Session session, QWidget* parent);

    bool isBusy() const { return m_call.isBusy(); }

public slots:
    void accept() override;
    void reject() override;

signals:
    // The service call succeeded for the staff member `staffId`; `message` says what was done.
    void succeeded(qint64 staffId, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

    // Adds `label: editor` and, under it, the error line shown for a refusal of one of `fields`.
    void addField(QLabel* label, QWidget* editor, const QStringList& fields, const QString& errorName);
    // Shows `error` under its field (or in the general error line) and puts the cursor there.
    void showError(const Error& error);
    void clearErrors();
    // False, with `mismatch` under the field named "confirm", when the two fields differ.
    bool passwordsMatch(const QLineEdit* password, const QLineEdit* confirm, const QString& mismatch);

    // Runs `work` off the GUI thread. Success: emits succeeded() with successMessage() and closes.
    // A refusal of the input is shown; the request id is renewed by renewRequestId() only then, so a
    // call whose outcome is unknown (connection lost) is retried under the same id.
    void run(std::function<Result<qint64>(const StaffService& service, const Session& session)> work);
    // run() for a change of the staff member `staffId`, who is the one succeeded() names.
    void runChange(qint64 staffId,
                   std::function<Status(const StaffService& service, const Session& session, qint64 staffId)> change);

    virtual void submit() = 0;
    virtual QString successMessage() const = 0;
    virtual void renewRequestId() {}
    virtual void retranslateUi() = 0;

    const Session& session() const { return m_session; }
    QPushButton* okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }
    QPushButton* cancelButton() const { return m_buttons->button(QDialogButtonBox::Cancel); }

    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;

private:
    struct FieldSlot {
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };

    void finish(Result<qint64> outcome);

    Database m_db;
    Session m_session;
    QList<FieldSlot> m_fields;
    QHash<QString, qsizetype> m_fieldByName;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    BackgroundCall m_call{this};
};

} // namespace cs::ui
