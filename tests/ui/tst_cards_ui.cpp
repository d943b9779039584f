// Cards at the Counter, driven through the real widgets, signed on as teller1 through the real login
// screen: the on-screen PIN pad on its own (dots only, keyboard digits, a new PIN asked twice, the
// timeout); a teller finds 张伟, issues a debit card through the wizard while the customer chooses the
// PIN by clicks on the pad's window, sees the card in the Counter with its masked number, activates
// it and reports it lost (oral), the table and CardService agreeing; no widget of the teller's window
// ever shows the PIN. Refusals: an ID number that is not the customer's issues nothing and says so
// under the field; a terminal without the database's card key says an administrator must install it.
//
// Registered twice (COUNTERSIGN_TEST_BACKEND=sqlite and postgresql).
//
// With COUNTERSIGN_UI_SHOTS=<folder> the screenshots test saves PNGs of the screens there
// (COUNTERSIGN_UI_LANG=zh_CN for the Chinese screens).

#include "uitestsupport.h"

#include "auth/authservice.h"
#include "cards/cardactiondialog.h"
#include "cards/cardissuewizard.h"
#include "cards/cardsmodel.h"
#include "cards/cardspanel.h"
#include "cards/cardvaultaccess.h"
#include "cards/onlinepaymentdialog.h"
#include "cards/onscreenpinpad.h"
#include "counter/counterworkspace.h"
#include "counter/customerresultsmodel.h"
#include "domain/pan.h"
#include "i18n/translations.h"
#include "print/cardvoucher.h"
#include "security/cardkeys.h"
#include "services/accountservice.h"
#include "services/cardservice.h"
#include "services/customerservice.h"
#include "shell/workspaces.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::CardIssueWizard;
using cs::ui::CardsModel;
using cs::ui::OnScreenPinPad;

namespace {

const QString kTerminal = u"T-CARDS"_s;
const QString kZhangWei = u"110101198003151239"_s; // 张伟 of the demo data
const QString kLiNa = u"310104199207082467"_s;     // 李娜
const QString kHuangLei = u"440305197511220358"_s; // 黄磊
// The customer's PIN in these tests: no run, no repeated pair or triple, so the rules accept it.
const QString kPin = u"802461"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Watches every widget painted or shown outside the PIN pad's window for a text holding the PIN.
class PinWatcher : public QObject {
public:
    explicit PinWatcher(QString pin) : m_pin(std::move(pin)) { qApp->installEventFilter(this); }
    ~PinWatcher() override { qApp->removeEventFilter(this); }

    void setPadWindow(QWidget* window) { m_pad = window; }
    const QStringList& seen() const { return m_seen; }
    int checked() const { return m_checked; }

    // Every widget of `root` (and the windows it owns) now.
    void sweep(QWidget* root)
    {
        check(root);
        for (QWidget* widget : root->findChildren<QWidget*>())
            check(widget);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint || event->type() == QEvent::Show) {
            if (auto* widget = qobject_cast<QWidget*>(watched))
                check(widget);
        }
        return false;
    }

private:
    void check(QWidget* widget)
    {
        if (m_pad && (widget == m_pad || m_pad->isAncestorOf(widget)))
            return;
        ++m_checked;
        QStringList texts = {widget->windowTitle(), widget->toolTip(), widget->accessibleName()};
        if (auto* label = qobject_cast<QLabel*>(widget))
            texts << label->text();
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            texts << edit->text() << edit->displayText();
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            texts << button->text();
        for (const QString& text : std::as_const(texts)) {
            if (QString(text).remove(u' ').contains(m_pin))
                m_seen << widget->objectName() + u": "_s + text;
        }
    }

    QString m_pin;
    QPointer<QWidget> m_pad;
    QStringList m_seen;
    int m_checked = 0;
};

} // namespace

class TestCardsUi : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void pinPadShowsOnlyDots();
    void pinPadTimesOut();
    void issueThroughTheWizardAndReportLoss();
    void pinLaterThenSetAndResetWaits();
    void idNumberNotTheCustomersIssuesNothing();
    void terminalWithoutTheCardKeyIsTold();
    void installingTheCardKey();
    void screenshots();

private:
    cs::ui::CounterWorkspace* signInToCounter();
    void findCustomer(const QString& query);
    void activate();
    CardIssueWizard* openWizard();
    // Clicks the digits of `pin` on the pad's window.
    void clickDigits(QWidget* pad, const QString& pin);
    // The wizard from its first page to the review, then Enter: the card is issued and the pad asks.
    void walkWizardToPin(CardIssueWizard* wizard, const QString& account, const QString& idNumber, bool quasi = false);
    OnScreenPinPad* pad() const;
    QList<cs::CardView> cardsOf(const QString& idNumber);
    qint64 customerId(const QString& idNumber) const;
    void grabTo(QWidget* widget, const QString& name);

    cs::MemorySecretStore m_keys; // the card key of this terminal, instead of the file beside the database
    cs::Session m_teller;
    QString m_zhangAccount; // 张伟's Class I account
    QString m_liAccount;    // 李娜's Class I account
    QString m_huangAccount; // 黄磊's Class I account
    cs::ui::MainWindow* m_window = nullptr;
    cs::ui::CounterWorkspace* m_counter = nullptr;
};

void TestCardsUi::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s)),
             qEnvironmentVariable("COUNTERSIGN_UI_LANG", u"en"_s));
    CS_VERIFY_RESULT(createDemoDatabaseOnTestBackend());
    auto teller = cs::AuthService(*m_db).signOn(u"teller1"_s, QString::fromUtf16(cs::DemoData::password), u"T-SETUP"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;

    // The database's card key, registered now and held by this terminal in memory.
    cs::ui::setCardKeyStoreForTesting(&m_keys);
    CS_VERIFY_RESULT(cs::openCardVault(m_keys, *m_db, true));

    const auto classI = [this](const QString& idNumber) -> cs::Result<QString> {
        const qint64 id = customerId(idNumber);
        auto listed = cs::AccountService(*m_db).listForCustomer(m_teller, id);
        if (!listed)
            return cs::fail(listed.error());
        for (const cs::AccountView& a : std::as_const(*listed)) {
            if (a.accountClass == u"I" && a.state == u"normal")
                return a.number;
        }
        auto opened = cs::AccountService(*m_db).open(m_teller, {id, u"demand"_s, u"I"_s, {}, newId()});
        if (!opened)
            return cs::fail(opened.error());
        return opened->number;
    };
    auto zhang = classI(kZhangWei);
    CS_VERIFY_RESULT(zhang);
    m_zhangAccount = *zhang;
    auto li = classI(kLiNa);
    CS_VERIFY_RESULT(li);
    m_liAccount = *li;
    auto huang = classI(kHuangLei);
    CS_VERIFY_RESULT(huang);
    m_huangAccount = *huang;
}

void TestCardsUi::cleanupTestCase()
{
    cs::ui::setCardKeyStoreForTesting(nullptr);
}

void TestCardsUi::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestCardsUi::cleanup()
{
    m_window = nullptr;
    m_counter = nullptr;
    stopTerminal();
}

qint64 TestCardsUi::customerId(const QString& idNumber) const
{
    auto found = cs::CustomerService(*m_db).find(m_teller, idNumber);
    return found && found->size() == 1 ? found->constFirst().id : 0;
}

QList<cs::CardView> TestCardsUi::cardsOf(const QString& idNumber)
{
    auto vault = cs::openCardVault(m_keys, *m_db, false);
    if (!vault)
        return {};
    auto listed = cs::CardService(*m_db, *vault).listForCustomer(m_teller, customerId(idNumber));
    return listed ? *listed : QList<cs::CardView>();
}

cs::ui::CounterWorkspace* TestCardsUi::signInToCounter()
{
    m_window = signInAs(u"teller1"_s);
    if (!m_window || !QTest::qWaitForWindowActive(m_window))
        return nullptr;
    m_counter = qobject_cast<cs::ui::CounterWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Counter));
    return m_counter;
}

void TestCardsUi::activate()
{
    // The offscreen platform does not hand activation back to the window when a dialog closes.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
}

void TestCardsUi::findCustomer(const QString& query)
{
    auto* search = child<QLineEdit>(m_counter, u"customerSearchEdit"_s);
    QVERIFY(search);
    activate();
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, query);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_counter->customerModel()->rowCount(), 1);
    QVERIFY(m_counter->selectedCustomerId() != 0);
}

OnScreenPinPad* TestCardsUi::pad() const
{
    return qobject_cast<OnScreenPinPad*>(m_counter->pinPad());
}

CardIssueWizard* TestCardsUi::openWizard()
{
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    CardIssueWizard* wizard = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        wizard = m_counter->findChild<CardIssueWizard*>(u"cardIssueWizard"_s);
        return wizard && wizard->isVisible() && wizard->isActiveWindow();
    }, 5000);
    if (!shown)
        qWarning("no card issue wizard");
    return shown ? wizard : nullptr;
}

void TestCardsUi::clickDigits(QWidget* padWindow, const QString& pin)
{
    for (const QChar digit : pin) {
        auto* key = child<QPushButton>(padWindow, u"pinKey_"_s + digit);
        QVERIFY(key);
        QTest::mouseClick(key, Qt::LeftButton);
    }
}

void TestCardsUi::walkWizardToPin(CardIssueWizard* wizard, const QString& account, const QString& idNumber, bool quasi)
{
    QCOMPARE(wizard->page(), CardIssueWizard::Page::Product);
    QCOMPARE(child<QLabel>(wizard, u"cardWizardStep"_s)->text(), u"Step 1 of 6 · Card product"_s);
    auto* debit = child<QRadioButton>(wizard, u"productDebitRadio"_s);
    QVERIFY(debit->isChecked());
    QCOMPARE(QApplication::focusWidget(), debit);
    if (quasi) {
        QTest::keyClick(debit, Qt::Key_Q, Qt::AltModifier);
        QTRY_VERIFY(child<QRadioButton>(wizard, u"productQuasiRadio"_s)->isChecked());
        auto* limit = child<QLineEdit>(wizard, u"cardLimitEdit"_s);
        QVERIFY(limit->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), limit);
        QTest::keyClicks(limit, u"5,000.00"_s);
        QCOMPARE(child<QLabel>(wizard, u"cardLimitCapitals"_s)->text(), u"人民币伍仟元整"_s);
    } else {
        QVERIFY(!child<QLineEdit>(wizard, u"cardLimitEdit"_s)->isVisible());
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    QCOMPARE(wizard->page(), CardIssueWizard::Page::Account);
    auto* accounts = child<QComboBox>(wizard, u"cardAccountCombo"_s);
    QCOMPARE(QApplication::focusWidget(), accounts);
    const int index = accounts->findData(account);
    QVERIFY(index >= 0);
    accounts->setCurrentIndex(index);
    QVERIFY(accounts->currentText().startsWith(account));
    QTest::keyClick(accounts, Qt::Key_Return);

    QCOMPARE(wizard->page(), CardIssueWizard::Page::Identity);
    auto* idEdit = child<QLineEdit>(wizard, u"cardIdNumberEdit"_s);
    QCOMPARE(QApplication::focusWidget(), idEdit);
    QTest::keyClicks(idEdit, idNumber);
    QTest::keyClick(idEdit, Qt::Key_Return);

    QCOMPARE(wizard->page(), CardIssueWizard::Page::Review);
    QCOMPARE(child<QLabel>(wizard, u"reviewIdNumber"_s)->text(), idNumber);
    QVERIFY(child<QLabel>(wizard, u"reviewAccount"_s)->text().startsWith(account));
    QCOMPARE(child<QPushButton>(wizard, u"wizardNextButton"_s)->text(), u"Issue card"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

void TestCardsUi::pinPadShowsOnlyDots()
{
    OnScreenPinPad pad;
    QVERIFY(!pad.busy());
    std::optional<bool> entered;
    QByteArray pin;
    QByteArray confirmation;
    pad.request(cs::ui::PinPad::Purpose::NewPin, u"Card 621700*********0004: choose a new PIN"_s,
                [&](cs::ui::PinPad::Entry&& entry) {
                    entered = entry.entered;
                    pin = entry.pin.bytes();
                    confirmation = entry.confirmation.bytes();
                });
    QVERIFY(pad.busy());
    QWidget* window = pad.window();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // A window of its own: no parent, so no teller dialog is above it or owns it.
    QVERIFY(window->isWindow());
    QCOMPARE(window->parentWidget(), nullptr);
    QCOMPARE(window->objectName(), u"pinPadWindow"_s);
    QCOMPARE(child<QLabel>(window, u"pinPadPrompt"_s)->text(), u"Card 621700*********0004: choose a new PIN"_s);
    auto* dots = child<QLabel>(window, u"pinPadDots"_s);
    auto* ok = child<QPushButton>(window, u"pinKeyOk"_s);
    QCOMPARE(dots->text(), u"○ ○ ○ ○ ○ ○"_s);
    QVERIFY(!ok->isEnabled());

    // Clicks: 8, 0, 2; backspace; clear; then the six digits.
    clickDigits(window, u"802"_s);
    QCOMPARE(dots->text(), u"● ● ● ○ ○ ○"_s);
    QCOMPARE(pad.digitCount(), 3);
    QTest::mouseClick(child<QPushButton>(window, u"pinKeyBackspace"_s), Qt::LeftButton);
    QCOMPARE(dots->text(), u"● ● ○ ○ ○ ○"_s);
    QTest::mouseClick(child<QPushButton>(window, u"pinKeyClear"_s), Qt::LeftButton);
    QCOMPARE(pad.digitCount(), 0);
    clickDigits(window, kPin);
    QCOMPARE(dots->text(), u"● ● ● ● ● ●"_s);
    // A seventh digit is not taken.
    clickDigits(window, u"9"_s);
    QCOMPARE(pad.digitCount(), 6);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    // A new PIN is asked twice: the second entry starts empty.
    QVERIFY(!entered.has_value());
    QCOMPARE(pad.digitCount(), 0);
    QCOMPARE(child<QLabel>(window, u"pinPadStep"_s)->text(), u"Enter the same 6 digits again to confirm, then OK."_s);
    // Typed on a keyboard at the pad's window this time.
    QTest::keyClicks(window, kPin);
    QCOMPARE(dots->text(), u"● ● ● ● ● ●"_s);
    QTest::keyClick(window, Qt::Key_Return);
    QCOMPARE(entered, std::optional<bool>(true));
    QCOMPARE(pin, kPin.toLatin1());
    QCOMPARE(confirmation, kPin.toLatin1());
    QVERIFY(!pad.busy());
    QVERIFY(!window->isVisible());
    QCOMPARE(pad.digitCount(), 0);
    QVERIFY(dots->text().isEmpty());

    // The current PIN is asked once; Esc at the pad cancels.
    entered.reset();
    pad.request(cs::ui::PinPad::Purpose::CurrentPin, u"Card 621700*********0004: enter your PIN"_s,
                [&](cs::ui::PinPad::Entry&& entry) {
                    entered = entry.entered;
                    pin = entry.pin.bytes();
                });
    QVERIFY(window->isVisible());
    QTest::keyClicks(window, u"1357"_s);
    QTest::keyClick(window, Qt::Key_Escape);
    QCOMPARE(entered, std::optional<bool>(false));
    QVERIFY(pin.isEmpty());
    QCOMPARE(pad.digitCount(), 0);

    // The teller's cancel ends a running request; a second request while one runs is answered at once.
    entered.reset();
    pad.request(cs::ui::PinPad::Purpose::CurrentPin, u"x"_s, [&](cs::ui::PinPad::Entry&& entry) { entered = entry.entered; });
    std::optional<bool> second;
    pad.request(cs::ui::PinPad::Purpose::CurrentPin, u"y"_s, [&](cs::ui::PinPad::Entry&& entry) { second = entry.entered; });
    QCOMPARE(second, std::optional<bool>(false));
    QVERIFY(!entered.has_value());
    pad.cancel();
    QCOMPARE(entered, std::optional<bool>(false));
    QVERIFY(!window->isVisible());
}

void TestCardsUi::pinPadTimesOut()
{
    OnScreenPinPad pad;
    pad.setTimeout(std::chrono::milliseconds(300));
    std::optional<bool> entered;
    pad.request(cs::ui::PinPad::Purpose::CurrentPin, u"Card: enter your PIN"_s,
                [&](cs::ui::PinPad::Entry&& entry) { entered = entry.entered; });
    QVERIFY(QTest::qWaitForWindowExposed(pad.window()));
    QTest::keyClicks(pad.window(), u"12"_s);
    QTRY_COMPARE_WITH_TIMEOUT(entered, std::optional<bool>(false), 3000);
    QVERIFY(!pad.window()->isVisible());
    QCOMPARE(pad.digitCount(), 0);
}

void TestCardsUi::issueThroughTheWizardAndReportLoss()
{
    PinWatcher watcher(kPin);
    QVERIFY(signInToCounter());
    const qsizetype before = cardsOf(kZhangWei).size();
    findCustomer(kZhangWei);
    cs::ui::CardsPanel* panel = m_counter->cardsPanel();
    QVERIFY(panel);
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(panel->model()->rowCount(), before);
    auto* issueAction = child<QAction>(m_counter, u"issueCardAction"_s);
    QVERIFY(issueAction->isEnabled());
    QCOMPARE(issueAction->shortcut(), QKeySequence(Qt::Key_F4));

    // F4 from the accounts table: the wizard.
    QPointer<CardIssueWizard> wizard = openWizard();
    QVERIFY(wizard);
    auto* tabs = child<QTabWidget>(m_counter, u"counterDetailTabs"_s);
    QCOMPARE(tabs->currentWidget(), panel);
    walkWizardToPin(wizard, m_zhangAccount, kZhangWei);

    // The card is issued; the customer's pad asks for the PIN, the teller's side only waits.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->page(), CardIssueWizard::Page::Pin, 10000);
    QVERIFY(wizard->voucher().has_value());
    const cs::IssuedCard issued = wizard->voucher()->card;
    QCOMPARE(issued.state, u"issued"_s);
    QCOMPARE(issued.panMasked, cs::pan::masked(issued.pan));
    OnScreenPinPad* customerPad = pad();
    QVERIFY(customerPad);
    QTRY_VERIFY(customerPad->window() && customerPad->window()->isVisible());
    QWidget* padWindow = customerPad->window();
    watcher.setPadWindow(padWindow);
    QVERIFY(!m_window->isAncestorOf(padWindow));
    QPointer<QWidget> waiting = wizard->findChild<QWidget*>(u"pinWaitDialog"_s);
    QVERIFY(waiting && waiting->isVisible());
    QCOMPARE(child<QLabel>(waiting, u"pinWaitLabel"_s)->text(), u"Waiting for the customer's PIN…"_s);
    QCOMPARE(child<QLabel>(padWindow, u"pinPadPrompt"_s)->text(), u"Card %1: choose your PIN"_s.arg(issued.panMasked));

    clickDigits(padWindow, kPin);
    QCOMPARE(child<QLabel>(padWindow, u"pinPadDots"_s)->text(), u"● ● ● ● ● ●"_s);
    QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    clickDigits(padWindow, kPin);
    QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    QVERIFY(!padWindow->isVisible());
    QTRY_VERIFY(waiting.isNull());

    // The voucher page: the full number this once, in groups of four; the voucher prints it.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->page(), CardIssueWizard::Page::Voucher, 10000);
    QCOMPARE(child<QLabel>(wizard, u"cardVoucherPan"_s)->text(), cs::ui::groupedPan(issued.pan));
    QVERIFY(child<QLabel>(wizard, u"cardVoucherDetails"_s)->text().contains(u"PIN set by the customer."_s));
    QVERIFY(wizard->voucher()->pinSet);
    const cs::ui::VoucherSheet sheet = cs::ui::cardVoucherSheet(*wizard->voucher());
    QCOMPARE(sheet.title, u"Card issuance voucher"_s);
    QCOMPARE(sheet.rows.constFirst().value, cs::ui::groupedPan(issued.pan));
    QTemporaryDir folder;
    const QString pdf = folder.filePath(cs::ui::cardVoucherFileName(*wizard->voucher()));
    QVERIFY(!pdf.contains(issued.pan));
    CS_VERIFY_RESULT(cs::ui::writeCardVoucherPdf(*wizard->voucher(), pdf));
    QVERIFY(QFile(pdf).size() > 1000);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(wizard.isNull());

    // The Counter: the card with its masked number, issued, PIN set.
    CardsModel* model = panel->model();
    QCOMPARE(model->rowCount(), before + 1);
    const int row = model->rowOfCard(issued.cardId);
    QVERIFY(row >= 0);
    QCOMPARE(panel->selectedCardId(), issued.cardId);
    QCOMPARE(model->index(row, CardsModel::PanColumn).data().toString(), issued.panMasked);
    QCOMPARE(model->index(row, CardsModel::StateColumn).data().toString(), cs::cardStateLabel(cs::CardState::Issued));
    QCOMPARE(model->index(row, CardsModel::PinColumn).data().toString(), u"Set"_s);
    QCOMPARE(model->index(row, CardsModel::AccountColumn).data().toString(), m_zhangAccount);
    QCOMPARE(model->index(row, CardsModel::OnlineColumn).data().toString(), u"Off"_s);
    QCOMPARE(tabs->tabText(1), u"Ca&rds (%1)"_s.arg(before + 1));
    QVERIFY(m_counter->messageText().contains(issued.panMasked));
    // No full number anywhere in the table.
    for (int column = 0; column < CardsModel::ColumnCount; ++column) {
        QVERIFY(!model->index(row, column).data().toString().contains(issued.pan));
        QVERIFY(!model->index(row, column).data(Qt::ToolTipRole).toString().contains(issued.pan));
    }

    // The voucher again (Ctrl+Shift+V) while the card is not activated: a reprint.
    auto* reprintAction = child<QAction>(m_counter, u"reprintCardVoucherAction"_s);
    QVERIFY(reprintAction->isEnabled());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<QDialog> preview;
    QTRY_VERIFY((preview = m_counter->findChild<QDialog*>(u"voucherPreviewDialog"_s)) && preview->isVisible());
    QCOMPARE(preview->windowTitle(), u"Card issuance voucher (reprint)"_s);
    preview->close();
    QTRY_VERIFY(preview.isNull());

    // Activate (Ctrl+Shift+A): active.
    auto* activateAction = child<QAction>(m_counter, u"activateCardAction"_s);
    QVERIFY(activateAction->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"setPinAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"liftLossAction"_s)->isEnabled());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOfCard(issued.cardId), CardsModel::StateColumn).data().toString(),
                              cs::cardStateLabel(cs::CardState::Active), 10000);
    QVERIFY(!activateAction->isEnabled());
    QVERIFY(!reprintAction->isEnabled());
    QCOMPARE(m_counter->messageText(), u"Card %1 activated."_s.arg(issued.panMasked));

    // Report loss (Ctrl+Shift+L), oral, with its reason.
    auto* lossAction = child<QAction>(m_counter, u"reportLossAction"_s);
    QVERIFY(lossAction->isEnabled());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<cs::ui::CardActionDialog> dialog;
    QTRY_VERIFY((dialog = panel->findChild<cs::ui::CardActionDialog*>(u"cardStepDialog"_s)) && dialog->isActiveWindow());
    QCOMPARE(dialog->step(), cs::ui::CardStep::ReportLoss);
    QVERIFY(child<QLabel>(dialog, u"cardStepSummary"_s)->text().startsWith(issued.panMasked));
    QVERIFY(child<QRadioButton>(dialog, u"lossOralRadio"_s)->isChecked());
    QVERIFY(!child<QLabel>(dialog, u"cardApprovalNote"_s)->isVisible());
    // Enter without a reason: refused under the field, nothing changes.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(child<QLabel>(dialog, u"cardReasonError"_s)->isVisible());
    auto* reason = child<QLineEdit>(dialog, u"cardReasonEdit"_s);
    QCOMPARE(QApplication::focusWidget(), reason);
    QTest::keyClicks(reason, u"Wallet lost on the bus"_s);
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    const int lostRow = model->rowOfCard(issued.cardId);
    QCOMPARE(model->index(lostRow, CardsModel::StateColumn).data().toString(), cs::cardStateLabel(cs::CardState::LostOral));
    QCOMPARE(model->index(lostRow, CardsModel::PanColumn).data(CardsModel::StateKeyRole).toString(), u"lost_oral"_s);
    QCOMPARE(m_counter->messageText(),
             u"Card %1: %2."_s.arg(issued.panMasked, cs::cardStateLabel(cs::CardState::LostOral)));
    // What the service says agrees with the table.
    const QList<cs::CardView> cards = cardsOf(kZhangWei);
    const auto stored = std::find_if(cards.cbegin(), cards.cend(), [&](const cs::CardView& c) { return c.id == issued.cardId; });
    QVERIFY(stored != cards.cend());
    QCOMPARE(stored->state, u"lost_oral"_s);
    QCOMPARE(stored->lossKind, u"oral"_s);
    QCOMPARE(stored->lossReportedOn, m_teller.businessDate);
    QCOMPARE(stored->panMasked, issued.panMasked);
    QVERIFY(stored->pinSet);
    // An oral report may be lifted, not reported orally twice; the lost card pays nothing.
    QVERIFY(child<QAction>(m_counter, u"liftLossAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"freezeCardAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"onlinePaymentAction"_s)->isEnabled());

    // The written report follows: only written is offered now, and it cannot be lifted.
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY((dialog = panel->findChild<cs::ui::CardActionDialog*>(u"cardStepDialog"_s)) && dialog->isActiveWindow());
    QVERIFY(!child<QRadioButton>(dialog, u"lossOralRadio"_s)->isEnabled());
    QVERIFY(child<QRadioButton>(dialog, u"lossWrittenRadio"_s)->isChecked());
    QTest::keyClicks(child<QLineEdit>(dialog, u"cardReasonEdit"_s), u"Written form signed"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"cardReasonEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QCOMPARE(model->index(model->rowOfCard(issued.cardId), CardsModel::PanColumn).data(CardsModel::StateKeyRole).toString(),
             u"lost_written"_s);
    QVERIFY(!child<QAction>(m_counter, u"liftLossAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"reportLossAction"_s)->isEnabled());
    // Replacement comes only from the replace day on.
    QVERIFY(!child<QAction>(m_counter, u"replaceCardAction"_s)->isEnabled());

    // The PIN never showed on the teller's side.
    watcher.sweep(m_window);
    QVERIFY(watcher.checked() > 100);
    QVERIFY2(watcher.seen().isEmpty(), qPrintable(watcher.seen().join(u"; "_s)));
}

void TestCardsUi::pinLaterThenSetAndResetWaits()
{
    PinWatcher watcher(kPin);
    QVERIFY(signInToCounter());
    findCustomer(kHuangLei);
    QPointer<CardIssueWizard> wizard = openWizard();
    QVERIFY(wizard);
    walkWizardToPin(wizard, m_huangAccount, kHuangLei);
    QTRY_VERIFY_WITH_TIMEOUT(pad()->busy(), 10000);
    QWidget* padWindow = pad()->window();
    watcher.setPadWindow(padWindow);
    const qint64 cardId = wizard->voucher()->card.cardId;
    const QString masked = wizard->voucher()->card.panMasked;

    // The customer walks away from the pad: Esc there. The card stays issued, without a PIN.
    QTest::keyClicks(padWindow, u"80"_s);
    QTest::keyClick(padWindow, Qt::Key_Escape);
    QTRY_VERIFY(wizard->mayClose());
    QCOMPARE(wizard->page(), CardIssueWizard::Page::Pin);
    QVERIFY(child<QLabel>(wizard, u"cardPinStatus"_s)->text().startsWith(u"No PIN was entered."_s));
    QVERIFY(child<QPushButton>(wizard, u"pinAskAgainButton"_s)->isVisible());
    auto* next = child<QPushButton>(wizard, u"wizardNextButton"_s);
    QCOMPARE(next->text(), u"Go on without PIN"_s);
    activate();
    wizard->activateWindow();
    QTRY_VERIFY(wizard->isActiveWindow());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(wizard->page(), CardIssueWizard::Page::Voucher);
    QVERIFY(child<QLabel>(wizard, u"cardVoucherDetails"_s)->text().contains(u"No PIN yet"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(wizard.isNull());

    cs::ui::CardsPanel* panel = m_counter->cardsPanel();
    CardsModel* model = panel->model();
    QCOMPARE(panel->selectedCardId(), cardId);
    QCOMPARE(model->index(model->rowOfCard(cardId), CardsModel::PinColumn).data().toString(), u"Not set"_s);
    QVERIFY(m_counter->messageText().contains(u"without a PIN"_s));
    // Without a PIN the card cannot be activated; Set PIN is offered.
    QVERIFY(!child<QAction>(m_counter, u"activateCardAction"_s)->isEnabled());
    auto* setPin = child<QAction>(m_counter, u"setPinAction"_s);
    QVERIFY(setPin->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"changePinAction"_s)->isEnabled());

    // Set PIN (Ctrl+Shift+P); the teller's Esc on the waiting note cancels the customer's entry.
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(pad()->busy() && padWindow->isVisible());
    QPointer<QWidget> waiting = m_counter->findChild<QWidget*>(u"pinWaitDialog"_s);
    QVERIFY(waiting);
    QTest::keyClicks(padWindow, u"80"_s);
    QTest::keyClick(waiting, Qt::Key_Escape);
    QTRY_VERIFY(waiting.isNull());
    QVERIFY(!pad()->busy());
    QVERIFY(!padWindow->isVisible());
    QCOMPARE(pad()->digitCount(), 0);
    QCOMPARE(m_counter->messageText(), u"No PIN was entered for card %1; nothing changed."_s.arg(masked));

    // Again: a trivial PIN is refused and the pad asks again at once, saying why.
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(pad()->busy() && padWindow->isVisible());
    for (int i = 0; i < 2; ++i) {
        clickDigits(padWindow, u"123456"_s);
        QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    }
    QTRY_VERIFY_WITH_TIMEOUT(pad()->busy() && padWindow->isVisible()
                                 && child<QLabel>(padWindow, u"pinPadPrompt"_s)->text().contains(u'\n'), 10000);
    QVERIFY(child<QLabel>(padWindow, u"pinPadPrompt"_s)->text().endsWith(u"Card %1: choose a new PIN"_s.arg(masked)));
    QCOMPARE(model->index(model->rowOfCard(cardId), CardsModel::PinColumn).data().toString(), u"Not set"_s);
    for (int i = 0; i < 2; ++i) {
        clickDigits(padWindow, kPin);
        QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    }
    QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOfCard(cardId), CardsModel::PinColumn).data().toString(), u"Set"_s,
                              10000);
    QCOMPARE(m_counter->messageText(), u"The customer set the PIN of card %1."_s.arg(masked));
    QVERIFY(!setPin->isEnabled());
    QVERIFY(child<QAction>(m_counter, u"activateCardAction"_s)->isEnabled());

    // Reset PIN (Ctrl+Shift+R) waits for a supervisor, and says so before and after.
    auto* reset = child<QAction>(m_counter, u"resetPinAction"_s);
    QVERIFY(reset->isEnabled());
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<cs::ui::CardActionDialog> dialog;
    QTRY_VERIFY((dialog = panel->findChild<cs::ui::CardActionDialog*>(u"cardStepDialog"_s)) && dialog->isActiveWindow());
    QCOMPARE(dialog->step(), cs::ui::CardStep::ResetPin);
    QVERIFY(child<QLabel>(dialog, u"cardApprovalNote"_s)->isVisible());
    QVERIFY(!child<QRadioButton>(dialog, u"lossOralRadio"_s)->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, u"cardReasonEdit"_s), u"Customer forgot the PIN"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
    QVERIFY2(m_counter->messageText().startsWith(u"The PIN reset of card %1 waits for a supervisor's approval: request no. "_s
                                                     .arg(masked)),
             qPrintable(m_counter->messageText()));
    // Nothing changed yet.
    QCOMPARE(model->index(model->rowOfCard(cardId), CardsModel::PinColumn).data().toString(), u"Set"_s);

    watcher.sweep(m_window);
    QVERIFY2(watcher.seen().isEmpty(), qPrintable(watcher.seen().join(u"; "_s)));
}

void TestCardsUi::idNumberNotTheCustomersIssuesNothing()
{
    QVERIFY(signInToCounter());
    const qsizetype before = cardsOf(kLiNa).size();
    const qint64 allCards = demo().count(u"SELECT COUNT(*) FROM cards"_s);
    findCustomer(kLiNa);
    QPointer<CardIssueWizard> wizard = openWizard();
    QVERIFY(wizard);
    // 张伟's number on 李娜's application.
    walkWizardToPin(wizard, m_liAccount, kZhangWei);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isBusy(), 10000);
    QCOMPARE(wizard->page(), CardIssueWizard::Page::Identity);
    auto* error = child<QLabel>(wizard, u"cardIdNumberError"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(wizard, u"cardIdNumberEdit"_s));
    // The message is the service's, for the field it names.
    cs::IssueCardRequest same;
    same.account = m_liAccount;
    same.productCode = u"debit"_s;
    same.presentedIdNumber = kZhangWei;
    same.requestId = newId();
    auto vault = cs::openCardVault(m_keys, *m_db, false);
    CS_VERIFY_RESULT(vault);
    auto refused = cs::CardService(*m_db, *vault).issue(m_teller, same);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"card.id_mismatch"_s);
    QCOMPARE(refused.error().field, u"id_number"_s);
    QCOMPARE(error->text(), refused.error().message);
    QCOMPARE(wizard->shownError(), refused.error().message);
    QVERIFY(!wizard->voucher().has_value());
    QVERIFY(!pad()->busy());
    QCOMPARE(cardsOf(kLiNa).size(), before);
    QCOMPARE(demo().count(u"SELECT COUNT(*) FROM cards"_s), allCards);

    // Esc: the wizard goes, nothing issued.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(wizard.isNull());
    QCOMPARE(m_counter->cardsPanel()->model()->rowCount(), before);
    QCOMPARE(demo().count(u"SELECT COUNT(*) FROM cards"_s), allCards);
}

void TestCardsUi::terminalWithoutTheCardKeyIsTold()
{
    cs::MemorySecretStore empty;
    cs::ui::setCardKeyStoreForTesting(&empty);
    QVERIFY(signInToCounter());
    findCustomer(kZhangWei);
    cs::ui::CardsPanel* panel = m_counter->cardsPanel();
    QCOMPARE(panel->model()->rowCount(), 0);
    QCOMPARE(panel->noteText(),
             u"Cards cannot be served on this terminal: the card key of this database is not installed here. An "
             "administrator must install the card key on this terminal."_s);
    QVERIFY(!child<QAction>(m_counter, u"issueCardAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_counter, u"reportLossAction"_s)->isEnabled());
    // Nothing was written to the terminal's store.
    QVERIFY(!empty.read(cs::cardMasterKeyName()));
    cs::ui::setCardKeyStoreForTesting(&m_keys);
}

void TestCardsUi::installingTheCardKey()
{
    const auto held = m_keys.read(cs::cardMasterKeyName());
    CS_VERIFY_RESULT(held);
    cs::MemorySecretStore terminal;
    cs::ui::setCardKeyStoreForTesting(&terminal);
    const auto malformed = cs::ui::installTerminalCardKey(*m_db, "12ab");
    QVERIFY(!malformed);
    QCOMPARE(malformed.error().code, u"card.key_malformed"_s);
    // Another key than the database's: refused, and the terminal keeps nothing.
    const auto foreign = cs::ui::installTerminalCardKey(*m_db, QByteArray(64, 'a'));
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().code, u"card.key_mismatch"_s);
    QVERIFY(!terminal.read(cs::cardMasterKeyName()));
    // The database's key, typed with a trailing newline as a shell pipes it.
    CS_VERIFY_RESULT(cs::ui::installTerminalCardKey(*m_db, held->toHex() + "\n"));
    QCOMPARE(terminal.read(cs::cardMasterKeyName()).value(), *held);
    const auto vault = cs::ui::openTerminalCardVault(*m_db);
    CS_VERIFY_RESULT(vault);
    QCOMPARE(vault->keyId(), cs::CardVault::fromMasterKey(*held)->keyId());
    cs::ui::setCardKeyStoreForTesting(&m_keys);
}

void TestCardsUi::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestCardsUi::screenshots()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        QSKIP("COUNTERSIGN_UI_SHOTS names no folder");
    QVERIFY(signInToCounter());
    m_window->resize(1280, 800);
    findCustomer(kLiNa);

    // A quasi-credit card for 李娜, the PIN pad half typed, then the voucher page.
    QPointer<CardIssueWizard> wizard = openWizard();
    QVERIFY(wizard);
    grabTo(wizard, u"card-wizard-product"_s);
    walkWizardToPin(wizard, m_liAccount, kLiNa, true);
    QTRY_VERIFY_WITH_TIMEOUT(pad()->busy(), 10000);
    QWidget* padWindow = pad()->window();
    clickDigits(padWindow, u"802"_s);
    grabTo(padWindow, u"card-pin-pad"_s);
    grabTo(wizard, u"card-wizard-pin"_s);
    if (QWidget* waiting = wizard->findChild<QWidget*>(u"pinWaitDialog"_s))
        grabTo(waiting, u"card-pin-waiting"_s);
    clickDigits(padWindow, u"461"_s);
    QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    clickDigits(padWindow, kPin);
    QTest::mouseClick(child<QPushButton>(padWindow, u"pinKeyOk"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->page(), CardIssueWizard::Page::Voucher, 10000);
    grabTo(wizard, u"card-wizard-voucher"_s);
    const cs::ui::CardVoucher voucher = *wizard->voucher();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(wizard.isNull());

    const QDir folder(qEnvironmentVariable("COUNTERSIGN_UI_SHOTS"));
    QImage page(1748, 1240, QImage::Format_RGB32); // A5 landscape at 210 dpi
    page.fill(Qt::white);
    page.setDotsPerMeterX(8268);
    page.setDotsPerMeterY(8268);
    {
        QPainter painter(&page);
        cs::ui::paintVoucherSheet(painter, QRectF(0, 0, page.width(), page.height()), cs::ui::cardVoucherSheet(voucher));
    }
    QVERIFY(page.save(folder.filePath(u"card-voucher.png"_s)));
    CS_VERIFY_RESULT(cs::ui::writeCardVoucherPdf(voucher, folder.filePath(u"card-voucher.pdf"_s)));

    activate();
    grabTo(m_window, u"counter-cards"_s);

    // The loss report and the online payment settings of the new card.
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(child<QAction>(m_counter, u"reportLossAction"_s)->isEnabled()
                                 && !m_counter->cardsPanel()->isBusy(), 10000);
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<cs::ui::OnlinePaymentDialog> online;
    QTRY_VERIFY((online = m_counter->findChild<cs::ui::OnlinePaymentDialog*>()) && online->isVisible());
    QTest::keyClick(child<QWidget>(online, u"onlineEnabledCheck"_s), Qt::Key_Space);
    QTest::keyClicks(child<QLineEdit>(online, u"onlineLimitEdit"_s), u"30,000.00"_s);
    QTest::keyClick(child<QLineEdit>(online, u"onlineLimitEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(online.isNull() || !online->shownError().isEmpty(), 10000);
    if (online) {
        grabTo(online, u"card-online-refused"_s);
        QTest::keyClick(child<QLineEdit>(online, u"onlineLimitEdit"_s), Qt::Key_Escape);
        QTRY_VERIFY(online.isNull());
    }
    activate();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<cs::ui::CardActionDialog> loss;
    QTRY_VERIFY((loss = m_counter->findChild<cs::ui::CardActionDialog*>()) && loss->isVisible());
    QTest::keyClicks(child<QLineEdit>(loss, u"cardReasonEdit"_s), u"Lost at the market"_s);
    grabTo(loss, u"card-report-loss"_s);
    QTest::keyClick(child<QLineEdit>(loss, u"cardReasonEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(loss.isNull(), 10000);
    activate();
    grabTo(m_window, u"counter-cards-lost"_s);
}

QTEST_MAIN(TestCardsUi)
#include "tst_cards_ui.moc"
