// The Counter and Cash box workspaces driven through their real widgets, signed on as teller1 through
// the real login screen: a cash box opened, a customer found by typing, a deposit and a withdrawal with
// the amount in capitals, their vouchers, a refused withdrawal, due diligence for large cash, the
// read-only Counter of an auditor, and the lazily read statement.
//
// With COUNTERSIGN_UI_SHOTS=<folder> the screenshots test saves PNGs of the screens there
// (COUNTERSIGN_UI_LANG=zh_CN for the Chinese screens).

#include "approvals/approvalservice.h"
#include "uitestsupport.h"

#include "auth/authservice.h"
#include "cashbox/cashboxdialog.h"
#include "cashbox/cashboxworkspace.h"
#include "counter/accountsmodel.h"
#include "counter/cashdialog.h"
#include "counter/counterworkspace.h"
#include "counter/customerresultsmodel.h"
#include "counter/statementdialog.h"
#include "counter/statementmodel.h"
#include "i18n/translations.h"
#include "ledger/postingengine.h"
#include "money/amountformat.h"
#include "print/voucher.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/internalaccounts.h"
#include "shell/workspaces.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::AccountsModel;
using cs::ui::CashDialog;
using cs::ui::StatementModel;

namespace {

const QString kTerminal = u"T-COUNTER"_s;
const QString kZhangWei = u"110101198003151239"_s; // 张伟 of the demo data
const QString kLiNa = u"310104199207082467"_s;     // 李娜

cs::Money cny(qint64 minor)
{
    return cs::Money(minor, cs::Currency::cny());
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestCounter : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void cashBoxOpensThroughTheWorkspace();
    void depositAndWithdrawAtTheCounter();
    void refusedWithdrawalChangesNothing();
    void largeCashAsksForDueDiligence();
    void withdrawalAboveTheLimitWaits();
    void escapeCancelsAndPostsNothing();
    void auditorLooksWithoutActing();
    void statementModelFetchesLazily();
    void statementViewOpensFromTheCounter();
    void screenshots();

private:
    // The teller's open box (opened through the service when an earlier test did not).
    void ensureBoxOpen();
    cs::ui::CounterWorkspace* signInToCounter(const QString& login = u"teller1"_s);
    // Types `query` into the search field and Enter; the customer's accounts are then listed.
    void findCustomer(const QString& query);
    CashDialog* openCashDialog(Qt::Key key);
    QString balanceCell(const QString& number) const;
    qint64 balanceOf(const QString& number) const;
    qint64 journalTxns() const;
    void grabTo(QWidget* widget, const QString& name);

    cs::Session m_teller;        // teller1, for setting up through the services
    QString m_account;           // 张伟's Class I account
    QString m_statementAccount;  // 李娜's account with 25 deposits
    cs::ui::MainWindow* m_window = nullptr;
    cs::ui::CounterWorkspace* m_counter = nullptr;
};

void TestCounter::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s)),
             qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s));
    CS_VERIFY_RESULT(createDemoDatabase());
    auto teller = cs::AuthService(*m_db).signOn(u"teller1"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;

    // Cash delivered to the vault from the cash centre, so a box can be opened.
    CS_VERIFY_RESULT(m_db->transact([&](cs::UnitOfWork& uow) -> cs::Status {
        auto ledger = cs::InternalAccounts::ensure(uow, m_teller.branchId);
        if (!ledger)
            return cs::fail(ledger.error());
        cs::PostingRequest r;
        r.requestId = newId();
        r.kind = u"vault_delivery"_s;
        r.branchId = m_teller.branchId;
        r.businessDate = m_teller.businessDate;
        r.staffId = m_teller.staffId;
        r.terminal = m_teller.terminal;
        r.lines = {{ledger->vault, 'D', cny(100'000'000), {}}, {ledger->clearing, 'C', cny(100'000'000), {}}};
        auto posted = cs::PostingEngine::post(uow, r);
        if (!posted)
            return cs::fail(posted.error());
        return {};
    }));

    // The demo customers' accounts (opened here when the demo data has none).
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
    auto zhang = accountOf(kZhangWei);
    CS_VERIFY_RESULT(zhang);
    m_account = *zhang;
    auto li = accountOf(kLiNa);
    CS_VERIFY_RESULT(li);
    m_statementAccount = *li;
}

void TestCounter::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestCounter::cleanup()
{
    m_window = nullptr;
    m_counter = nullptr;
    stopTerminal();
}

cs::ui::CounterWorkspace* TestCounter::signInToCounter(const QString& login)
{
    m_window = signInAs(login);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    m_counter = qobject_cast<cs::ui::CounterWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Counter));
    return m_counter;
}

void TestCounter::ensureBoxOpen()
{
    auto box = cs::CashBoxService(*m_db).current(m_teller);
    CS_VERIFY_RESULT(box);
    if (box->state != u"open")
        CS_VERIFY_RESULT(cs::CashBoxService(*m_db).open(m_teller, cny(5'000'000), newId()));
}

void TestCounter::findCustomer(const QString& query)
{
    auto* search = child<QLineEdit>(m_counter, u"customerSearchEdit"_s);
    QVERIFY(search);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, query);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(m_counter->customerModel()->rowCount() >= 1);
    QVERIFY(m_counter->selectedCustomerId() != 0);
    QVERIFY(m_counter->accountsModel()->rowCount() >= 1);
}

CashDialog* TestCounter::openCashDialog(Qt::Key key)
{
    // The offscreen platform does not hand activation back to the window when a dialog closes.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
    QTest::keyClick(m_counter->accountsView(), key);
    CashDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_counter->findChild<CashDialog*>(u"cashDialog"_s);
        return dialog && dialog->isVisible() && dialog->isActiveWindow();
    }, 5000);
    if (!shown)
        qWarning("no cash dialog");
    return shown ? dialog : nullptr;
}

QString TestCounter::balanceCell(const QString& number) const
{
    const AccountsModel* model = m_counter->accountsModel();
    const int row = model->rowOfAccount(number);
    return row < 0 ? QString() : model->index(row, AccountsModel::BalanceColumn).data().toString();
}

qint64 TestCounter::balanceOf(const QString& number) const
{
    auto shown = cs::AccountService(*m_db).show(m_teller, number);
    return shown ? shown->balance.minor() : -1;
}

qint64 TestCounter::journalTxns() const
{
    return const_cast<TestCounter*>(this)->demo().count(u"SELECT COUNT(*) FROM journal_txns"_s);
}

void TestCounter::cashBoxOpensThroughTheWorkspace()
{
    QVERIFY(signInToCounter());
    auto* page = qobject_cast<cs::ui::CashBoxWorkspace*>(m_window->workspacePage(cs::ui::Workspace::CashBox));
    QVERIFY(page);
    QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentWorkspace(), cs::ui::Workspace::CashBox);
    QVERIFY(page->box().has_value());
    QCOMPARE(page->box()->state, u"none"_s);
    QVERIFY(child<QAction>(page, u"openCashBoxAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(page, u"closeCashBoxAction"_s)->isEnabled());
    QCOMPARE(child<QAction>(page, u"openCashBoxAction"_s)->shortcut(), QKeySequence(Qt::Key_F2));

    QTest::keyClick(m_window, Qt::Key_F2);
    QPointer<cs::ui::CashBoxDialog> dialog;
    QTRY_VERIFY((dialog = page->findChild<cs::ui::CashBoxDialog*>(u"cashBoxDialog"_s)) && dialog->isActiveWindow());
    auto* amount = child<QLineEdit>(dialog, u"cashBoxAmountEdit"_s);
    QCOMPARE(QApplication::focusWidget(), amount);
    QTest::keyClicks(amount, u"50,000.00"_s);
    QCOMPARE(child<QLabel>(dialog, u"cashBoxCapitalsLabel"_s)->text(), u"人民币伍万元整"_s);
    QTest::keyClick(amount, Qt::Key_Return);
    QVERIFY(dialog->isConfirming());
    QVERIFY(child<QLabel>(dialog, u"confirmLabel"_s)->text().contains(u"50,000.00"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    QCOMPARE(page->box()->state, u"open"_s);
    // The box was empty before; the vault's cash came in.
    QCOMPARE(child<QLabel>(page, u"cashBoxValue_opening"_s)->text(), u"0.00"_s);
    QCOMPARE(child<QLabel>(page, u"cashBoxValue_in"_s)->text(), u"50,000.00"_s);
    QCOMPARE(child<QLabel>(page, u"cashBoxValue_expected"_s)->text(), u"50,000.00"_s);
    QCOMPARE(page->messageText(), u"Cash box opened with 50,000.00 from the vault."_s);
    QVERIFY(!child<QAction>(page, u"openCashBoxAction"_s)->isEnabled());
    QVERIFY(child<QAction>(page, u"closeCashBoxAction"_s)->isEnabled());
    auto box = cs::CashBoxService(*m_db).current(m_teller);
    CS_VERIFY_RESULT(box);
    QCOMPARE(box->state, u"open"_s);
    QCOMPARE(box->expected, cny(5'000'000));
}

void TestCounter::depositAndWithdrawAtTheCounter()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    QCOMPARE(m_window->currentWorkspace(), cs::ui::Workspace::Counter);
    // The search field has the cursor when the Counter opens.
    auto* search = child<QLineEdit>(m_counter, u"customerSearchEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QAbstractItemModelTester accountsTester(m_counter->accountsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QTest::keyClicks(search, kZhangWei);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_counter->customerModel()->rowCount(), 1);
    QCOMPARE(m_counter->customerModel()->index(0, cs::ui::CustomerResultsModel::NameColumn).data().toString(), u"张伟"_s);
    QVERIFY(m_counter->selectAccount(m_account));
    QCOMPARE(m_counter->selectedAccountNumber(), m_account);
    QCOMPARE(QApplication::focusWidget(), m_counter->accountsView());
    QCOMPARE(m_counter->messageText(), u"1 customer found."_s);

    const qint64 before = balanceOf(m_account);
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before)));
    QCOMPARE(m_counter->accountsModel()->index(m_counter->accountsModel()->rowOfAccount(m_account),
                                               AccountsModel::BalanceColumn)
                 .data(Qt::TextAlignmentRole)
                 .value<Qt::Alignment>(),
             Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));

    // F2: deposit 1,000.00.
    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F2);
    QVERIFY(dialog);
    auto* amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    QCOMPARE(QApplication::focusWidget(), amount);
    QCOMPARE(child<QLabel>(dialog, u"cashAccountLabel"_s)->text().left(m_account.size()), m_account);
    const QString requestId = dialog->requestId();
    QVERIFY(!requestId.isEmpty());
    QTest::keyClicks(amount, u"1,000.00"_s);
    QCOMPARE(child<QLabel>(dialog, u"cashCapitalsLabel"_s)->text(), u"人民币壹仟元整"_s);
    QCOMPARE(u"人民币"_s + *cs::chineseCapitals(cny(100'000)), u"人民币壹仟元整"_s);
    // The preview follows the amount.
    QTRY_COMPARE(child<QLabel>(dialog, u"previewBalanceLabel"_s)->text(), cs::formatAmount(cny(before + 100'000)));
    QCOMPARE(child<QLabel>(dialog, u"previewFeeLabel"_s)->text(), u"0.00"_s);
    QVERIFY(!child<QGroupBox>(dialog, u"dueDiligenceGroup"_s)->isVisible());
    QVERIFY(!child<QLabel>(dialog, u"largeValueLabel"_s)->isVisible());
    // Enter: the confirmation with the amount and its capitals; Enter again posts.
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Confirmation);
    QCOMPARE(child<QLabel>(dialog, u"confirmAmountLabel"_s)->text(), u"¥1,000.00"_s);
    QCOMPARE(child<QLabel>(dialog, u"confirmCapitalsLabel"_s)->text(), u"人民币壹仟元整"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), CashDialog::Step::Done, 10000);
    QVERIFY(dialog->receipt().has_value());
    const cs::CashReceipt deposit = *dialog->receipt();
    QCOMPARE(deposit.requestId, requestId);
    QCOMPARE(deposit.amount, cny(100'000));
    QCOMPARE(deposit.balanceAfter, cny(before + 100'000));
    QVERIFY(child<QLabel>(dialog, u"doneLabel"_s)->text().contains(QString::number(deposit.txnId)));
    QVERIFY(child<QPushButton>(dialog, u"previewVoucherButton"_s)->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());

    // The accounts table shows the new balance, read again from the service.
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before + 100'000)));
    QCOMPARE(balanceOf(m_account), before + 100'000);
    QCOMPARE(m_counter->selectedAccountNumber(), m_account);
    // The cursor is back in the accounts (the window's focus once it is active again).
    QCOMPARE(m_window->focusWidget(), m_counter->accountsView());
    QVERIFY(m_counter->lastReceipt().has_value());
    QCOMPARE(m_counter->lastReceipt()->txnId, deposit.txnId);
    QVERIFY(child<QAction>(m_counter, u"printVoucherAction"_s)->isEnabled());

    // F3: withdraw 250.50.
    dialog = openCashDialog(Qt::Key_F3);
    QVERIFY(dialog);
    amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    QTest::keyClicks(amount, u"250.50"_s);
    QCOMPARE(child<QLabel>(dialog, u"cashCapitalsLabel"_s)->text(), u"人民币贰佰伍拾元零伍角整"_s);
    QTRY_COMPARE(child<QLabel>(dialog, u"previewAvailableLabel"_s)->text(),
                 cs::formatAmount(cny(before + 100'000 - 25'050)));
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(child<QLabel>(dialog, u"confirmAmountLabel"_s)->text(), u"¥250.50"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), CashDialog::Step::Done, 10000);
    const cs::CashReceipt withdrawal = *dialog->receipt();
    QCOMPARE(withdrawal.direction, cs::CashDirection::Withdrawal);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before + 100'000 - 25'050)));
    QCOMPARE(balanceOf(m_account), before + 100'000 - 25'050);
    QCOMPARE(m_counter->lastReceipt()->txnId, withdrawal.txnId);

    // Ctrl+P: the last voucher in the print preview.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_counter->accountsView(), Qt::Key_P, Qt::ControlModifier);
    QPointer<QDialog> preview;
    QTRY_VERIFY((preview = m_counter->findChild<QDialog*>(u"voucherPreviewDialog"_s)) && preview->isVisible());
    QCOMPARE(preview->windowTitle(), u"Cash withdrawal voucher"_s);
    preview->close();
    QTRY_VERIFY(preview.isNull());

    // The vouchers as PDF.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const cs::CashReceipt& receipt : {deposit, withdrawal}) {
        const QString path = dir.filePath(cs::ui::voucherFileName(receipt));
        CS_VERIFY_RESULT(cs::ui::writeVoucherPdf(receipt, path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.size() > 1000);
        QCOMPARE(pdf.read(4), QByteArray("%PDF"));
    }
    // A folder that does not exist: a refusal naming the file, nothing written.
    const auto refused = cs::ui::writeVoucherPdf(deposit, dir.filePath(u"missing/voucher.pdf"_s));
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, u"voucher.pdf_write"_s);
    QVERIFY(refused.error().message.contains(u"missing/voucher.pdf"_s));

    // The cash box took the cash in and paid it out.
    auto box = cs::CashBoxService(*m_db).current(m_teller);
    CS_VERIFY_RESULT(box);
    QVERIFY(box->cashIn >= cny(100'000));
    QVERIFY(box->cashOut >= cny(25'050));
}

void TestCounter::refusedWithdrawalChangesNothing()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    findCustomer(m_account);
    QCOMPARE(m_counter->selectedAccountNumber(), m_account);
    const qint64 before = balanceOf(m_account);
    const qint64 txns = journalTxns();
    auto shown = cs::AccountService(*m_db).show(m_teller, m_account);
    CS_VERIFY_RESULT(shown);
    // More than available, below the teller's single limit.
    const cs::Money tooMuch = cny(shown->available.minor() + 100);
    QVERIFY(tooMuch < cny(5'000'000));

    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F3);
    QVERIFY(dialog);
    const QString firstId = dialog->requestId();
    auto* amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    QTest::keyClicks(amount, cs::formatAmount(tooMuch));
    QTest::keyClick(amount, Qt::Key_Return);
    if (dialog->step() == CashDialog::Step::Confirmation)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    // The service's own refusal, asked directly (a refusal changes nothing).
    const auto refusal = cs::CashService(*m_db).withdraw(m_teller, {m_account, tooMuch, newId(), {}, {}});
    QVERIFY(!refusal.has_value());
    QCOMPARE(refusal.error().code, u"posting.insufficient_funds"_s);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->shownError(), refusal.error().message, 10000);
    QCOMPARE(dialog->step(), CashDialog::Step::Entry);
    QVERIFY(dialog->isVisible());
    // Nothing was posted: the next try is a new request.
    QVERIFY(dialog->requestId() != firstId);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());

    QCOMPARE(balanceOf(m_account), before);
    QCOMPARE(journalTxns(), txns);
    QTest::keyClick(m_window, Qt::Key_F5);
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before)));
}

void TestCounter::largeCashAsksForDueDiligence()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    findCustomer(m_account);
    const qint64 before = balanceOf(m_account);
    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F2);
    QVERIFY(dialog);
    auto* amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    QTest::keyClicks(amount, u"50,000.00"_s);
    QCOMPARE(child<QLabel>(dialog, u"cashCapitalsLabel"_s)->text(), u"人民币伍万元整"_s);
    auto* group = child<QGroupBox>(dialog, u"dueDiligenceGroup"_s);
    QTRY_VERIFY(group->isVisible());
    QVERIFY(child<QLabel>(dialog, u"largeValueLabel"_s)->isVisible());
    QVERIFY(dialog->preview() && dialog->preview()->dueDiligenceRequired);

    // Required: Enter stops at the first empty field and says so under it.
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Entry);
    auto* source = child<QLineEdit>(dialog, u"ddSourceEdit"_s);
    auto* idCopy = child<QLineEdit>(dialog, u"ddIdCopyEdit"_s);
    QCOMPARE(QApplication::focusWidget(), source);
    QCOMPARE(child<QLabel>(dialog, u"ddReasonError"_s)->text(), u"Required for a cash amount this large."_s);
    // Tab follows the form: source of funds, ID copy.
    QTest::keyClicks(source, u"Sale of a car"_s);
    QTest::keyClick(source, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), idCopy);
    QTest::keyClicks(idCopy, u"SCAN-2026-0042"_s);
    QTest::keyClick(idCopy, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Confirmation);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->step() == CashDialog::Step::Done || !dialog->shownError().isEmpty(), 10000);
    QCOMPARE(dialog->shownError(), QString());
    QCOMPARE(dialog->step(), CashDialog::Step::Done);
    QVERIFY(dialog->receipt()->largeValue);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(balanceOf(m_account), before + 5'000'000);
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before + 5'000'000)));
}

// Above limits.teller_single_max (¥50,000) a withdrawal waits for a supervisor: the amount is held, no
// cash leaves the box, no voucher is offered, and the teller is told the request's number.
void TestCounter::withdrawalAboveTheLimitWaits()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    findCustomer(m_account);
    const qint64 before = balanceOf(m_account);
    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F3);
    QVERIFY(dialog);
    auto* amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    QTest::keyClicks(amount, u"50000.01"_s);
    auto* purpose = child<QLineEdit>(dialog, u"ddPurposeEdit"_s);
    QTRY_VERIFY(purpose->isVisible());
    QTest::keyClicks(purpose, u"Buying a car"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"ddIdCopyEdit"_s), u"SCAN-2026-0043"_s);
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Confirmation);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->step() == CashDialog::Step::Done || !dialog->shownError().isEmpty(), 10000);
    QCOMPARE(dialog->shownError(), QString());
    const cs::CashReceipt pending = *dialog->receipt();
    QCOMPARE(pending.state, u"pending"_s);
    QVERIFY(pending.approvalId > 0);
    QCOMPARE(pending.txnId, 0);
    QCOMPARE(child<QLabel>(dialog, u"doneLabel"_s)->text(),
             u"Withdrawal of 50,000.01 waits for a supervisor's approval: request no. %1.\n"
             "The amount is held on the account. Pay out the cash only after the approval."_s.arg(pending.approvalId));
    QVERIFY(!child<QPushButton>(dialog, u"previewVoucherButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"saveVoucherButton"_s)->isEnabled());
    if (!qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        grabTo(dialog, u"cash-pending"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(balanceOf(m_account), before);
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(before)));
    QCOMPARE(demo().count(u"SELECT held FROM accounts WHERE number = '%1'"_s.arg(m_account)), 5'000'001);
    // Cancelled by the teller, so that the other tests find the account as it was.
    CS_VERIFY_RESULT(cs::ApprovalService(*m_db).cancel(m_teller, pending.approvalId, newId()));
    QCOMPARE(demo().count(u"SELECT held FROM accounts WHERE number = '%1'"_s.arg(m_account)), 0);
}

void TestCounter::escapeCancelsAndPostsNothing()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    findCustomer(kZhangWei);
    QVERIFY(m_counter->selectAccount(m_account));
    const qint64 txns = journalTxns();
    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F2);
    QVERIFY(dialog);
    auto* amount = child<QLineEdit>(dialog, u"cashAmountEdit"_s);
    // Strict parsing: "1.234" is refused under the field.
    QTest::keyClicks(amount, u"1.234"_s);
    QVERIFY(child<QLabel>(dialog, u"cashCapitalsLabel"_s)->text().isEmpty());
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Entry);
    QVERIFY(!child<QLabel>(dialog, u"cashAmountError"_s)->text().isEmpty());
    amount->clear();
    QTest::keyClicks(amount, u"20.00"_s);
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(dialog->step(), CashDialog::Step::Confirmation);
    // Esc on the confirmation goes back to the amount; Esc again cancels.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(dialog->step(), CashDialog::Step::Entry);
    QCOMPARE(QApplication::focusWidget(), amount);
    QTest::keyClick(amount, Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(journalTxns(), txns);
}

void TestCounter::auditorLooksWithoutActing()
{
    QVERIFY(signInToCounter(u"auditor1"_s));
    QCOMPARE(m_window->workspaces(), (QList<cs::ui::Workspace>{cs::ui::Workspace::Counter, cs::ui::Workspace::Reports}));
    findCustomer(kZhangWei);
    QVERIFY(m_counter->selectAccount(m_account));
    QVERIFY(!child<QAction>(m_counter, u"depositAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"withdrawAction"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_counter, u"depositButton"_s)->isVisible());
    QVERIFY(!child<QPushButton>(m_counter, u"withdrawButton"_s)->isVisible());
    QVERIFY(child<QAction>(m_counter, u"statementAction"_s)->isEnabled());
    QTest::keyClick(m_counter->accountsView(), Qt::Key_F2);
    QVERIFY(!m_counter->findChild<CashDialog*>());
    QCOMPARE(balanceCell(m_account), cs::formatAmount(cny(balanceOf(m_account))));
}

void TestCounter::statementModelFetchesLazily()
{
    ensureBoxOpen();
    // 李娜's account gets 25 deposits of 1.00, 2.00, ... 25.00.
    const qint64 opening = balanceOf(m_statementAccount);
    QCOMPARE(opening, 0);
    for (int i = 1; i <= 25; ++i)
        CS_VERIFY_RESULT(cs::CashService(*m_db).deposit(m_teller, {m_statementAccount, cny(i * 100), newId(), {}, {}}));

    StatementModel model(*m_db, m_teller, m_statementAccount, {}, {});
    model.setPageSize(10);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    CS_VERIFY_RESULT(model.load());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.pagesRead(), 1);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 20);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(model.pagesRead(), 3);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.lastError());

    // The running balance of every line, across the pages, in the balance column.
    qint64 running = 0;
    for (int row = 0; row < 25; ++row) {
        running += (row + 1) * 100;
        QCOMPARE(model.lineAt(row).balanceAfter, cny(running));
        QCOMPARE(model.index(row, StatementModel::BalanceColumn).data().toString(), cs::formatAmount(cny(running)));
        QCOMPARE(model.index(row, StatementModel::CreditColumn).data().toString(), cs::formatAmount(cny((row + 1) * 100)));
        QVERIFY(model.index(row, StatementModel::DebitColumn).data().toString().isEmpty());
        QCOMPARE(model.index(row, StatementModel::KindColumn).data().toString(), u"Cash deposit"_s);
        QCOMPARE(model.index(row, StatementModel::DateColumn).data().toString(),
                 m_teller.businessDate.toString(u"yyyy-MM-dd"));
    }
    QCOMPARE(running, balanceOf(m_statementAccount));
    QCOMPARE(model.headerData(StatementModel::DebitColumn, Qt::Horizontal).toString(), u"Debit"_s);

    // The first page of the default size reads no more than that.
    StatementModel big(*m_db, m_teller, m_statementAccount);
    CS_VERIFY_RESULT(big.load());
    QCOMPARE(big.rowCount(), 25);
    QVERIFY(!big.canFetchMore({}));
    // (The tester fetches whatever it can, so it comes once the lazy reads were counted.)
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester bigTester(&big, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CS_VERIFY_RESULT(big.load());

    // A range after the business date holds nothing; one ending before it neither.
    StatementModel later(*m_db, m_teller, m_statementAccount, m_teller.businessDate.addDays(1), {});
    CS_VERIFY_RESULT(later.load());
    QCOMPARE(later.rowCount(), 0);
    QVERIFY(!later.canFetchMore({}));
    StatementModel today(*m_db, m_teller, m_statementAccount, m_teller.businessDate, m_teller.businessDate);
    today.setPageSize(7);
    CS_VERIFY_RESULT(today.load());
    QCOMPARE(today.rowCount(), 7);
    while (today.canFetchMore({}))
        today.fetchMore({});
    QCOMPARE(today.rowCount(), 25);
    QCOMPARE(today.lineAt(24).balanceAfter, cny(running));

    // An end before the start is refused with the service's error.
    StatementModel backwards(*m_db, m_teller, m_statementAccount, m_teller.businessDate, m_teller.businessDate.addDays(-1));
    const auto refused = backwards.load();
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, u"statement.range"_s);
    QCOMPARE(backwards.rowCount(), 0);
}

void TestCounter::statementViewOpensFromTheCounter()
{
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    findCustomer(kLiNa);
    QVERIFY(m_counter->selectAccount(m_statementAccount));
    QTest::keyClick(m_counter->accountsView(), Qt::Key_F6);
    QPointer<cs::ui::StatementDialog> dialog;
    QTRY_VERIFY((dialog = m_counter->findChild<cs::ui::StatementDialog*>(u"statementDialog"_s)) && dialog->isActiveWindow());
    QVERIFY(dialog->model()->rowCount() > 0);
    QCOMPARE(dialog->model()->index(0, StatementModel::KindColumn).data().toString(), u"Cash deposit"_s);
    QVERIFY(child<QLabel>(dialog, u"statementStatus"_s)->text().contains(u"all shown"_s));
    QCOMPARE(QApplication::focusWidget(), dialog->view());
    QTest::keyClick(dialog->view(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
}

void TestCounter::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestCounter::screenshots()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        QSKIP("COUNTERSIGN_UI_SHOTS names no folder");
    ensureBoxOpen();
    QVERIFY(signInToCounter());
    m_window->resize(1280, 800);
    findCustomer(kZhangWei);
    QVERIFY(m_counter->selectAccount(m_account));
    QTest::qWait(100);
    grabTo(m_window, u"counter"_s);

    QPointer<CashDialog> dialog = openCashDialog(Qt::Key_F2);
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, u"cashAmountEdit"_s), u"12,345.60"_s);
    QTRY_VERIFY(dialog->preview().has_value());
    QTest::qWait(100);
    grabTo(dialog, u"cash-dialog"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"cashAmountEdit"_s), Qt::Key_Return);
    grabTo(dialog, u"cash-confirm"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    child<QLineEdit>(dialog, u"cashAmountEdit"_s)->clear();
    QTest::keyClicks(child<QLineEdit>(dialog, u"cashAmountEdit"_s), u"60,000.00"_s);
    QTRY_VERIFY(child<QGroupBox>(dialog, u"dueDiligenceGroup"_s)->isVisible());
    QTest::qWait(100);
    grabTo(dialog, u"cash-dialog-due-diligence"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"cashAmountEdit"_s), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());

    for (const auto& [minor, memo] : {std::pair{88'800, u"Salary"_s}, std::pair{12'050, u"Rent"_s}}) {
        CS_VERIFY_RESULT(cs::CashService(*m_db).deposit(m_teller, {m_statementAccount, cny(minor), newId(), memo, {}}));
        CS_VERIFY_RESULT(cs::CashService(*m_db).withdraw(m_teller, {m_statementAccount, cny(minor / 4), newId(), {}, {}}));
    }
    findCustomer(kLiNa);
    QVERIFY(m_counter->selectAccount(m_statementAccount));
    QTest::keyClick(m_counter->accountsView(), Qt::Key_F6);
    QPointer<cs::ui::StatementDialog> statement;
    QTRY_VERIFY((statement = m_counter->findChild<cs::ui::StatementDialog*>()) && statement->isVisible());
    QTest::qWait(100);
    grabTo(statement, u"statement"_s);
    QTest::keyClick(statement->view(), Qt::Key_Escape);
    QTRY_VERIFY(statement.isNull());

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
    QTest::qWait(100);
    grabTo(m_window, u"cashbox"_s);
    QTest::keyClick(m_window, Qt::Key_F8);
    QPointer<cs::ui::CashBoxDialog> close;
    QTRY_VERIFY((close = m_window->findChild<cs::ui::CashBoxDialog*>()) && close->isVisible());
    QTest::keyClicks(child<QLineEdit>(close, u"cashBoxAmountEdit"_s), u"1,000.00"_s);
    grabTo(close, u"cashbox-close"_s);
    QTest::keyClick(child<QLineEdit>(close, u"cashBoxAmountEdit"_s), Qt::Key_Return);
    grabTo(close, u"cashbox-close-confirm"_s);
    // Esc goes back to the amount, Esc again cancels: nothing is closed.
    QTest::keyClick(child<QPushButton>(close, u"confirmButton"_s), Qt::Key_Escape);
    QVERIFY(!close->isConfirming());
    QTest::keyClick(child<QLineEdit>(close, u"cashBoxAmountEdit"_s), Qt::Key_Escape);
    QTRY_VERIFY(close.isNull());

    // The voucher as the printer gets it: A5 landscape at 150 dpi, and as PDF.
    auto posted = cs::CashService(*m_db).deposit(m_teller, {m_account, cny(1'234'560), newId(), u"Salary"_s, {}});
    CS_VERIFY_RESULT(posted);
    auto receipt = cs::CashService(*m_db).receipt(m_teller, posted->txnId);
    CS_VERIFY_RESULT(receipt);
    QImage page(1240, 874, QImage::Format_RGB32);
    page.setDotsPerMeterX(5906);
    page.setDotsPerMeterY(5906);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        cs::ui::paintVoucher(painter, QRectF(page.rect()), *receipt);
    }
    const QDir folder(qEnvironmentVariable("COUNTERSIGN_UI_SHOTS"));
    QVERIFY(page.save(folder.filePath(u"voucher.png"_s)));
    CS_VERIFY_RESULT(cs::ui::writeVoucherPdf(*receipt, folder.filePath(u"voucher.pdf"_s)));
}

QTEST_MAIN(TestCounter)
#include "tst_counter.moc"
