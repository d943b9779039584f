// The shell driven through its real widgets: sign-in, the workspaces each role gets, the status bar,
// keyboard navigation, lock, sign-off and the Chinese translation.

#include "uitestsupport.h"

#include "auth/authservice.h"
#include "domain/role.h"
#include "i18n/translations.h"
#include "shell/workspaces.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::Workspace;

namespace {

const QString kTerminal = u"T-TEST"_s;
const QString kPassword = QString::fromUtf16(cs::DemoData::password);

QStringList itemTexts(const QListWidget* list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

} // namespace

class TestShell : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loginScreenIsKeyboardReady();
    void wrongPasswordShowsTheRefusal();
    void emptyLoginPointsAtTheLoginField();
    void roleGetsItsWorkspaces_data();
    void roleGetsItsWorkspaces();
    void statusBarNamesBranchStaffDateAndDatabase();
    void ctrlDigitSwitchesWorkspace();
    void navigationListSwitchesWorkspace();
    void signOffReturnsToTheLoginScreen();
    void lockNeedsTheSamePassword();
    void idleTerminalLocks();
    void escapeOnLoginQuits();
    void chineseTranslation();

private:
    QString m_dbPath;
    QDate m_businessDate;
};

void TestShell::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"en"_s), u"en"_s);
    CS_VERIFY_RESULT(createDemoDatabase());
    m_dbPath = demoDatabasePath();
    // The demo branch opens its first business day on the day it is seeded.
    m_businessDate = QDate::currentDate();
}

void TestShell::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestShell::cleanup()
{
    stopTerminal();
    cs::ui::installTranslations(*qApp, u"en"_s);
}

void TestShell::loginScreenIsKeyboardReady()
{
    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    auto* loginEdit = child<QLineEdit>(dialog, u"loginEdit"_s);
    auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
    auto* signInButton = child<QPushButton>(dialog, u"signInButton"_s);
    auto* quitButton = child<QPushButton>(dialog, u"quitButton"_s);
    auto* connection = child<QLabel>(dialog, u"connectionLabel"_s);
    QVERIFY(loginEdit && passwordEdit && signInButton && quitButton && connection);

    QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
    QVERIFY(signInButton->isDefault());
    QCOMPARE(signInButton->text(), u"Sign in"_s);
    QCOMPARE(dialog->focusWidget(), loginEdit);
    // Tab follows the form: login, password, sign in, quit.
    QCOMPARE(loginEdit->nextInFocusChain(), passwordEdit);
    QCOMPARE(passwordEdit->nextInFocusChain(), signInButton);
    QCOMPARE(signInButton->nextInFocusChain(), quitButton);
    QCOMPARE(connection->text(), u"Database: SQLite %1\nTerminal: %2"_s.arg(m_dbPath, kTerminal));
    QCOMPARE(connection->text(), u"Database: "_s + m_db->displayName() + u"\nTerminal: "_s + kTerminal);
}

void TestShell::wrongPasswordShowsTheRefusal()
{
    // The same refusal as for an unknown login, so nobody can probe which logins exist.
    const auto refused = cs::AuthService(*m_db).signOn(u"nobody"_s, u"not-the-password"_s, kTerminal);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, u"auth.bad_credentials"_s);

    signIn(u"teller2"_s, u"not-the-password"_s);
    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    auto* error = child<QLabel>(dialog, u"errorLabel"_s);
    auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), refused.error().message, 10000);
    QCOMPARE(error->text(), u"The login or the password is wrong."_s);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(m_controller->mainWindow(), nullptr);
    QVERIFY(dialog->isVisible());
    QVERIFY(passwordEdit->text().isEmpty());
    QCOMPARE(dialog->focusWidget(), passwordEdit);
    QCOMPARE(child<QLineEdit>(dialog, u"loginEdit"_s)->text(), u"teller2"_s);
}

void TestShell::emptyLoginPointsAtTheLoginField()
{
    const auto refused = cs::AuthService(*m_db).signOn({}, {}, kTerminal);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().field, u"login"_s);

    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
    passwordEdit->setFocus();
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, u"errorLabel"_s)->text(), refused.error().message, 10000);
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, u"loginEdit"_s));
    QCOMPARE(m_controller->mainWindow(), nullptr);
}

void TestShell::roleGetsItsWorkspaces_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QList<Workspace>>("workspaces");
    QTest::addColumn<QStringList>("titles");
    QTest::addColumn<QStringList>("pages");

    QTest::newRow("teller") << u"teller1"_s
                            << QList<Workspace>{Workspace::Counter, Workspace::Transfers, Workspace::CashBox,
                                                Workspace::Reports}
                            << QStringList{u"Counter"_s, u"Transfers"_s, u"Cash box"_s, u"Reports"_s}
                            << QStringList{u"counterPage"_s, u"transfersPage"_s, u"cashboxPage"_s, u"reportsPage"_s};
    QTest::newRow("supervisor")
        << u"super1"_s
        << QList<Workspace>{Workspace::Counter, Workspace::Transfers, Workspace::Approvals, Workspace::Reports}
        << QStringList{u"Counter"_s, u"Transfers"_s, u"Approvals"_s, u"Reports"_s}
        << QStringList{u"counterPage"_s, u"transfersPage"_s, u"approvalsPage"_s, u"reportsPage"_s};
    QTest::newRow("auditor") << u"auditor1"_s << QList<Workspace>{Workspace::Counter, Workspace::Reports}
                             << QStringList{u"Counter"_s, u"Reports"_s} << QStringList{u"counterPage"_s, u"reportsPage"_s};
    QTest::newRow("admin") << u"admin"_s << QList<Workspace>{Workspace::Administration, Workspace::Reports}
                           << QStringList{u"Administration"_s, u"Reports"_s}
                           << QStringList{u"administrationPage"_s, u"reportsPage"_s};
}

void TestShell::roleGetsItsWorkspaces()
{
    QFETCH(QString, login);
    QFETCH(QList<Workspace>, workspaces);
    QFETCH(QStringList, titles);
    QFETCH(QStringList, pages);

    cs::ui::MainWindow* window = signInAs(login);
    QVERIFY(window);
    QCOMPARE(window->session().login, login);
    QCOMPARE(window->workspaces(), workspaces);
    QCOMPARE(itemTexts(child<QListWidget>(window, u"workspaceList"_s)), titles);

    auto* stack = child<QStackedWidget>(window, u"workspaceStack"_s);
    QStringList pageNames;
    for (int i = 0; i < stack->count(); ++i)
        pageNames.append(stack->widget(i)->objectName());
    QCOMPARE(pageNames, pages);
    QCOMPARE(stack->currentIndex(), 0);
    QCOMPARE(window->currentWorkspace(), workspaces.first());
    // What the role may not use does not exist at all.
    for (const Workspace workspace : {Workspace::Counter, Workspace::Transfers, Workspace::Approvals,
                                      Workspace::CashBox, Workspace::Administration, Workspace::Reports}) {
        QCOMPARE(window->workspacePage(workspace) != nullptr, workspaces.contains(workspace));
        if (!workspaces.contains(workspace))
            QVERIFY(!window->showWorkspace(workspace));
    }
    QVERIFY(!m_controller->loginDialog()->isVisible());
}

void TestShell::statusBarNamesBranchStaffDateAndDatabase()
{
    cs::ui::MainWindow* window = signInAs(u"teller1"_s);
    QVERIFY(window);
    QCOMPARE(window->windowTitle(), u"Countersign — 示范支行 Demo Branch"_s);
    QCOMPARE(child<QLabel>(window, u"branchLabel"_s)->text(), u"Branch: 0001 示范支行 Demo Branch"_s);
    QCOMPARE(child<QLabel>(window, u"staffLabel"_s)->text(), u"Staff: 王芳 Wang Fang (teller1, Teller)"_s);
    QCOMPARE(child<QLabel>(window, u"businessDateLabel"_s)->text(),
             u"Business date: "_s + m_businessDate.toString(u"yyyy-MM-dd"));
    QCOMPARE(child<QLabel>(window, u"databaseLabel"_s)->text(), u"Database: SQLite "_s + m_dbPath);
    QCOMPARE(child<QLabel>(window, u"terminalLabel"_s)->text(), u"Terminal: T-TEST"_s);
    for (const auto& name : {u"branchLabel"_s, u"staffLabel"_s, u"businessDateLabel"_s, u"databaseLabel"_s})
        QVERIFY2(child<QLabel>(window, name)->isVisible(), qPrintable(name));
}

void TestShell::ctrlDigitSwitchesWorkspace()
{
    cs::ui::MainWindow* window = signInAs(u"teller1"_s);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto* stack = child<QStackedWidget>(window, u"workspaceStack"_s);
    auto* list = child<QListWidget>(window, u"workspaceList"_s);

    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Transfers);
    QCOMPARE(stack->currentWidget()->objectName(), u"transfersPage"_s);
    QCOMPARE(list->currentRow(), 1);

    QTest::keyClick(window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::CashBox);
    QCOMPARE(stack->currentWidget()->objectName(), u"cashboxPage"_s);

    QTest::keyClick(window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Reports);

    // A teller has four workspaces: Ctrl+5 leads nowhere.
    QTest::keyClick(window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Reports);

    QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Counter);
    QCOMPARE(stack->currentWidget(), window->workspacePage(Workspace::Counter));
}

void TestShell::navigationListSwitchesWorkspace()
{
    cs::ui::MainWindow* window = signInAs(u"super1"_s);
    QVERIFY(window);
    auto* list = child<QListWidget>(window, u"workspaceList"_s);
    QSignalSpy changed(window, &cs::ui::MainWindow::currentWorkspaceChanged);

    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(window->currentWorkspace(), Workspace::Approvals);
    QTest::keyClick(list, Qt::Key_End);
    QCOMPARE(window->currentWorkspace(), Workspace::Reports);

    const QRect transfers = list->visualItemRect(list->item(1));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, transfers.center());
    QCOMPARE(window->currentWorkspace(), Workspace::Transfers);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(changed.last().at(0).value<Workspace>(), Workspace::Transfers);
}

void TestShell::signOffReturnsToTheLoginScreen()
{
    cs::ui::MainWindow* window = signInAs(u"teller1"_s);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QSignalSpy signedOff(m_controller.get(), &cs::ui::TerminalController::signedOff);
    QPointer<cs::ui::MainWindow> watched(window);

    QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(signedOff.count(), 1);
    QCOMPARE(m_controller->mainWindow(), nullptr);
    QTRY_VERIFY(watched.isNull());

    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLineEdit>(dialog, u"loginEdit"_s)->text().isEmpty());
    QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->text().isEmpty());
    QVERIFY(child<QLabel>(dialog, u"errorLabel"_s)->text().isEmpty());

    // The next person signs on at the same terminal.
    cs::ui::MainWindow* next = signInAs(u"auditor1"_s);
    QVERIFY(next);
    QCOMPARE(next->workspaces(), (QList<Workspace>{Workspace::Counter, Workspace::Reports}));
}

void TestShell::lockNeedsTheSamePassword()
{
    cs::ui::MainWindow* window = signInAs(u"teller1"_s);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window));

    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(window->isLocked());
    QVERIFY(!child<QStackedWidget>(window, u"workspaceStack"_s)->isVisible());
    // Locked: the workspace shortcuts do nothing.
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Counter);

    auto* password = child<QLineEdit>(window, u"unlockPasswordEdit"_s);
    auto* error = child<QLabel>(window, u"unlockErrorLabel"_s);
    QVERIFY(password && error);
    QCOMPARE(window->focusWidget(), password);

    const auto refused = cs::AuthService(*m_db).confirm(window->session(), u"wrong"_s);
    QVERIFY(!refused.has_value());
    QTest::keyClicks(password, u"wrong"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(error->text(), refused.error().message);
    QVERIFY(window->isLocked());
    QVERIFY(password->text().isEmpty());

    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window->isLocked());
    QVERIFY(child<QStackedWidget>(window, u"workspaceStack"_s)->isVisible());
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentWorkspace(), Workspace::Transfers);
}

void TestShell::idleTerminalLocks()
{
    m_controller->setIdleLockTimeout(std::chrono::milliseconds(200));
    cs::ui::MainWindow* window = signInAs(u"teller1"_s);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), 5000);
}

void TestShell::escapeOnLoginQuits()
{
    QSignalSpy quit(m_controller.get(), &cs::ui::TerminalController::quitRequested);
    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    QTest::keyClick(child<QLineEdit>(dialog, u"loginEdit"_s), Qt::Key_Escape);
    QCOMPARE(quit.count(), 1);
    QVERIFY(!dialog->isVisible());
}

void TestShell::chineseTranslation()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"zh_CN"_s), u"zh_CN"_s);
    QCOMPARE(QLocale().name(), u"zh_CN"_s);

    // The screen already showing follows the language change (a posted LanguageChange event)...
    cs::ui::LoginDialog* dialog = m_controller->loginDialog();
    QTRY_COMPARE(child<QPushButton>(dialog, u"signInButton"_s)->text(), u"签到"_s);
    // ...and a new one starts in Chinese.
    cs::ui::LoginDialog fresh(*m_db, kTerminal);
    QCOMPARE(child<QPushButton>(&fresh, u"signInButton"_s)->text(), u"签到"_s);
    QCOMPARE(child<QPushButton>(&fresh, u"quitButton"_s)->text(), u"退出(&Q)"_s);

    // Refusals come translated from the core.
    auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, u"errorLabel"_s)->text(), u"请输入登录名。"_s, 10000);
    signIn(u"teller2"_s, u"not-the-password"_s);
    const auto refused = cs::AuthService(*m_db).signOn(u"nobody"_s, u"not-the-password"_s, kTerminal);
    QVERIFY(!refused.has_value());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, u"errorLabel"_s)->text(), refused.error().message, 10000);

    cs::ui::MainWindow* window = signInAs(u"super1"_s);
    QVERIFY(window);
    QCOMPARE(itemTexts(child<QListWidget>(window, u"workspaceList"_s)),
             (QStringList{u"柜面"_s, u"转账"_s, u"审批"_s, u"报表"_s}));
    QCOMPARE(child<QLabel>(window, u"staffLabel"_s)->text(), u"操作员：陈静 Chen Jing（super1，主管）"_s);
    QCOMPARE(child<QLabel>(window, u"branchLabel"_s)->text(), u"网点：0001 示范支行 Demo Branch"_s);
    QCOMPARE(window->windowTitle(), u"柜台签章 — 示范支行 Demo Branch"_s);
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
