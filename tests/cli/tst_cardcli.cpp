// `countersign-batch card ...` through the real executable on both backends: the JSON of issuance
// (masked PAN only), PINs from the environment, the lifecycle (activation, oral and written loss
// reports, replacement under approval, cancellation), freezing, online payment within the method's
// ceiling, lookup by a PAN from the environment, and the card key (COUNTERSIGN_CARD_KEY on PostgreSQL,
// the `.keys` file on SQLite). Exit codes as ../shared/CLI.md says: 2 invalid, 3 refused, 4 not found.
#include "cli/batchrunner.h"
#include "cli/cardkeyfixture.h"
#include "domain/pan.h"
#include "services/accountservice.h"
#include "services/customerservice.h"
#include "support/demodb.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

using cs::test::CardKeyFixture;
using cs::test::DemoDb;
using cs::test::runBatch;

namespace {

const QString zhangId = u"110101198003151239"_s;
const QString liId = u"310104199207082467"_s;
const QString debitBin = u"621788"_s; // setting cards.bin.debit
const QString pin1 = u"739416"_s;
const QString pin2 = u"582039"_s;

} // namespace

class TestCardCli : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    CardKeyFixture m_key;
    QDate m_today;
    qint64 m_zhang = 0;
    QString m_zhangI, m_zhangIII, m_liI, m_sunI, m_huangI, m_minorI, m_corp;
    qint64 m_card = 0;    // Zhang's debit card
    qint64 m_liCard = 0;  // Li's, replaced
    qint64 m_newCard = 0; // its replacement
    qint64 m_quasi = 0;   // Sun's quasi-credit card

    cs::test::BatchRun as(const QString& login, const QStringList& command, const QMap<QString, QString>& extra = {})
    {
        QMap<QString, QString> env = m_key.env();
        env.insert(u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s);
        env.insert(extra);
        return runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login, u"--terminal"_s, u"CLI1"_s} + command, env);
    }
    cs::test::BatchRun card(const QStringList& command, const QMap<QString, QString>& extra = {})
    {
        return as(u"teller1"_s, QStringList{u"card"_s} + command, extra);
    }
    cs::test::BatchRun withPin(const QString& sub, qint64 id, const QString& pin)
    {
        return card({sub, u"--card"_s, QString::number(id)}, {{u"COUNTERSIGN_PIN"_s, pin}});
    }
    QJsonObject show(qint64 id)
    {
        const auto shown = card({u"show"_s, u"--card"_s, QString::number(id)});
        [&] { expectSuccess(shown); }();
        return shown.out;
    }

    void expectFailure(const cs::test::BatchRun& run, int exitCode, const QString& code, const QString& field = {})
    {
        QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1: "_s.arg(run.exitCode) + QString::fromUtf8(run.rawErr)));
        QCOMPARE(run.err.value(u"error"_s).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(run.err.value(u"field"_s).toString(), field);
        QVERIFY(!run.err.value(u"message"_s).toString().isEmpty());
        QVERIFY(run.rawOut.isEmpty());
    }
    void expectSuccess(const cs::test::BatchRun& run)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.rawErr)));
        QVERIFY(run.rawErr.isEmpty());
    }

    // Issue, set the PIN and activate through the CLI; the card's id.
    qint64 activeCard(const QString& account, const QString& idNumber, const QString& pin, const QString& requestId)
    {
        const auto issued = card({u"issue"_s, u"--account"_s, account, u"--product"_s, u"debit"_s, u"--id-number"_s,
                                  idNumber, u"--request-id"_s, requestId});
        if (issued.exitCode != 0)
            return 0;
        const qint64 id = issued.out.value(u"card_id"_s).toInteger();
        if (withPin(u"pin-set"_s, id, pin).exitCode != 0
            || card({u"activate"_s, u"--card"_s, QString::number(id)}).exitCode != 0)
            return 0;
        return id;
    }
    qint64 cardCount() { return m_db.count(u"SELECT COUNT(*) FROM cards"_s); }

private slots:
    void initTestCase()
    {
        CS_VERIFY_RESULT(m_db.create());
        CS_VERIFY_RESULT(m_key.init(m_db.db()));
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        m_today = teller->businessDate;
        const cs::AccountService accounts(m_db.db());
        const auto customer = [&](const QString& idNumber) {
            return m_db.count(u"SELECT id FROM customers WHERE id_number = '%1'"_s.arg(idNumber));
        };
        const auto open = [&](qint64 customerId, const QString& product, const QString& cls, const QString& bind,
                              const QString& key) -> QString {
            auto opened = accounts.open(*teller, {customerId, product, cls, bind, u"cc-open-"_s + key});
            return opened ? opened->number : QString();
        };
        m_zhang = customer(zhangId);
        m_zhangI = open(m_zhang, u"demand"_s, u"I"_s, {}, u"zhang-I"_s);
        m_zhangIII = open(m_zhang, u"demand"_s, u"III"_s, m_zhangI, u"zhang-III"_s);
        m_liI = open(customer(liId), u"demand"_s, u"I"_s, {}, u"li-I"_s);
        m_sunI = open(customer(u"32010219680904771X"_s), u"demand"_s, u"I"_s, {}, u"sun-I"_s);
        m_huangI = open(customer(u"440305197511220358"_s), u"demand"_s, u"I"_s, {}, u"huang-I"_s);
        m_corp = open(customer(u"91310000MA1FL8X7QN"_s), u"corp"_s, {}, {}, u"corp"_s);
        // A child of twelve with an account of their own.
        cs::NewCustomerRequest child;
        child.fullName = u"张小明"_s;
        child.idType = u"resident"_s;
        child.idNumber = u"110101201205051230"_s;
        child.requestId = u"cc-minor"_s;
        auto minor = cs::CustomerService(m_db.db()).add(*teller, child);
        CS_VERIFY_RESULT(minor);
        m_minorI = open(*minor, u"demand"_s, u"I"_s, {}, u"minor-I"_s);
        for (const QString& number : {m_zhangI, m_zhangIII, m_liI, m_sunI, m_huangI, m_minorI, m_corp})
            QVERIFY(!number.isEmpty());
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void issueAnswersTheMaskedPanOnly()
    {
        const QStringList command = {u"issue"_s,     u"--account"_s,    m_zhangI,          u"--product"_s, u"debit"_s,
                                     u"--id-number"_s, zhangId,         u"--request-id"_s, u"cc-issue-1"_s};
        const auto issued = card(command);
        expectSuccess(issued);
        m_card = issued.out.value(u"card_id"_s).toInteger();
        QVERIFY(m_card > 0);
        const QString masked = issued.out.value(u"pan_masked"_s).toString();
        QVERIFY2(QRegularExpression(u"^621788\\*{9}[0-9]{4}$"_s).match(masked).hasMatch(), qPrintable(masked));
        QCOMPARE(issued.out.value(u"state"_s).toString(), u"issued"_s);
        QCOMPARE(issued.out.value(u"account"_s).toString(), m_zhangI);
        QCOMPARE(issued.out.value(u"card_account"_s).toString(), m_zhangI);
        QCOMPARE(issued.out.value(u"product"_s).toString(), u"debit"_s);
        // Ten years (cards.validity_years.debit), to the end of the month.
        const QDate expiry = m_today.addYears(10);
        QCOMPARE(issued.out.value(u"expires_on"_s).toString(),
                 QDate(expiry.year(), expiry.month(), expiry.daysInMonth()).toString(Qt::ISODate));
        QCOMPARE(issued.out.value(u"replayed"_s), QJsonValue(false));
        QVERIFY(!issued.out.contains(u"pan"_s));

        auto pan = m_key.fullPan(m_db.db(), m_card);
        CS_VERIFY_RESULT(pan);
        m_db.db().closeThreadConnection();
        QVERIFY(cs::pan::validOwn(*pan, debitBin));
        QCOMPARE(pan->size(), 19);
        QCOMPARE(cs::pan::masked(*pan), masked);
        QVERIFY(!issued.rawOut.contains(pan->toLatin1()));

        const auto again = card(command);
        expectSuccess(again);
        QCOMPARE(again.out.value(u"card_id"_s).toInteger(), m_card);
        QCOMPARE(again.out.value(u"pan_masked"_s).toString(), masked);
        QCOMPARE(again.out.value(u"replayed"_s), QJsonValue(true));
        QCOMPARE(cardCount(), 1);

        const QJsonObject shown = show(m_card);
        QCOMPARE(shown.value(u"card_id"_s).toInteger(), m_card);
        QCOMPARE(shown.value(u"customer_id"_s).toInteger(), m_zhang);
        QCOMPARE(shown.value(u"customer_name"_s).toString(), u"张伟"_s);
        QCOMPARE(shown.value(u"pan_masked"_s).toString(), masked);
        QCOMPARE(shown.value(u"state"_s).toString(), u"issued"_s);
        QCOMPARE(shown.value(u"issued_on"_s).toString(), m_today.toString(Qt::ISODate));
        QCOMPARE(shown.value(u"pin_set"_s), QJsonValue(false));
        QCOMPARE(shown.value(u"online_enabled"_s), QJsonValue(false));
        QCOMPARE(shown.value(u"credit_limit"_s).toString(), u"0.00"_s);

        const auto listed = card({u"list"_s, u"--customer"_s, QString::number(m_zhang)});
        expectSuccess(listed);
        QCOMPARE(listed.out.value(u"count"_s).toInteger(), 1);
        QCOMPARE(listed.out.value(u"cards"_s).toArray().first().toObject().value(u"card_id"_s).toInteger(), m_card);
    }

    void issueRefusals_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("no account") << QStringList{u"--product"_s, u"debit"_s} << 2 << u"usage.missing_option"_s
                                    << u"account"_s;
        QTest::newRow("no product") << QStringList{u"--account"_s, m_liI} << 2 << u"usage.missing_option"_s << u"product"_s;
        QTest::newRow("malformed limit") << QStringList{u"--account"_s, m_liI, u"--product"_s, u"quasi"_s, u"--limit"_s,
                                                        u"1.234"_s}
                                         << 2 << u"amount.too_many_decimals"_s << u"limit"_s;
        QTest::newRow("statement day 29") << QStringList{u"--account"_s, m_liI, u"--product"_s, u"credit"_s,
                                                         u"--statement-day"_s, u"29"_s}
                                          << 2 << u"usage.bad_number"_s << u"statement-day"_s;
        QTest::newRow("not a card product") << QStringList{u"--account"_s, m_liI, u"--product"_s, u"demand"_s} << 3
                                            << u"card.product"_s << u"product"_s;
        QTest::newRow("another person's ID") << QStringList{u"--account"_s, m_liI, u"--product"_s, u"debit"_s,
                                                            u"--id-number"_s, zhangId}
                                             << 3 << u"card.id_mismatch"_s << u"id_number"_s;
        QTest::newRow("class III") << QStringList{u"--account"_s, m_zhangIII, u"--product"_s, u"debit"_s} << 3
                                   << u"card.account_not_settlement"_s << u"account"_s;
        QTest::newRow("company") << QStringList{u"--account"_s, m_corp, u"--product"_s, u"debit"_s} << 3
                                 << u"card.account_not_settlement"_s << u"account"_s;
        QTest::newRow("minor") << QStringList{u"--account"_s, m_minorI, u"--product"_s, u"debit"_s} << 3
                               << u"card.minor"_s << u"customer"_s;
        QTest::newRow("no such account") << QStringList{u"--account"_s, u"6000119999999993"_s, u"--product"_s, u"debit"_s}
                                         << 4 << u"account.not_found"_s << u"account"_s;
    }
    void issueRefusals()
    {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 before = cardCount();
        expectFailure(card(QStringList{u"issue"_s} + options), exitCode, code, field);
        QCOMPARE(cardCount(), before);
    }

    void usageErrors()
    {
        expectFailure(card({u"sign"_s}), 2, u"usage.unknown_command"_s);
        expectFailure(card({u"show"_s}), 2, u"usage.missing_option"_s, u"card"_s);
        expectFailure(card({u"show"_s, u"--card"_s, u"x1"_s}), 2, u"usage.bad_number"_s, u"card"_s);
        expectFailure(card({u"show"_s, u"--card"_s, u"999999"_s}), 4, u"card.not_found"_s, u"card"_s);
        expectFailure(card({u"freeze"_s, u"--card"_s, QString::number(m_card)}), 2, u"usage.missing_option"_s,
                      u"reason"_s);
        expectFailure(card({u"list"_s}), 2, u"usage.missing_option"_s, u"customer"_s);
    }

    void pinSetReadsTheEnvironment()
    {
        expectFailure(card({u"activate"_s, u"--card"_s, QString::number(m_card)}), 3, u"card.pin_not_set"_s, u"card"_s);
        expectFailure(card({u"pin-set"_s, u"--card"_s, QString::number(m_card)}), 2, u"usage.no_pin"_s, u"pin"_s);
        expectFailure(withPin(u"pin-set"_s, m_card, u"123456"_s), 2, u"card.pin_trivial"_s, u"pin"_s);
        expectFailure(withPin(u"pin-set"_s, m_card, u"73941"_s), 2, u"card.pin_format"_s, u"pin"_s);
        QCOMPARE(show(m_card).value(u"pin_set"_s), QJsonValue(false));
        const auto set = withPin(u"pin-set"_s, m_card, pin1);
        expectSuccess(set);
        QCOMPARE(set.out.value(u"card_id"_s).toInteger(), m_card);
        QCOMPARE(set.out.value(u"pin_set"_s), QJsonValue(true));
        QCOMPARE(set.out.value(u"state"_s).toString(), u"issued"_s);
        expectFailure(withPin(u"pin-set"_s, m_card, pin2), 3, u"card.pin_already_set"_s, u"card"_s);
    }

    void activateThenVerifyThePin()
    {
        const QStringList command = {u"activate"_s, u"--card"_s, QString::number(m_card), u"--request-id"_s, u"cc-act"_s};
        const auto activated = card(command);
        expectSuccess(activated);
        QCOMPARE(activated.out.value(u"state"_s).toString(), u"active"_s);
        QCOMPARE(activated.out.value(u"replayed"_s), QJsonValue(false));
        QCOMPARE(card(command).out.value(u"replayed"_s), QJsonValue(true));
        expectFailure(card({u"activate"_s, u"--card"_s, QString::number(m_card)}), 3, u"card.not_issued_state"_s, u"card"_s);

        expectFailure(withPin(u"pin-verify"_s, m_card, pin2), 3, u"card.pin_wrong"_s);
        QCOMPARE(show(m_card).value(u"pin_tries_left"_s).toInt(), 2);
        const auto verified = withPin(u"pin-verify"_s, m_card, pin1);
        expectSuccess(verified);
        QCOMPARE(verified.out.value(u"verified"_s), QJsonValue(true));
        QCOMPARE(verified.out.value(u"card_id"_s).toInteger(), m_card);
        QCOMPARE(show(m_card).value(u"pin_tries_left"_s).toInt(), 3);
    }

    void changeLockAndResetThePin()
    {
        expectFailure(card({u"pin-change"_s, u"--card"_s, QString::number(m_card)}, {{u"COUNTERSIGN_PIN"_s, pin1}}), 2,
                      u"usage.no_pin"_s, u"new_pin"_s);
        const auto changed = card({u"pin-change"_s, u"--card"_s, QString::number(m_card)},
                                  {{u"COUNTERSIGN_PIN"_s, pin1}, {u"COUNTERSIGN_NEW_PIN"_s, pin2}});
        expectSuccess(changed);
        QCOMPARE(changed.out.value(u"state"_s).toString(), u"active"_s);
        expectSuccess(withPin(u"pin-verify"_s, m_card, pin2));

        // Three wrong PINs on one business day lock it; the right one is refused too until a reset.
        expectFailure(withPin(u"pin-verify"_s, m_card, pin1), 3, u"card.pin_wrong"_s);
        expectFailure(withPin(u"pin-verify"_s, m_card, pin1), 3, u"card.pin_wrong"_s);
        expectFailure(withPin(u"pin-verify"_s, m_card, pin1), 3, u"card.pin_locked"_s);
        expectFailure(withPin(u"pin-verify"_s, m_card, pin2), 3, u"card.pin_locked"_s);
        QCOMPARE(show(m_card).value(u"pin_locked"_s), QJsonValue(true));

        const auto asked = card({u"pin-reset"_s, u"--card"_s, QString::number(m_card), u"--reason"_s,
                                 u"customer forgot the PIN"_s, u"--request-id"_s, u"cc-pin-reset"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"card_state"_s).toString(), u"active"_s);
        const qint64 approval = asked.out.value(u"approval_id"_s).toInteger();
        QVERIFY(approval > 0);
        const auto approved = as(u"super1"_s, {u"approval"_s, u"approve"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(approved);
        QCOMPARE(approved.out.value(u"state"_s).toString(), u"approved"_s);
        const QJsonObject after = show(m_card);
        QCOMPARE(after.value(u"pin_set"_s), QJsonValue(false));
        QCOMPARE(after.value(u"pin_locked"_s), QJsonValue(false));
        expectSuccess(withPin(u"pin-set"_s, m_card, pin1));
        expectSuccess(withPin(u"pin-verify"_s, m_card, pin1));
    }

    void oralLossIsLiftedWrittenLossIsNot()
    {
        const QString id = QString::number(m_card);
        expectFailure(card({u"report-loss"_s, u"--card"_s, id, u"--kind"_s, u"phone"_s, u"--reason"_s, u"lost"_s}), 2,
                      u"card.loss_kind"_s, u"kind"_s);
        expectFailure(card({u"report-loss"_s, u"--card"_s, id, u"--reason"_s, u"lost"_s}), 2, u"usage.missing_option"_s,
                      u"kind"_s);
        expectFailure(card({u"lift-loss"_s, u"--card"_s, id, u"--reason"_s, u"found"_s}), 3, u"card.no_loss"_s, u"card"_s);

        const auto oral = card({u"report-loss"_s, u"--card"_s, id, u"--kind"_s, u"oral"_s, u"--reason"_s,
                                u"lost on the bus, by phone"_s, u"--request-id"_s, u"cc-oral"_s});
        expectSuccess(oral);
        QCOMPARE(oral.out.value(u"state"_s).toString(), u"lost_oral"_s);
        QCOMPARE(oral.out.value(u"loss_kind"_s).toString(), u"oral"_s);
        QCOMPARE(oral.out.value(u"loss_reported_on"_s).toString(), m_today.toString(Qt::ISODate));
        // Lapses when the business date is past the report + 5 days (cards.oral_loss_lapse_days).
        QCOMPARE(oral.out.value(u"loss_lapses_on"_s).toString(), m_today.addDays(6).toString(Qt::ISODate));
        expectFailure(card({u"freeze"_s, u"--card"_s, id, u"--reason"_s, u"court"_s}), 3, u"card.loss_in_force"_s,
                      u"card"_s);

        const auto lifted = card({u"lift-loss"_s, u"--card"_s, id, u"--reason"_s, u"found at home"_s});
        expectSuccess(lifted);
        QCOMPARE(lifted.out.value(u"state"_s).toString(), u"active"_s);
        QVERIFY(lifted.out.value(u"loss_kind"_s).isNull());

        const auto written = card({u"report-loss"_s, u"--card"_s, id, u"--kind"_s, u"written"_s, u"--reason"_s,
                                   u"stolen, written report with ID"_s});
        expectSuccess(written);
        QCOMPARE(written.out.value(u"state"_s).toString(), u"lost_written"_s);
        QCOMPARE(written.out.value(u"replaceable_on"_s).toString(), m_today.addDays(7).toString(Qt::ISODate));
        expectFailure(card({u"lift-loss"_s, u"--card"_s, id, u"--reason"_s, u"found"_s}), 3, u"card.loss_written"_s,
                      u"card"_s);
        expectFailure(card({u"replace"_s, u"--card"_s, id, u"--reason"_s, u"stolen"_s}), 3, u"card.replace_too_early"_s,
                      u"card"_s);
    }

    void replacementWaitsForASupervisor()
    {
        m_liCard = activeCard(m_liI, liId, pin2, u"cc-issue-li"_s);
        QVERIFY(m_liCard > 0);
        const QString oldMasked = show(m_liCard).value(u"pan_masked"_s).toString();
        const auto asked = card({u"replace"_s, u"--card"_s, QString::number(m_liCard), u"--reason"_s, u"chip damaged"_s,
                                 u"--request-id"_s, u"cc-replace"_s});
        expectSuccess(asked);
        QCOMPARE(asked.out.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(asked.out.value(u"card_state"_s).toString(), u"active"_s);
        const qint64 approval = asked.out.value(u"approval_id"_s).toInteger();
        QVERIFY(approval > 0);
        QVERIFY(!asked.out.contains(u"new_card_id"_s));
        expectFailure(card({u"replace"_s, u"--card"_s, QString::number(m_liCard), u"--reason"_s, u"again"_s}), 3,
                      u"approval.duplicate"_s);
        expectFailure(as(u"teller1"_s, {u"approval"_s, u"approve"_s, u"--id"_s, QString::number(approval)}), 3,
                      u"permission.denied"_s);
        // The checker sees the new number masked; its sealed copy and keyed hash stay out of sight.
        const auto shown = as(u"super1"_s, {u"approval"_s, u"show"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(shown);
        const QJsonObject payload = shown.out.value(u"payload"_s).toObject();
        QVERIFY(payload.value(u"new_pan_masked"_s).toString().startsWith(debitBin));
        QVERIFY(!payload.contains(u"new_pan_sealed"_s));
        QVERIFY(!payload.contains(u"new_pan_hash"_s));

        const auto approved = as(u"super1"_s, {u"approval"_s, u"approve"_s, u"--id"_s, QString::number(approval)});
        expectSuccess(approved);
        QCOMPARE(approved.out.value(u"state"_s).toString(), u"approved"_s);
        const QJsonObject old = show(m_liCard);
        QCOMPARE(old.value(u"state"_s).toString(), u"replaced"_s);
        m_newCard = old.value(u"replaced_by_card_id"_s).toInteger();
        QVERIFY(m_newCard > m_liCard);

        const QJsonObject fresh = show(m_newCard);
        QCOMPARE(fresh.value(u"state"_s).toString(), u"issued"_s);
        QCOMPARE(fresh.value(u"replaces_card_id"_s).toInteger(), m_liCard);
        QCOMPARE(fresh.value(u"account"_s).toString(), m_liI);
        QCOMPARE(fresh.value(u"pin_set"_s), QJsonValue(false));
        QVERIFY(fresh.value(u"pan_masked"_s).toString() != oldMasked);
        QVERIFY(fresh.value(u"pan_masked"_s).toString().startsWith(debitBin));
        expectFailure(card({u"activate"_s, u"--card"_s, QString::number(m_liCard)}), 3, u"card.closed"_s, u"card"_s);
    }

    void cancellation()
    {
        const auto cancelled = card({u"cancel"_s, u"--card"_s, QString::number(m_card), u"--reason"_s,
                                     u"customer closes the card"_s, u"--request-id"_s, u"cc-cancel"_s});
        expectSuccess(cancelled);
        QCOMPARE(cancelled.out.value(u"state"_s).toString(), u"cancelled"_s);
        expectFailure(withPin(u"pin-verify"_s, m_card, pin1), 3, u"card.closed"_s);
        expectFailure(card({u"cancel"_s, u"--card"_s, QString::number(m_card), u"--reason"_s, u"twice"_s}), 3,
                      u"card.closed"_s, u"card"_s);
    }

    void quasiCreditCardFreezeAndUnfreeze()
    {
        const auto issued = card({u"issue"_s, u"--account"_s, m_sunI, u"--product"_s, u"quasi"_s, u"--limit"_s,
                                  u"20000.00"_s, u"--request-id"_s, u"cc-quasi"_s});
        expectSuccess(issued);
        m_quasi = issued.out.value(u"card_id"_s).toInteger();
        QCOMPARE(issued.out.value(u"product"_s).toString(), u"quasi"_s);
        QCOMPARE(issued.out.value(u"account"_s).toString(), m_sunI);
        const QString cardAccount = issued.out.value(u"card_account"_s).toString();
        QVERIFY(!cardAccount.isEmpty() && cardAccount != m_sunI);
        QVERIFY(issued.out.value(u"pan_masked"_s).toString().startsWith(u"622688"_s));
        const QJsonObject shown = show(m_quasi);
        QCOMPARE(shown.value(u"credit_limit"_s).toString(), u"20000.00"_s);
        QCOMPARE(shown.value(u"available"_s).toString(), u"20000.00"_s);

        expectSuccess(withPin(u"pin-set"_s, m_quasi, pin1));
        expectSuccess(card({u"activate"_s, u"--card"_s, QString::number(m_quasi)}));
        const auto frozen = card({u"freeze"_s, u"--card"_s, QString::number(m_quasi), u"--reason"_s, u"suspicious use"_s});
        expectSuccess(frozen);
        QCOMPARE(frozen.out.value(u"state"_s).toString(), u"frozen"_s);
        const auto unfrozen = card({u"unfreeze"_s, u"--card"_s, QString::number(m_quasi), u"--reason"_s, u"cleared"_s});
        expectSuccess(unfrozen);
        QCOMPARE(unfrozen.out.value(u"state"_s).toString(), u"active"_s);
    }

    void creditCardWithItsDays()
    {
        const auto issued = card({u"issue"_s, u"--account"_s, m_huangI, u"--product"_s, u"credit"_s, u"--limit"_s,
                                  u"30000.00"_s, u"--statement-day"_s, u"10"_s, u"--due-day"_s, u"28"_s});
        expectSuccess(issued);
        QVERIFY(issued.out.value(u"pan_masked"_s).toString().startsWith(u"625988"_s));
        const QJsonObject shown = show(issued.out.value(u"card_id"_s).toInteger());
        QCOMPARE(shown.value(u"product"_s).toString(), u"credit"_s);
        QCOMPARE(shown.value(u"statement_day"_s).toInt(), 10);
        QCOMPARE(shown.value(u"due_day"_s).toInt(), 28);
        QCOMPARE(shown.value(u"credit_limit"_s).toString(), u"30000.00"_s);
    }

    void onlinePaymentWithinTheCeiling()
    {
        const QString id = QString::number(m_quasi);
        expectFailure(card({u"online"_s, u"--card"_s, id}), 2, u"usage.missing_option"_s, u"enable"_s);
        expectFailure(card({u"online"_s, u"--card"_s, id, u"--enable"_s, u"--disable"_s}), 2, u"usage.missing_option"_s,
                      u"enable"_s);
        expectFailure(card({u"online"_s, u"--card"_s, id, u"--enable"_s, u"--method"_s, u"fax"_s, u"--limit"_s, u"10.00"_s}),
                      2, u"card.online_method"_s, u"method"_s);
        // SMS codes: at most ¥20,000 a day (cards.online.ceiling.sms); USB key ¥500,000.
        expectFailure(card({u"online"_s, u"--card"_s, id, u"--enable"_s, u"--method"_s, u"sms"_s, u"--limit"_s,
                            u"20000.01"_s}),
                      3, u"card.online_limit_above_ceiling"_s, u"limit"_s);
        QCOMPARE(show(m_quasi).value(u"online_enabled"_s), QJsonValue(false));
        const auto enabled = card({u"online"_s, u"--card"_s, id, u"--enable"_s, u"--method"_s, u"sms"_s, u"--limit"_s,
                                   u"20000.00"_s, u"--request-id"_s, u"cc-online"_s});
        expectSuccess(enabled);
        QCOMPARE(enabled.out.value(u"online_enabled"_s), QJsonValue(true));
        QCOMPARE(enabled.out.value(u"online_method"_s).toString(), u"sms"_s);
        QCOMPARE(enabled.out.value(u"online_daily_limit"_s).toString(), u"20000.00"_s);
        expectFailure(card({u"online"_s, u"--card"_s, id, u"--enable"_s, u"--method"_s, u"usbkey"_s, u"--limit"_s,
                            u"500000.01"_s}),
                      3, u"card.online_limit_above_ceiling"_s, u"limit"_s);
        // What is not given stays: the method and the limit.
        const auto disabled = card({u"online"_s, u"--card"_s, id, u"--disable"_s});
        expectSuccess(disabled);
        QCOMPARE(disabled.out.value(u"online_enabled"_s), QJsonValue(false));
        const auto again = card({u"online"_s, u"--card"_s, id, u"--enable"_s});
        expectSuccess(again);
        QCOMPARE(again.out.value(u"online_method"_s).toString(), u"sms"_s);
        QCOMPARE(again.out.value(u"online_daily_limit"_s).toString(), u"20000.00"_s);
    }

    void findReadsThePanFromTheEnvironment()
    {
        auto pan = m_key.fullPan(m_db.db(), m_newCard);
        CS_VERIFY_RESULT(pan);
        m_db.db().closeThreadConnection();
        expectFailure(card({u"find"_s}), 2, u"usage.no_pan"_s, u"pan"_s);
        const auto found = card({u"find"_s}, {{u"COUNTERSIGN_PAN"_s, *pan}});
        expectSuccess(found);
        QCOMPARE(found.out.value(u"card_id"_s).toInteger(), m_newCard);
        QCOMPARE(found.out.value(u"pan_masked"_s).toString(), cs::pan::masked(*pan));
        QVERIFY(!found.rawOut.contains(pan->toLatin1()));
        // Another valid number of our BIN that was never issued.
        const QString other = *cs::pan::compose(debitBin, 987654321, 19);
        const auto missing = card({u"find"_s}, {{u"COUNTERSIGN_PAN"_s, other}});
        expectFailure(missing, 4, u"card.not_found"_s);
        QVERIFY(!missing.rawErr.contains(other.toLatin1()));
    }

    void theCardKeyIsRequired()
    {
        const QString id = QString::number(m_quasi);
        expectFailure(card({u"show"_s, u"--card"_s, id}, {{u"COUNTERSIGN_CARD_KEY"_s, u"00ff"_s}}), 2,
                      u"card.key_malformed"_s, u"COUNTERSIGN_CARD_KEY"_s);
        expectFailure(card({u"show"_s, u"--card"_s, id}, {{u"COUNTERSIGN_CARD_KEY"_s, QString(64, u'g')}}), 2,
                      u"card.key_malformed"_s, u"COUNTERSIGN_CARD_KEY"_s);
        if (m_db.db().dialect() == cs::Dialect::PostgreSQL) {
            expectFailure(card({u"show"_s, u"--card"_s, id}, {{u"COUNTERSIGN_CARD_KEY"_s, QString()}}), 3,
                          u"card.key_missing"_s);
            expectFailure(card({u"show"_s, u"--card"_s, id}, {{u"COUNTERSIGN_CARD_KEY"_s, QString(64, u'7')}}), 3,
                          u"card.key_mismatch"_s);
        } else {
            // SQLite: the key lives beside the database; without the file the cards are closed to us.
            const QString keys = m_db.url().mid(7) + u".keys"_s;
            QVERIFY(QFile::exists(keys));
            QCOMPARE(QFile::permissions(keys) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                     QFile::Permissions());
            QVERIFY(QFile::rename(keys, keys + u".away"_s));
            expectFailure(card({u"show"_s, u"--card"_s, id}), 3, u"card.key_missing"_s);
            QVERIFY(!QFile::exists(keys)); // nothing made up in its place
            QVERIFY(QFile::rename(keys + u".away"_s, keys));
        }
        expectSuccess(card({u"show"_s, u"--card"_s, id}));
    }
};

QTEST_GUILESS_MAIN(TestCardCli)
#include "tst_cardcli.moc"
