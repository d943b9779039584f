// SMS notices (短信通) driven through the real widgets, signed on through the real login screen: a teller
// subscribes 张伟's account in the Counter's Notices tab (a bad number is refused under the phone field
// and saves nothing; a good one subscribes), a cash deposit then queues a notice; the administrator sets
// the gateway (a real local HTTP gateway, cs::test::SmsGateway) with its password through the form, Send
// now with the gateway refusing makes the notice dead, Retry and Send now with the gateway accepting
// delivers it once, to the subscribed phone, with the masked account in its text. Also: the package
// confirmed and the subscription cancelled from the panel; the main window's background sender sends
// only when the terminal holds the gateway's password.
//
// Registered twice (COUNTERSIGN_TEST_BACKEND=sqlite and postgresql). With COUNTERSIGN_UI_SHOTS=<folder>
// the tests save PNGs of the screens there.

#include "uitestsupport.h"

#include "admin/adminworkspace.h"
#include "auth/authservice.h"
#include "cards/cardvaultaccess.h"
#include "counter/counterworkspace.h"
#include "counter/customerresultsmodel.h"
#include "i18n/translations.h"
#include "notify/attemptsmodel.h"
#include "notify/backgroundnoticesender.h"
#include "notify/gatewayform.h"
#include "notify/gatewaysecret.h"
#include "notify/noticespage.h"
#include "notify/outboxmodel.h"
#include "notify/outboxpanel.h"
#include "notify/subscriptiondialog.h"
#include "notify/subscriptionsmodel.h"
#include "notify/subscriptionspanel.h"
#include "notify/terminalgatewaysecret.h"
#include "ledger/postingengine.h"
#include "services/accountservice.h"
#include "services/cashboxservice.h"
#include "services/cashservice.h"
#include "services/customerservice.h"
#include "services/internalaccounts.h"
#include "services/noticeservice.h"
#include "shell/workspaces.h"
#include "support/smsgateway.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::OutboxModel;
using cs::ui::SubscriptionsModel;

namespace {

const QString kTerminal = u"T-NOTICE"_s;
const QString kZhangWei = u"110101198003151239"_s; // 张伟 of the demo data
const QString kLiNa = u"310104199207082467"_s;     // 李娜
const QString kPhone = u"13800138000"_s;
const QString kGatewayAccount = u"countersign"_s;
const QString kGatewayPassword = u"gw-secret-81"_s;
const QString kPhoneRefused = u"The phone must be a mainland mobile number of 11 digits starting with 13 to 19, "
                               "e.g. 13812345678."_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

cs::Money cny(qint64 fen)
{
    return cs::Money(fen, cs::Currency::cny());
}

} // namespace

class TestNoticesUi : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void tellerSubscribesThroughTheDialog();
    void depositQueuesANotice();
    void adminSendsRetriesAndDelivers();
    void backgroundSenderNeedsThePassword();
    void packageConfirmedThenCancelled();

private:
    cs::ui::CounterWorkspace* signInToCounter();
    void activate();
    void findCustomer(const QString& query);
    // F10, then the panel's Subscribe or change (Ctrl+Shift+S): the dialog, once it is active.
    cs::ui::SubscriptionDialog* openSubscriptionDialog();
    cs::ui::NoticesPage* signInToNotices();
    QString classIAccount(const QString& idNumber);
    QList<cs::OutboxEntry> outboxOf(const QString& state = {});
    // The password this terminal holds for the gateway, or empty.
    QString storedPassword();
    void grabTo(QWidget* widget, const QString& name);

    cs::MemorySecretStore m_cardKeys;   // the card key of this terminal (the Counter's Cards tab opens the vault)
    cs::MemorySecretStore m_gatewayKeys; // PostgreSQL: this terminal's keychain; SQLite keeps the file beside it
    cs::test::SmsGateway m_gateway;
    cs::Session m_teller;
    cs::Session m_admin;
    QString m_account;   // 张伟's Class I account
    QString m_liAccount; // 李娜's
    cs::ui::MainWindow* m_window = nullptr;
    cs::ui::CounterWorkspace* m_counter = nullptr;
};

void TestNoticesUi::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s)),
             qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s));
    CS_VERIFY_RESULT(createDemoDatabaseOnTestBackend());
    cs::ui::setCardKeyStoreForTesting(&m_cardKeys);
    CS_VERIFY_RESULT(cs::openCardVault(m_cardKeys, *m_db, true));
    // An SQLite database keeps the gateway's password in the file beside it, as the terminal does; a
    // PostgreSQL one would ask the system keychain, which a test machine has not.
    if (m_db->dialect() == cs::Dialect::PostgreSQL)
        cs::ui::setGatewaySecretStoreForTesting(&m_gatewayKeys);
    QVERIFY(m_gateway.start());
    m_gateway.requireCredentials(kGatewayAccount, kGatewayPassword);

    auto teller = cs::AuthService(*m_db).signOn(u"teller1"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;
    auto admin = cs::AuthService(*m_db).signOn(u"admin"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP"_s);
    CS_VERIFY_RESULT(admin);
    m_admin = *admin;

    // Cash delivered to the vault and the teller's box opened, so that a deposit can be taken.
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
    CS_VERIFY_RESULT(cs::CashBoxService(*m_db).open(m_teller, cny(5'000'000), newId()));

    m_account = classIAccount(kZhangWei);
    m_liAccount = classIAccount(kLiNa);
    QVERIFY(!m_account.isEmpty() && !m_liAccount.isEmpty());
}

void TestNoticesUi::cleanupTestCase()
{
    cs::ui::setCardKeyStoreForTesting(nullptr);
    cs::ui::setGatewaySecretStoreForTesting(nullptr);
}

void TestNoticesUi::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestNoticesUi::cleanup()
{
    m_window = nullptr;
    m_counter = nullptr;
    stopTerminal();
}

QString TestNoticesUi::classIAccount(const QString& idNumber)
{
    auto found = cs::CustomerService(*m_db).find(m_teller, idNumber);
    if (!found || found->size() != 1)
        return {};
    const qint64 customerId = found->constFirst().id;
    auto listed = cs::AccountService(*m_db).listForCustomer(m_teller, customerId);
    if (!listed)
        return {};
    for (const cs::AccountView& a : std::as_const(*listed)) {
        if (a.accountClass == u"I" && a.state == u"normal")
            return a.number;
    }
    auto opened = cs::AccountService(*m_db).open(m_teller, {customerId, u"demand"_s, u"I"_s, {}, newId()});
    return opened ? opened->number : QString();
}

QList<cs::OutboxEntry> TestNoticesUi::outboxOf(const QString& state)
{
    auto listed = cs::NoticeService(*m_db).outbox(m_admin, {state, 500});
    return listed ? *listed : QList<cs::OutboxEntry>();
}

QString TestNoticesUi::storedPassword()
{
    cs::ui::TerminalGatewaySecret secret(*m_db);
    if (!secret.store())
        return {};
    auto read = secret.store()->read(cs::gatewaySecretName());
    return read ? QString::fromUtf8(*read) : QString();
}

cs::ui::CounterWorkspace* TestNoticesUi::signInToCounter()
{
    m_window = signInAs(u"teller1"_s);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    m_counter = qobject_cast<cs::ui::CounterWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Counter));
    return m_counter;
}

void TestNoticesUi::activate()
{
    // The offscreen platform does not hand activation back to the window when a dialog closes.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
}

void TestNoticesUi::findCustomer(const QString& query)
{
    auto* search = child<QLineEdit>(m_counter, u"customerSearchEdit"_s);
    QVERIFY(search);
    activate();
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, query);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_counter->customerModel()->rowCount(), 1);
}

cs::ui::SubscriptionDialog* TestNoticesUi::openSubscriptionDialog()
{
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
    auto* tabs = child<QTabWidget>(m_counter, u"counterDetailTabs"_s);
    if (tabs->currentWidget() != m_counter->subscriptionsPanel()) {
        qWarning("F10 did not show the Notices tab");
        return nullptr;
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    cs::ui::SubscriptionDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_counter->findChild<cs::ui::SubscriptionDialog*>(u"subscriptionDialog"_s);
        return dialog && dialog->isVisible() && dialog->isActiveWindow();
    }, 5000);
    if (!shown)
        qWarning("no subscription dialog");
    return shown ? dialog : nullptr;
}

cs::ui::NoticesPage* TestNoticesUi::signInToNotices()
{
    m_window = signInAs(u"admin"_s);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    auto* admin = qobject_cast<cs::ui::AdminWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Administration));
    if (!admin)
        return nullptr;
    // Ctrl+Tab twice: Staff, Settings, Notices.
    QTest::keyClick(admin->tabs(), Qt::Key_Tab, Qt::ControlModifier);
    QTest::keyClick(admin->tabs(), Qt::Key_Tab, Qt::ControlModifier);
    if (admin->tabs()->currentWidget() != admin->noticesPage())
        qWarning("Ctrl+Tab did not reach the Notices page");
    return admin->tabs()->currentWidget() == admin->noticesPage() ? admin->noticesPage() : nullptr;
}

void TestNoticesUi::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestNoticesUi::tellerSubscribesThroughTheDialog()
{
    QVERIFY(signInToCounter());
    m_window->resize(1280, 800);
    findCustomer(kZhangWei);
    QVERIFY(m_counter->selectAccount(m_account));
    cs::ui::SubscriptionsPanel* panel = m_counter->subscriptionsPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(panel->model()->rowCount(), 0);
    QCOMPARE(panel->noteText(), u"No account of 张伟 is subscribed to SMS notices; Ctrl+Shift+S subscribes one."_s);

    QPointer<cs::ui::SubscriptionDialog> dialog = openSubscriptionDialog();
    QVERIFY(dialog);
    auto* account = child<QComboBox>(dialog, u"subscriptionAccountCombo"_s);
    auto* phone = child<QLineEdit>(dialog, u"subscriptionPhoneEdit"_s);
    auto* balance = child<QCheckBox>(dialog, u"subscriptionBalanceCheck"_s);
    auto* phoneError = child<QLabel>(dialog, u"subscriptionPhoneError"_s);
    QCOMPARE(account->currentData().toString(), m_account);
    QCOMPARE(child<QLabel>(dialog, u"subscriptionAccountNote"_s)->text(), u"Not subscribed yet."_s);
    QVERIFY(child<QCheckBox>(dialog, u"subscriptionMovementsCheck"_s)->isChecked());
    QVERIFY(!balance->isChecked());
    QVERIFY(child<QCheckBox>(dialog, u"subscriptionMaturityCheck"_s)->isChecked());
    QCOMPARE(child<QComboBox>(dialog, u"subscriptionFeePlanCombo"_s)->currentData().toString(), u"free"_s);
    QCOMPARE(QApplication::focusWidget(), phone);
    QVERIFY(!phoneError->isVisible());

    // A number that is no mobile number: refused under the phone field, nothing saved, the dialog stays.
    phone->selectAll();
    QTest::keyClicks(phone, u"12345"_s);
    QTest::keyClick(phone, Qt::Key_Return);
    QTRY_COMPARE(phoneError->text(), kPhoneRefused);
    QVERIFY(phoneError->isVisible());
    QCOMPARE(dialog->shownError(), kPhoneRefused);
    QVERIFY(!child<QLabel>(dialog, u"subscriptionError"_s)->isVisible());
    QCOMPARE(QApplication::focusWidget(), phone);
    QCOMPARE(phone->selectedText(), u"12345"_s);
    QVERIFY(dialog->isVisible());
    auto none = cs::NoticeService(*m_db).activeSubscription(m_teller, m_account);
    CS_VERIFY_RESULT(none);
    QVERIFY(!none->has_value());
    grabTo(dialog, u"notices-subscription-dialog"_s);

    // The right number, the balance with the movements (Alt+B), Enter.
    QTest::keyClicks(phone, kPhone);
    QTest::keyClick(phone, Qt::Key_B, Qt::AltModifier);
    QTRY_VERIFY(balance->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    auto active = cs::NoticeService(*m_db).activeSubscription(m_teller, m_account);
    CS_VERIFY_RESULT(active);
    QVERIFY(active->has_value());
    QCOMPARE((*active)->phone, kPhone);
    QCOMPARE((*active)->language, u"zh_CN"_s);
    QVERIFY((*active)->movements && (*active)->withBalance && (*active)->maturity);
    QCOMPARE((*active)->feePlan, u"free"_s);

    QCOMPARE(panel->model()->rowCount(), 1);
    QStringList row;
    for (int column = 0; column < SubscriptionsModel::ColumnCount; ++column)
        row << panel->model()->index(0, column).data().toString();
    QCOMPARE(row, (QStringList{m_account, kPhone, u"Movements with balance, maturity"_s, u"Chinese"_s, u"Free"_s,
                               u"Active"_s}));
    QCOMPARE(panel->selectedAccountNumber(), m_account);
    QCOMPARE(m_counter->messageText(),
             u"Account %1 subscribed to SMS notices: Movements with balance, maturity to %2."_s.arg(m_account, kPhone));
    auto* tabs = child<QTabWidget>(m_counter, u"counterDetailTabs"_s);
    QCOMPARE(tabs->tabText(tabs->indexOf(panel)), u"&Notices (1)"_s);
    // Nothing to confirm on a free plan; the subscription can be cancelled.
    QVERIFY(!child<QAction>(m_counter, u"confirmPackageAction"_s)->isEnabled());
    QVERIFY(child<QAction>(m_counter, u"cancelSubscriptionAction"_s)->isEnabled());
    activate();
    grabTo(m_window, u"notices-counter-tab"_s);
}

void TestNoticesUi::depositQueuesANotice()
{
    const int before = static_cast<int>(outboxOf(u"pending"_s).size());
    auto receipt = cs::CashService(*m_db).deposit(m_teller, {m_account, cny(12'345), newId(), {}, {}});
    CS_VERIFY_RESULT(receipt);
    const QList<cs::OutboxEntry> pending = outboxOf(u"pending"_s);
    QCOMPARE(pending.size(), before + 1);
    const cs::OutboxEntry& notice = pending.constFirst();
    QCOMPARE(notice.kind, u"movement"_s);
    QCOMPARE(notice.accountMasked, u"****"_s + m_account.right(4));
    QCOMPARE(notice.phoneMasked, u"138****8000"_s);
    QCOMPARE(notice.attempts, 0);
}

void TestNoticesUi::adminSendsRetriesAndDelivers()
{
    const QList<cs::OutboxEntry> pending = outboxOf(u"pending"_s);
    QCOMPARE(pending.size(), 1);
    const qint64 noticeId = pending.constFirst().id;
    m_gateway.setAnswer(cs::test::SmsGateway::Answer::Reject);

    cs::ui::NoticesPage* page = signInToNotices();
    QVERIFY(page);
    m_window->resize(1280, 860);
    // Nothing set up yet: the background sender has nothing to do and does nothing.
    QVERIFY(!m_window->noticeSender()->tick());
    QCOMPARE(m_gateway.requests(), 0);
    // From here on the passes are this test's own.
    m_window->noticeSender()->stop();

    cs::ui::GatewayForm* form = page->gatewayForm();
    auto* url = child<QLineEdit>(form, u"gatewayUrlEdit"_s);
    auto* account = child<QLineEdit>(form, u"gatewayAccountEdit"_s);
    auto* signature = child<QLineEdit>(form, u"gatewaySignatureEdit"_s);
    auto* password = child<QLineEdit>(form, u"gatewayPasswordEdit"_s);
    auto* state = child<QLabel>(form, u"gatewayPasswordState"_s);
    auto* urlError = child<QLabel>(form, u"gatewayUrlError"_s);
    QCOMPARE(state->text(), u"Not stored on this terminal"_s);
    QVERIFY(url->text().isEmpty());
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    // Plain http to another machine is refused under the URL; neither the settings nor the password are kept.
    activate();
    url->setFocus();
    QTest::keyClicks(url, u"http://sms.example.com/send"_s);
    QTest::keyClick(url, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), account);
    QTest::keyClicks(account, kGatewayAccount);
    QTest::keyClick(account, Qt::Key_Tab);
    signature->insert(u"示范银行"_s); // QTest types Latin-1 only; an input method would give these
    QTest::keyClick(signature, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), password);
    QTest::keyClicks(password, kGatewayPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(urlError->isVisible());
    QCOMPARE(urlError->text(), cs::NoticeService(*m_db).setGateway(m_admin, {u"http://sms.example.com/send"_s,
                                                                               kGatewayAccount, u"示范银行"_s, {}, {}})
                                   .error().message);
    QCOMPARE(QApplication::focusWidget(), url);
    QVERIFY(storedPassword().isEmpty());
    QVERIFY(!cs::NoticeService(*m_db).gateway(m_admin)->isConfigured());

    // The test gateway's URL: saved, the password written to this terminal's store and never shown back.
    QTest::keyClicks(url, m_gateway.url().toString());
    QTest::keyClick(url, Qt::Key_Return);
    QTRY_COMPARE(state->text(), u"Stored on this terminal"_s);
    QVERIFY(!urlError->isVisible());
    QCOMPARE(form->messageText(), u"Gateway settings saved. The password is stored on this terminal."_s);
    QVERIFY(password->text().isEmpty());
    QCOMPARE(storedPassword(), kGatewayPassword);
    auto gateway = cs::NoticeService(*m_db).gateway(m_admin);
    CS_VERIFY_RESULT(gateway);
    QCOMPARE(gateway->url, m_gateway.url().toString());
    QCOMPARE(gateway->account, kGatewayAccount);
    QCOMPARE(gateway->signature, u"示范银行"_s);
    QCOMPARE(gateway->updatedBy, u"admin"_s);
    // Saving again with nothing typed changes nothing.
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(form->messageText(), u"Nothing to save."_s);

    // The outbox: one pending notice.
    cs::ui::OutboxPanel* outbox = page->outboxPanel();
    outbox->refresh();
    QAbstractItemModelTester outboxTester(outbox->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester attemptsTester(outbox->attemptsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* counts = child<QLabel>(outbox, u"outboxCountsLabel"_s);
    QVERIFY2(counts->text().startsWith(u"Pending: 1  ·  Failed, to retry: 0  ·  Sent: 0  ·  Dead: 0"_s),
             qPrintable(counts->text()));
    QCOMPARE(outbox->selectedNoticeId(), noticeId);
    const int row = outbox->model()->rowOfNotice(noticeId);
    QCOMPARE(outbox->model()->index(row, OutboxModel::StateColumn).data().toString(), u"Pending"_s);
    QCOMPARE(outbox->model()->index(row, OutboxModel::AccountColumn).data().toString(), u"****"_s + m_account.right(4));
    QCOMPARE(outbox->model()->index(row, OutboxModel::PhoneColumn).data().toString(), u"138****8000"_s);
    auto* retry = child<QAction>(outbox, u"retryNoticeAction"_s);
    QVERIFY(!retry->isEnabled());

    // Send now, the gateway refusing the number for good: the notice is dead after one attempt.
    QTest::keyClick(outbox->view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!outbox->isSending() && outbox->lastPass().claimed == 1, 15000);
    QVERIFY2(outbox->lastPass().ok(), qPrintable(outbox->lastPass().errorMessage));
    QCOMPARE(outbox->messageText(), u"Delivery pass: 0 sent, 0 failed (tried again later), 1 dead."_s);
    QCOMPARE(m_gateway.requests(), 1);
    QCOMPARE(m_gateway.refusedCredentials(), 0);
    QCOMPARE(m_gateway.delivered(), 0);
    QCOMPARE(outbox->model()->index(outbox->model()->rowOfNotice(noticeId), OutboxModel::StateColumn).data().toString(),
             u"Dead"_s);
    QCOMPARE(outbox->attemptsModel()->rowCount(), 1);
    QCOMPARE(outbox->attemptsModel()->index(0, cs::ui::AttemptsModel::OutcomeColumn).data().toString(), u"Given up"_s);
    QCOMPARE(outbox->attemptsModel()->index(0, cs::ui::AttemptsModel::HttpColumn).data().toInt(), 400);
    // The core makes the name unique per sender object ("#…").
    QVERIFY(outbox->attemptsModel()->index(0, cs::ui::AttemptsModel::SenderColumn).data().toString().startsWith(
        kTerminal + u"/admin"_s));
    QVERIFY(counts->text().contains(u"Dead: 1"_s));

    // The gateway takes messages again; the administrator picks the dead notices, the notice and Retry.
    m_gateway.setAnswer(cs::test::SmsGateway::Answer::Accept);
    auto* stateCombo = child<QComboBox>(outbox, u"outboxStateCombo"_s);
    QCOMPARE(stateCombo->itemText(stateCombo->findData(u"dead"_s)), u"Dead (1)"_s);
    stateCombo->setCurrentIndex(stateCombo->findData(u"dead"_s));
    QCOMPARE(outbox->model()->rowCount(), 1);
    QTest::mouseClick(outbox->view()->viewport(), Qt::LeftButton, {},
                      outbox->view()->visualRect(outbox->model()->index(0, OutboxModel::StateColumn)).center());
    QCOMPARE(outbox->selectedNoticeId(), noticeId);
    QVERIFY(retry->isEnabled());
    grabTo(m_window, u"notices-admin-dead"_s);
    QTest::keyClick(outbox->view(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(outbox->messageText(), u"Notice %1 is queued again; the next delivery pass sends it (Ctrl+Shift+N sends now)."_s
                                        .arg(noticeId));
    QCOMPARE(outbox->model()->rowCount(), 0);
    QCOMPARE(outboxOf(u"pending"_s).size(), 1);
    QCOMPARE(outboxOf(u"pending"_s).constFirst().attempts, 0);

    // Send now: delivered once, to the subscribed phone, the masked account in the text.
    outbox->setStateFilter({});
    QTest::keyClick(outbox->view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!outbox->isSending() && outbox->lastPass().sent == 1, 15000);
    QCOMPARE(outbox->messageText(), u"Delivery pass: 1 sent, 0 failed (tried again later), 0 dead."_s);
    QCOMPARE(m_gateway.delivered(), 1);
    const QJsonObject message = m_gateway.messages().constFirst();
    QCOMPARE(message.value(u"to"_s).toString(), kPhone);
    QVERIFY2(message.value(u"text"_s).toString().contains(u"****"_s + m_account.right(4)),
             qPrintable(message.value(u"text"_s).toString()));
    QVERIFY(outbox->selectNotice(noticeId));
    QCOMPARE(outbox->model()->index(outbox->model()->rowOfNotice(noticeId), OutboxModel::StateColumn).data().toString(),
             u"Sent"_s);
    QCOMPARE(outbox->attemptsModel()->rowCount(), 2);
    QCOMPARE(outbox->attemptsModel()->index(1, cs::ui::AttemptsModel::OutcomeColumn).data().toString(), u"Sent"_s);
    QCOMPARE(outbox->attemptsModel()->index(1, cs::ui::AttemptsModel::HttpColumn).data().toInt(), 200);
    QVERIFY(!retry->isEnabled());
    QVERIFY(counts->text().startsWith(u"Pending: 0  ·  Failed, to retry: 0  ·  Sent: 1  ·  Dead: 0"_s));

    // Another pass finds nothing due and sends nothing again.
    QTest::keyClick(outbox->view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->messageText(), u"Delivery pass: no notice was due."_s, 15000);
    QCOMPARE(m_gateway.delivered(), 1);
    QCOMPARE(m_gateway.requests(), 2);
    activate();
    grabTo(m_window, u"notices-admin-page"_s);
}

void TestNoticesUi::backgroundSenderNeedsThePassword()
{
    auto receipt = cs::CashService(*m_db).deposit(m_teller, {m_account, cny(500), newId(), {}, {}});
    CS_VERIFY_RESULT(receipt);
    QCOMPARE(outboxOf(u"pending"_s).size(), 1);

    // This terminal without the password: the gateway is set up, yet nothing is sent from here.
    {
        cs::ui::TerminalGatewaySecret secret(*m_db);
        QVERIFY(secret.store());
        CS_VERIFY_RESULT(secret.store()->remove(cs::gatewaySecretName()));
    }
    QVERIFY(signInToCounter());
    cs::ui::BackgroundNoticeSender* sender = m_window->noticeSender();
    QVERIFY(sender->isActive());
    QVERIFY(!sender->tick());
    QCOMPARE(m_gateway.requests(), 2);

    // With it, the next tick of the timer sends what is due.
    {
        cs::ui::TerminalGatewaySecret secret(*m_db);
        CS_VERIFY_RESULT(secret.write(kGatewayPassword));
    }
    QSignalSpy finished(sender, &cs::ui::BackgroundNoticeSender::passFinished);
    sender->setInterval(std::chrono::milliseconds(50));
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 15000);
    sender->stop();
    QCOMPARE(finished.constFirst().constFirst().value<cs::DeliveryPass>().sent, 1);
    QCOMPARE(m_gateway.delivered(), 2);
    QCOMPARE(m_gateway.messages().constLast().value(u"to"_s).toString(), kPhone);
    QVERIFY(outboxOf(u"pending"_s).isEmpty());
}

void TestNoticesUi::packageConfirmedThenCancelled()
{
    QVERIFY(signInToCounter());
    findCustomer(kLiNa);
    QVERIFY(m_counter->selectAccount(m_liAccount));
    cs::ui::SubscriptionsPanel* panel = m_counter->subscriptionsPanel();

    // The package, in English; nothing about movements, only maturities.
    QPointer<cs::ui::SubscriptionDialog> dialog = openSubscriptionDialog();
    QVERIFY(dialog);
    auto* phone = child<QLineEdit>(dialog, u"subscriptionPhoneEdit"_s);
    phone->selectAll();
    QTest::keyClicks(phone, u"+86 139-0000-1111"_s);
    auto* language = child<QComboBox>(dialog, u"subscriptionLanguageCombo"_s);
    auto* movements = child<QCheckBox>(dialog, u"subscriptionMovementsCheck"_s);
    auto* balance = child<QCheckBox>(dialog, u"subscriptionBalanceCheck"_s);
    auto* maturity = child<QCheckBox>(dialog, u"subscriptionMaturityCheck"_s);
    // Tab through the form: the language (English), the movements off (the balance goes with them),
    // and the maturities off too.
    QTest::keyClick(phone, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), language);
    language->setCurrentIndex(language->findData(u"en"_s));
    QTest::keyClick(language, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), movements);
    QTest::keyClick(movements, Qt::Key_Space);
    QVERIFY(!movements->isChecked());
    QVERIFY(!balance->isEnabled());
    QTest::keyClick(movements, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), maturity);
    QTest::keyClick(maturity, Qt::Key_Space);
    QVERIFY(!maturity->isChecked());
    // Neither kind: refused under the kinds, the cursor on the first of them, nothing saved.
    QTest::keyClick(maturity, Qt::Key_Return);
    auto* kindsError = child<QLabel>(dialog, u"subscriptionKindsError"_s);
    QTRY_VERIFY(kindsError->isVisible());
    QCOMPARE(kindsError->text(),
             u"Choose at least one kind of notice: account movements or time deposit maturities."_s);
    QCOMPARE(QApplication::focusWidget(), movements);
    QVERIFY(!cs::NoticeService(*m_db).activeSubscription(m_teller, m_liAccount)->has_value());
    QTest::keyClick(movements, Qt::Key_Tab);
    QTest::keyClick(maturity, Qt::Key_Space);
    QVERIFY(maturity->isChecked());
    auto* fee = child<QComboBox>(dialog, u"subscriptionFeePlanCombo"_s);
    fee->setCurrentIndex(fee->findData(u"package"_s));
    QCOMPARE(child<QLabel>(dialog, u"subscriptionFeeNote"_s)->text(),
             u"2.00 a month after a free trial of 90 days, and only once the customer confirms the package."_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->index(0, SubscriptionsModel::PhoneColumn).data().toString(), u"13900001111"_s);
    QCOMPARE(panel->model()->index(0, SubscriptionsModel::KindsColumn).data().toString(), u"Maturity"_s);
    QCOMPARE(panel->model()->index(0, SubscriptionsModel::LanguageColumn).data().toString(), u"English"_s);
    QVERIFY(panel->model()->index(0, SubscriptionsModel::FeeColumn).data().toString().endsWith(u"not confirmed"_s));

    // The customer confirms the package: asked first, then recorded on the business day.
    auto* confirm = child<QAction>(m_counter, u"confirmPackageAction"_s);
    QVERIFY(confirm->isEnabled());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = panel->findChild<QMessageBox*>(u"confirmPackageBox"_s)) && box->isVisible());
    QTest::mouseClick(child<QPushButton>(box, u"yesButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!confirm->isEnabled() && !panel->isBusy(), 10000);
    auto confirmed = cs::NoticeService(*m_db).activeSubscription(m_teller, m_liAccount);
    CS_VERIFY_RESULT(confirmed);
    QVERIFY((*confirmed)->confirmedOn.isValid());
    QVERIFY(m_counter->messageText().startsWith(u"The customer confirmed the SMS notice package of account %1 on "_s
                                                    .arg(m_liAccount)));

    // Cancelled (F7): Esc on the question changes nothing, Yes cancels and the row stays, greyed.
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
    QTRY_VERIFY((box = panel->findChild<QMessageBox*>(u"cancelSubscriptionBox"_s)) && box->isVisible());
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(box.isNull());
    QVERIFY(cs::NoticeService(*m_db).activeSubscription(m_teller, m_liAccount)->has_value());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
    QTRY_VERIFY((box = panel->findChild<QMessageBox*>(u"cancelSubscriptionBox"_s)) && box->isVisible());
    QTest::mouseClick(child<QPushButton>(box, u"yesButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->messageText(), u"SMS notices of account %1 cancelled."_s.arg(m_liAccount), 10000);
    QVERIFY(!cs::NoticeService(*m_db).activeSubscription(m_teller, m_liAccount)->has_value());
    QCOMPARE(panel->model()->rowCount(), 1);
    QVERIFY(panel->model()->index(0, SubscriptionsModel::StateColumn).data().toString().startsWith(u"Cancelled on "_s));
    QVERIFY(!child<QAction>(m_counter, u"cancelSubscriptionAction"_s)->isEnabled());
    auto* tabs = child<QTabWidget>(m_counter, u"counterDetailTabs"_s);
    QCOMPARE(tabs->tabText(tabs->indexOf(panel)), u"&Notices"_s);
}

QTEST_MAIN(TestNoticesUi)
#include "tst_notices_ui.moc"
