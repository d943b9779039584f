// Who may do what: the permission table holds exactly the matrix below (the specification, written
// out independently of the migration), every service refuses the rest with a translated message, and
// each refusal is audited. On SQLite and PostgreSQL.
#include "security/permissions.h"
#include "services/settingsservice.h"
#include "services/staffservice.h"
#include "support/demodb.h"

using cs::test::DemoDb;

namespace {

const QMap<QString, QStringList>& expectedMatrix()
{
    static const QMap<QString, QStringList> m = {
        {u"teller"_s, {u"account.close"_s, u"account.freeze"_s, u"account.open"_s, u"account.reactivate"_s, u"account.read"_s,
                       u"account.unfreeze"_s, u"approval.cancel"_s, u"approval.read"_s, u"auth.change_password"_s,
                       u"auth.sign_on"_s, u"card.issue"_s, u"card.service"_s, u"cash.deposit"_s, u"cash.withdraw"_s,
                       u"cashbox.close"_s, u"cashbox.count"_s, u"cashbox.open"_s, u"cashbox.transfer"_s, u"customer.add"_s,
                       u"customer.edit"_s, u"customer.read"_s, u"deposit.place"_s, u"deposit.withdraw"_s, u"merchant.pay"_s,
                       u"merchant.read"_s, u"notice.read"_s, u"notice.subscribe"_s, u"report.own"_s, u"reversal.request"_s, u"transfer.enter"_s, u"transfer.read"_s}},
        {u"supervisor"_s, {u"account.dormancy_sweep"_s, u"account.read"_s, u"approval.decide"_s, u"approval.expire"_s,
                           u"approval.read"_s, u"audit.read"_s, u"auth.change_password"_s, u"auth.sign_on"_s,
                           u"clearing.acknowledge"_s, u"clearing.release"_s, u"customer.read"_s, u"eod.run"_s,
                           u"merchant.manage"_s, u"merchant.read"_s, u"notice.read"_s, u"report.read"_s, u"setting.read"_s,
                           u"transfer.read"_s}},
        {u"auditor"_s, {u"account.read"_s, u"approval.read"_s, u"audit.read"_s, u"audit.verify"_s,
                        u"auth.change_password"_s, u"auth.sign_on"_s, u"customer.read"_s, u"merchant.read"_s, u"notice.read"_s,
                        u"report.read"_s, u"setting.read"_s, u"transfer.read"_s}},
        {u"admin"_s, {u"audit.verify"_s, u"auth.change_password"_s, u"auth.sign_on"_s, u"merchant.manage"_s,
                      u"notice.manage"_s, u"notice.read"_s, u"notice.send"_s, u"product.manage"_s, u"setting.read"_s, u"setting.set"_s, u"staff.add"_s,
                      u"staff.change_role"_s, u"staff.disable"_s, u"staff.enable"_s, u"staff.read"_s,
                      u"staff.reset_password"_s, u"staff.unlock"_s}},
    };
    return m;
}

// Money moves, customer changes and the checker's decision: the actions that "start" business.
const QStringList customerTransactions = {u"cash.deposit"_s, u"cash.withdraw"_s, u"transfer.enter"_s,
                                          u"account.open"_s, u"customer.add"_s, u"card.issue"_s};

} // namespace

class TestPermissions : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;

    QStringList actionsOf(cs::Role role)
    {
        QStringList actions;
        const cs::Status read = m_db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto list = cs::Permissions::actionsFor(uow, role);
            if (!list)
                return cs::fail(list.error());
            actions = *list;
            return {};
        });
        return read ? actions : QStringList{u"<failed>"_s};
    }

private slots:
    void initTestCase() { CS_VERIFY_RESULT(m_db.create()); }
    void cleanupTestCase() { m_db.reset(); }

    void tableHoldsExactlyTheMatrix_data()
    {
        QTest::addColumn<cs::Role>("role");
        for (cs::Role role : {cs::Role::Teller, cs::Role::Supervisor, cs::Role::Auditor, cs::Role::Admin})
            QTest::newRow(qPrintable(cs::roleKey(role))) << role;
    }
    void tableHoldsExactlyTheMatrix()
    {
        QFETCH(cs::Role, role);
        QCOMPARE(actionsOf(role), expectedMatrix().value(cs::roleKey(role)));
    }

    void separationOfDuties()
    {
        // A checker-only user starts nothing; an auditor changes nothing; an admin posts nothing.
        for (const QString& action : customerTransactions) {
            QVERIFY(!actionsOf(cs::Role::Supervisor).contains(action));
            QVERIFY(!actionsOf(cs::Role::Admin).contains(action));
            QVERIFY(!actionsOf(cs::Role::Auditor).contains(action));
        }
        QVERIFY(!actionsOf(cs::Role::Teller).contains(u"approval.decide"_s));
        for (const QString& action : actionsOf(cs::Role::Auditor))
            QVERIFY2(action.endsWith(u".read"_s) || action == u"audit.verify"_s || action.startsWith(u"auth."_s),
                     qPrintable(action));
    }

    void requireRefusesWithATranslatedMessage()
    {
        const cs::Status status = m_db.db().transact([](cs::UnitOfWork& uow) {
            return cs::Permissions::require(uow, cs::Role::Teller, cs::action::staffAdd);
        });
        QVERIFY(!status);
        QCOMPARE(status.error().code, u"permission.denied"_s);
        QCOMPARE(status.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(status.error().message, u"A Teller may not add staff."_s);
    }

    // Each role through the real services: allowed exactly where its row says, refused (and audited) elsewhere.
    void servicesFollowTheTable_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("mayManageStaff");
        QTest::addColumn<bool>("mayReadSettings");
        QTest::addColumn<bool>("maySetSettings");
        QTest::newRow("teller") << u"teller1"_s << false << false << false;
        QTest::newRow("supervisor") << u"super1"_s << false << true << false;
        QTest::newRow("auditor") << u"auditor1"_s << false << true << false;
        QTest::newRow("admin") << u"admin"_s << true << true << true;
    }
    void servicesFollowTheTable()
    {
        QFETCH(QString, login);
        QFETCH(bool, mayManageStaff);
        QFETCH(bool, mayReadSettings);
        QFETCH(bool, maySetSettings);
        auto session = m_db.signOn(login);
        CS_VERIFY_RESULT(session);
        const qint64 refusedBefore = m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE outcome = 'refused'"_s);

        const cs::StaffService staff(m_db.db());
        const auto list = staff.list(*session);
        QCOMPARE(bool(list), mayManageStaff);
        const auto added = staff.add(*session, {u"perm_"_s + login, u"Test Person"_s, cs::Role::Teller, u"0001"_s,
                                                u"Initial-pass-42"_s, {}});
        QCOMPARE(bool(added), mayManageStaff);
        if (!added) {
            QCOMPARE(added.error().code, u"permission.denied"_s);
            QVERIFY(added.error().message.startsWith(u"A "_s + cs::roleDisplayName(session->role) + u" may not"_s));
        }
        const cs::SettingsService settings(m_db.db());
        QCOMPARE(bool(settings.list(*session)), mayReadSettings);
        const cs::Status set = settings.set(*session, u"security.idle_lock_minutes"_s, u"7"_s);
        QCOMPARE(bool(set), maySetSettings);
        if (!set)
            QCOMPARE(set.error().code, u"permission.denied"_s);

        // Reads refused are not state changes; the two refused changes are on record.
        const qint64 refusedAfter = m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE outcome = 'refused'"_s);
        QCOMPARE(refusedAfter - refusedBefore, mayManageStaff ? 0 : (maySetSettings ? 1 : 2));
        if (!mayManageStaff)
            QCOMPARE(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE outcome = 'refused' AND action = 'staff.add' "
                                "AND detail = 'permission.denied' AND login = '%1'"_s.arg(login)),
                     1);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
