// Maker-checker (DESIGN rule 6, DOMAIN maker-checker) on SQLite and PostgreSQL: a teller's cash
// withdrawal above the limit waits with its amount held; the maker never decides it, not even after
// becoming a supervisor (the service refuses, and the database CHECK refuses a raw UPDATE); another
// supervisor approves and the money moves once; rejection, cancellation and expiry give the hold back;
// one pending approval per entity and action; blind re-key; authority; a checker-only user cannot
// submit; two checkers at once move the money once; reversal and freeze under approval; PostgreSQL
// NOTIFY on commit; the queue's list, count and detail.
#include "approvals/approvalservice.h"
#include "money/amountformat.h"
#include "services/reversalservice.h"
#include "services/staffservice.h"
#include "support/approvals.h"
#include "support/cashfixture.h"

#include <QJsonDocument>
#include <QSignalSpy>

#include <thread>
#include <QSqlDriver>
#include <QSqlError>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
} // namespace

class TestApprovals : public QObject {
    Q_OBJECT

private:
    CashFixture f;
    std::optional<cs::Session> m_super1;
    std::optional<cs::Session> m_super2;
    std::optional<cs::Session> m_admin;
    QString m_account; // Zhang's Class I
    qint64 m_box = 0;  // teller1's cash box

    cs::ApprovalService service() { return cs::ApprovalService(f.db.db()); }
    static QString id() { return CashFixture::newId(); }

    qint64 held() { return f.db.count(u"SELECT held FROM accounts WHERE number = '%1'"_s.arg(m_account)); }
    qint64 balance() { return f.balance(m_account); }
    QString stateOf(qint64 approval)
    {
        return f.db.scalar(u"SELECT state FROM approvals WHERE id = %1"_s.arg(approval)).toString();
    }
    qint64 activeHolds(qint64 approval)
    {
        return f.db.count(u"SELECT COUNT(*) FROM holds WHERE approval_id = %1 AND state = 'active'"_s.arg(approval));
    }
    QJsonObject lastAudit(const QString& action, const QString& column)
    {
        return QJsonDocument::fromJson(
                   f.db.scalar(u"SELECT %1 FROM audit_log WHERE action = '%2' ORDER BY id DESC"_s.arg(column, action))
                       .toString()
                       .toUtf8())
            .object();
    }
    // A withdrawal above the teller's limit: it waits. Answers the approval's id.
    qint64 waitingWithdrawal(qint64 minor, const QString& requestId = {})
    {
        const auto r = f.withdraw(m_account, minor, requestId);
        if (!r) {
            qWarning() << r.error().code << r.error().message;
            return 0;
        }
        return r->state == u"pending"_s ? r->approvalId : -1;
    }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        // Due diligence is another test's subject: the large-value threshold is moved out of the way.
        CS_VERIFY_RESULT(f.setSetting(u"aml.cash_large_value"_s, 0));
        CS_VERIFY_RESULT(f.fundVault(100'000'000));
        auto one = f.classI(zhang);
        CS_VERIFY_RESULT(one);
        m_account = *one;
        auto box = f.openBox(30'000'000); // ¥300,000 from the vault
        CS_VERIFY_RESULT(box);
        m_box = box->accountId;
        CS_VERIFY_RESULT(f.deposit(m_account, 40'000'000)); // ¥400,000
        for (auto [login, terminal, session] : {std::tuple{u"super1"_s, u"S01"_s, &m_super1},
                                                 std::tuple{u"super2"_s, u"S02"_s, &m_super2},
                                                 std::tuple{u"admin"_s, u"A01"_s, &m_admin}}) {
            auto s = f.db.signOn(login, QString::fromUtf16(DemoDb::password), terminal);
            CS_VERIFY_RESULT(s);
            *session = *s;
        }
    }
    void cleanupTestCase() { f.db.reset(); }

    void aWithdrawalAboveTheLimitWaitsWithItsAmountHeld()
    {
        const qint64 balanceBefore = balance();
        const qint64 boxBefore = f.balanceOf(m_box);
        const qint64 txns = f.journalTxns();
        const auto r = f.withdraw(m_account, 6'000'000, u"ap-wd-1"_s); // ¥60,000 > ¥50,000
        CS_VERIFY_RESULT(r);
        QCOMPARE(r->state, u"pending"_s);
        QVERIFY(r->approvalId > 0);
        QCOMPARE(r->txnId, 0);
        QCOMPARE(r->balanceAfter, cny(balanceBefore));
        QCOMPARE(balance(), balanceBefore);
        QCOMPARE(held(), 6'000'000);
        QCOMPARE(f.balanceOf(m_box), boxBefore);
        QCOMPARE(f.journalTxns(), txns);
        auto view = cs::AccountService(f.db.db()).show(*f.teller, m_account);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->available, cny(balanceBefore - 6'000'000));
        QCOMPARE(f.db.scalar(u"SELECT action || '|' || entity_type || '|' || entity_id || '|' || amount_minor || '|' || "
                             "currency || '|' || state || '|' || maker_terminal || '|' || request_id FROM approvals "
                             "WHERE id = %1"_s.arg(r->approvalId))
                     .toString(),
                 u"cash.withdraw|account|%1|6000000|CNY|pending|T01|ap-wd-1"_s.arg(m_account));
        QCOMPARE(f.db.count(u"SELECT maker_id FROM approvals WHERE id = %1"_s.arg(r->approvalId)), f.teller->staffId);
        QCOMPARE(f.db.scalar(u"SELECT business_date FROM approvals WHERE id = %1"_s.arg(r->approvalId)).toString().left(10),
                 f.teller->businessDate.toString(Qt::ISODate));
        QCOMPARE(activeHolds(r->approvalId), 1);
        // The same request again: the same pending answer, nothing more held.
        const auto again = f.withdraw(m_account, 6'000'000, u"ap-wd-1"_s);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->approvalId, r->approvalId);
        QCOMPARE(held(), 6'000'000);
        // The detail: the checker re-keys blind (¥60,000 >= approvals.blind_rekey_min ¥50,000).
        auto detail = service().show(*m_super1, r->approvalId);
        CS_VERIFY_RESULT(detail);
        QVERIFY(detail->rekeyRequired);
        QVERIFY(detail->canDecide);
        QVERIFY(!detail->canCancel);
        QCOMPARE(detail->approval.makerLogin, u"teller1"_s);
        bool sawAmount = false;
        for (const cs::ApprovalField& field : std::as_const(detail->fields)) {
            if (field.key == u"amount"_s) {
                sawAmount = true;
                QCOMPARE(field.newValue, cs::formatAmount(cny(6'000'000)));
            }
            if (field.key == u"balance"_s)
                QCOMPARE(field.oldValue, cs::formatAmount(cny(balanceBefore)));
        }
        QVERIFY(sawAmount);
        auto mine = service().show(*f.teller, r->approvalId);
        CS_VERIFY_RESULT(mine);
        QVERIFY(!mine->canDecide);
        QVERIFY(mine->canCancel);
    }

    void theMakerNeverDecidesNotEvenAsSupervisor()
    {
        const qint64 approval = f.db.count(u"SELECT id FROM approvals WHERE request_id = 'ap-wd-1'"_s);
        // A teller has no approval.decide at all.
        CS_EXPECT_ERROR(service().approve(*f.teller, approval, cny(6'000'000), id()), "permission.denied",
                        cs::ErrorKind::Refused, "");
        // The administrator makes teller1 a supervisor; signed on again, teller1 still may not decide.
        const cs::StaffService staff(f.db.db());
        CS_VERIFY_RESULT(staff.changeRole(*m_admin, f.teller->staffId, cs::Role::Supervisor));
        auto promoted = f.db.signOn(u"teller1"_s, QString::fromUtf16(DemoDb::password), u"T01"_s);
        CS_VERIFY_RESULT(promoted);
        QCOMPARE(promoted->role, cs::Role::Supervisor);
        const qint64 refused = f.audits(u"approval.decide"_s, u"refused"_s);
        CS_EXPECT_ERROR(service().approve(*promoted, approval, cny(6'000'000), id()), "approval.own",
                        cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service().reject(*promoted, approval, u"mine"_s, id()), "approval.own", cs::ErrorKind::Refused, "");
        QCOMPARE(f.audits(u"approval.decide"_s, u"refused"_s), refused + 2);
        auto detail = service().show(*promoted, approval);
        CS_VERIFY_RESULT(detail);
        QVERIFY(!detail->canDecide);
        CS_VERIFY_RESULT(staff.changeRole(*m_admin, f.teller->staffId, cs::Role::Teller));

        // Bypassing the service: the database refuses a decision by the maker.
        auto conn = f.db.db().connection();
        CS_VERIFY_RESULT(conn);
        QSqlQuery raw(*conn);
        const bool updated = raw.exec(u"UPDATE approvals SET state = 'approved', checker_id = maker_id, "
                                      "checker_terminal = 'T01', decided_at = '%1' WHERE id = %2"_s
                                          .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                                          .arg(approval));
        QVERIFY(!updated);
        QVERIFY2(raw.lastError().text().contains(u"approvals_checker_not_maker"_s), qPrintable(raw.lastError().text()));
        QCOMPARE(stateOf(approval), u"pending"_s);
        QCOMPARE(held(), 6'000'000);
    }

    void blindRekeyMissingOrWrongRefusesAndLeavesItPending()
    {
        const qint64 approval = f.db.count(u"SELECT id FROM approvals WHERE request_id = 'ap-wd-1'"_s);
        const qint64 balanceBefore = balance();
        const qint64 refused = f.audits(u"approval.decide"_s, u"refused"_s);
        CS_EXPECT_ERROR(service().approve(*m_super1, approval, std::nullopt, id()), "approval.rekey_required",
                        cs::ErrorKind::Refused, "amount");
        CS_EXPECT_ERROR(service().approve(*m_super1, approval, cny(5'999'999), id()), "approval.rekey_mismatch",
                        cs::ErrorKind::Refused, "amount");
        QCOMPARE(f.audits(u"approval.decide"_s, u"refused"_s), refused + 2);
        QCOMPARE(f.db.scalar(u"SELECT detail FROM audit_log WHERE action = 'approval.decide' ORDER BY id DESC"_s).toString(),
                 u"approval.rekey_mismatch"_s);
        QCOMPARE(stateOf(approval), u"pending"_s);
        QCOMPARE(balance(), balanceBefore);
        QCOMPARE(held(), 6'000'000);
    }

    void anotherSupervisorApprovesAndTheMoneyMovesOnce()
    {
        const qint64 approval = f.db.count(u"SELECT id FROM approvals WHERE request_id = 'ap-wd-1'"_s);
        const qint64 balanceBefore = balance();
        const qint64 boxBefore = f.balanceOf(m_box);
        const qint64 txns = f.journalTxns();
        const auto decided = service().approve(*m_super1, approval, cny(6'000'000), u"ap-decide-1"_s);
        CS_VERIFY_RESULT(decided);
        QCOMPARE(decided->approvalId, approval);
        QCOMPARE(decided->state, u"approved"_s);
        QVERIFY(!decided->replayed);
        const qint64 txn = decided->result.value(u"txn_id"_s).toInteger();
        QVERIFY(txn > 0);
        QCOMPARE(decided->result.value(u"amount"_s).toString(), u"60000.00"_s);
        QCOMPARE(decided->result.value(u"balance"_s).toString(), cs::formatAmount(cny(balanceBefore - 6'000'000),
                                                                                  {.grouping = false, .withCode = false}));
        QCOMPARE(balance(), balanceBefore - 6'000'000);
        QCOMPARE(held(), 0);
        QCOMPARE(f.balanceOf(m_box), boxBefore - 6'000'000);
        QCOMPARE(f.journalTxns(), txns + 1);
        // Posted through the maker's cash box, in the maker's name, under the approval; the hold consumed.
        QCOMPARE(f.db.scalar(u"SELECT kind || '|' || staff_id || '|' || approval_id || '|' || request_id FROM journal_txns "
                             "WHERE id = %1"_s.arg(txn))
                     .toString(),
                 u"cash_withdrawal|%1|%2|ap-wd-1"_s.arg(f.teller->staffId).arg(approval));
        QCOMPARE(f.db.count(u"SELECT consumed_txn_id FROM holds WHERE approval_id = %1 AND state = 'consumed'"_s.arg(approval)),
                 txn);
        QCOMPARE(f.db.scalar(u"SELECT state || '|' || checker_terminal FROM approvals WHERE id = %1"_s.arg(approval)).toString(),
                 u"approved|S01"_s);
        QCOMPARE(f.db.count(u"SELECT checker_id FROM approvals WHERE id = %1"_s.arg(approval)), m_super1->staffId);
        QVERIFY(!f.db.scalar(u"SELECT decided_at FROM approvals WHERE id = %1"_s.arg(approval)).isNull());
        // The audit: maker and checker with both times.
        const QJsonObject after = lastAudit(u"approval.decide"_s, u"after_value"_s);
        QCOMPARE(after.value(u"maker"_s).toString(), u"teller1"_s);
        QCOMPARE(after.value(u"checker"_s).toString(), u"super1"_s);
        QCOMPARE(after.value(u"state"_s).toString(), u"approved"_s);
        QVERIFY(!after.value(u"made_at"_s).toString().isEmpty());
        QVERIFY(!after.value(u"decided_at"_s).toString().isEmpty());
        const QJsonObject before = lastAudit(u"approval.decide"_s, u"before_value"_s);
        QCOMPARE(before.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(before.value(u"maker"_s).toString(), u"teller1"_s);

        // The same decision again: the first answer, nothing moves.
        const auto replay = service().approve(*m_super1, approval, cny(6'000'000), u"ap-decide-1"_s);
        CS_VERIFY_RESULT(replay);
        QVERIFY(replay->replayed);
        QCOMPARE(replay->result.value(u"txn_id"_s).toInteger(), txn);
        // Another decision on it: no longer pending.
        CS_EXPECT_ERROR(service().approve(*m_super2, approval, cny(6'000'000), id()), "approval.not_pending",
                        cs::ErrorKind::Refused, "id");
        QCOMPARE(balance(), balanceBefore - 6'000'000);
        QCOMPARE(f.journalTxns(), txns + 1);
        // The maker's own request id again still answers the pending receipt it first answered.
        const auto makerAgain = f.withdraw(m_account, 6'000'000, u"ap-wd-1"_s);
        CS_VERIFY_RESULT(makerAgain);
        QVERIFY(makerAgain->replayed);
        QCOMPARE(balance(), balanceBefore - 6'000'000);
    }

    void rejectionNeedsAReasonAndGivesTheHoldBack()
    {
        const qint64 approval = waitingWithdrawal(5'500'000);
        QVERIFY(approval > 0);
        const qint64 balanceBefore = balance();
        QCOMPARE(held(), 5'500'000);
        CS_EXPECT_ERROR(service().reject(*m_super1, approval, u"   "_s, id()), "approval.reason_required",
                        cs::ErrorKind::Invalid, "reason");
        QCOMPARE(stateOf(approval), u"pending"_s);
        const auto rejected = service().reject(*m_super1, approval, u"  signature does not match  "_s, id());
        CS_VERIFY_RESULT(rejected);
        QCOMPARE(rejected->state, u"rejected"_s);
        QCOMPARE(f.db.scalar(u"SELECT state || '|' || reason FROM approvals WHERE id = %1"_s.arg(approval)).toString(),
                 u"rejected|signature does not match"_s);
        QCOMPARE(held(), 0);
        QCOMPARE(activeHolds(approval), 0);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM holds WHERE approval_id = %1 AND state = 'released'"_s.arg(approval)), 1);
        QCOMPARE(balance(), balanceBefore);
        QCOMPARE(lastAudit(u"approval.decide"_s, u"after_value"_s).value(u"reason"_s).toString(),
                 u"signature does not match"_s);
        CS_EXPECT_ERROR(service().approve(*m_super2, approval, cny(5'500'000), id()), "approval.not_pending",
                        cs::ErrorKind::Refused, "id");
    }

    void onePendingApprovalPerEntityAndAction()
    {
        const qint64 first = waitingWithdrawal(5'100'000);
        QVERIFY(first > 0);
        const qint64 refused = f.audits(u"cash.withdraw"_s, u"refused"_s);
        CS_EXPECT_ERROR(f.withdraw(m_account, 5'200'000), "approval.duplicate", cs::ErrorKind::Refused, "");
        QCOMPARE(f.audits(u"cash.withdraw"_s, u"refused"_s), refused + 1);
        QCOMPARE(held(), 5'100'000);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM approvals WHERE entity_id = '%1' AND action = 'cash.withdraw' AND "
                            "state = 'pending'"_s.arg(m_account)),
                 1);
        // Bypassing the service: the database's partial unique index refuses a second pending row.
        auto conn = f.db.db().connection();
        CS_VERIFY_RESULT(conn);
        QSqlQuery raw(*conn);
        QVERIFY(!raw.exec(u"INSERT INTO approvals (branch_id, business_date, action, entity_type, entity_id, payload, "
                          "request_id, maker_id, maker_terminal, created_at, state) SELECT branch_id, business_date, action, "
                          "entity_type, entity_id, payload, 'raw-duplicate', maker_id, maker_terminal, created_at, 'pending' "
                          "FROM approvals WHERE id = %1"_s.arg(first)));
        QVERIFY2(raw.lastError().text().contains(u"approvals_one_pending_per_entity"_s)
                     || raw.lastError().text().contains(u"approvals.entity_type"_s),
                 qPrintable(raw.lastError().text()));
        // The maker alone may cancel it: another teller may not, a supervisor has no approval.cancel.
        CS_EXPECT_ERROR(service().cancel(*f.teller2, first, id()), "approval.not_maker", cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service().cancel(*m_super1, first, id()), "permission.denied", cs::ErrorKind::Refused, "");
        const auto cancelled = service().cancel(*f.teller, first, id());
        CS_VERIFY_RESULT(cancelled);
        QCOMPARE(cancelled->state, u"cancelled"_s);
        QCOMPARE(held(), 0);
        QCOMPARE(f.db.scalar(u"SELECT checker_id FROM approvals WHERE id = %1"_s.arg(first)).isNull(), true);
    }

    void theRulesAreAskedAgainAtExecution()
    {
        const qint64 approval = waitingWithdrawal(5'300'000);
        QVERIFY(approval > 0);
        // Frozen meanwhile (under approval too): the withdrawal cannot be paid and stays pending.
        CS_VERIFY_RESULT(settled(f.db.db(), cs::AccountService(f.db.db())
                                                .freeze(*f.teller, m_account, cs::FreezeMode::Debit, u"judicial"_s,
                                                        u"court order 9"_s)));
        CS_EXPECT_ERROR(service().approve(*m_super2, approval, cny(5'300'000), id()), "posting.account_frozen",
                        cs::ErrorKind::Refused, "account");
        QCOMPARE(stateOf(approval), u"pending"_s);
        QCOMPARE(held(), 5'300'000);
        CS_VERIFY_RESULT(settled(f.db.db(), cs::AccountService(f.db.db()).unfreeze(*f.teller, m_account, u"lifted"_s)));
        const qint64 balanceBefore = balance();
        CS_VERIFY_RESULT(service().approve(*m_super2, approval, cny(5'300'000), id()));
        QCOMPARE(balance(), balanceBefore - 5'300'000);
        QCOMPARE(held(), 0);
    }

    void theCheckersAuthorityHasALimit()
    {
        CS_VERIFY_RESULT(f.setSetting(u"limits.supervisor_approve_max"_s, 5'400'000));
        const qint64 approval = waitingWithdrawal(5'400'001);
        QVERIFY(approval > 0);
        CS_EXPECT_ERROR(service().approve(*m_super1, approval, cny(5'400'001), id()), "approval.authority",
                        cs::ErrorKind::Refused, "amount");
        auto detail = service().show(*m_super1, approval);
        CS_VERIFY_RESULT(detail);
        QVERIFY(!detail->canDecide);
        QCOMPARE(stateOf(approval), u"pending"_s);
        CS_VERIFY_RESULT(f.setSetting(u"limits.supervisor_approve_max"_s, 5'400'001));
        CS_VERIFY_RESULT(service().approve(*m_super1, approval, cny(5'400'001), id()));
        QCOMPARE(stateOf(approval), u"approved"_s);
        CS_VERIFY_RESULT(f.setSetting(u"limits.supervisor_approve_max"_s, 100'000'000));
    }

    void twoCheckersAtOnceMoveTheMoneyOnce()
    {
        const qint64 approval = waitingWithdrawal(5'060'000);
        QVERIFY(approval > 0);
        const qint64 balanceBefore = balance();
        const qint64 txns = f.journalTxns();
        std::optional<cs::Result<cs::ApprovalDecision>> first;
        std::optional<cs::Result<cs::ApprovalDecision>> second;
        const cs::Database db = f.db.db();
        // Each thread has its own connection; closed before the thread ends.
        std::thread a([&] {
            first = cs::ApprovalService(db).approve(*m_super1, approval, cny(5'060'000), id());
            db.closeThreadConnection();
        });
        std::thread b([&] {
            second = cs::ApprovalService(db).approve(*m_super2, approval, cny(5'060'000), id());
            db.closeThreadConnection();
        });
        a.join();
        b.join();
        QVERIFY(first && second);
        QCOMPARE(int(first->has_value()) + int(second->has_value()), 1);
        const auto& loser = first->has_value() ? *second : *first;
        QCOMPARE(loser.error().code, u"approval.not_pending"_s);
        QCOMPARE(balance(), balanceBefore - 5'060'000);
        QCOMPARE(f.journalTxns(), txns + 1);
        QCOMPARE(held(), 0);
        QCOMPARE(stateOf(approval), u"approved"_s);
    }

    void aCheckerOnlyUserCannotStartAnAction()
    {
        const cs::Status submitted = f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto r = cs::ApprovalService::submit(uow, *m_super1,
                                                 {u"account.freeze"_s, u"account"_s, m_account,
                                                  cs::accountCommandPayload({cs::AccountCommand::Freeze, m_account,
                                                                             cs::FreezeMode::Full, u"bank"_s, u"x"_s}),
                                                  std::nullopt, id()});
            if (!r)
                return cs::fail(r.error());
            return {};
        });
        CS_EXPECT_ERROR(submitted, "approval.maker_role", cs::ErrorKind::Refused, "");
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM approvals WHERE maker_id = %1"_s.arg(m_super1->staffId)), 0);
        // And through the services: a supervisor has no teller command to start.
        CS_EXPECT_ERROR(cs::AccountService(f.db.db()).freeze(*m_super1, m_account, cs::FreezeMode::Full, u"bank"_s, u"x"_s),
                        "permission.denied", cs::ErrorKind::Refused, "");
    }

    void expiryAtDayEndGivesHoldsBack()
    {
        const qint64 approval = waitingWithdrawal(5'050'000);
        QVERIFY(approval > 0);
        auto pending = service().pendingCount(*m_super1, m_super1->branchId);
        CS_VERIFY_RESULT(pending);
        QCOMPARE(*pending, 1);
        CS_EXPECT_ERROR(service().expire(*f.teller, f.teller->branchId, f.teller->businessDate), "permission.denied",
                        cs::ErrorKind::Refused, "");
        CS_EXPECT_ERROR(service().expire(*m_super1, m_super1->branchId + 1000, m_super1->businessDate),
                        "approval.other_branch", cs::ErrorKind::Refused, "branch");
        QCOMPARE(stateOf(approval), u"pending"_s);
        const auto expired = service().expire(*m_super1, m_super1->branchId, m_super1->businessDate);
        CS_VERIFY_RESULT(expired);
        QCOMPARE(*expired, 1);
        QCOMPARE(f.db.scalar(u"SELECT state FROM approvals WHERE id = %1"_s.arg(approval)).toString(), u"expired"_s);
        QVERIFY(!f.db.scalar(u"SELECT reason FROM approvals WHERE id = %1"_s.arg(approval)).toString().isEmpty());
        QCOMPARE(held(), 0);
        QCOMPARE(activeHolds(approval), 0);
        pending = service().pendingCount(*m_super1, m_super1->branchId);
        CS_VERIFY_RESULT(pending);
        QCOMPARE(*pending, 0);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'approval.expire' AND entity_type = 'approval' "
                            "AND entity_id = '%1'"_s.arg(approval)),
                 1);
        const auto none = service().expire(*m_super1, m_super1->branchId, m_super1->businessDate);
        CS_VERIFY_RESULT(none);
        QCOMPARE(*none, 0);
    }

    void aReversalWaitsAndTheCheckerExecutesIt()
    {
        const auto deposit = f.deposit(m_account, 12'345);
        CS_VERIFY_RESULT(deposit);
        const qint64 balanceBefore = balance();
        const cs::ReversalService reversals(f.db.db());
        const auto asked = reversals.reverse(*f.teller, deposit->txnId, u"wrong account"_s, u"ap-rv-1"_s);
        CS_VERIFY_RESULT(asked);
        QCOMPARE(asked->state, u"pending"_s);
        QCOMPARE(asked->reversalTxnId, 0);
        QCOMPARE(balance(), balanceBefore);
        // Asked twice: the same entity and action already wait.
        CS_EXPECT_ERROR(reversals.reverse(*f.teller2, deposit->txnId, u"again"_s, id()), "approval.duplicate",
                        cs::ErrorKind::Refused, "");
        auto detail = service().show(*m_super2, asked->approvalId);
        CS_VERIFY_RESULT(detail);
        QVERIFY(!detail->rekeyRequired);
        const auto decided = service().approve(*m_super2, asked->approvalId, std::nullopt, id());
        CS_VERIFY_RESULT(decided);
        QCOMPARE(decided->state, u"approved"_s);
        const qint64 reversal = decided->result.value(u"txn_id"_s).toInteger();
        QVERIFY(reversal > deposit->txnId);
        QCOMPARE(decided->result.value(u"original_txn_id"_s).toInteger(), deposit->txnId);
        QCOMPARE(balance(), balanceBefore - 12'345);
        QCOMPARE(f.db.scalar(u"SELECT kind || '|' || reverses_txn_id || '|' || approval_id || '|' || staff_id || '|' || "
                             "request_id FROM journal_txns WHERE id = %1"_s.arg(reversal))
                     .toString(),
                 u"reversal|%1|%2|%3|ap-rv-1"_s.arg(deposit->txnId).arg(asked->approvalId).arg(m_super2->staffId));
    }

    void aFreezeWaitsAndShowsOldAndNewState()
    {
        const cs::AccountService accounts(f.db.db());
        const auto asked = accounts.freeze(*f.teller, m_account, cs::FreezeMode::Full, u"aml"_s, u"review"_s, id());
        CS_VERIFY_RESULT(asked);
        QVERIFY(asked->pending());
        QCOMPARE(asked->state, u"normal"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(m_account)).toString(), u"normal"_s);
        CS_EXPECT_ERROR(accounts.freeze(*f.teller2, m_account, cs::FreezeMode::Debit, u"bank"_s, u"again"_s, id()),
                        "approval.duplicate", cs::ErrorKind::Refused, "");
        auto detail = service().show(*m_super1, asked->approvalId);
        CS_VERIFY_RESULT(detail);
        bool sawState = false;
        for (const cs::ApprovalField& field : std::as_const(detail->fields)) {
            if (field.key == u"state"_s) {
                sawState = true;
                QCOMPARE(field.oldValue, u"normal"_s);
                QCOMPARE(field.newValue, u"frozen (in full)"_s);
            }
        }
        QVERIFY(sawState);
        const auto decided = service().approve(*m_super1, asked->approvalId, std::nullopt, id());
        CS_VERIFY_RESULT(decided);
        QCOMPARE(decided->result.value(u"state"_s).toString(), u"frozen"_s);
        QCOMPARE(f.db.scalar(u"SELECT state || '|' || freeze_mode FROM accounts WHERE number = '%1'"_s.arg(m_account))
                     .toString(),
                 u"frozen|full"_s);
        // The freeze's own audit record (old and new), by the checker, beside the approval's.
        const QJsonObject after = lastAudit(u"account.freeze"_s, u"after_value"_s);
        QCOMPARE(after.value(u"state"_s).toString(), u"frozen"_s);
        QCOMPARE(after.value(u"freeze_mode"_s).toString(), u"full"_s);
        // Lifted at once when the setting says no checker is needed.
        CS_VERIFY_RESULT(f.setSetting(u"approvals.required.account_unfreeze"_s, 0));
        const auto lifted = accounts.unfreeze(*f.teller, m_account, u"review done"_s, id());
        CS_VERIFY_RESULT(lifted);
        QVERIFY(!lifted->pending());
        QCOMPARE(lifted->state, u"normal"_s);
        CS_VERIFY_RESULT(f.setSetting(u"approvals.required.account_unfreeze"_s, 1));
    }

    void theQueueListsCountsAndPages()
    {
        // Three waiting: a withdrawal and two closures' worth of freezes on other accounts.
        QVERIFY(waitingWithdrawal(5'000'100) > 0);
        QStringList others;
        for (const QString& product : {u"td1y"_s, u"td2y"_s}) {
            auto opened = f.open(zhang, product);
            CS_VERIFY_RESULT(opened);
            others << *opened;
            auto asked = cs::AccountService(f.db.db()).close(*f.teller, *opened, u"customer asked"_s, id());
            CS_VERIFY_RESULT(asked);
            QVERIFY(asked->pending());
        }
        cs::ApprovalFilter filter;
        auto count = service().count(*m_super1, filter);
        CS_VERIFY_RESULT(count);
        QCOMPARE(*count, 3);
        filter.action = u"account.close"_s;
        count = service().count(*m_super1, filter);
        CS_VERIFY_RESULT(count);
        QCOMPARE(*count, 2);
        filter.limit = 1;
        auto page = service().list(*m_super1, filter);
        CS_VERIFY_RESULT(page);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->constFirst().entityId, others.at(0));
        QCOMPARE(page->constFirst().makerLogin, u"teller1"_s);
        QCOMPARE(page->constFirst().makerName.isEmpty(), false);
        filter.afterId = page->constFirst().id;
        page = service().list(*m_super1, filter);
        CS_VERIFY_RESULT(page);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->constFirst().entityId, others.at(1));
        filter.afterId = page->constFirst().id;
        page = service().list(*m_super1, filter);
        CS_VERIFY_RESULT(page);
        QCOMPARE(page->size(), 0);
        filter = {};
        filter.state.clear();
        count = service().count(*m_super1, filter);
        CS_VERIFY_RESULT(count);
        QCOMPARE(*count, f.db.count(u"SELECT COUNT(*) FROM approvals"_s));
        filter.limit = 501;
        CS_EXPECT_ERROR(service().list(*m_super1, filter), "approval.limit", cs::ErrorKind::Invalid, "limit");
        CS_EXPECT_ERROR(service().show(*m_super1, 999'999), "approval.not_found", cs::ErrorKind::NotFound, "id");
        // The end of the day expires them all.
        const auto expired = service().expire(*m_super1, m_super1->branchId, m_super1->businessDate);
        CS_VERIFY_RESULT(expired);
        QCOMPARE(*expired, 3);
        QCOMPARE(held(), 0);
    }

    void postgresqlNotifiesTheQueueOnCommit()
    {
        const bool pg = f.db.db().dialect() == cs::Dialect::PostgreSQL;
        auto conn = f.db.db().connection();
        CS_VERIFY_RESULT(conn);
        std::optional<QSignalSpy> spy;
        {
            QSqlDatabase listener = QSqlDatabase::cloneDatabase(*conn, u"approvals-listener"_s);
            QVERIFY(listener.open());
            if (pg) {
                QVERIFY(listener.driver()->subscribeToNotification(cs::ApprovalService::notificationChannel()));
                spy.emplace(listener.driver(), qOverload<const QString&, QSqlDriver::NotificationSource, const QVariant&>(
                                                   &QSqlDriver::notification));
            }
            const auto asked = cs::AccountService(f.db.db()).freeze(*f.teller, m_account, cs::FreezeMode::Full, u"bank"_s,
                                                                    u"listen"_s, id());
            CS_VERIFY_RESULT(asked);
            QVERIFY(asked->pending());
            if (pg) {
                QVERIFY(spy->wait(2000));
                QCOMPARE(spy->first().at(0).toString(), cs::ApprovalService::notificationChannel());
                QCOMPARE(spy->first().at(2).toString(), QString::number(f.teller->branchId));
                spy->clear();
            }
            CS_VERIFY_RESULT(service().cancel(*f.teller, asked->approvalId, id()));
            if (pg)
                QVERIFY(spy->count() > 0 || spy->wait(2000));
            spy.reset();
            listener.close();
        }
        QSqlDatabase::removeDatabase(u"approvals-listener"_s);
    }

    void everyDecisionIsInTheAuditChain()
    {
        auto verified = cs::verifyAudit(f.db.db());
        CS_VERIFY_RESULT(verified);
        QVERIFY(verified->ok);
    }
};

QTEST_GUILESS_MAIN(TestApprovals)
#include "tst_approvals.moc"
