#pragma once

// What the widget tests share: finding widgets by object name, and a whole terminal on a fresh demo
// database, signed on through its real login screen as a person does it.

#include "services/demodata.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/terminalcontroller.h"
#include "support/demodb.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QTest>

#include <memory>
#include <optional>

namespace cs::test {

// The child of `parent` called `name`; null, with a warning that names it, when there is none.
template <typename T>
T* child(QObject* parent, const QString& name)
{
    T* found = parent ? parent->findChild<T*>(name) : nullptr;
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

// A test class that drives a terminal: the demo database is made once (initTestCase), a terminal on it
// is started before each test (init) and stopped after it (cleanup). Tests reach both through m_db and
// m_controller.
class TerminalTest : public QObject {
protected:
    // A migrated, demo-seeded SQLite database in a temporary folder. The screens show its file name and
    // the tests compare it, so the UI tests stay on SQLite whatever backend the storage tests are given.
    Status createDemoDatabase(DemoData::Content content = DemoData::Content::People)
    {
        qputenv("COUNTERSIGN_TEST_BACKEND", "sqlite");
        if (Status created = m_demo.create(content); !created)
            return created;
        m_db = m_demo.db();
        return {};
    }

    // As createDemoDatabase, but on the backend COUNTERSIGN_TEST_BACKEND names (SQLite when unset), for
    // a test registered once per backend that compares no database name.
    // `content`: Everything for accounts, the vault and past days of history (reports, end of day).
    Status createDemoDatabaseOnTestBackend(DemoData::Content content = DemoData::Content::People)
    {
        if (Status created = m_demo.create(content); !created)
            return created;
        m_db = m_demo.db();
        return {};
    }

    // The demo database, for assertions straight on its tables.
    DemoDb& demo() { return m_demo; }

    QString demoDatabasePath() const
    {
        const QString url = m_demo.url();
        return url.mid(url.indexOf(u':') + 1);
    }

    // A terminal on the demo database; true once its login screen is exposed.
    bool startTerminal(const QString& terminalId)
    {
        m_controller = std::make_unique<ui::TerminalController>(*m_db, terminalId);
        m_controller->start();
        return m_controller->loginDialog() && QTest::qWaitForWindowExposed(m_controller->loginDialog());
    }

    // The terminal and the windows it left for deferred deletion are gone.
    void stopTerminal()
    {
        m_controller.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // Types the login, Tab, the password and Enter into the login screen.
    void signIn(const QString& login, const QString& password)
    {
        ui::LoginDialog* dialog = m_controller->loginDialog();
        auto* loginEdit = child<QLineEdit>(dialog, u"loginEdit"_s);
        auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
        QVERIFY(loginEdit && passwordEdit);
        loginEdit->clear();
        passwordEdit->clear();
        QTest::keyClicks(loginEdit, login);
        QTest::keyClick(loginEdit, Qt::Key_Tab);
        QTest::keyClicks(passwordEdit, password);
        QTest::keyClick(passwordEdit, Qt::Key_Return);
    }

    // signIn(), then the main window once it is exposed; null, with the login screen's error as a
    // warning, when none comes.
    ui::MainWindow* signInAs(const QString& login, const QString& password = QString::fromUtf16(DemoData::password))
    {
        signIn(login, password);
        if (!QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }, 10000)) {
            qWarning("%s did not sign in: %s", qPrintable(login), qPrintable(m_controller->loginDialog()->errorText()));
            return nullptr;
        }
        ui::MainWindow* window = m_controller->mainWindow();
        if (!QTest::qWaitForWindowExposed(window))
            qWarning("main window not exposed");
        return window;
    }

private:
    DemoDb m_demo; // declared first, so the database outlives the terminal

protected:
    std::optional<Database> m_db;
    std::unique_ptr<ui::TerminalController> m_controller;
};

} // namespace cs::test
