#pragma once

#include "auth/session.h"
#include "notify/noticesender.h"
#include "storage/database.h"
#include "widgets/permittedactions.h"

#include <QMap>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace cs::ui {

class AttemptsModel;
class OutboxModel;
class TerminalGatewaySecret;

// The notice outbox in the Administration: the notices of one state or all (the state filter names
// each state's count; the counts line lists them all), the selected notice's text and delivery
// attempts, and two actions, each with a shortcut while the page is shown and a button:
//   Retry Ctrl+R: a dead notice is queued again (NoticeService::retryDead, notice.manage; a request id
//     per action);
//   Send now Ctrl+Shift+N: one delivery pass of this terminal's NoticeSender (notice.send), with the
//     gateway password from this terminal's secret store; its summary is shown and the outbox read again.
// Refresh (F5) reads the outbox again.
// Object names: outboxPanel, outboxStateCombo, outboxCountsLabel, outboxTable, noticeDetails,
// attemptsTable, outboxMessage; actions refreshOutboxAction, retryNoticeAction, sendNowAction and their
// buttons (…Button).
class OutboxPanel : public QWidget {
    Q_OBJECT
public:
    OutboxPanel(Database db, Session session, PermittedActions permitted, QWidget* parent = nullptr);
    ~OutboxPanel() override;

    OutboxModel* model() const { return m_model; }
    AttemptsModel* attemptsModel() const { return m_attempts; }
    QTableView* view() const { return m_view; }
    qint64 selectedNoticeId() const;
    bool selectNotice(qint64 noticeId);
    // Shows the notices of `state` (empty: all).
    void setStateFilter(const QString& state);
    QString messageText() const;
    bool isSending() const;
    // The summary of the last delivery pass run from here.
    const DeliveryPass& lastPass() const { return m_lastPass; }

public slots:
    void refresh();
    void retry();
    void sendNow();

signals:
    void passFinished(const cs::DeliveryPass& pass);

protected:
    void changeEvent(QEvent* event) override;

private:
    QAction* createAction(const QString& name, const QKeySequence& shortcut, void (OutboxPanel::*slot)());
    void load(qint64 selectNoticeId);
    void loadCounts();
    void showCounts();
    void noticeChanged();
    void updateActions();
    void passDone(const DeliveryPass& pass);
    void showMessage(const QString& text, bool error);
    void retranslateUi();

    Database m_db;
    Session m_session;
    PermittedActions m_permitted;
    std::unique_ptr<TerminalGatewaySecret> m_secret;
    NoticeSender* m_sender = nullptr;
    DeliveryPass m_lastPass;
    QMap<QString, qint64> m_counts;

    OutboxModel* m_model = nullptr;
    AttemptsModel* m_attempts = nullptr;
    QLabel* m_stateLabel = nullptr;
    QComboBox* m_state = nullptr;
    QLabel* m_countsLabel = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QTableView* m_attemptsView = nullptr;
    QLabel* m_message = nullptr;

    QAction* m_refreshAction = nullptr;
    QAction* m_retryAction = nullptr;
    QAction* m_sendAction = nullptr;
};

} // namespace cs::ui
