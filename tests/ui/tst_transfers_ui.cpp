// The Transfers and Approvals workspaces driven through their real widgets: teller1 keys a transfer
// above their authority on the slip (payee looked up, amount in capitals, preview, confirmation) and
// sees it wait for approval; super1 finds it in the Approvals queue, re-keys the amount blind (a wrong
// amount is refused) and approves it; the money moves once, the balances and the transfer's state show
// it, and the maker's own list follows the decision without being asked. Also: the maker cancels a
// waiting transfer from the list (F7), a rejection needs its
// reason and releases the hold, the queue's lazy pages and filters, and the transfer voucher.
//
// With COUNTERSIGN_UI_SHOTS=<folder> the screenshots test saves PNGs of both workspaces there.

#include "uitestsupport.h"

#include "approvals/approvaldetailpanel.h"
#include "approvals/approvalqueuemodel.h"
#include "approvals/approvalservice.h"
#include "approvals/approvalsworkspace.h"
#include "approvals/approvalwatcher.h"
#include "auth/authservice.h"
#include "i18n/translations.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "print/transfervoucher.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "services/internalaccounts.h"
#include "services/transferservice.h"
#include "shell/workspaces.h"
#include "transfers/transferslip.h"
#include "transfers/transfersmodel.h"
#include "transfers/transfersworkspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::ApprovalQueueModel;
using cs::ui::TransfersModel;
using cs::ui::TransfersWorkspace;

namespace {

const QString kTerminal = u"T-TRANSFER"_s;
const QString kZhangWei = u"110101198003151239"_s; // 张伟 of the demo data: the payer
const QString kLiNa = u"310104199207082467"_s;     // 李娜: the payee

cs::Money cny(qint64 minor)
{
    return cs::Money(minor, cs::Currency::cny());
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestTransfersUi : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tellerEntersSupervisorApproves();
    void rejectionNeedsAReasonAndReleasesTheHold();
    void makerCancelsFromTheList();
    void slipRefusesBeforeTheService();
    void queuePagesAndFilters();
    void transferVoucher();
    void screenshots();

private:
    cs::ui::MainWindow* signInTo(const QString& login, cs::ui::Workspace workspace);
    void activate();
    qint64 balanceOf(const QString& number) const;
    qint64 availableOf(const QString& number) const;
    // A transfer entered through the service as teller1 (pending when above the teller's authority).
    cs::TransferRecord enterThroughService(qint64 minor);
    void grabTo(QWidget* widget, const QString& name);

    cs::Session m_teller;
    cs::Session m_super;
    QString m_payer;
    QString m_payee;
    cs::ui::MainWindow* m_window = nullptr;
};

void TestTransfersUi::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s)),
             qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s));
    CS_VERIFY_RESULT(createDemoDatabase());
    auto teller = cs::AuthService(*m_db).signOn(u"teller1"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;
    auto super = cs::AuthService(*m_db).signOn(u"super1"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP2"_s);
    CS_VERIFY_RESULT(super);
    m_super = *super;

    // The demo customers' Class I accounts (opened here when the demo data has none).
    const auto accountOf = [this](const QString& idNumber) -> cs::Result<QString> {
        auto found = cs::CustomerService(*m_db).find(m_teller, idNumber);
        if (!found)
            return cs::fail(found.error());
        if (found->size() != 1)
            return cs::fail(cs::Error::notFound(u"test"_s, {}, u"no customer "_s + idNumber));
        const qint64 customerId = found->constFirst().id;
        auto listed = cs::AccountService(*m_db).listForCustomer(m_teller, customerId);
        if (!listed)
            return cs::fail(listed.error());
        for (const cs::AccountView& a : std::as_const(*listed)) {
            if (a.accountClass == u"I" && a.state == u"normal")
                return a.number;
        }
        auto opened = cs::AccountService(*m_db).open(m_teller, {customerId, u"demand"_s, u"I"_s, {}, newId()});
        if (!opened)
            return cs::fail(opened.error());
        return opened->number;
    };
    auto payer = accountOf(kZhangWei);
    CS_VERIFY_RESULT(payer);
    m_payer = *payer;
    auto payee = accountOf(kLiNa);
    CS_VERIFY_RESULT(payee);
    m_payee = *payee;

    auto shown = cs::AccountService(*m_db).show(m_teller, m_payer);
    CS_VERIFY_RESULT(shown);
    const qint64 payerId = shown->id;
    // ¥1,000,000.00 into the payer's account from clearing (an incoming interbank credit).
    CS_VERIFY_RESULT(m_db->transact([&](cs::UnitOfWork& uow) -> cs::Status {
        auto ledger = cs::InternalAccounts::ensure(uow, m_teller.branchId);
        if (!ledger)
            return cs::fail(ledger.error());
        cs::PostingRequest r;
        r.requestId = newId();
        r.kind = u"incoming_credit"_s;
        r.branchId = m_teller.branchId;
        r.businessDate = m_teller.businessDate;
        r.staffId = m_teller.staffId;
        r.terminal = m_teller.terminal;
        r.lines = {{ledger->clearing, 'D', cny(100'000'000), {}}, {payerId, 'C', cny(100'000'000), {}}};
        auto posted = cs::PostingEngine::post(uow, r);
        if (!posted)
            return cs::fail(posted.error());
        return {};
    }));
}

void TestTransfersUi::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestTransfersUi::cleanup()
{
    m_window = nullptr;
    stopTerminal();
}

void TestTransfersUi::activate()
{
    // The offscreen platform does not hand activation back to the window by itself.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
}

cs::ui::MainWindow* TestTransfersUi::signInTo(const QString& login, cs::ui::Workspace workspace)
{
    m_window = signInAs(login);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    const int index = static_cast<int>(m_window->workspaces().indexOf(workspace));
    if (index < 0)
        return nullptr;
    QTest::keyClick(m_window, Qt::Key(Qt::Key_1 + index), Qt::ControlModifier);
    return m_window->currentWorkspace() == workspace ? m_window : nullptr;
}

qint64 TestTransfersUi::balanceOf(const QString& number) const
{
    auto shown = cs::AccountService(*m_db).show(m_teller, number);
    return shown ? shown->balance.minor() : -1;
}

qint64 TestTransfersUi::availableOf(const QString& number) const
{
    auto shown = cs::AccountService(*m_db).show(m_teller, number);
    return shown ? shown->available.minor() : -1;
}

cs::TransferRecord TestTransfersUi::enterThroughService(qint64 minor)
{
    cs::TransferRequest r;
    r.fromAccount = m_payer;
    r.toAccount = m_payee;
    r.amount = cny(minor);
    r.requestId = newId();
    auto entered = cs::TransferService(*m_db).enter(m_teller, r);
    if (!entered)
        qWarning("%s", qPrintable(entered.error().message));
    return entered.value_or(cs::TransferRecord{});
}

void TestTransfersUi::tellerEntersSupervisorApproves()
{
    const qint64 payerBefore = balanceOf(m_payer);
    const qint64 payeeBefore = balanceOf(m_payee);
    const qint64 availableBefore = availableOf(m_payer);

    // The maker's own list, as another window of teller1 would show it, follows the decision.
    TransfersWorkspace makerList(*m_db, m_teller);
    makerList.watcher()->setPollInterval(200);

    QVERIFY(signInTo(u"teller1"_s, cs::ui::Workspace::Transfers));
    auto* page = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    QVERIFY(page);
    auto* payer = child<QLineEdit>(page, u"payerAccountEdit"_s);
    auto* payee = child<QLineEdit>(page, u"payeeAccountEdit"_s);
    auto* amount = child<QLineEdit>(page, u"transferAmountEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), payer);
    const QString firstRequest = page->requestId();
    QVERIFY(!firstRequest.isEmpty());

    // The slip in its order: payer (looked up), within the bank, payee (looked up), amount.
    QTest::keyClicks(payer, m_payer);
    QTest::keyClick(payer, Qt::Key_Tab);
    QCOMPARE(child<QLabel>(page, u"payerNameLabel"_s)->text(), u"张伟"_s);
    QVERIFY(child<QLabel>(page, u"payerAvailableLabel"_s)->text().startsWith(cs::formatAmount(cny(availableBefore))));
    QCOMPARE(QApplication::focusWidget(), child<QRadioButton>(page, u"intraRadio"_s));
    QVERIFY(child<QRadioButton>(page, u"intraRadio"_s)->isChecked());
    QVERIFY(!child<QLineEdit>(page, u"payeeBankCodeEdit"_s)->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), payee);
    QTest::keyClicks(payee, m_payee);
    QTest::keyClick(payee, Qt::Key_Tab);
    QCOMPARE(child<QLineEdit>(page, u"payeeNameEdit"_s)->text(), u"李娜"_s);
    // Within the bank the payee's name is looked up, not keyed: the cursor goes on to the amount.
    QCOMPARE(QApplication::focusWidget(), amount);
    QTest::keyClicks(amount, u"60,000.00"_s);
    QCOMPARE(child<QLabel>(page, u"transferCapitalsLabel"_s)->text(), u"人民币陆万元整"_s);
    QTRY_COMPARE(child<QLabel>(page, u"previewBalanceLabel"_s)->text(), cs::formatAmount(cny(payerBefore - 6'000'000)));
    QCOMPARE(child<QLabel>(page, u"previewFeeLabel"_s)->text(), u"0.00"_s);
    QCOMPARE(child<QLabel>(page, u"previewRouteLabel"_s)->text(), cs::routeDisplayName(cs::TransferRoute::Intra));
    QVERIFY(child<QLabel>(page, u"previewApprovalLabel"_s)->text().contains(u"supervisor must approve"_s));

    // Enter: the confirmation to read back; Enter again submits.
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Confirmation);
    QCOMPARE(child<QLabel>(page, u"confirmAmountLabel"_s)->text(), u"¥60,000.00"_s);
    QCOMPARE(child<QLabel>(page, u"confirmCapitalsLabel"_s)->text(), u"人民币陆万元整"_s);
    QCOMPARE(child<QPushButton>(page, u"submitTransferButton"_s)->text(), u"Submit for approval"_s);
    // Esc goes back to the slip with everything kept; Enter and Enter again submit.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Entry);
    QCOMPARE(amount->text(), u"60,000.00"_s);
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Confirmation);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(page->lastTransfer().has_value(), 10000);
    const cs::TransferRecord pending = *page->lastTransfer();
    QCOMPARE(pending.state, u"pending"_s);
    QVERIFY(pending.approvalId > 0);
    QCOMPARE(pending.amount, cny(6'000'000));
    QCOMPARE(pending.requestId, firstRequest);
    QVERIFY(page->resultText().contains(u"waiting for approval no. %1"_s.arg(pending.approvalId)));
    // The next slip is a new request, empty, with the cursor on the payer.
    QVERIFY(page->requestId() != firstRequest);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Entry);
    QVERIFY(payer->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), payer);
    // In the day's list, waiting; nothing moved yet, the funds are held.
    const int row = page->model()->rowOfTransfer(pending.id);
    QVERIFY(row >= 0);
    QCOMPARE(page->model()->index(row, TransfersModel::StateColumn).data().toString(), u"Waiting for approval"_s);
    QCOMPARE(page->model()->index(row, TransfersModel::ApprovalColumn).data().toString(), QString::number(pending.approvalId));
    QCOMPARE(balanceOf(m_payer), payerBefore);
    QCOMPARE(availableOf(m_payer), availableBefore - 6'000'000);
    QCOMPARE(balanceOf(m_payee), payeeBefore);
    QVERIFY(!child<QAction>(page, u"printTransferVoucherAction"_s)->isEnabled());
    QTRY_VERIFY(makerList.model()->rowOfTransfer(pending.id) >= 0);

    // super1 signs on at the same terminal and opens the Approvals workspace.
    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    QVERIFY(signInTo(u"super1"_s, cs::ui::Workspace::Approvals));
    auto* approvals = qobject_cast<cs::ui::ApprovalsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Approvals));
    QVERIFY(approvals);
    QAbstractItemModelTester tester(approvals->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int queued = approvals->model()->rowOfApproval(pending.approvalId);
    QVERIFY(queued >= 0);
    // The amount is re-keyed blind: the queue does not show it.
    QCOMPARE(approvals->model()->index(queued, ApprovalQueueModel::AmountColumn).data().toString(), u"re-key"_s);
    QCOMPARE(approvals->model()->index(queued, ApprovalQueueModel::ActionColumn).data().toString(),
             u"Transfer within the bank"_s);
    QVERIFY(approvals->model()->index(queued, ApprovalQueueModel::MakerColumn).data().toString().contains(u"teller1"_s));
    QTRY_COMPARE(QApplication::focusWidget(), approvals->queueView());
    QVERIFY(approvals->selectApproval(pending.approvalId));
    QCOMPARE(approvals->selectedApprovalId(), pending.approvalId);
    auto* detail = approvals->detailPanel();
    QVERIFY(detail->detail().has_value());
    QVERIFY(detail->detail()->rekeyRequired);
    QVERIFY(detail->detail()->canDecide);
    auto* fields = child<QTableView>(detail, u"approvalFieldsTable"_s);
    QVERIFY(fields->model()->rowCount() > 0);
    for (int r = 0; r < fields->model()->rowCount(); ++r) {
        for (int c = 0; c < fields->model()->columnCount(); ++c) {
            const QString cell = fields->model()->index(r, c).data().toString();
            QVERIFY2(!cell.contains(u"60000"_s) && !cell.contains(u"60,000"_s), qPrintable(cell));
        }
    }
    QVERIFY(child<QLabel>(approvals, u"approvalHeaderLabel"_s)->text().contains(QString::number(pending.approvalId)));

    // Enter on the queue goes to the blind re-key. A wrong amount is refused and nothing moves.
    auto* rekey = child<QLineEdit>(approvals, u"rekeyAmountEdit"_s);
    QVERIFY(rekey->isVisible());
    QTest::keyClick(approvals->queueView(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), rekey);
    QTest::keyClicks(rekey, u"6,000.00"_s);
    QTest::keyClick(rekey, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->errorText().isEmpty(), 10000);
    QVERIFY(!approvals->isBusy());
    QCOMPARE(balanceOf(m_payer), payerBefore);
    auto still = cs::ApprovalService(*m_db).show(m_super, pending.approvalId);
    CS_VERIFY_RESULT(still);
    QCOMPARE(still->approval.state, u"pending"_s);
    QCOMPARE(QApplication::focusWidget(), rekey);
    QVERIFY(rekey->text().isEmpty());

    // The right amount, Enter: approved, the money moves once.
    QTest::keyClicks(rekey, u"60,000.00"_s);
    QCOMPARE(child<QLabel>(approvals, u"rekeyCapitalsLabel"_s)->text(), u"人民币陆万元整"_s);
    QTest::keyClick(rekey, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(approvals->messageText().contains(u"approved"_s), 10000);
    QVERIFY(approvals->messageText().startsWith(u"Request %1 approved."_s.arg(pending.approvalId)));
    QCOMPARE(balanceOf(m_payer), payerBefore - 6'000'000);
    QCOMPARE(balanceOf(m_payee), payeeBefore + 6'000'000);
    QCOMPARE(availableOf(m_payer), availableBefore - 6'000'000);
    auto decided = cs::ApprovalService(*m_db).show(m_super, pending.approvalId);
    CS_VERIFY_RESULT(decided);
    QCOMPARE(decided->approval.state, u"approved"_s);
    QCOMPARE(decided->approval.checkerLogin, u"super1"_s);
    // Gone from the pending queue.
    QCOMPARE(approvals->model()->rowOfApproval(pending.approvalId), -1);

    // The supervisor's Transfers list shows it posted.
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    auto* superTransfers = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    QVERIFY(superTransfers);
    QVERIFY(!child<QWidget>(superTransfers, u"transferSlip"_s)->isEnabled());
    const int postedRow = superTransfers->model()->rowOfTransfer(pending.id);
    QVERIFY(postedRow >= 0);
    QCOMPARE(superTransfers->model()->index(postedRow, TransfersModel::StateColumn).data().toString(), u"Posted"_s);

    // And the maker's list followed the decision by itself (polling on SQLite).
    QTRY_VERIFY_WITH_TIMEOUT(makerList.model()->rowOfTransfer(pending.id) >= 0
                                 && makerList.model()->transferAt(makerList.model()->rowOfTransfer(pending.id)).state
                                        == u"posted"_s,
                             5000);
    const cs::TransferRecord listed = makerList.model()->transferAt(makerList.model()->rowOfTransfer(pending.id));
    QVERIFY(listed.txnId > 0);
    // Read on its own (as its voucher is), the transfer has the payer's balance after it.
    auto posted = cs::TransferService(*m_db).find(m_teller, pending.id);
    CS_VERIFY_RESULT(posted);
    QCOMPARE(posted->txnId, listed.txnId);
    QCOMPARE(posted->balanceAfter, cny(payerBefore - 6'000'000));
}

void TestTransfersUi::rejectionNeedsAReasonAndReleasesTheHold()
{
    const qint64 availableBefore = availableOf(m_payer);
    const cs::TransferRecord pending = enterThroughService(7'000'000);
    QCOMPARE(pending.state, u"pending"_s);
    QCOMPARE(availableOf(m_payer), availableBefore - 7'000'000);

    QVERIFY(signInTo(u"super1"_s, cs::ui::Workspace::Approvals));
    auto* approvals = qobject_cast<cs::ui::ApprovalsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Approvals));
    QVERIFY(approvals->selectApproval(pending.approvalId));
    // Enter on the queue goes to the decision, Esc comes back.
    QTRY_COMPARE(QApplication::focusWidget(), approvals->queueView());
    QTest::keyClick(approvals->queueView(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(approvals, u"rekeyAmountEdit"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), approvals->queueView());
    // F9 without a reason: asked for, under the decision, with the cursor in the reason.
    activate();
    QTest::keyClick(m_window, Qt::Key_F9);
    QCOMPARE(approvals->detailPanel()->errorText(), u"Give the reason for the rejection."_s);
    auto* reason = child<QLineEdit>(approvals, u"decisionReasonEdit"_s);
    QCOMPARE(QApplication::focusWidget(), reason);
    QTest::keyClicks(reason, u"Customer's signature does not match"_s);
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(approvals->messageText().contains(u"rejected"_s), 10000);
    auto decided = cs::ApprovalService(*m_db).show(m_super, pending.approvalId);
    CS_VERIFY_RESULT(decided);
    QCOMPARE(decided->approval.state, u"rejected"_s);
    QCOMPARE(decided->approval.reason, u"Customer's signature does not match"_s);
    QCOMPARE(availableOf(m_payer), availableBefore);

    // The state filter shows it among the rejected, with its reason.
    auto* state = child<QComboBox>(approvals, u"stateFilterCombo"_s);
    state->setCurrentIndex(state->findData(u"rejected"_s));
    const int row = approvals->model()->rowOfApproval(pending.approvalId);
    QVERIFY(row >= 0);
    QCOMPARE(approvals->model()->index(row, ApprovalQueueModel::StateColumn).data().toString(), u"Rejected"_s);
    QCOMPARE(approvals->model()->index(row, ApprovalQueueModel::StateColumn).data(Qt::ToolTipRole).toString(),
             u"Customer's signature does not match"_s);
}

void TestTransfersUi::makerCancelsFromTheList()
{
    const qint64 availableBefore = availableOf(m_payer);
    const cs::TransferRecord pending = enterThroughService(5'500'000);
    QCOMPARE(pending.state, u"pending"_s);
    QVERIFY(signInTo(u"teller1"_s, cs::ui::Workspace::Transfers));
    auto* page = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    QVERIFY(page->selectTransfer(pending.id));
    auto* cancel = child<QAction>(page, u"cancelTransferAction"_s);
    QVERIFY(cancel->isEnabled());
    QCOMPARE(cancel->shortcut(), QKeySequence(Qt::Key_F7));
    activate();
    QTest::keyClick(m_window, Qt::Key_F7);
    QCOMPARE(page->resultText(), u"Request %1 cancelled: transfer %2 will not be made and its funds are released."_s
                                     .arg(pending.approvalId)
                                     .arg(pending.id));
    const int row = page->model()->rowOfTransfer(pending.id);
    QVERIFY(row >= 0);
    QCOMPARE(page->model()->transferAt(row).state, u"cancelled"_s);
    QCOMPARE(page->model()->index(row, TransfersModel::StateColumn).data().toString(), u"Cancelled"_s);
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(availableOf(m_payer), availableBefore);
}

void TestTransfersUi::slipRefusesBeforeTheService()
{
    QVERIFY(signInTo(u"teller1"_s, cs::ui::Workspace::Transfers));
    auto* page = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    auto* payer = child<QLineEdit>(page, u"payerAccountEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), payer);
    // Enter on an empty slip: the payer's account is asked for under it.
    QTest::keyClick(payer, Qt::Key_Return);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Entry);
    QCOMPARE(child<QLabel>(page, u"payerAccountError"_s)->text(), u"Key the payer's account."_s);
    // An interbank payee needs a 12-digit bank code and a name; the code's field shows.
    QTest::keyClicks(payer, m_payer);
    child<QRadioButton>(page, u"interbankRadio"_s)->click();
    QVERIFY(child<QLineEdit>(page, u"payeeBankCodeEdit"_s)->isVisible());
    QVERIFY(!child<QLineEdit>(page, u"payeeNameEdit"_s)->isReadOnly());
    QTest::keyClicks(child<QLineEdit>(page, u"payeeBankCodeEdit"_s), u"12345abc"_s);
    QCOMPARE(child<QLineEdit>(page, u"payeeBankCodeEdit"_s)->text(), u"12345"_s); // digits only
    QTest::keyClick(payer, Qt::Key_Return);
    QVERIFY(!child<QLabel>(page, u"payeeBankCodeError"_s)->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(page, u"payeeBankCodeEdit"_s));
    // Strict amounts: "1.234" is refused under the amount.
    child<QRadioButton>(page, u"intraRadio"_s)->click();
    QTest::keyClicks(child<QLineEdit>(page, u"payeeAccountEdit"_s), m_payee);
    QTest::keyClicks(child<QLineEdit>(page, u"transferAmountEdit"_s), u"1.234"_s);
    QTest::keyClick(child<QLineEdit>(page, u"transferAmountEdit"_s), Qt::Key_Return);
    QCOMPARE(page->step(), TransfersWorkspace::Step::Entry);
    QVERIFY(!child<QLabel>(page, u"transferAmountError"_s)->text().isEmpty());
    // Esc clears the slip.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(payer->text().isEmpty());
    QVERIFY(child<QLineEdit>(page, u"transferAmountEdit"_s)->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), payer);
}

void TestTransfersUi::queuePagesAndFilters()
{
    // Seven more requests waiting.
    QList<qint64> ids;
    for (int i = 0; i < 7; ++i) {
        const cs::TransferRecord t = enterThroughService(5'000'100 + i);
        QCOMPARE(t.state, u"pending"_s);
        ids.append(t.approvalId);
    }
    auto pendingNow = cs::ApprovalService(*m_db).count(m_super, cs::ApprovalFilter{});
    CS_VERIFY_RESULT(pendingNow);

    ApprovalQueueModel model(*m_db, m_super);
    model.setPageSize(3);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    CS_VERIFY_RESULT(model.load());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.totalCount(), *pendingNow);
    QCOMPARE(model.pagesRead(), 1);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), static_cast<int>(*pendingNow));
    // Oldest first, each id once.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.approvalAt(row - 1).id < model.approvalAt(row).id);
    for (qint64 id : std::as_const(ids))
        QVERIFY(model.rowOfApproval(id) >= 0);
    {
        // (The tester fetches whatever it can as soon as a reset ends, so it watches only the reload of
        // a queue read to its end.)
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A reload keeps as many rows as were shown.
        CS_VERIFY_RESULT(model.reload());
        QCOMPARE(model.rowCount(), static_cast<int>(*pendingNow));
    }

    // Filters: another action, or the supervisor's own submissions, hold none of them.
    cs::ApprovalFilter interbank;
    interbank.action = u"transfer.interbank"_s;
    model.setFilter(interbank);
    CS_VERIFY_RESULT(model.load());
    QCOMPARE(model.rowCount(), 0);
    cs::ApprovalFilter mine;
    mine.makerId = m_super.staffId;
    model.setFilter(mine);
    CS_VERIFY_RESULT(model.load());
    QCOMPARE(model.rowCount(), 0);
    cs::ApprovalFilter teller;
    teller.makerId = m_teller.staffId;
    teller.from = m_teller.businessDate;
    teller.to = m_teller.businessDate;
    model.setFilter(teller);
    CS_VERIFY_RESULT(model.load());
    QCOMPARE(model.totalCount(), *pendingNow);

    // Through the workspace's combo boxes.
    QVERIFY(signInTo(u"super1"_s, cs::ui::Workspace::Approvals));
    auto* approvals = qobject_cast<cs::ui::ApprovalsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Approvals));
    QCOMPARE(approvals->model()->totalCount(), *pendingNow);
    QCOMPARE(child<QLabel>(approvals, u"approvalsCountLabel"_s)->text(),
             QCoreApplication::translate("cs::ui::ApprovalsWorkspace", "%n request(s) waiting.", nullptr,
                                         static_cast<int>(*pendingNow)));
    auto* maker = child<QComboBox>(approvals, u"makerFilterCombo"_s);
    QCOMPARE(maker->itemText(1), u"My submissions"_s);
    maker->setCurrentIndex(1);
    QCOMPARE(approvals->model()->rowCount(), 0);
    QVERIFY(!approvals->detailPanel()->detail().has_value());
    maker->setCurrentIndex(maker->findData(m_teller.staffId));
    QCOMPARE(approvals->model()->totalCount(), *pendingNow);
    auto* action = child<QComboBox>(approvals, u"actionFilterCombo"_s);
    action->setCurrentIndex(action->findData(u"transfer.interbank"_s));
    QCOMPARE(approvals->model()->rowCount(), 0);

    // Clean up: the teller cancels them (the maker may), through the service.
    for (qint64 id : std::as_const(ids))
        CS_VERIFY_RESULT(cs::ApprovalService(*m_db).cancel(m_teller, id, newId()));
}

void TestTransfersUi::transferVoucher()
{
    // Within the teller's authority: posted at once, with its voucher.
    const cs::TransferRecord posted = enterThroughService(12'345);
    QCOMPARE(posted.state, u"posted"_s);
    QVERIFY(cs::ui::hasTransferVoucher(posted));
    QTemporaryDir dir;
    const QString path = dir.filePath(cs::ui::transferVoucherFileName(posted));
    QCOMPARE(cs::ui::transferVoucherFileName(posted),
             u"transfer-%1-%2.pdf"_s.arg(posted.id).arg(posted.businessDate.toString(u"yyyyMMdd")));
    CS_VERIFY_RESULT(cs::ui::writeTransferVoucherPdf({posted, m_teller.branchCode, m_teller.branchName}, path));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.size() > 1000);
    QCOMPARE(pdf.read(4), QByteArray("%PDF"));
    const cs::ui::VoucherSheet sheet = cs::ui::transferVoucherSheet({posted, m_teller.branchCode, m_teller.branchName});
    QCOMPARE(sheet.title, u"Transfer voucher"_s);
    bool capitals = false;
    for (const cs::ui::VoucherRow& row : sheet.rows)
        capitals = capitals || row.value == u"人民币壹佰贰拾叁元肆角伍分"_s;
    QVERIFY(capitals);

    // Ctrl+P on the selected transfer: the print preview.
    QVERIFY(signInTo(u"teller1"_s, cs::ui::Workspace::Transfers));
    auto* page = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    QVERIFY(page->selectTransfer(posted.id));
    QVERIFY(child<QAction>(page, u"printTransferVoucherAction"_s)->isEnabled());
    activate();
    QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
    QPointer<QDialog> preview;
    QTRY_VERIFY((preview = page->findChild<QDialog*>(u"voucherPreviewDialog"_s)) && preview->isVisible());
    QCOMPARE(preview->windowTitle(), u"Transfer voucher"_s);
    preview->close();
    QTRY_VERIFY(preview.isNull());
}

void TestTransfersUi::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestTransfersUi::screenshots()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        QSKIP("COUNTERSIGN_UI_SHOTS names no folder");
    enterThroughService(23'456);
    const cs::TransferRecord waiting = enterThroughService(8'800'000);
    QVERIFY(signInTo(u"teller1"_s, cs::ui::Workspace::Transfers));
    m_window->resize(1280, 800);
    auto* page = qobject_cast<TransfersWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Transfers));
    auto* payer = child<QLineEdit>(page, u"payerAccountEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), payer);
    QTest::keyClicks(payer, m_payer);
    QTest::keyClick(payer, Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), m_payee);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), u"12,345.60"_s);
    child<QLineEdit>(page, u"transferRemarksEdit"_s)->insert(u"房租 rent"_s);
    QTRY_VERIFY(page->slip()->preview().has_value());
    QTest::qWait(100);
    grabTo(m_window, u"transfers"_s);
    QTest::keyClick(child<QLineEdit>(page, u"transferAmountEdit"_s), Qt::Key_Return);
    QTest::qWait(50);
    grabTo(m_window, u"transfers-confirm"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    child<QRadioButton>(page, u"interbankRadio"_s)->click();
    QTest::keyClicks(child<QLineEdit>(page, u"payeeBankCodeEdit"_s), u"102100099996"_s);
    QTest::keyClicks(child<QLineEdit>(page, u"payeeAccountEdit"_s), u"6222020200112233445"_s);
    child<QLineEdit>(page, u"payeeNameEdit"_s)->insert(u"王小明"_s);
    QTRY_VERIFY((page->slip()->preview() && page->slip()->preview()->route != cs::TransferRoute::Intra)
                || page->slip()->previewError().has_value());
    QTest::qWait(100);
    grabTo(m_window, u"transfers-interbank"_s);

    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    QVERIFY(signInTo(u"super1"_s, cs::ui::Workspace::Approvals));
    m_window->resize(1280, 800);
    auto* approvals = qobject_cast<cs::ui::ApprovalsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Approvals));
    QVERIFY(approvals->selectApproval(waiting.approvalId));
    QTest::keyClick(approvals->queueView(), Qt::Key_Return);
    QTest::keyClicks(QApplication::focusWidget(), u"88,000.00"_s);
    QTest::qWait(100);
    grabTo(m_window, u"approvals"_s);
}

QTEST_MAIN(TestTransfersUi)
#include "tst_transfers_ui.moc"
