#pragma once

#include "auth/session.h"
#include "services/cashboxservice.h"
#include "storage/database.h"
#include "widgets/permittedactions.h"
#include "cashbox/cashboxdialog.h"

#include <QWidget>

#include <optional>

class QAction;
class QGridLayout;
class QGroupBox;
class QLabel;

namespace cs::ui {

// The Cash box workspace (尾箱): the teller's box on the business day (CashBoxService::current), its
// state, opening, cash in and out, expected cash, last count and difference, and the actions on it,
// each with a shortcut while the workspace is shown, a button and a confirmation: Open (F2), Take from
// vault (F3), Return to vault (F4), Count (F7), Close (F8), Refresh (F5). The figures are read again
// whenever the workspace is shown, so the cash taken at the Counter is there.
// Object names: cashboxPage, cashBoxState, cashBoxValue_<key> (opening, in, out, expected, counted,
// difference, transactions), cashBoxMessage; actions openCashBoxAction, takeFromVaultAction,
// returnToVaultAction, countCashBoxAction, closeCashBoxAction, refreshCashBoxAction, and their buttons
// (…Button); dialog cashBoxDialog.
class CashBoxWorkspace : public QWidget {
    Q_OBJECT
public:
    CashBoxWorkspace(Database db, Session session, QWidget* parent = nullptr);

    const std::optional<CashBoxView>& box() const { return m_box; }
    QString messageText() const;

public slots:
    void refresh();
    void openBox();
    void takeFromVault();
    void returnToVault();
    void countBox();
    void closeBox();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (CashBoxWorkspace::*slot)());
    QLabel* addValue(const QString& key, int row);
    void openDialog(CashBoxDialog::Kind kind, const QAction* action);
    void showBox();
    void updateActions();
    void showMessage(const QString& text, bool error);
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    std::optional<CashBoxView> m_box;

    QLabel* m_title = nullptr;
    QLabel* m_state = nullptr;
    QGroupBox* m_figures = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<QPair<QLabel*, QLabel*>> m_values; // label, value
    QStringList m_keys;
    QLabel* m_message = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_takeAction = nullptr;
    QAction* m_returnAction = nullptr;
    QAction* m_countAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_refreshAction = nullptr;
};

} // namespace cs::ui
