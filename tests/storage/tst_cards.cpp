// Cards on SQLite and PostgreSQL, issuance and what hangs on a card (issue 6): every issued PAN passes
// Luhn and starts with its product's BIN, all distinct, masked to the first 6 and last 4; quasi-credit and
// credit cards open their own account with the limit; issuance refusals (minor, Class III, company, closed
// account, ID not the holder's, expired ID, not a card product) change nothing; a nonzero issuance fee is
// posted; a replay answers the same card and number; PIN rules, 3 wrong PINs lock until the next business
// day, change; online payment limits at and one fen above each method's ceiling and a credit card's
// available credit; the remote fee; the database refusing bad rows itself; and at the end a dump of
// every table holds no PAN issued and no PIN used. Lifecycle steps: tst_cardlifecycle.cpp.
#include "domain/pan.h"
#include "support/cardfixture.h"

#include <array>

using namespace cs::test;

namespace {
const QString zhang = u"110101198003151239"_s;
const QString li = u"310104199207082467"_s;
const QString trade = u"91310000MA1FL8X7QN"_s;
} // namespace

class TestCards : public QObject {
    Q_OBJECT

private:
    CardFixture f;
    QString m_zhang; // Zhang's Class I
    QString m_li;    // Li's Class I

    cs::CardService service() { return f.service(); }
    qint64 cards() { return f.db.count(u"SELECT COUNT(*) FROM cards"_s); }

    cs::Status fund(const QString& number, qint64 minor)
    {
        return f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            cs::PostingRequest r;
            r.requestId = CashFixture::newId();
            r.kind = u"test_funding"_s;
            r.branchId = f.teller->branchId;
            r.businessDate = f.businessDate();
            r.staffId = f.teller->staffId;
            r.terminal = f.teller->terminal;
            r.lines = {{f.ledger.clearing, 'D', cny(minor), {}}, {f.idOf(number), 'C', cny(minor), {}}};
            auto posted = cs::PostingEngine::post(uow, r);
            if (!posted)
                return cs::fail(posted.error());
            return {};
        });
    }

    cs::Status sql(const QString& statement) { return f.db.execute(statement); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(f.create());
        auto a = f.classI(zhang);
        CS_VERIFY_RESULT(a);
        m_zhang = *a;
        auto b = f.classI(li);
        CS_VERIFY_RESULT(b);
        m_li = *b;
    }

    void everyPanPassesLuhnAndStartsWithItsBin_data()
    {
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("bin");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("years");
        QTest::newRow("debit") << u"debit"_s << u"621788"_s << 19 << 10;
        QTest::newRow("quasi") << u"quasi"_s << u"622688"_s << 16 << 5;
        QTest::newRow("credit") << u"credit"_s << u"625988"_s << 16 << 5;
    }
    void everyPanPassesLuhnAndStartsWithItsBin()
    {
        QFETCH(QString, product);
        QFETCH(QString, bin);
        QFETCH(int, length);
        QFETCH(int, years);
        const int count = product == u"debit"_s ? 25 : 6;
        QSet<QString> seen;
        const QDate today = f.businessDate();
        const QDate then = today.addYears(years);
        for (int i = 0; i < count; ++i) {
            auto issued = f.issue(m_zhang, product, zhang);
            CS_VERIFY_RESULT(issued);
            QCOMPARE(issued->pan.size(), length);
            QVERIFY2(issued->pan.startsWith(bin), qPrintable(issued->panMasked));
            QVERIFY(cs::pan::validOwn(issued->pan, bin));
            QVERIFY(!seen.contains(issued->pan));
            seen.insert(issued->pan);
            // Masked: the first 6 and the last 4, stars between.
            QCOMPARE(issued->panMasked, issued->pan.left(6) + QString(length - 10, u'*') + issued->pan.right(4));
            QCOMPARE(issued->state, u"issued"_s);
            QCOMPARE(issued->productCode, product);
            QCOMPARE(issued->account, m_zhang);
            QCOMPARE(issued->customerName, u"张伟"_s);
            QCOMPARE(issued->expiresOn, QDate(then.year(), then.month(), then.daysInMonth()));
            QVERIFY(!issued->replayed);
            // Stored: masked copy, keyed hash, and the sealed number that opens to it.
            QCOMPARE(f.cardColumn(issued->cardId, u"pan_masked"_s), issued->panMasked);
            QCOMPARE(f.cardColumn(issued->cardId, u"bin"_s), bin);
            QCOMPARE(f.cardColumn(issued->cardId, u"pan_hash"_s), f.vault->panLookupHash(issued->pan));
            QCOMPARE(f.cardColumn(issued->cardId, u"pan_key_id"_s), f.vault->keyId());
            QCOMPARE(f.cardColumn(issued->cardId, u"issued_on"_s).left(10), today.toString(Qt::ISODate));
            auto pan = service().voucherPan(*f.teller, issued->cardId);
            CS_VERIFY_RESULT(pan);
            QCOMPARE(*pan, issued->pan);
        }
        QCOMPARE(seen.size(), count);
    }

    void quasiAndCreditCardsOpenTheirOwnAccount()
    {
        auto quasi = f.issue(m_zhang, u"quasi"_s);
        CS_VERIFY_RESULT(quasi);
        QVERIFY(quasi->cardAccount != m_zhang);
        CS_VERIFY_RESULT(cs::AccountNumber::validate(quasi->cardAccount));
        QCOMPARE(quasi->cardAccount.mid(5, 1), u"4"_s); // the card family
        QCOMPARE(f.db.count(u"SELECT overdraft_limit FROM accounts WHERE number = '%1'"_s.arg(quasi->cardAccount)), 500'000);
        QCOMPARE(f.db.scalar(u"SELECT product_code FROM accounts WHERE number = '%1'"_s.arg(quasi->cardAccount)).toString(),
                 u"quasi"_s);
        QCOMPARE(f.db.count(u"SELECT credit_limit FROM cards WHERE id = %1"_s.arg(quasi->cardId)), 500'000);

        cs::IssueCardRequest r{m_zhang, u"credit"_s, zhang, cny(2'000'000), 10, 28, CashFixture::newId()};
        auto credit = service().issue(*f.teller, r);
        CS_VERIFY_RESULT(credit);
        f.pans.append(credit->pan);
        QCOMPARE(f.db.count(u"SELECT overdraft_limit FROM accounts WHERE number = '%1'"_s.arg(credit->cardAccount)), 2'000'000);
        QCOMPARE(f.cardColumn(credit->cardId, u"statement_day"_s), u"10"_s);
        QCOMPARE(f.cardColumn(credit->cardId, u"due_day"_s), u"28"_s);
        auto view = service().show(*f.teller, credit->cardId);
        CS_VERIFY_RESULT(view);
        QCOMPARE(view->available, cny(2'000'000));
        QCOMPARE(view->creditLimit, cny(2'000'000));
        QCOMPARE(view->cardAccount, credit->cardAccount);
        QCOMPARE(view->account, m_zhang);

        auto defaults = f.issue(m_zhang, u"credit"_s);
        CS_VERIFY_RESULT(defaults);
        QCOMPARE(f.cardColumn(defaults->cardId, u"statement_day"_s), u"5"_s);
        QCOMPARE(f.cardColumn(defaults->cardId, u"due_day"_s), u"25"_s);
        QCOMPARE(f.cardColumn(defaults->cardId, u"credit_limit"_s), u"1000000"_s);

        auto debit = f.issue(m_zhang);
        CS_VERIFY_RESULT(debit);
        QCOMPARE(debit->cardAccount, m_zhang);
        QVERIFY(f.db.scalar(u"SELECT statement_day FROM cards WHERE id = %1"_s.arg(debit->cardId)).isNull());
    }

    void issuanceRefusals()
    {
        const QDate today = f.businessDate();
        auto minor = f.personWithAccount(u"赵小"_s, today.addYears(-18).addDays(1), 11);
        CS_VERIFY_RESULT(minor);
        auto adult = f.personWithAccount(u"钱成"_s, today.addYears(-18), 13);
        CS_VERIFY_RESULT(adult);
        auto classIII = f.open(zhang, u"demand"_s, u"III"_s);
        CS_VERIFY_RESULT(classIII);
        auto company = f.open(trade, u"corp"_s);
        CS_VERIFY_RESULT(company);
        auto closing = f.open(li, u"demand"_s, u"II"_s);
        CS_VERIFY_RESULT(closing);
        CS_VERIFY_RESULT(settled(f.db.db(), cs::AccountService(f.db.db()).close(*f.teller, *closing, u"no longer needed"_s,
                                                                                  CashFixture::newId())));

        const qint64 before = cards();
        const qint64 refusedBefore = f.audits(u"card.issue"_s, u"refused"_s);
        CS_EXPECT_ERROR(f.issue(*minor), "card.minor", cs::ErrorKind::Refused, "customer");
        CS_EXPECT_ERROR(f.issue(*classIII), "card.account_not_settlement", cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(f.issue(*company), "card.account_not_settlement", cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(f.issue(*closing), "card.account_not_settlement", cs::ErrorKind::Refused, "account");
        CS_EXPECT_ERROR(f.issue(m_zhang, u"debit"_s, li), "card.id_mismatch", cs::ErrorKind::Refused, "id_number");
        CS_EXPECT_ERROR(f.issue(m_zhang, u"demand"_s), "card.product", cs::ErrorKind::Refused, "product");
        CS_EXPECT_ERROR(f.issue(m_zhang, u"debit"_s, {}, cny(100)), "card.limit", cs::ErrorKind::Invalid, "limit");
        CS_EXPECT_ERROR(f.issue(u"6000110000000013"_s), "account.check_digit", cs::ErrorKind::Invalid, "account");
        CS_VERIFY_RESULT(sql(u"UPDATE customers SET id_expires_on = '%1' WHERE id_number = '%2'"_s
                                 .arg(today.addDays(-1).toString(Qt::ISODate), li)));
        CS_EXPECT_ERROR(f.issue(m_li, u"debit"_s, li), "card.id_expired", cs::ErrorKind::Refused, "customer");
        CS_VERIFY_RESULT(sql(u"UPDATE customers SET id_expires_on = NULL, kyc_state = 'pending' WHERE id_number = '%1'"_s.arg(li)));
        CS_EXPECT_ERROR(f.issue(m_li, u"debit"_s, li), "card.id_expired", cs::ErrorKind::Refused, "customer");
        CS_VERIFY_RESULT(sql(u"UPDATE customers SET kyc_state = 'verified' WHERE id_number = '%1'"_s.arg(li)));
        QCOMPARE(cards(), before);
        // Refused by a rule: on record (the Invalid ones never reach the database).
        QCOMPARE(f.audits(u"card.issue"_s, u"refused"_s), refusedBefore + 7);

        // 18 today: full civil capacity.
        CS_VERIFY_RESULT(f.issue(*adult));
        CS_VERIFY_RESULT(f.issue(m_li, u"debit"_s, li));
        QCOMPARE(cards(), before + 2);
    }

    void issuanceFeeIsPosted()
    {
        CS_VERIFY_RESULT(fund(m_li, 100'000));
        CS_VERIFY_RESULT(f.setSetting(u"cards.fee.issue.debit"_s, 1'000));
        const qint64 balance = f.balance(m_li);
        const qint64 feeLines = f.db.count(u"SELECT COUNT(*) FROM journal_lines WHERE account_id = %1"_s.arg(f.ledger.feeIncome));
        auto issued = f.issue(m_li, u"debit"_s, li);
        CS_VERIFY_RESULT(f.setSetting(u"cards.fee.issue.debit"_s, 0));
        CS_VERIFY_RESULT(issued);
        QCOMPARE(f.balance(m_li), balance - 1'000);
        QCOMPARE(f.db.count(u"SELECT COUNT(*) FROM journal_lines WHERE account_id = %1"_s.arg(f.ledger.feeIncome)), feeLines + 1);
        QCOMPARE(f.db.scalar(u"SELECT kind FROM journal_txns WHERE request_id = 'card:%1:issue_fee'"_s.arg(issued->cardId)).toString(),
                 u"card_fee"_s);

        // Not enough for the fee: no card either.
        CS_VERIFY_RESULT(f.setSetting(u"cards.fee.issue.debit"_s, 100'000'000));
        const qint64 before = cards();
        CS_EXPECT_ERROR(f.issue(m_li, u"debit"_s, li), "posting.insufficient_funds", cs::ErrorKind::Refused, "");
        CS_VERIFY_RESULT(f.setSetting(u"cards.fee.issue.debit"_s, 0));
        QCOMPARE(cards(), before);
    }

    void aReplayAnswersTheSameCardAndNumber()
    {
        const QString id = CashFixture::newId();
        auto first = f.issue(m_zhang, u"debit"_s, zhang, std::nullopt, id);
        CS_VERIFY_RESULT(first);
        const qint64 before = cards();
        auto again = f.issue(m_zhang, u"debit"_s, zhang, std::nullopt, id);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->cardId, first->cardId);
        QCOMPARE(again->pan, first->pan);
        QCOMPARE(again->panMasked, first->panMasked);
        QCOMPARE(cards(), before);
        const QString logged = f.db.scalar(u"SELECT response FROM request_log WHERE request_id = '%1'"_s.arg(id)).toString();
        QVERIFY(logged.contains(first->panMasked));
        QVERIFY(!logged.contains(first->pan));
    }

    void pinRules()
    {
        auto issued = f.issue(m_zhang);
        CS_VERIFY_RESULT(issued);
        const qint64 id = issued->cardId;
        CS_EXPECT_ERROR(service().activate(*f.teller, id), "card.pin_not_set", cs::ErrorKind::Refused, "card");
        for (const QString& trivial : {u"000000"_s, u"123456"_s, u"987654"_s, u"121212"_s, u"123123"_s})
            CS_EXPECT_ERROR(f.setPin(id, trivial), "card.pin_trivial", cs::ErrorKind::Invalid, "pin");
        CS_EXPECT_ERROR(f.setPin(id, u"12345"_s), "card.pin_format", cs::ErrorKind::Invalid, "pin");
        CS_EXPECT_ERROR(service().setPin(*f.teller, id, f.pin(u"604182"_s), f.pin(u"604183"_s)), "card.pin_mismatch",
                        cs::ErrorKind::Invalid, "pin_confirmation");
        QVERIFY(f.db.scalar(u"SELECT pin_vv FROM cards WHERE id = %1"_s.arg(id)).isNull());
        CS_VERIFY_RESULT(f.setPin(id, u"604182"_s));
        const QString vv = f.cardColumn(id, u"pin_vv"_s);
        QCOMPARE(vv.size(), 64);
        QCOMPARE(vv, f.vault->pinVerificationValue(f.vault->panLookupHash(issued->pan), f.pin(u"604182"_s)));
        CS_EXPECT_ERROR(f.setPin(id, u"739162"_s), "card.pin_already_set", cs::ErrorKind::Refused, "card");
        CS_VERIFY_RESULT(service().verifyPin(*f.teller, id, f.pin(u"604182"_s)));
        auto active = service().activate(*f.teller, id, CashFixture::newId());
        CS_VERIFY_RESULT(active);
        QCOMPARE(active->state, u"active"_s);

        // Equal PINs on two cards do not give equal values.
        auto other = f.issue(m_zhang);
        CS_VERIFY_RESULT(other);
        CS_VERIFY_RESULT(f.setPin(other->cardId, u"604182"_s));
        QVERIFY(f.cardColumn(other->cardId, u"pin_vv"_s) != vv);
    }

    void changePin()
    {
        auto card = f.activeCard(m_zhang, u"debit"_s, u"270481"_s);
        CS_VERIFY_RESULT(card);
        const qint64 id = card->cardId;
        const QString request = CashFixture::newId();
        // A wrong old PIN counts as a try and does not use up the request id.
        CS_EXPECT_ERROR(service().changePin(*f.teller, id, f.pin(u"270480"_s), f.pin(u"318064"_s), f.pin(u"318064"_s), request),
                        "card.pin_wrong", cs::ErrorKind::Refused, "pin");
        QCOMPARE(f.cardColumn(id, u"pin_failures"_s), u"1"_s);
        CS_EXPECT_ERROR(service().changePin(*f.teller, id, f.pin(u"270481"_s), f.pin(u"111111"_s), f.pin(u"111111"_s), request),
                        "card.pin_trivial", cs::ErrorKind::Invalid, "pin");
        auto changed = service().changePin(*f.teller, id, f.pin(u"270481"_s), f.pin(u"318064"_s), f.pin(u"318064"_s), request);
        CS_VERIFY_RESULT(changed);
        QVERIFY(!changed->replayed);
        QCOMPARE(f.cardColumn(id, u"pin_failures"_s), u"0"_s);
        auto again = service().changePin(*f.teller, id, f.pin(u"270481"_s), f.pin(u"318064"_s), f.pin(u"318064"_s), request);
        CS_VERIFY_RESULT(again);
        QVERIFY(again->replayed);
        CS_VERIFY_RESULT(service().verifyPin(*f.teller, id, f.pin(u"318064"_s)));
        CS_EXPECT_ERROR(service().verifyPin(*f.teller, id, f.pin(u"270481"_s)), "card.pin_wrong", cs::ErrorKind::Refused, "pin");
        CS_VERIFY_RESULT(service().verifyPin(*f.teller, id, f.pin(u"318064"_s)));
        QCOMPARE(f.cardColumn(id, u"pin_failures"_s), u"0"_s);
    }

    void onlineLimitsAtAndAboveEachCeiling_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<qint64>("ceiling");
        QTest::newRow("sms ¥20,000") << int(cs::OnlineMethod::Sms) << qint64(2'000'000);
        QTest::newRow("otp ¥1,000,000") << int(cs::OnlineMethod::Otp) << qint64(100'000'000);
        QTest::newRow("trial otp ¥5,000") << int(cs::OnlineMethod::OtpTrial) << qint64(500'000);
        QTest::newRow("usb key ¥500,000") << int(cs::OnlineMethod::UsbKey) << qint64(50'000'000);
    }
    void onlineLimitsAtAndAboveEachCeiling()
    {
        QFETCH(int, method);
        QFETCH(qint64, ceiling);
        auto card = f.activeCard(m_zhang);
        CS_VERIFY_RESULT(card);
        const auto m = static_cast<cs::OnlineMethod>(method);
        CS_EXPECT_ERROR(service().setOnlinePayment(*f.teller, card->cardId, {true, m, cny(ceiling + 1)}),
                        "card.online_limit_above_ceiling", cs::ErrorKind::Refused, "limit");
        QCOMPARE(f.cardColumn(card->cardId, u"online_daily_limit"_s), u"0"_s);
        CS_EXPECT_ERROR(service().setOnlinePayment(*f.teller, card->cardId, {true, m, cny(0)}), "card.online_limit",
                        cs::ErrorKind::Invalid, "limit");
        CS_VERIFY_RESULT(service().setOnlinePayment(*f.teller, card->cardId, {true, m, cny(ceiling)}, CashFixture::newId()));
        QCOMPARE(f.cardColumn(card->cardId, u"online_daily_limit"_s).toLongLong(), ceiling);
        QCOMPARE(f.cardColumn(card->cardId, u"online_method"_s), cs::onlineMethodKey(m));
        auto view = service().show(*f.teller, card->cardId);
        CS_VERIFY_RESULT(view);
        QVERIFY(view->onlineEnabled);
        QCOMPARE(view->onlineDailyLimit, cny(ceiling));
        CS_VERIFY_RESULT(service().setOnlinePayment(*f.teller, card->cardId, {false, m, cny(0)}, CashFixture::newId()));
        auto off = service().show(*f.teller, card->cardId);
        CS_VERIFY_RESULT(off);
        QVERIFY(!off->onlineEnabled);
    }

    void creditCardOnlineWithinAvailableCredit()
    {
        auto card = f.issue(m_zhang, u"credit"_s, zhang, cny(1'000'000));
        CS_VERIFY_RESULT(card);
        CS_EXPECT_ERROR(service().setOnlinePayment(*f.teller, card->cardId, {true, cs::OnlineMethod::Sms, cny(1'000'001)}),
                        "card.online_limit_above_credit", cs::ErrorKind::Refused, "limit");
        CS_VERIFY_RESULT(service().setOnlinePayment(*f.teller, card->cardId, {true, cs::OnlineMethod::Sms, cny(1'000'000)}));
        // A quasi-credit card is bounded by the method's ceiling only.
        auto quasi = f.issue(m_zhang, u"quasi"_s, zhang, cny(100));
        CS_VERIFY_RESULT(quasi);
        CS_VERIFY_RESULT(service().setOnlinePayment(*f.teller, quasi->cardId, {true, cs::OnlineMethod::Sms, cny(2'000'000)}));
    }

    void findByPanAndList()
    {
        auto card = f.issue(m_li, u"debit"_s, li);
        CS_VERIFY_RESULT(card);
        const QString spaced = card->pan.left(4) + u" "_s + card->pan.mid(4, 4) + u"-"_s + card->pan.mid(8);
        auto found = service().findByPan(*f.teller, spaced);
        CS_VERIFY_RESULT(found);
        QCOMPARE(found->id, card->cardId);
        QCOMPARE(found->panMasked, card->panMasked);
        QCOMPARE(found->customerName, u"李娜"_s);
        QCOMPARE(found->state, u"issued"_s);
        QVERIFY(!found->pinSet);
        QCOMPARE(found->pinTriesLeft, 3);
        CS_EXPECT_ERROR(service().findByPan(*f.teller, u"6217880000000000001"_s), "card.not_found", cs::ErrorKind::NotFound, "pan");
        CS_EXPECT_ERROR(service().findByPan(*f.teller, u"12345"_s), "card.pan_format", cs::ErrorKind::Invalid, "pan");
        CS_EXPECT_ERROR(service().show(*f.teller, 999'999), "card.not_found", cs::ErrorKind::NotFound, "card");
        auto all = service().listForCustomer(*f.teller, f.customer(li));
        CS_VERIFY_RESULT(all);
        QCOMPARE(all->size(), f.db.count(u"SELECT COUNT(*) FROM cards WHERE customer_id = %1"_s.arg(f.customer(li))));
        QCOMPARE(all->last().id, card->cardId);
        // The auditor reads; a reader without account.read does not.
        auto auditor = f.db.signOn(u"auditor1"_s);
        CS_VERIFY_RESULT(auditor);
        CS_VERIFY_RESULT(service().show(*auditor, card->cardId));
        CS_EXPECT_ERROR(service().activate(*auditor, card->cardId), "permission.denied", cs::ErrorKind::Refused, "");
    }

    void remoteFeeByCity()
    {
        // Another branch in another city (digits 4-7 of the bank code: 1000 here, 2900 there).
        CS_VERIFY_RESULT(f.db.db().transact([&](cs::UnitOfWork& uow) -> cs::Status {
            auto added = cs::BranchRepository(uow).insertIfAbsent({u"0002"_s, u"上海分理处"_s, u"313290000017"_s, f.businessDate()});
            if (!added)
                return cs::fail(added.error());
            return {};
        }));
        cs::Session remote = *f.teller;
        remote.branchId = f.db.count(u"SELECT id FROM branches WHERE code = '0002'"_s);
        auto here = service().remoteFeeFor(*f.teller, m_zhang, cny(10'000'000));
        CS_VERIFY_RESULT(here);
        QCOMPARE(*here, cny(0));
        const std::array<std::pair<qint64, qint64>, 4> cases = {
            std::pair{qint64(4'999'999), qint64(0)},   // ¥49,999.99: free
            std::pair{qint64(5'000'000), qint64(500)}, // ¥50,000: 0.01% = ¥5.00
            std::pair{qint64(30'000'000), qint64(3'000)},
            std::pair{qint64(100'000'000), qint64(5'000)}}; // ¥1,000,000: ¥100, capped at ¥50
        for (const auto& [amount, fee] : cases) {
            auto charged = service().remoteFeeFor(remote, m_zhang, cny(amount));
            CS_VERIFY_RESULT(charged);
            QCOMPARE(*charged, cny(fee));
        }
        CS_EXPECT_ERROR(service().remoteFeeFor(remote, m_zhang, cny(0)), "card.amount", cs::ErrorKind::Invalid, "amount");
    }

    void databaseRefusesBadRows_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("constraint");
        QTest::newRow("unknown state") << u"UPDATE cards SET state = 'stolen' WHERE id = %1"_s << u"cards_state_check"_s;
        QTest::newRow("full PAN as masked") << u"UPDATE cards SET pan_masked = '6217880000000000018' WHERE id = %1"_s
                                            << u"cards_pan_masked_format"_s;
        QTest::newRow("masked under another BIN") << u"UPDATE cards SET pan_masked = '999999*********0018' WHERE id = %1"_s
                                                  << u"cards_pan_masked_bin"_s;
        QTest::newRow("hash not hex") << u"UPDATE cards SET pan_hash = 'zz' WHERE id = %1"_s << u"cards_pan_hash_format"_s;
        QTest::newRow("PIN in clear") << u"UPDATE cards SET pin_vv = '604182' WHERE id = %1"_s << u"cards_pin_vv_format"_s;
        QTest::newRow("oral loss without a date") << u"UPDATE cards SET state = 'lost_oral' WHERE id = %1"_s
                                                  << u"cards_loss_iff_lost"_s;
        QTest::newRow("loss kind of another state")
            << u"UPDATE cards SET state = 'lost_oral', loss_kind = 'written', loss_reported_on = '2026-01-05', "
               "state_before_loss = 'active' WHERE id = %1"_s
            << u"cards_loss_kind_fits_state"_s;
        QTest::newRow("replaced without the new card") << u"UPDATE cards SET state = 'replaced' WHERE id = %1"_s
                                                       << u"cards_replaced_iff_replaced_by"_s;
        QTest::newRow("too many wrong PINs") << u"UPDATE cards SET pin_vv = '%3', pin_failures = 11, pin_failure_date = '2026-01-05' WHERE id = %1"_s
                                             << u"cards_pin_failures_range"_s;
        QTest::newRow("failures without a date") << u"UPDATE cards SET pin_failures = 1 WHERE id = %1"_s
                                                 << u"cards_pin_failure_date_iff_failures"_s;
        QTest::newRow("online without method") << u"UPDATE cards SET online_enabled = %2 WHERE id = %1"_s
                                               << u"cards_online_enabled_has_method"_s;
        QTest::newRow("unknown method") << u"UPDATE cards SET online_method = 'fax' WHERE id = %1"_s
                                        << u"cards_online_method_check"_s;
        QTest::newRow("negative limit") << u"UPDATE cards SET online_daily_limit = -1 WHERE id = %1"_s
                                        << u"cards_online_daily_limit_nonnegative"_s;
        QTest::newRow("statement day on a debit card") << u"UPDATE cards SET statement_day = 5 WHERE id = %1"_s
                                                       << u"cards_statement_day_iff_credit"_s;
        QTest::newRow("debit card on another account")
            << u"UPDATE cards SET card_account_id = (SELECT MAX(id) FROM accounts WHERE id <> settlement_account_id) WHERE id = %1"_s
            << u"cards_debit_draws_on_settlement"_s;
        QTest::newRow("expiry before issuance") << u"UPDATE cards SET expires_on = issued_on WHERE id = %1"_s
                                                << u"cards_expires_after_issue"_s;
        QTest::newRow("another product") << u"UPDATE cards SET product_code = 'demand', card_account_id = "
                                            "(SELECT MAX(id) FROM accounts WHERE id <> settlement_account_id) WHERE id = %1"_s
                                         << u"cards_product_check"_s;
        QTest::newRow("a second key") << u"INSERT INTO card_keys (key_id) VALUES ('0123456789abcdef')"_s
                                      << u"card_keys_one_key"_s;
        QTest::newRow("a key id not hex") << u"UPDATE card_keys SET key_id = 'KEY'"_s << u"card_keys_key_id_format"_s;
        QTest::newRow("the same PAN twice")
            << u"UPDATE cards SET pan_hash = (SELECT pan_hash FROM cards c WHERE c.id <> %1 ORDER BY c.id LIMIT 1) WHERE id = %1"_s
            << u"cards_pan_hash_key"_s;
    }
    void databaseRefusesBadRows()
    {
        QFETCH(QString, statement);
        QFETCH(QString, constraint);
        auto card = f.issue(m_zhang);
        CS_VERIFY_RESULT(card);
        const bool pg = f.db.db().dialect() == cs::Dialect::PostgreSQL;
        QString text = statement;
        if (text.contains(u"%1"_s))
            text = text.arg(card->cardId);
        if (text.contains(u"%2"_s))
            text = text.arg(pg ? u"TRUE"_s : u"1"_s);
        if (text.contains(u"%3"_s))
            text = text.arg(QString(64, u'a'));
        const cs::Status done = sql(text);
        QVERIFY2(!done, qPrintable(text));
        QCOMPARE(done.error().code, u"db.constraint"_s);
        // SQLite names the columns of a unique constraint, not the constraint.
        const bool unique = constraint.endsWith(u"_key"_s) || constraint == u"card_keys_one_key"_s;
        if (pg || !unique)
            QVERIFY2(done.error().message.contains(constraint), qPrintable(done.error().message));
        QCOMPARE(f.cardColumn(card->cardId, u"state"_s), u"issued"_s);
    }

    // Last: nothing above left a number or a PIN readable anywhere.
    void noTableHoldsAPanOrAPin()
    {
        QVERIFY(f.pans.size() > 40);
        QVERIFY(f.pins.size() > 5);
        // The check finds what it looks for.
        QCOMPARE(f.leaks(u"x "_s + f.pans.first() + u" "_s + f.pins.first() + u" "_s).size(), 2);
        QVERIFY(f.leaks(u"ab"_s + f.pins.first() + u"cd"_s).isEmpty());
        const QString dump = f.dump();
        QVERIFY(dump.contains(u"cards:"_s));
        QVERIFY(dump.contains(u"audit_log:"_s));
        const QStringList found = f.leaks(dump);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
        // The audit names cards by their masked numbers.
        const QString audit = f.db.scalar(u"SELECT after_value FROM audit_log WHERE action = 'card.issue' AND outcome = 'success' "
                                          "ORDER BY id DESC LIMIT 1"_s)
                                  .toString();
        QVERIFY2(audit.contains(u"\"pan_masked\""_s), qPrintable(audit));
        QVERIFY(audit.contains(u"*"_s));
    }
};

QTEST_GUILESS_MAIN(TestCards)
#include "tst_cards.moc"
