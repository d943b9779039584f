// The lifecycle of a card on SQLite and PostgreSQL (issue 6, DOMAIN "Cards"): activation, freeze,
// oral and written loss reports with the 5-day lapse and the 7-day replacement rule against the branch's
// business date, replacement and PIN reset through the ApprovalService (and at once when their setting
// says so), cancellation (a card account must be at zero and closes with the card), three wrong PINs
// locking until the next business day, replays, and a dump of every table without PAN or PIN at the end.
// End of day does not exist yet: CardFixture::advanceDays moves the business date forward as it will.
#include "domain/pan.h"
#include "support/cardfixture.h"

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
} // namespace

class TestCardLifecycle : public QObject {
    Q_OBJECT

private:
    CardFixture f;
    QString m_zhang;

    cs::CardService service() { return f.service(); }
    QString stored(qint64 cardId) { return f.cardColumn(cardId, u"state"_s); }
    QString shown(qint64 cardId)
    {
        auto v = service().show(*f.teller, cardId);
        return v ? v->state : v.error().code;
    }
    qint64 cardAudits(const QString& action, qint64 cardId)
    {
        return f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND entity_type = 'card' AND entity_id = '%2' "
                          "AND outcome = 'success'"_s.arg(action).arg(cardId));
    }
    cs::Result<qint64> active()
    {
        auto card = f.activeCard(m_zhang);
        if (!card)
            return cs::fail(card.error());
        return card->cardId;
    }
    cs::Result<cs::CardChange> oral(qint64 id) { return service().reportLoss(*f.teller, id, cs::LossKind::Oral, u"lost at the market"_s, CashFixture::newId()); }
    cs::Result<cs::CardChange> written(qint64 id) { return service().reportLoss(*f.teller, id, cs::LossKind::Written, u"written report"_s, CashFixture::newId()); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto a = f.classI(zhang);
        CS_VERIFY_RESULT(a);
        m_zhang = *a;
    }

    void activateOnce()
    {
        auto card = f.issue(m_zhang);
        CS_VERIFY_RESULT(card);
        CS_VERIFY_RESULT(f.setPin(card->cardId, u"581937"_s));
        auto done = service().activate(*f.teller, card->cardId, CashFixture::newId());
        CS_VERIFY_RESULT(done);
        QCOMPARE(done->state, u"active"_s);
        QCOMPARE(stored(card->cardId), u"active"_s);
        CS_EXPECT_ERROR(service().activate(*f.teller, card->cardId), "card.not_issued_state", cs::ErrorKind::Refused, "card");
        // The voucher is only reprinted before activation.
        CS_EXPECT_ERROR(service().voucherPan(*f.teller, card->cardId), "card.state", cs::ErrorKind::Refused, "card");
        QCOMPARE(cardAudits(u"card.activate"_s, card->cardId), 1);
    }

    void freezeAndUnfreeze()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        CS_EXPECT_ERROR(service().unfreeze(*f.teller, *id, u"no reason"_s), "card.state", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().freeze(*f.teller, *id, u" "_s), "card.reason_empty", cs::ErrorKind::Invalid, "reason");
        CS_VERIFY_RESULT(service().freeze(*f.teller, *id, u"suspected fraud"_s, CashFixture::newId()));
        QCOMPARE(stored(*id), u"frozen"_s);
        CS_EXPECT_ERROR(service().freeze(*f.teller, *id, u"again"_s), "card.state", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().setOnlinePayment(*f.teller, *id, {true, cs::OnlineMethod::Sms, cny(100)}), "card.state",
                        cs::ErrorKind::Refused, "card");
        CS_VERIFY_RESULT(service().unfreeze(*f.teller, *id, u"cleared"_s, CashFixture::newId()));
        QCOMPARE(stored(*id), u"active"_s);
        auto issued = f.issue(m_zhang);
        CS_VERIFY_RESULT(issued);
        CS_EXPECT_ERROR(service().freeze(*f.teller, issued->cardId, u"not yet active"_s), "card.state", cs::ErrorKind::Refused, "card");
    }

    void oralLossIsLifted()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        CS_EXPECT_ERROR(service().liftLoss(*f.teller, *id, {}), "card.no_loss", cs::ErrorKind::Refused, "card");
        auto lost = oral(*id);
        CS_VERIFY_RESULT(lost);
        QCOMPARE(lost->state, u"lost_oral"_s);
        QCOMPARE(f.cardColumn(*id, u"loss_kind"_s), u"oral"_s);
        QCOMPARE(f.cardColumn(*id, u"state_before_loss"_s), u"active"_s);
        CS_EXPECT_ERROR(oral(*id), "card.state", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().freeze(*f.teller, *id, u"x"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().cancel(*f.teller, *id, u"x"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().replace(*f.teller, *id, u"x"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        auto lifted = service().liftLoss(*f.teller, *id, u"found it"_s, CashFixture::newId());
        CS_VERIFY_RESULT(lifted);
        QCOMPARE(lifted->state, u"active"_s);
        QVERIFY(f.db.scalar(u"SELECT loss_kind FROM cards WHERE id = %1"_s.arg(*id)).isNull());
        QVERIFY(f.db.scalar(u"SELECT state_before_loss FROM cards WHERE id = %1"_s.arg(*id)).isNull());
    }

    void writtenLossCannotBeLifted()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        CS_VERIFY_RESULT(oral(*id));
        auto lost = written(*id);
        CS_VERIFY_RESULT(lost);
        QCOMPARE(lost->state, u"lost_written"_s);
        // Where the card was before the first report.
        QCOMPARE(f.cardColumn(*id, u"state_before_loss"_s), u"active"_s);
        CS_EXPECT_ERROR(service().liftLoss(*f.teller, *id, u"found"_s), "card.loss_written", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(oral(*id), "card.loss_written", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(written(*id), "card.loss_written", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(f.setPin(*id, u"502817"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        // A written report can still be followed by a cancellation.
        CS_VERIFY_RESULT(service().cancel(*f.teller, *id, u"customer closes the card"_s, CashFixture::newId()));
        QCOMPARE(stored(*id), u"cancelled"_s);
        QVERIFY(f.db.scalar(u"SELECT loss_kind FROM cards WHERE id = %1"_s.arg(*id)).isNull());
        CS_EXPECT_ERROR(service().activate(*f.teller, *id), "card.closed", cs::ErrorKind::Refused, "card");
    }

    void replayChangesNothingTwice()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        const QString request = CashFixture::newId();
        auto first = service().freeze(*f.teller, *id, u"fraud check"_s, request);
        CS_VERIFY_RESULT(first);
        QVERIFY(!first->replayed);
        auto again = service().freeze(*f.teller, *id, u"fraud check"_s, request);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->state, u"frozen"_s);
        QCOMPARE(cardAudits(u"card.freeze"_s, *id), 1);
        QCOMPARE(f.cardColumn(*id, u"version"_s), u"3"_s); // PIN, activation, freeze
        CS_EXPECT_ERROR(service().unfreeze(*f.teller, *id, u"x"_s, request), "request.reused", cs::ErrorKind::Refused, "request_id");
    }

    void replaceWaitsForASupervisor()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        CS_VERIFY_RESULT(service().setOnlinePayment(*f.teller, *id, {true, cs::OnlineMethod::Sms, cny(100'000)}));
        CS_EXPECT_ERROR(service().replace(*f.teller, *id, {}), "card.reason_empty", cs::ErrorKind::Invalid, "reason");
        const QString oldMasked = f.cardColumn(*id, u"pan_masked"_s);
        const qint64 before = f.db.count(u"SELECT COUNT(*) FROM cards"_s);
        auto pending = service().replace(*f.teller, *id, u"worn chip"_s, CashFixture::newId());
        CS_VERIFY_RESULT(pending);
        QVERIFY(pending->pending());
        QCOMPARE(pending->state, u"active"_s);
        QCOMPARE(stored(*id), u"active"_s);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM cards"_s), before);
        CS_EXPECT_ERROR(service().replace(*f.teller, *id, u"again"_s), "approval.duplicate", cs::ErrorKind::Refused, "");

        // The checker's detail: translated labels, masked numbers only.
        auto detail = cs::ApprovalService(f.db.db()).show(*f.super1, pending->approvalId);
        CS_VERIFY_RESULT(detail);
        QCOMPARE(detail->approval.action, u"card.replace"_s);
        QCOMPARE(detail->approval.entityType, u"card"_s);
        QVERIFY(detail->canDecide);
        QStringList keys;
        QString newMasked;
        for (const cs::ApprovalField& field : std::as_const(detail->fields)) {
            keys.append(field.key);
            QVERIFY(!field.label.isEmpty());
            if (field.key == u"card"_s)
                QCOMPARE(field.newValue, oldMasked);
            if (field.key == u"new_card"_s)
                newMasked = field.newValue;
            if (field.key == u"state"_s)
                QCOMPARE(field.newValue, cs::cardStateLabel(cs::CardState::Replaced));
        }
        QCOMPARE(keys, (QStringList{u"card"_s, u"product"_s, u"customer"_s, u"account"_s, u"state"_s, u"new_card"_s, u"reason"_s}));
        QVERIFY(newMasked.contains(u"*"_s));

        auto approved = approveAsSupervisor(f.db.db(), pending->approvalId);
        CS_VERIFY_RESULT(approved);
        QCOMPARE(approved->state, u"approved"_s);
        const qint64 newId = approved->result.value(u"new_card_id"_s).toInteger();
        QVERIFY(newId > *id);
        QCOMPARE(approved->result.value(u"new_pan_masked"_s).toString(), newMasked);
        QCOMPARE(stored(*id), u"replaced"_s);
        QCOMPARE(f.cardColumn(*id, u"replaced_by_card_id"_s).toLongLong(), newId);
        QCOMPARE(f.cardColumn(newId, u"replaces_card_id"_s).toLongLong(), *id);
        QCOMPARE(stored(newId), u"issued"_s);
        QCOMPARE(f.cardColumn(newId, u"pan_masked"_s), newMasked);
        // Same accounts, a new number, no PIN, online payment set again by the customer.
        QCOMPARE(f.cardColumn(newId, u"settlement_account_id"_s), f.cardColumn(*id, u"settlement_account_id"_s));
        QCOMPARE(f.cardColumn(newId, u"card_account_id"_s), f.cardColumn(*id, u"card_account_id"_s));
        QVERIFY(f.db.scalar(u"SELECT pin_vv FROM cards WHERE id = %1"_s.arg(newId)).isNull());
        auto pan = service().voucherPan(*f.teller, newId);
        CS_VERIFY_RESULT(pan);
        f.pans.append(*pan);
        QVERIFY(cs::pan::validOwn(*pan, u"621788"_s));
        QCOMPARE(cs::pan::masked(*pan), newMasked);
        QCOMPARE(f.cardColumn(newId, u"pan_hash"_s), f.vault->panLookupHash(*pan));
        // The executed command's own record, by the checker.
        QCOMPARE(cardAudits(u"card.replace"_s, *id), 2); // the maker's submission and the execution
        // The old card accepts nothing any more.
        CS_EXPECT_ERROR(service().freeze(*f.teller, *id, u"x"_s), "card.closed", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().replace(*f.teller, *id, u"x"_s), "card.closed", cs::ErrorKind::Refused, "card");
        // The new one goes the usual way.
        CS_VERIFY_RESULT(f.setPin(newId, u"580213"_s));
        CS_VERIFY_RESULT(service().activate(*f.teller, newId, CashFixture::newId()));
    }

    void rejectedReplacementChangesNothing()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        auto pending = service().replace(*f.teller, *id, u"damaged"_s, CashFixture::newId());
        CS_VERIFY_RESULT(pending);
        const qint64 before = f.db.count(u"SELECT COUNT(*) FROM cards"_s);
        CS_VERIFY_RESULT(cs::ApprovalService(f.db.db()).reject(*f.super1, pending->approvalId, u"not damaged"_s, CashFixture::newId()));
        QCOMPARE(stored(*id), u"active"_s);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM cards"_s), before);
    }

    void replaceAtOnceWhenNoApprovalIsRequired()
    {
        CS_VERIFY_RESULT(f.setSetting(u"approvals.required.card_replace"_s, 0));
        auto id = active();
        CS_VERIFY_RESULT(id);
        auto done = service().replace(*f.teller, *id, u"worn"_s, CashFixture::newId());
        CS_VERIFY_RESULT(f.setSetting(u"approvals.required.card_replace"_s, 1));
        CS_VERIFY_RESULT(done);
        QVERIFY(!done->pending());
        QCOMPARE(done->state, u"replaced"_s);
        QVERIFY(done->newCardId > 0);
        QCOMPARE(stored(done->newCardId), u"issued"_s);
        QCOMPARE(f.cardColumn(done->newCardId, u"pan_masked"_s), done->newPanMasked);
        auto pan = service().voucherPan(*f.teller, done->newCardId);
        CS_VERIFY_RESULT(pan);
        f.pans.append(*pan);
    }

    void pinResetThroughApproval()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        CS_EXPECT_ERROR(service().resetPin(*f.teller, *id, {}), "card.reason_empty", cs::ErrorKind::Invalid, "reason");
        auto pending = service().resetPin(*f.teller, *id, u"customer forgot the PIN"_s, CashFixture::newId());
        CS_VERIFY_RESULT(pending);
        QVERIFY(pending->pending());
        QVERIFY(!f.db.scalar(u"SELECT pin_vv FROM cards WHERE id = %1"_s.arg(*id)).isNull());
        auto detail = cs::ApprovalService(f.db.db()).show(*f.super1, pending->approvalId);
        CS_VERIFY_RESULT(detail);
        QCOMPARE(detail->approval.action, u"card.pin_reset"_s);
        auto approved = approveAsSupervisor(f.db.db(), pending->approvalId);
        CS_VERIFY_RESULT(approved);
        QVERIFY(f.db.scalar(u"SELECT pin_vv FROM cards WHERE id = %1"_s.arg(*id)).isNull());
        QCOMPARE(stored(*id), u"active"_s);
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, *id, f.pin(u"581937"_s)), "card.pin_not_set", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().resetPin(*f.teller, *id, u"again"_s), "card.pin_not_set", cs::ErrorKind::Refused, "card");
        CS_VERIFY_RESULT(f.setPin(*id, u"749205"_s));
        CS_VERIFY_RESULT(service().verifyPin(*f.teller, *id, f.pin(u"749205"_s)));
    }

    void cancelClosesTheCardAccount()
    {
        auto debit = active();
        CS_VERIFY_RESULT(debit);
        CS_VERIFY_RESULT(service().cancel(*f.teller, *debit, u"customer request"_s, CashFixture::newId()));
        QCOMPARE(stored(*debit), u"cancelled"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(m_zhang)).toString(), u"normal"_s);

        auto quasi = f.activeCard(m_zhang, u"quasi"_s);
        CS_VERIFY_RESULT(quasi);
        // The card account owes ¥100: not until it is settled.
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"test_spending"_s;
            r.branchId = f.teller->branchId;
            r.businessDate = f.businessDate();
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            r.lines = {{f.idOf(quasi->cardAccount), 'D', cny(10'000), {}}, {f.ledger.clearing, 'C', cny(10'000), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        }));
        CS_EXPECT_ERROR(service().cancel(*f.teller, quasi->cardId, u"customer request"_s), "card.balance_not_zero",
                        cs::ErrorKind::Refused, "card");
        QCOMPARE(stored(quasi->cardId), u"active"_s);
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"test_repayment"_s;
            r.branchId = f.teller->branchId;
            r.businessDate = f.businessDate();
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            r.lines = {{f.ledger.clearing, 'D', cny(10'000), {}}, {f.idOf(quasi->cardAccount), 'C', cny(10'000), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        }));
        auto cancelled = service().cancel(*f.teller, quasi->cardId, u"customer request"_s, CashFixture::newId());
        CS_VERIFY_RESULT(cancelled);
        QCOMPARE(cancelled->state, u"cancelled"_s);
        QCOMPARE(f.db.scalar(u"SELECT state FROM accounts WHERE number = '%1'"_s.arg(quasi->cardAccount)).toString(), u"closed"_s);
        CS_EXPECT_ERROR(service().cancel(*f.teller, quasi->cardId, u"again"_s), "card.closed", cs::ErrorKind::Refused, "card");
        CS_EXPECT_ERROR(service().cancel(*f.teller, 999'999, u"none"_s), "card.not_found", cs::ErrorKind::NotFound, "card");
    }

    // From here on the business date moves forward.

    void threeWrongPinsLockUntilTheNextBusinessDay()
    {
        auto id = active(); // PIN 581937
        CS_VERIFY_RESULT(id);
        auto first = service().verifyPin(*f.teller, *id, f.pin(u"581938"_s));
        CS_EXPECT_ERROR(first, "card.pin_wrong", cs::ErrorKind::Refused, "pin");
        QVERIFY2(first.error().message.contains(u"2"_s), qPrintable(first.error().message));
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, *id, f.pin(u"581939"_s)), "card.pin_wrong", cs::ErrorKind::Refused, "pin");
        QCOMPARE(f.cardColumn(*id, u"pin_failures"_s), u"2"_s);
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, *id, f.pin(u"581930"_s)), "card.pin_locked", cs::ErrorKind::Refused, "pin");
        QCOMPARE(f.cardColumn(*id, u"pin_failures"_s), u"3"_s);
        QCOMPARE(f.cardColumn(*id, u"pin_failure_date"_s).left(10), f.businessDate().toString(Qt::ISODate));
        // Locked: the right PIN too, and the count stays.
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, *id, f.pin(u"581937"_s)), "card.pin_locked", cs::ErrorKind::Refused, "pin");
        CS_EXPECT_ERROR(service().changePin(*f.teller, *id, f.pin(u"581937"_s), f.pin(u"690241"_s), f.pin(u"690241"_s)),
                        "card.pin_locked", cs::ErrorKind::Refused, "pin");
        QCOMPARE(f.cardColumn(*id, u"pin_failures"_s), u"3"_s);
        auto view = service().show(*f.teller, *id);
        CS_VERIFY_RESULT(view);
        QVERIFY(view->pinLocked);
        QCOMPARE(view->pinTriesLeft, 0);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'card.pin_verify' AND outcome = 'refused' "
                            "AND entity_id = '%1'"_s.arg(*id)),
                 4);

        CS_VERIFY_RESULT(f.advanceDays(1));
        auto next = service().show(*f.teller, *id);
        CS_VERIFY_RESULT(next);
        QVERIFY(!next->pinLocked);
        QCOMPARE(next->pinTriesLeft, 3);
        CS_VERIFY_RESULT(service().verifyPin(*f.teller, *id, f.pin(u"581937"_s)));
        QCOMPARE(f.cardColumn(*id, u"pin_failures"_s), u"0"_s);
        // A new day's count starts at one.
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, *id, f.pin(u"581938"_s)), "card.pin_wrong", cs::ErrorKind::Refused, "pin");
        QCOMPARE(f.cardColumn(*id, u"pin_failures"_s), u"1"_s);
    }

    void oralLossLapsesAfterFiveDays()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        auto frozen = active();
        CS_VERIFY_RESULT(frozen);
        CS_VERIFY_RESULT(service().freeze(*f.teller, *frozen, u"check"_s, CashFixture::newId()));
        const QDate reported = f.businessDate();
        CS_VERIFY_RESULT(oral(*id));
        CS_VERIFY_RESULT(oral(*frozen));
        auto view = service().show(*f.teller, *id);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->lossKind, u"oral"_s);
        QCOMPARE(view->lossReportedOn, reported);
        QCOMPARE(view->lossLapsesOn, reported.addDays(6));

        CS_VERIFY_RESULT(f.advanceDays(5)); // the fifth day after the report: still in force
        QCOMPARE(shown(*id), u"lost_oral"_s);
        CS_EXPECT_ERROR(service().freeze(*f.teller, *id, u"x"_s), "card.loss_in_force", cs::ErrorKind::Refused, "card");
        QCOMPARE(cardAudits(u"card.loss_lapse"_s, *id), 0);

        CS_VERIFY_RESULT(f.advanceDays(1)); // no written report followed: it lapsed
        QCOMPARE(shown(*id), u"active"_s);
        QCOMPARE(stored(*id), u"lost_oral"_s); // as stored until a command finds it
        QCOMPARE(shown(*frozen), u"frozen"_s);
        CS_EXPECT_ERROR(service().liftLoss(*f.teller, *id, u"x"_s), "card.no_loss", cs::ErrorKind::Refused, "card");
        QCOMPARE(stored(*id), u"lost_oral"_s); // a refused command changes nothing
        CS_VERIFY_RESULT(service().freeze(*f.teller, *id, u"checked again"_s, CashFixture::newId()));
        QCOMPARE(stored(*id), u"frozen"_s);
        QCOMPARE(cardAudits(u"card.loss_lapse"_s, *id), 1);
        const QString lapse = f.db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'card.loss_lapse' AND entity_id = '%1'"_s
                                              .arg(*id))
                                  .toString();
        QVERIFY2(lapse.contains(u"\"state\":\"active\""_s), qPrintable(lapse));
        CS_VERIFY_RESULT(service().unfreeze(*f.teller, *frozen, u"cleared"_s, CashFixture::newId()));
        QCOMPARE(stored(*frozen), u"active"_s);
        QCOMPARE(cardAudits(u"card.loss_lapse"_s, *frozen), 1);
    }

    void writtenLossReplacedAfterSevenDays()
    {
        auto id = active();
        CS_VERIFY_RESULT(id);
        const QDate reported = f.businessDate();
        CS_VERIFY_RESULT(written(*id));
        auto view = service().show(*f.teller, *id);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->replaceableOn, reported.addDays(7));
        auto early = service().replace(*f.teller, *id, u"lost"_s, CashFixture::newId());
        CS_EXPECT_ERROR(early, "card.replace_too_early", cs::ErrorKind::Refused, "card");
        QVERIFY(early.error().message.contains(reported.addDays(7).toString(Qt::ISODate)));
        CS_VERIFY_RESULT(f.advanceDays(6));
        CS_EXPECT_ERROR(service().replace(*f.teller, *id, u"lost"_s), "card.replace_too_early", cs::ErrorKind::Refused, "card");
        QCOMPARE(shown(*id), u"lost_written"_s); // a written report does not lapse
        CS_VERIFY_RESULT(f.advanceDays(1));
        auto pending = service().replace(*f.teller, *id, u"lost"_s, CashFixture::newId());
        CS_VERIFY_RESULT(pending);
        QCOMPARE(pending->state, u"lost_written"_s);
        auto approved = approveAsSupervisor(f.db.db(), pending->approvalId);
        CS_VERIFY_RESULT(approved);
        QCOMPARE(stored(*id), u"replaced"_s);
        QVERIFY(f.db.scalar(u"SELECT loss_kind FROM cards WHERE id = %1"_s.arg(*id)).isNull());
        const qint64 newId = approved->result.value(u"new_card_id"_s).toInteger();
        QCOMPARE(f.cardColumn(newId, u"issued_on"_s).left(10), f.businessDate().toString(Qt::ISODate));
        auto pan = service().voucherPan(*f.teller, newId);
        CS_VERIFY_RESULT(pan);
        f.pans.append(*pan);
    }

    // Last: nothing above left a number or a PIN readable anywhere.
    void noTableHoldsAPanOrAPin()
    {
        QVERIFY(f.pans.size() > 10);
        const QString dump = f.dump();
        QVERIFY(dump.contains(u"approvals:"_s));
        const QStringList found = f.leaks(dump);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
        // Every card audit names masked numbers only.
        auto conn = f.db.db().connection();
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT coalesce(before_value, '') || coalesce(after_value, '') FROM audit_log WHERE entity_type = 'card' "
                       "AND outcome = 'success'"_s));
        int rows = 0;
        const QRegularExpression masked(u"\"(new_)?pan_masked\":\"[0-9]{6}[*]{6,9}[0-9]{4}\""_s);
        while (q.next()) {
            ++rows;
            const QString text = q.value(0).toString();
            if (text.contains(u"pan"_s))
                QVERIFY2(masked.match(text).hasMatch(), qPrintable(text));
        }
        QVERIFY(rows > 20);
    }
};

QTEST_GUILESS_MAIN(TestCardLifecycle)
#include "tst_cardlifecycle.moc"
