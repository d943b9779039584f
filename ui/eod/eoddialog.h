#pragma once

#include "auth/session.h"
#include "services/endofdayservice.h"
#include "storage/database.h"
#include "widgets/backgroundcall.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cs::ui {

// The supervisor's end of day (issue 7, EndOfDayService): what keeps the branch from closing its day
// (open cash boxes, pending approvals) is listed and Run stays off until there is nothing; Run closes
// the day on a thread of its own, each step ticked off in the list as the service reports it (the
// progress is brought back to the GUI thread), and ends with the new business date (dayClosed) or the
// error. A run cannot be stopped half way: while it runs Esc and Close do nothing; it is restartable,
// so a failed run may simply be run again.
// Keyboard: Enter runs, F5 checks again, Esc closes.
// Object names: eodDialog, eodDateLabel, eodBlockersLabel, eodBlockersList, eodStepsTree,
// eodProgressBar, eodMessageLabel, eodRunButton, eodRecheckButton, eodCloseButton.
class EodDialog : public QDialog {
    Q_OBJECT
public:
    EodDialog(Database db, Session session, QWidget* parent = nullptr);

    bool isRunning() const { return m_running; }
    bool isBusy() const { return m_call.isBusy(); }
    // The blockers as last read.
    const QList<EodBlocker>& blockers() const { return m_blockers; }
    const std::optional<EodResult>& result() const { return m_result; }
    QString messageText() const;
    QTreeWidget* stepsTree() const { return m_steps; }

public slots:
    void checkBlockers();
    void runEndOfDay();
    void reject() override;

signals:
    // The day closed; `businessDate` is the branch's new one.
    void dayClosed(const QDate& businessDate);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showBlockers(Result<QList<EodBlocker>> outcome);
    void stepDone(const EodStep& step);
    void finished(Result<EodResult> outcome);
    QTreeWidgetItem* stepItem(const QString& key, const QString& label);
    void showMessage(const QString& text, bool error);
    void updateButtons();
    void retranslateUi();

    Database m_db;
    Session m_session;
    QList<EodBlocker> m_blockers;
    bool m_blockersKnown = false;
    bool m_running = false;
    int m_stepsDone = 0;
    std::optional<EodResult> m_result;

    QLabel* m_date = nullptr;
    QLabel* m_blockersLabel = nullptr;
    QListWidget* m_blockersList = nullptr;
    QLabel* m_stepsLabel = nullptr;
    QTreeWidget* m_steps = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_recheck = nullptr;
    QPushButton* m_close = nullptr;

    BackgroundCall m_call{this};
};

} // namespace cs::ui
