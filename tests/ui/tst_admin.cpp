// The Administration workspace driven through its real widgets, signed on as admin through the real
// login screen: the staff list and its actions, and the settings editor.

#include "uitestsupport.h"

#include "admin/adminworkspace.h"
#include "admin/settingspage.h"
#include "admin/staffmodel.h"
#include "admin/staffpage.h"
#include "auth/authservice.h"
#include "i18n/translations.h"
#include "services/settingsservice.h"
#include "services/staffservice.h"
#include "shell/workspaces.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeEdit>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::SettingsPage;
using cs::ui::StaffModel;

namespace {

const QString kTerminal = u"T-ADMIN"_s;
const QString kPassword = QString::fromUtf16(cs::DemoData::password);

} // namespace

class TestAdmin : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void staffListShowsEveryone();
    void filterAndSortUseTheModel();
    void actionsFollowTheSelection();
    void addStaffThroughTheDialog();
    void tooShortPasswordAddsNothing();
    void badLoginIsShownAtTheLoginField();
    void disableAndEnable();
    void unlockAfterFailedSignOns();
    void resetPassword();
    void changeRole();
    void lockingClosesAnOpenDialog();
    void changeAmountSetting();
    void invalidAmountChangesNothing_data();
    void invalidAmountChangesNothing();
    void minutesUseASpinBoxWithTheRange();
    void timeOfDayUsesATimeEdit();

private:
    void signInAsAdmin();
    // Source row texts (DisplayRole, every column) of `login`; empty when it is not listed.
    QStringList rowTexts(const QString& login) const;
    qint64 staffId(const QString& login) const;
    // Selects `login` the way a person does: type it into the filter, Enter, and the list has it.
    void selectByFilter(const QString& login);
    QDialog* waitForDialog(const QString& name);
    void showSettingsTab();
    QWidget* openSettingEditor(const QString& key);

    cs::ui::MainWindow* m_window = nullptr;
    cs::ui::AdminWorkspace* m_admin = nullptr;
    cs::ui::StaffPage* m_staff = nullptr;
    cs::ui::SettingsPage* m_settings = nullptr;
};

void TestAdmin::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"en"_s), u"en"_s);
    CS_VERIFY_RESULT(createDemoDatabase());
}

void TestAdmin::init()
{
    QVERIFY(startTerminal(kTerminal));
    signInAsAdmin();
    QVERIFY(m_window && m_admin && m_staff && m_settings);
}

void TestAdmin::cleanup()
{
    m_window = nullptr;
    m_admin = nullptr;
    m_staff = nullptr;
    m_settings = nullptr;
    stopTerminal();
}

void TestAdmin::signInAsAdmin()
{
    m_window = signInAs(u"admin"_s, kPassword);
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    // The admin's first workspace is Administration, and its page is the real one.
    QCOMPARE(m_window->currentWorkspace(), cs::ui::Workspace::Administration);
    m_admin = qobject_cast<cs::ui::AdminWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Administration));
    QVERIFY(m_admin);
    QCOMPARE(m_admin->objectName(), u"administrationPage"_s);
    m_staff = child<cs::ui::StaffPage>(m_admin, u"staffPage"_s);
    m_settings = child<cs::ui::SettingsPage>(m_admin, u"settingsPage"_s);
    QVERIFY(m_staff && m_settings);
    QCOMPARE(m_admin->tabs()->currentWidget(), m_staff);
}

QStringList TestAdmin::rowTexts(const QString& login) const
{
    const StaffModel* model = m_staff->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, StaffModel::LoginColumn).data(StaffModel::RawValueRole).toString() != login)
            continue;
        QStringList texts;
        for (int column = 0; column < model->columnCount(); ++column)
            texts.append(model->index(row, column).data().toString());
        return texts;
    }
    return {};
}

qint64 TestAdmin::staffId(const QString& login) const
{
    const StaffModel* model = m_staff->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->staffAt(row).login == login)
            return model->staffAt(row).id;
    }
    return 0;
}

void TestAdmin::selectByFilter(const QString& login)
{
    auto* filter = child<QLineEdit>(m_staff, u"staffFilterEdit"_s);
    auto* view = child<QTableView>(m_staff, u"staffTable"_s);
    QVERIFY(filter && view);
    filter->setFocus();
    filter->clear();
    QTest::keyClicks(filter, login);
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(m_staff->proxyModel()->rowCount(), 1);
    QCOMPARE(m_staff->selectedStaffId(), staffId(login));
    QCOMPARE(QApplication::focusWidget(), view);
}

QDialog* TestAdmin::waitForDialog(const QString& name)
{
    QDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_staff->findChild<QDialog*>(name);
        return dialog && dialog->isVisible() && dialog->isActiveWindow();
    }, 5000);
    if (!shown)
        qWarning("no dialog %s", qPrintable(name));
    return shown ? dialog : nullptr;
}

void TestAdmin::showSettingsTab()
{
    QTabBar* bar = m_admin->tabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
    QCOMPARE(m_admin->tabs()->currentWidget(), m_settings);
}

QWidget* TestAdmin::openSettingEditor(const QString& key)
{
    QTableView* view = m_settings->view();
    const int row = m_settings->rowOfSetting(key);
    if (row < 0) {
        qWarning("no setting %s", qPrintable(key));
        return nullptr;
    }
    view->setFocus();
    view->setCurrentIndex(m_settings->model()->index(row, SettingsPage::ValueColumn));
    QTest::keyClick(view, Qt::Key_F2);
    return view->findChild<QWidget*>(u"settingValueEditor"_s);
}

void TestAdmin::staffListShowsEveryone()
{
    StaffModel* model = m_staff->model();
    QAbstractItemModelTester sourceTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(m_staff->proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->columnCount(), 8);
    QCOMPARE(m_staff->proxyModel()->rowCount(), 6);
    QCOMPARE(child<QTableView>(m_staff, u"staffTable"_s)->model(), m_staff->proxyModel());
    QStringList headers;
    for (int column = 0; column < model->columnCount(); ++column)
        headers.append(model->headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{u"Login"_s, u"Name"_s, u"Role"_s, u"Branch"_s, u"State"_s, u"Failed sign-ons"_s,
                                   u"Must change password"_s, u"Last sign-on"_s}));
    QCOMPARE(rowTexts(u"teller1"_s), (QStringList{u"teller1"_s, u"王芳 Wang Fang"_s, u"Teller"_s, u"0001"_s,
                                                   u"Active"_s, u"0"_s, u"No"_s, u"Never"_s}));
    QCOMPARE(rowTexts(u"admin"_s).mid(0, 7), (QStringList{u"admin"_s, u"周立 Zhou Li"_s, u"Administrator"_s,
                                                          u"0001"_s, u"Active"_s, u"0"_s, u"No"_s}));
    // admin has just signed on: the time is shown, the raw value is the QDateTime.
    const int adminRow = model->rowOfStaff(m_window->session().staffId);
    QVERIFY(adminRow >= 0);
    const QDateTime signedOn = model->index(adminRow, StaffModel::LastSignOnColumn).data(StaffModel::RawValueRole).toDateTime();
    QVERIFY(signedOn.isValid());
    QCOMPARE(model->index(adminRow, StaffModel::LastSignOnColumn).data().toString(),
             signedOn.toLocalTime().toString(u"yyyy-MM-dd HH:mm"));
    // Raw values for sorting: role and state keys, numbers, booleans.
    const int tellerRow = model->rowOfStaff(staffId(u"teller1"_s));
    QCOMPARE(model->index(tellerRow, StaffModel::RoleColumn).data(StaffModel::RawValueRole), QVariant(u"teller"_s));
    QCOMPARE(model->index(tellerRow, StaffModel::StateColumn).data(StaffModel::RawValueRole), QVariant(u"active"_s));
    QCOMPARE(model->index(tellerRow, StaffModel::FailedSignOnsColumn).data(StaffModel::RawValueRole), QVariant(0));
    QCOMPARE(model->index(tellerRow, StaffModel::MustChangePasswordColumn).data(StaffModel::RawValueRole), QVariant(false));

    // The list is what the service says.
    const auto listed = cs::StaffService(*m_db).list(m_window->session());
    QVERIFY(listed.has_value());
    QCOMPARE(listed->size(), model->rowCount());
}

void TestAdmin::filterAndSortUseTheModel()
{
    QSortFilterProxyModel* proxy = m_staff->proxyModel();
    QCOMPARE(proxy->sortRole(), StaffModel::RawValueRole);
    auto* filter = child<QLineEdit>(m_staff, u"staffFilterEdit"_s);
    QTest::keyClicks(filter, u"SUPER"_s);
    QCOMPARE(proxy->rowCount(), 2);
    QCOMPARE(proxy->index(0, StaffModel::LoginColumn).data().toString(), u"super1"_s);
    QCOMPARE(proxy->index(1, StaffModel::LoginColumn).data().toString(), u"super2"_s);
    // The filter matches the texts shown, e.g. the translated role.
    filter->clear();
    QTest::keyClicks(filter, u"Auditor"_s);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, StaffModel::LoginColumn).data().toString(), u"auditor1"_s);
    filter->clear();
    QCOMPARE(proxy->rowCount(), 6);

    // Sorted by login, descending, through the header.
    auto* view = child<QTableView>(m_staff, u"staffTable"_s);
    view->sortByColumn(StaffModel::LoginColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, StaffModel::LoginColumn).data().toString(), u"teller2"_s);
    QCOMPARE(proxy->index(5, StaffModel::LoginColumn).data().toString(), u"admin"_s);
    view->sortByColumn(StaffModel::LoginColumn, Qt::AscendingOrder);
    QCOMPARE(proxy->index(0, StaffModel::LoginColumn).data().toString(), u"admin"_s);

    // Ctrl+F goes to the filter.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), filter);
}

void TestAdmin::actionsFollowTheSelection()
{
    const auto enabled = [this](const QString& name) {
        auto* action = child<QAction>(m_staff, name);
        auto* button = child<QPushButton>(m_staff, QString(name).replace(u"Action"_s, u"Button"_s));
        if (!action || !button)
            return false;
        if (action->isEnabled() != button->isEnabled())
            qWarning("%s: action and button differ", qPrintable(name));
        return action->isEnabled();
    };
    // Nothing selected: only Add (and Reload).
    QCOMPARE(m_staff->selectedStaffId(), 0);
    QVERIFY(enabled(u"addStaffAction"_s));
    QVERIFY(enabled(u"reloadStaffAction"_s));
    for (const auto& name : {u"disableStaffAction"_s, u"enableStaffAction"_s, u"unlockStaffAction"_s,
                             u"resetPasswordAction"_s, u"changeRoleAction"_s})
        QVERIFY2(!enabled(name), qPrintable(name));

    // An active colleague: disable, reset password, change role.
    selectByFilter(u"teller1"_s);
    QVERIFY(enabled(u"disableStaffAction"_s));
    QVERIFY(!enabled(u"enableStaffAction"_s));
    QVERIFY(!enabled(u"unlockStaffAction"_s));
    QVERIFY(enabled(u"resetPasswordAction"_s));
    QVERIFY(enabled(u"changeRoleAction"_s));
    QCOMPARE(child<QAction>(m_staff, u"addStaffAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));

    // One's own row: nothing but Add.
    selectByFilter(u"admin"_s);
    for (const auto& name : {u"disableStaffAction"_s, u"enableStaffAction"_s, u"unlockStaffAction"_s,
                             u"resetPasswordAction"_s, u"changeRoleAction"_s})
        QVERIFY2(!enabled(name), qPrintable(name));
}

void TestAdmin::addStaffThroughTheDialog()
{
    auto* view = child<QTableView>(m_staff, u"staffTable"_s);
    view->setFocus();
    const int before = m_staff->model()->rowCount();
    QTest::keyClick(view, Qt::Key_N, Qt::ControlModifier);
    QPointer<QDialog> dialog = waitForDialog(u"addStaffDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    auto* login = child<QLineEdit>(dialog, u"newStaffLoginEdit"_s);
    auto* name = child<QLineEdit>(dialog, u"newStaffNameEdit"_s);
    auto* role = child<QComboBox>(dialog, u"newStaffRoleCombo"_s);
    auto* password = child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s);
    auto* confirm = child<QLineEdit>(dialog, u"newStaffConfirmEdit"_s);
    QVERIFY(login && name && role && password && confirm);
    QCOMPARE(QApplication::focusWidget(), login);
    QCOMPARE(role->currentText(), u"Teller"_s);
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    QTest::keyClicks(login, u"teller3"_s);
    QTest::keyClick(login, Qt::Key_Tab);
    QTest::keyClicks(name, u"Qian Jin"_s);
    QTest::keyClicks(password, u"Spring-garden-7"_s);
    // The two passwords differ: said under the second, nothing added.
    QTest::keyClicks(confirm, u"Spring-garden-8"_s);
    QTest::keyClick(confirm, Qt::Key_Return);
    QCOMPARE(child<QLabel>(dialog, u"newStaffConfirmError"_s)->text(), u"The two passwords are not the same."_s);
    QVERIFY(dialog->isVisible());

    confirm->clear();
    QTest::keyClicks(confirm, u"Spring-garden-7"_s);
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    QCOMPARE(m_staff->model()->rowCount(), before + 1);
    QCOMPARE(rowTexts(u"teller3"_s), (QStringList{u"teller3"_s, u"Qian Jin"_s, u"Teller"_s, u"0001"_s, u"Active"_s,
                                                   u"0"_s, u"Yes"_s, u"Never"_s}));
    // The new row is selected and the page says what happened.
    QCOMPARE(m_staff->selectedStaffId(), staffId(u"teller3"_s));
    QCOMPARE(m_staff->messageText(),
             u"teller3 was added. They must change the password at the first sign-on."_s);
    // The initial password works, and must be changed.
    const auto session = cs::AuthService(*m_db).signOn(u"teller3"_s, u"Spring-garden-7"_s, kTerminal);
    QVERIFY(session.has_value());
    QVERIFY(session->mustChangePassword);
}

void TestAdmin::tooShortPasswordAddsNothing()
{
    const int before = m_staff->model()->rowCount();
    QTest::mouseClick(child<QPushButton>(m_staff, u"addStaffButton"_s), Qt::LeftButton);
    QPointer<QDialog> dialog = waitForDialog(u"addStaffDialog"_s);
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffLoginEdit"_s), u"teller4"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffNameEdit"_s), u"Sun Li"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s), u"short-pw1"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffConfirmEdit"_s), u"short-pw1"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);

    const auto minLength = cs::SettingsService(*m_db).integer(u"security.password_min_length"_s);
    QVERIFY(minLength.has_value());
    const auto rule = cs::checkPasswordRules(u"teller4"_s, u"short-pw1"_s, static_cast<int>(*minLength));
    QVERIFY(!rule.has_value());
    auto* passwordError = child<QLabel>(dialog, u"newStaffPasswordError"_s);
    QTRY_COMPARE_WITH_TIMEOUT(passwordError->text(), rule.error().message, 10000);
    QVERIFY(passwordError->isVisible());
    QVERIFY(child<QLabel>(dialog, u"newStaffLoginError"_s)->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s));
    QVERIFY(dialog->isVisible());

    // Esc closes the dialog; nothing was added.
    QTest::keyClick(child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
    m_staff->reload();
    QCOMPARE(m_staff->model()->rowCount(), before);
    QVERIFY(rowTexts(u"teller4"_s).isEmpty());
    const auto listed = cs::StaffService(*m_db).list(m_window->session());
    QVERIFY(listed.has_value());
    for (const cs::StaffSummary& staff : *listed)
        QVERIFY(staff.login != u"teller4"_s);
}

void TestAdmin::badLoginIsShownAtTheLoginField()
{
    QTest::keyClick(child<QTableView>(m_staff, u"staffTable"_s), Qt::Key_N, Qt::ControlModifier);
    QPointer<QDialog> dialog = waitForDialog(u"addStaffDialog"_s);
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffLoginEdit"_s), u"9x"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffNameEdit"_s), u"Nine"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s), u"Long-enough-1"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffConfirmEdit"_s), u"Long-enough-1"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"newStaffConfirmEdit"_s), Qt::Key_Return);

    cs::NewStaffRequest request;
    request.login = u"9x"_s;
    request.fullName = u"Nine"_s;
    request.initialPassword = u"Long-enough-1"_s;
    const auto refused = cs::StaffService(*m_db).add(m_window->session(), request);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().field, u"login"_s);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, u"newStaffLoginError"_s)->text(), refused.error().message, 10000);
    QVERIFY(child<QLabel>(dialog, u"newStaffPasswordError"_s)->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, u"newStaffLoginEdit"_s));
    QTest::mouseClick(child<QPushButton>(dialog, u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
}

void TestAdmin::disableAndEnable()
{
    selectByFilter(u"teller2"_s);
    const qint64 id = staffId(u"teller2"_s);
    QTest::keyClick(child<QTableView>(m_staff, u"staffTable"_s), Qt::Key_D, Qt::ControlModifier);
    QPointer<QDialog> dialog = waitForDialog(u"disableStaffDialog"_s);
    QVERIFY(dialog);
    auto* ok = child<QPushButton>(dialog, u"okButton"_s);
    auto* reason = child<QLineEdit>(dialog, u"disableReasonEdit"_s);
    QVERIFY(ok && reason);
    // No reason, no disabling.
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(reason, u"On leave"_s);
    QVERIFY(ok->isEnabled());
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    QCOMPARE(rowTexts(u"teller2"_s), (QStringList{u"teller2"_s, u"李强 Li Qiang"_s, u"Teller"_s, u"0001"_s,
                                                   u"Disabled"_s, u"0"_s, u"No"_s, u"Never"_s}));
    QCOMPARE(m_staff->selectedStaffId(), id);
    QCOMPARE(m_staff->messageText(), u"teller2 was disabled."_s);
    QVERIFY(!child<QAction>(m_staff, u"disableStaffAction"_s)->isEnabled());
    QVERIFY(child<QAction>(m_staff, u"enableStaffAction"_s)->isEnabled());
    const auto refused = cs::AuthService(*m_db).signOn(u"teller2"_s, kPassword, kTerminal);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, u"auth.disabled"_s);

    QTest::mouseClick(child<QPushButton>(m_staff, u"enableStaffButton"_s), Qt::LeftButton);
    QCOMPARE(rowTexts(u"teller2"_s).at(StaffModel::StateColumn), u"Active"_s);
    QCOMPARE(m_staff->selectedStaffId(), id);
    QCOMPARE(m_staff->messageText(), u"teller2 was enabled."_s);
    QVERIFY(child<QAction>(m_staff, u"disableStaffAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_staff, u"enableStaffAction"_s)->isEnabled());
    QVERIFY(cs::AuthService(*m_db).signOn(u"teller2"_s, kPassword, kTerminal).has_value());
}

void TestAdmin::unlockAfterFailedSignOns()
{
    const auto lockout = cs::SettingsService(*m_db).integer(u"security.lockout_failures"_s);
    QVERIFY(lockout.has_value());
    for (qint64 i = 0; i < *lockout; ++i)
        QVERIFY(!cs::AuthService(*m_db).signOn(u"super2"_s, u"not-the-password"_s, kTerminal).has_value());

    selectByFilter(u"super2"_s);
    QCOMPARE(rowTexts(u"super2"_s), (QStringList{u"super2"_s, u"刘洋 Liu Yang"_s, u"Supervisor"_s, u"0001"_s,
                                                  u"Active"_s, u"0"_s, u"No"_s, u"Never"_s}));
    QVERIFY(!child<QAction>(m_staff, u"unlockStaffAction"_s)->isEnabled());
    // F5 fetches the list again and keeps the selection.
    QTest::keyClick(child<QTableView>(m_staff, u"staffTable"_s), Qt::Key_F5);
    QCOMPARE(rowTexts(u"super2"_s), (QStringList{u"super2"_s, u"刘洋 Liu Yang"_s, u"Supervisor"_s, u"0001"_s,
                                                  u"Locked"_s, QString::number(*lockout), u"No"_s, u"Never"_s}));
    QCOMPARE(m_staff->selectedStaffId(), staffId(u"super2"_s));
    QVERIFY(child<QAction>(m_staff, u"unlockStaffAction"_s)->isEnabled());
    QVERIFY(!child<QAction>(m_staff, u"enableStaffAction"_s)->isEnabled());

    QTest::keyClick(child<QTableView>(m_staff, u"staffTable"_s), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(rowTexts(u"super2"_s).mid(0, 7), (QStringList{u"super2"_s, u"刘洋 Liu Yang"_s, u"Supervisor"_s,
                                                           u"0001"_s, u"Active"_s, u"0"_s, u"No"_s}));
    QCOMPARE(m_staff->messageText(), u"super2 was unlocked."_s);
    QVERIFY(!child<QAction>(m_staff, u"unlockStaffAction"_s)->isEnabled());
    QVERIFY(cs::AuthService(*m_db).signOn(u"super2"_s, kPassword, kTerminal).has_value());
}

void TestAdmin::resetPassword()
{
    selectByFilter(u"auditor1"_s);
    QTest::keyClick(child<QTableView>(m_staff, u"staffTable"_s), Qt::Key_R, Qt::ControlModifier);
    QPointer<QDialog> dialog = waitForDialog(u"resetPasswordDialog"_s);
    QVERIFY(dialog);
    auto* password = child<QLineEdit>(dialog, u"resetPasswordEdit"_s);
    auto* confirm = child<QLineEdit>(dialog, u"resetConfirmEdit"_s);
    QVERIFY(password && confirm);
    // The rule names the login: a temporary password containing it is refused by the service.
    QTest::keyClicks(password, u"auditor1-temp"_s);
    QTest::keyClicks(confirm, u"auditor1-temp"_s);
    QTest::keyClick(confirm, Qt::Key_Return);
    const auto rule = cs::checkPasswordRules(u"auditor1"_s, u"auditor1-temp"_s, 10);
    QVERIFY(!rule.has_value());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, u"resetPasswordError"_s)->text(), rule.error().message, 10000);
    QCOMPARE(rowTexts(u"auditor1"_s).at(StaffModel::MustChangePasswordColumn), u"No"_s);

    password->clear();
    confirm->clear();
    QTest::keyClicks(password, u"Temporary-42x"_s);
    QTest::keyClicks(confirm, u"Temporary-42x"_s);
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    QCOMPARE(rowTexts(u"auditor1"_s), (QStringList{u"auditor1"_s, u"赵敏 Zhao Min"_s, u"Auditor"_s, u"0001"_s,
                                                    u"Active"_s, u"0"_s, u"Yes"_s, u"Never"_s}));
    QCOMPARE(m_staff->selectedStaffId(), staffId(u"auditor1"_s));
    QCOMPARE(m_staff->messageText(), u"The password of auditor1 was reset. They must change it at the next sign-on."_s);
    QVERIFY(!cs::AuthService(*m_db).signOn(u"auditor1"_s, kPassword, kTerminal).has_value());
    const auto session = cs::AuthService(*m_db).signOn(u"auditor1"_s, u"Temporary-42x"_s, kTerminal);
    QVERIFY(session.has_value());
    QVERIFY(session->mustChangePassword);
}

void TestAdmin::changeRole()
{
    selectByFilter(u"teller2"_s);
    QTest::mouseClick(child<QPushButton>(m_staff, u"changeRoleButton"_s), Qt::LeftButton);
    QPointer<QDialog> dialog = waitForDialog(u"changeRoleDialog"_s);
    QVERIFY(dialog);
    auto* role = child<QComboBox>(dialog, u"roleCombo"_s);
    auto* ok = child<QPushButton>(dialog, u"okButton"_s);
    QVERIFY(role && ok);
    QCOMPARE(role->currentText(), u"Teller"_s);
    // The same role is no change.
    QVERIFY(!ok->isEnabled());
    QTest::keyClick(role, Qt::Key_Down);
    QCOMPARE(role->currentText(), u"Supervisor"_s);
    QVERIFY(ok->isEnabled());
    QTest::keyClick(role, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

    QCOMPARE(rowTexts(u"teller2"_s).mid(0, 7), (QStringList{u"teller2"_s, u"李强 Li Qiang"_s, u"Supervisor"_s,
                                                            u"0001"_s, u"Active"_s, u"0"_s, u"No"_s}));
    QCOMPARE(m_staff->model()->index(m_staff->model()->rowOfStaff(staffId(u"teller2"_s)), StaffModel::RoleColumn)
                 .data(StaffModel::RawValueRole),
             QVariant(u"supervisor"_s));
    QCOMPARE(m_staff->selectedStaffId(), staffId(u"teller2"_s));
    QCOMPARE(m_staff->messageText(), u"The role of teller2 is now Supervisor."_s);
    const auto session = cs::AuthService(*m_db).signOn(u"teller2"_s, kPassword, kTerminal);
    QVERIFY(session.has_value());
    QCOMPARE(session->role, cs::Role::Supervisor);
}

void TestAdmin::lockingClosesAnOpenDialog()
{
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QPointer<QDialog> dialog = waitForDialog(u"addStaffDialog"_s);
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, u"newStaffPasswordEdit"_s), u"half-typed"_s);
    m_window->lock();
    QVERIFY(m_window->isLocked());
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(child<QWidget>(m_window, u"lockScreen"_s)->isVisible());
    QTest::keyClicks(child<QLineEdit>(m_window, u"unlockPasswordEdit"_s), kPassword);
    QTest::keyClick(child<QLineEdit>(m_window, u"unlockPasswordEdit"_s), Qt::Key_Return);
    QVERIFY(!m_window->isLocked());
    QVERIFY(m_staff->isVisible());
    QVERIFY(!m_staff->findChild<QDialog*>(u"addStaffDialog"_s));
}

void TestAdmin::changeAmountSetting()
{
    showSettingsTab();
    QAbstractItemModelTester tester(m_settings->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString key = u"limits.teller_single_max"_s;
    const cs::SettingsService service(*m_db);
    const auto before = service.get(m_window->session(), key);
    QVERIFY(before.has_value());
    QCOMPARE(before->value, u"50000.00"_s);
    QCOMPARE(qsizetype(m_settings->model()->rowCount()), service.list(m_window->session())->size());
    const int row = m_settings->rowOfSetting(key);
    QAbstractItemModel* model = m_settings->model();
    QCOMPARE(model->index(row, SettingsPage::SettingColumn).data().toString(), before->label);
    QCOMPARE(model->index(row, SettingsPage::ValueColumn).data().toString(), u"50,000.00"_s);
    QCOMPARE(model->index(row, SettingsPage::DescriptionColumn).data().toString(), before->description);
    QVERIFY(!child<QAction>(m_settings, u"saveSettingsAction"_s)->isEnabled());

    auto* editor = qobject_cast<QLineEdit*>(openSettingEditor(key));
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"50000.00"_s);
    QCOMPARE(editor->selectedText(), u"50000.00"_s);
    QTest::keyClicks(editor, u"60000.00"_s);
    // The amount in capitals as it is typed.
    QCOMPARE(child<QLabel>(m_settings, u"settingCapitals"_s)->text(), u"In capitals: 陆万元整"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    // The view takes the value when the editor closes, just after the key.
    QTRY_COMPARE(model->index(row, SettingsPage::ValueColumn).data().toString(), u"60,000.00"_s);
    QVERIFY(m_settings->hasUnsavedChanges());
    QVERIFY(child<QAction>(m_settings, u"saveSettingsAction"_s)->isEnabled());
    // Not saved yet.
    QCOMPARE(service.get(m_window->session(), key)->value, u"50000.00"_s);

    QTest::keyClick(m_settings->view(), Qt::Key_S, Qt::ControlModifier);
    const auto after = service.get(m_window->session(), key);
    QVERIFY(after.has_value());
    QCOMPARE(after->value, u"60000.00"_s);
    QCOMPARE(after->updatedBy, u"admin"_s);
    QVERIFY(!m_settings->hasUnsavedChanges());
    QCOMPARE(m_settings->messageText(), u"Saved: "_s + after->label + u'.');
    QCOMPARE(model->index(row, SettingsPage::ChangedByColumn).data().toString(), u"admin"_s);
    QCOMPARE(model->index(row, SettingsPage::ChangedAtColumn).data().toString(),
             after->updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"));
    QCOMPARE(cs::SettingsService(*m_db).integer(key).value_or(0), qint64(6000000));
}

void TestAdmin::invalidAmountChangesNothing_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("negative") << u"-1"_s;
    QTest::newRow("three decimals") << u"1.234"_s;
    QTest::newRow("bad grouping") << u"60,00.00"_s;
    QTest::newRow("above the range") << u"100,000,000.01"_s;
}

void TestAdmin::invalidAmountChangesNothing()
{
    QFETCH(QString, typed);
    showSettingsTab();
    const QString key = u"limits.teller_single_max"_s;
    const cs::SettingsService service(*m_db);
    const auto before = service.get(m_window->session(), key);
    QVERIFY(before.has_value());
    const auto refused = service.set(m_window->session(), key, typed);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().field, u"value"_s);

    auto* editor = qobject_cast<QLineEdit*>(openSettingEditor(key));
    QVERIFY(editor);
    QTest::keyClicks(editor, typed);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(m_settings->view(), Qt::Key_S, Qt::ControlModifier);

    // The service's message, which names the setting.
    QCOMPARE(m_settings->messageText(), refused.error().message);
    QVERIFY(refused.error().message.contains(before->label));
    const auto after = service.get(m_window->session(), key);
    QCOMPARE(after->value, before->value);
    QCOMPARE(after->updatedAt, before->updatedAt);
    // The refused value stays, marked, for correction; its tooltip says why.
    const int row = m_settings->rowOfSetting(key);
    QVERIFY(m_settings->hasUnsavedChanges());
    QCOMPARE(m_settings->model()->index(row, SettingsPage::ValueColumn).data(Qt::EditRole).toString(), typed);
    QCOMPARE(m_settings->model()->index(row, SettingsPage::ValueColumn).data(Qt::ToolTipRole).toString(),
             refused.error().message);

    // Revert (F5) forgets it.
    QTest::keyClick(m_settings->view(), Qt::Key_F5);
    QVERIFY(!m_settings->hasUnsavedChanges());
    QCOMPARE(m_settings->model()->index(row, SettingsPage::ValueColumn).data(Qt::EditRole).toString(), before->value);
}

void TestAdmin::minutesUseASpinBoxWithTheRange()
{
    showSettingsTab();
    const QString key = u"security.idle_lock_minutes"_s;
    const cs::SettingDefinition* definition = cs::findSetting(key);
    QVERIFY(definition);
    auto* spin = qobject_cast<QSpinBox*>(openSettingEditor(key));
    QVERIFY(spin);
    QCOMPARE(qint64(spin->minimum()), definition->min);
    QCOMPARE(qint64(spin->maximum()), definition->max);
    QCOMPARE(spin->value(), 5);
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, u"15"_s);
    QTest::keyClick(spin, Qt::Key_Return);
    const int row = m_settings->rowOfSetting(key);
    QTRY_COMPARE(m_settings->model()->index(row, SettingsPage::ValueColumn).data().toString(), u"15 min"_s);
    QTest::mouseClick(child<QPushButton>(m_settings, u"saveSettingsButton"_s), Qt::LeftButton);
    QCOMPARE(cs::SettingsService(*m_db).integer(key).value_or(-1), qint64(15));
    QVERIFY(!m_settings->hasUnsavedChanges());
}

void TestAdmin::timeOfDayUsesATimeEdit()
{
    showSettingsTab();
    const QString key = u"clearing.hvps_cutoff"_s;
    auto* time = qobject_cast<QTimeEdit*>(openSettingEditor(key));
    QVERIFY(time);
    QCOMPARE(time->displayFormat(), u"HH:mm"_s);
    QCOMPARE(time->time(), QTime(17, 15));
    time->setTime(QTime(16, 30));
    QTest::keyClick(time, Qt::Key_Return);
    QTest::keyClick(m_settings->view(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(cs::SettingsService(*m_db).get(m_window->session(), key)->value, u"16:30"_s);
}

QTEST_MAIN(TestAdmin)
#include "tst_admin.moc"
