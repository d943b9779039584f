// Signing on through the real login screen: the forced change of an initial password before the main
// window, and the idle lock that follows the setting security.idle_lock_minutes, then unlocking.

#include "uitestsupport.h"

#include "auth/authservice.h"
#include "i18n/translations.h"
#include "services/settingsservice.h"
#include "services/staffservice.h"
#include "shell/passwordchangedialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QUuid>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using cs::test::child;

namespace {

const QString kTerminal = u"T-LOCK"_s;
const QString kPassword = QString::fromUtf16(cs::DemoData::password);
const QString kInitial = u"Initial-pass-9"_s;

} // namespace

class TestLockAndPassword : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void initialPasswordMustBeChangedFirst();
    void cancellingThePasswordChangeSignsOff();
    void idleTerminalLocksAfterTheSettingAndUnlocks();
    void zeroMinutesNeverLocks();

private:
    void addStaffWithInitialPassword(const QString& login, const QString& name);
    void setIdleMinutes(const QString& minutes);

    cs::Session m_admin;
};

void TestLockAndPassword::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"en"_s), u"en"_s);
    CS_VERIFY_RESULT(createDemoDatabase());
    const auto admin = cs::AuthService(*m_db).signOn(u"admin"_s, kPassword, kTerminal);
    QVERIFY2(admin.has_value(), admin ? "" : qPrintable(admin.error().message));
    m_admin = *admin;
}

void TestLockAndPassword::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestLockAndPassword::cleanup()
{
    stopTerminal();
}

void TestLockAndPassword::addStaffWithInitialPassword(const QString& login, const QString& name)
{
    cs::NewStaffRequest request;
    request.login = login;
    request.fullName = name;
    request.role = cs::Role::Teller;
    request.branchCode = m_admin.branchCode;
    request.initialPassword = kInitial;
    request.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto added = cs::StaffService(*m_db).add(m_admin, request);
    QVERIFY2(added.has_value(), added ? "" : qPrintable(added.error().message));
}

void TestLockAndPassword::setIdleMinutes(const QString& minutes)
{
    const auto set = cs::SettingsService(*m_db).set(m_admin, u"security.idle_lock_minutes"_s, minutes,
                                                    QUuid::createUuid().toString(QUuid::WithoutBraces));
    QVERIFY2(set.has_value(), set ? "" : qPrintable(set.error().message));
}

void TestLockAndPassword::initialPasswordMustBeChangedFirst()
{
    const QString login = u"newcomer01"_s;
    addStaffWithInitialPassword(login, u"New Comer"_s);

    signIn(login, kInitial);
    QVERIFY2(QTest::qWaitFor([this] { return m_controller->passwordChangeDialog() != nullptr; }, 10000),
             qPrintable(m_controller->loginDialog()->errorText()));
    QPointer<cs::ui::PasswordChangeDialog> dialog = m_controller->passwordChangeDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // The password change comes before anything else: no main window, no login screen.
    QCOMPARE(m_controller->mainWindow(), nullptr);
    QVERIFY(!m_controller->loginDialog()->isVisible());
    QCOMPARE(dialog->session().login, login);
    QVERIFY(dialog->session().mustChangePassword);

    auto* oldEdit = child<QLineEdit>(dialog, u"oldPasswordEdit"_s);
    auto* newEdit = child<QLineEdit>(dialog, u"newPasswordEdit"_s);
    auto* confirmEdit = child<QLineEdit>(dialog, u"confirmPasswordEdit"_s);
    auto* error = child<QLabel>(dialog, u"passwordChangeError"_s);
    QVERIFY(oldEdit && newEdit && confirmEdit && error);
    QCOMPARE(newEdit->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog->focusWidget(), oldEdit);
    QCOMPARE(oldEdit->nextInFocusChain(), newEdit);
    QCOMPARE(newEdit->nextInFocusChain(), confirmEdit);

    // The login itself as the new password: the rule's message, nothing changes.
    const auto minLength = cs::SettingsService(*m_db).integer(u"security.password_min_length"_s);
    QVERIFY(minLength.has_value());
    const auto rule = cs::checkPasswordRules(login, login, static_cast<int>(*minLength));
    QVERIFY(!rule.has_value());
    QCOMPARE(rule.error().code, u"password.contains_login"_s);
    QTest::keyClicks(oldEdit, kInitial);
    QTest::keyClicks(newEdit, login);
    QTest::keyClicks(confirmEdit, login);
    QTest::keyClick(confirmEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), rule.error().message, 10000);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(m_controller->mainWindow(), nullptr);
    QVERIFY(newEdit->text().isEmpty());
    QCOMPARE(dialog->focusWidget(), newEdit);
    QVERIFY(cs::AuthService(*m_db).signOn(login, kInitial, kTerminal)->mustChangePassword);

    // The two new passwords differ: said at once, no service call.
    QTest::keyClicks(newEdit, u"Fresh-start-42"_s);
    QTest::keyClicks(confirmEdit, u"Fresh-start-43"_s);
    QTest::keyClick(confirmEdit, Qt::Key_Return);
    QCOMPARE(error->text(), u"The new password and its repetition are not the same."_s);

    // A wrong current password.
    const auto wrongOld = cs::StaffService(*m_db).changeOwnPassword(dialog->session(), u"not-it"_s, u"Fresh-start-42"_s);
    QVERIFY(!wrongOld.has_value());
    oldEdit->clear();
    newEdit->clear();
    confirmEdit->clear();
    QTest::keyClicks(oldEdit, u"not-it"_s);
    QTest::keyClicks(newEdit, u"Fresh-start-42"_s);
    QTest::keyClicks(confirmEdit, u"Fresh-start-42"_s);
    QTest::keyClick(confirmEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), wrongOld.error().message, 10000);
    QCOMPARE(dialog->focusWidget(), oldEdit);
    QCOMPARE(m_controller->mainWindow(), nullptr);

    // A good one leads to the main window.
    QTest::keyClicks(oldEdit, kInitial);
    QTest::keyClick(oldEdit, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }, 10000));
    cs::ui::MainWindow* window = m_controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->session().login, login);
    QVERIFY(!window->session().mustChangePassword);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(m_controller->passwordChangeDialog(), nullptr);
    QVERIFY(!m_controller->loginDialog()->isVisible());

    QVERIFY(!cs::AuthService(*m_db).signOn(login, kInitial, kTerminal).has_value());
    const auto changed = cs::AuthService(*m_db).signOn(login, u"Fresh-start-42"_s, kTerminal);
    QVERIFY(changed.has_value());
    QVERIFY(!changed->mustChangePassword);
}

void TestLockAndPassword::cancellingThePasswordChangeSignsOff()
{
    const QString login = u"walkaway01"_s;
    addStaffWithInitialPassword(login, u"Walk Away"_s);
    signIn(login, kInitial);
    QVERIFY(QTest::qWaitFor([this] { return m_controller->passwordChangeDialog() != nullptr; }, 10000));
    QPointer<cs::ui::PasswordChangeDialog> dialog = m_controller->passwordChangeDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    QTest::keyClick(child<QLineEdit>(dialog, u"oldPasswordEdit"_s), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(m_controller->mainWindow(), nullptr);
    cs::ui::LoginDialog* loginDialog = m_controller->loginDialog();
    QVERIFY(loginDialog->isVisible());
    QVERIFY(child<QLineEdit>(loginDialog, u"loginEdit"_s)->text().isEmpty());
    QVERIFY(child<QLineEdit>(loginDialog, u"passwordEdit"_s)->text().isEmpty());
    // The password is still the one the administrator set, still to be changed.
    const auto again = cs::AuthService(*m_db).signOn(login, kInitial, kTerminal);
    QVERIFY(again.has_value());
    QVERIFY(again->mustChangePassword);
}

void TestLockAndPassword::idleTerminalLocksAfterTheSettingAndUnlocks()
{
    // One minute of the setting lasts one second here: the same path (setting -> minutes -> timeout).
    setIdleMinutes(u"1"_s);
    m_controller->setIdleLockMinute(1000ms);
    QCOMPARE(m_controller->idleLockTimeout(), 1000ms);

    signIn(u"teller1"_s, kPassword);
    QVERIFY(QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }, 10000));
    cs::ui::MainWindow* window = m_controller->mainWindow();
    // Signed on and not locked yet...
    QVERIFY(!window->isLocked());
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto* lockScreen = child<QWidget>(window, u"lockScreen"_s);
    auto* workspaces = child<QStackedWidget>(window, u"workspaceStack"_s);
    QVERIFY(lockScreen && workspaces);

    // ...until it has been idle for the lock time.
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), 10000);
    QVERIFY(lockScreen->isVisible());
    QVERIFY(!workspaces->isVisible());

    auto* password = child<QLineEdit>(window, u"unlockPasswordEdit"_s);
    auto* error = child<QLabel>(window, u"unlockErrorLabel"_s);
    QVERIFY(password && error);
    QCOMPARE(window->focusWidget(), password);

    // A wrong password is refused and the terminal stays locked.
    const auto refused = cs::AuthService(*m_db).confirm(window->session(), u"wrong-password"_s);
    QVERIFY(!refused.has_value());
    QTest::keyClicks(password, u"wrong-password"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(error->text(), refused.error().message);
    QVERIFY(window->isLocked());
    QVERIFY(password->text().isEmpty());

    // The right one resumes the same session.
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window->isLocked());
    QVERIFY(workspaces->isVisible());
    QCOMPARE(m_controller->mainWindow(), window);
    QCOMPARE(window->session().login, u"teller1"_s);

    // Idle again: it locks again.
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), 10000);
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window->isLocked());
}

void TestLockAndPassword::zeroMinutesNeverLocks()
{
    setIdleMinutes(u"0"_s);
    m_controller->setIdleLockMinute(50ms);
    QCOMPARE(m_controller->idleLockTimeout(), 0ms);
    signIn(u"teller1"_s, kPassword);
    QVERIFY(QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }, 10000));
    cs::ui::MainWindow* window = m_controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTest::qWait(500);
    QVERIFY(!window->isLocked());
    // Back to the default for whoever runs next.
    setIdleMinutes(u"5"_s);
}

QTEST_MAIN(TestLockAndPassword)
#include "tst_lockandpassword.moc"
