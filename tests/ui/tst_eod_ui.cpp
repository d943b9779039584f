// The supervisor's end of day through the real dialog and EndOfDayService on the demo branch with its
// history: while teller1's cash box is open the dialog lists it and Enter runs nothing; once the box is
// closed, F5 checks again and Enter closes the day off the GUI thread, each step ticked off in the list
// as the service reports it, the new business date in the dialog and in the status bar. Registered once
// per database (labels ui and the backend).
//
// With COUNTERSIGN_UI_SHOTS=<folder> the screenshots test saves PNGs of the dialog, blocked and done.

#include "uitestsupport.h"

#include "auth/authservice.h"
#include "eod/eoddialog.h"
#include "i18n/translations.h"
#include "reports/reportsworkspace.h"
#include "services/cashboxservice.h"

#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using cs::test::child;
using cs::ui::EodDialog;

namespace {

const QString kTerminal = u"T-EOD"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

cs::Money cny(qint64 minor)
{
    return cs::Money(minor, cs::Currency::cny());
}

} // namespace

class TestEodUi : public cs::test::TerminalTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void refusedWhileACashBoxIsOpenThenRunToTheEnd();
    void onlyTheSupervisorClosesTheDay();
    void screenshots();

private:
    EodDialog* openDialog();
    void activate();
    void grabTo(QWidget* widget, const QString& name);

    cs::ui::MainWindow* m_window = nullptr;
    cs::Session m_teller;
};

void TestEodUi::initTestCase()
{
    QCOMPARE(cs::ui::installTranslations(*qApp, u"en"_s), u"en"_s);
    CS_VERIFY_RESULT(createDemoDatabaseOnTestBackend(cs::DemoData::Content::Everything));
    auto teller =
        cs::AuthService(*m_db).signOn(u"teller1"_s, QString::fromUtf16(cs::DemoData::password), u"T-TELLER"_s);
    CS_VERIFY_RESULT(teller);
    m_teller = *teller;
}

void TestEodUi::init()
{
    QVERIFY(startTerminal(kTerminal));
}

void TestEodUi::cleanup()
{
    m_window = nullptr;
    stopTerminal();
}

void TestEodUi::activate()
{
    // The offscreen platform does not hand activation back to the window by itself.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window))
        qWarning("window not active");
}

// super1 signs on and presses Ctrl+Shift+E.
EodDialog* TestEodUi::openDialog()
{
    m_window = signInAs(u"super1"_s);
    if (!m_window)
        return nullptr;
    activate();
    QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    EodDialog* dialog = nullptr;
    const auto shown = [&] {
        dialog = m_window->findChild<EodDialog*>(u"eodDialog"_s);
        return dialog && dialog->isVisible();
    };
    if (!QTest::qWaitFor(shown))
        return nullptr;
    // The blockers are read off the GUI thread as the dialog opens.
    if (!QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 10000))
        return nullptr;
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog))
        qWarning("dialog not active");
    return dialog;
}

void TestEodUi::refusedWhileACashBoxIsOpenThenRunToTheEnd()
{
    // teller1 takes a cash box of ¥5,000.00 from the vault and has not returned it.
    auto opened = cs::CashBoxService(*m_db).open(m_teller, cny(500'000), newId());
    CS_VERIFY_RESULT(opened);

    QPointer<EodDialog> dialog = openDialog();
    QVERIFY(dialog);
    const QDate closing = m_window->session().businessDate;
    QCOMPARE(child<QLabel>(m_window, u"businessDateLabel"_s)->text(),
             u"Business date: "_s + closing.toString(Qt::ISODate));
    QVERIFY(child<QLabel>(dialog, u"eodDateLabel"_s)->text().contains(closing.toString(Qt::ISODate)));

    // The open box is listed, Run is off, and Enter runs nothing.
    auto* list = child<QListWidget>(dialog, u"eodBlockersList"_s);
    QVERIFY(list->isVisible());
    QCOMPARE(dialog->blockers().size(), 1);
    QCOMPARE(dialog->blockers().constFirst().kind, u"cashbox"_s);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), dialog->blockers().constFirst().description);
    QVERIFY2(list->item(0)->text().contains(u"teller1"_s), qPrintable(list->item(0)->text()));
    QVERIFY(child<QLabel>(dialog, u"eodBlockersLabel"_s)->isVisible());
    QCOMPARE(child<QLabel>(dialog, u"eodBlockersLabel"_s)->text(), u"The day cannot close while these are open:"_s);
    QVERIFY(dialog->messageText().startsWith(u"End of day cannot start"_s));
    auto* run = child<QPushButton>(dialog, u"eodRunButton"_s);
    QVERIFY(!run->isEnabled());
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(!dialog->isRunning());
    QVERIFY(!dialog->result());
    QCOMPARE(m_window->session().businessDate, closing);

    // The teller counts exactly and returns the box; F5 checks again and the day may close.
    auto box = cs::CashBoxService(*m_db).current(m_teller);
    CS_VERIFY_RESULT(box);
    CS_VERIFY_RESULT(cs::CashBoxService(*m_db).close(m_teller, box->expected, newId()));
    QTest::keyClick(dialog, Qt::Key_F5);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY(!dialog->isBusy());
    QVERIFY(dialog->blockers().isEmpty());
    QVERIFY(!list->isVisible());
    QVERIFY(run->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), run);

    // Enter runs it on a worker thread: the dialog answers at once and ticks the steps off one by one.
    QTreeWidget* steps = dialog->stepsTree();
    QCOMPARE(steps->topLevelItemCount(), 10);
    QStringList ticked;
    connect(steps, &QTreeWidget::itemChanged, this, [&ticked](QTreeWidgetItem* item, int column) {
        if (column == 1 && item->text(1) != u"waiting"_s && !ticked.contains(item->text(0)))
            ticked.append(item->text(0));
    });
    QTest::keyClick(run, Qt::Key_Return);
    QVERIFY(dialog->isRunning());
    QVERIFY(!child<QPushButton>(dialog, u"eodCloseButton"_s)->isEnabled());
    // No way out half way: Esc does nothing while it runs.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(dialog && dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value() || !dialog->isRunning(), 60000);
    QVERIFY2(dialog->result().has_value(), qPrintable(dialog->messageText()));

    const cs::EodResult& result = *dialog->result();
    QCOMPARE(result.closedDate, closing);
    QCOMPARE(result.businessDate, closing.addDays(1));
    QCOMPARE(result.steps.size(), 10);
    QCOMPARE(ticked.size(), 10);
    for (int i = 0; i < steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = steps->topLevelItem(i);
        QCOMPARE(item->text(0), result.steps.at(i).label);
        QVERIFY2(item->text(1) == u"done"_s || item->text(1) == u"skipped"_s, qPrintable(item->text(1)));
    }
    auto* progress = child<QProgressBar>(dialog, u"eodProgressBar"_s);
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(dialog->messageText(), u"The business day %1 is closed. The new business date is %2."_s.arg(
                                        closing.toString(Qt::ISODate), closing.addDays(1).toString(Qt::ISODate)));

    // The status bar, the session and the Reports workspace's period follow the new date.
    QCOMPARE(child<QLabel>(m_window, u"businessDateLabel"_s)->text(),
             u"Business date: "_s + closing.addDays(1).toString(Qt::ISODate));
    QCOMPARE(m_window->session().businessDate, closing.addDays(1));
    auto* reports = qobject_cast<cs::ui::ReportsWorkspace*>(m_window->workspacePage(cs::ui::Workspace::Reports));
    QVERIFY(reports);
    QCOMPARE(child<QDateEdit>(reports, u"reportFromEdit"_s)->date(), closing.addDays(1));

    // Done: Run is off, Enter closes the dialog.
    QVERIFY(!run->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), child<QPushButton>(dialog, u"eodCloseButton"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
}

void TestEodUi::onlyTheSupervisorClosesTheDay()
{
    for (const QString& login : {u"teller1"_s, u"auditor1"_s}) {
        m_window = signInAs(login);
        QVERIFY(m_window);
        QVERIFY(!m_window->findChild<QAction*>(u"endOfDayAction"_s));
        activate();
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(50);
        QVERIFY(!m_window->findChild<EodDialog*>());
        QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    }
    m_window = signInAs(u"super1"_s);
    QVERIFY(m_window);
    auto* action = child<QAction>(m_window, u"endOfDayAction"_s);
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QVERIFY(child<QMenu>(m_window, u"fileMenu"_s)->actions().contains(action));
    // Behind the lock screen it is off.
    m_window->lock();
    QVERIFY(!action->isEnabled());
}

void TestEodUi::grabTo(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_UI_SHOTS");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
}

void TestEodUi::screenshots()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_UI_SHOTS"))
        QSKIP("COUNTERSIGN_UI_SHOTS names no folder");
    auto opened = cs::CashBoxService(*m_db).open(m_teller, cny(300'000), newId());
    CS_VERIFY_RESULT(opened);
    QPointer<EodDialog> dialog = openDialog();
    QVERIFY(dialog);
    QTest::qWait(50); // the layout follows the list of blockers
    grabTo(dialog, u"eod-blocked"_s);
    auto box = cs::CashBoxService(*m_db).current(m_teller);
    CS_VERIFY_RESULT(box);
    CS_VERIFY_RESULT(cs::CashBoxService(*m_db).close(m_teller, box->expected, newId()));
    QTest::keyClick(dialog, Qt::Key_F5);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY(!dialog->isBusy());
    QTest::keyClick(child<QPushButton>(dialog, u"eodRunButton"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    grabTo(dialog, u"eod-done"_s);
    grabTo(m_window, u"eod-window"_s);
}

QTEST_MAIN(TestEodUi)
#include "tst_eod_ui.moc"
