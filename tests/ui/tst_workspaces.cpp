// The role -> workspaces table and the language choice, without any window.

#include "domain/role.h"
#include "i18n/translations.h"
#include "shell/workspaces.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using cs::Role;
using cs::ui::Workspace;

namespace {
const QList<Workspace> kAll{Workspace::Counter, Workspace::Transfers, Workspace::Approvals,
                            Workspace::CashBox, Workspace::Administration, Workspace::Reports};
}

class TestWorkspaces : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { cs::ui::installTranslations(*QCoreApplication::instance(), u"en"_s); }

    void workspacesFollowTheRole_data();
    void workspacesFollowTheRole();
    void everyWorkspaceHasKeyTitleAndDescription();
    void resolveLanguage_data();
    void resolveLanguage();
    void chineseTitles();
};

void TestWorkspaces::workspacesFollowTheRole_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QList<Workspace>>("expected");
    QTest::newRow("teller") << Role::Teller
                            << QList<Workspace>{Workspace::Counter, Workspace::Transfers, Workspace::CashBox,
                                                Workspace::Reports};
    // Supervisors and auditors look at the Counter; the cash box is the teller's own.
    QTest::newRow("supervisor") << Role::Supervisor
                                << QList<Workspace>{Workspace::Counter, Workspace::Transfers, Workspace::Approvals,
                                                    Workspace::Reports};
    QTest::newRow("auditor") << Role::Auditor << QList<Workspace>{Workspace::Counter, Workspace::Reports};
    QTest::newRow("admin") << Role::Admin << QList<Workspace>{Workspace::Administration, Workspace::Reports};
}

void TestWorkspaces::workspacesFollowTheRole()
{
    QFETCH(Role, role);
    QFETCH(QList<Workspace>, expected);
    QCOMPARE(cs::ui::workspacesFor(role), expected);
}

void TestWorkspaces::everyWorkspaceHasKeyTitleAndDescription()
{
    QSet<QString> keys;
    for (const Workspace workspace : kAll) {
        const QString key = cs::ui::workspaceKey(workspace);
        QVERIFY(!key.isEmpty());
        QCOMPARE(key, key.toLower());
        keys.insert(key);
        QVERIFY(!cs::ui::workspaceTitle(workspace).isEmpty());
        QVERIFY(!cs::ui::workspaceDescription(workspace).isEmpty());
    }
    QCOMPARE(keys.size(), kAll.size());
    QCOMPARE(cs::ui::workspaceKey(Workspace::CashBox), u"cashbox"_s);
    QCOMPARE(cs::ui::workspaceTitle(Workspace::CashBox), u"Cash box"_s);
}

void TestWorkspaces::resolveLanguage_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("zh") << u"zh"_s << u"zh_CN"_s;
    QTest::newRow("en") << u"en"_s << u"en"_s;
    QTest::newRow("en_GB") << u"en_GB"_s << u"en"_s;
    QTest::newRow("fr falls back to en") << u"fr"_s << u"en"_s;
}

void TestWorkspaces::resolveLanguage()
{
    QFETCH(QString, requested);
    QFETCH(QString, chosen);
    QCOMPARE(cs::ui::resolveLanguage(requested), chosen);
}

void TestWorkspaces::chineseTitles()
{
    QCOMPARE(cs::ui::installTranslations(*QCoreApplication::instance(), u"zh_CN"_s), u"zh_CN"_s);
    QCOMPARE(QLocale().name(), u"zh_CN"_s);
    QStringList titles;
    for (const Workspace workspace : kAll)
        titles.append(cs::ui::workspaceTitle(workspace));
    QCOMPARE(titles, (QStringList{u"柜面"_s, u"转账"_s, u"审批"_s, u"尾箱"_s, u"系统管理"_s, u"报表"_s}));
    QCOMPARE(cs::roleDisplayName(Role::Auditor), u"稽核员"_s);

    QCOMPARE(cs::ui::installTranslations(*QCoreApplication::instance(), u"en"_s), u"en"_s);
    QCOMPARE(cs::ui::workspaceTitle(Workspace::Counter), u"Counter"_s);
    QCOMPARE(QLocale().name(), u"en_US"_s);
}

QTEST_GUILESS_MAIN(TestWorkspaces)
#include "tst_workspaces.moc"
