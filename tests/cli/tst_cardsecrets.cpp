// No full PAN and no PIN anywhere: after cards are issued, PINs set, verified (right and wrong),
// changed and reset, a card found by its number and another replaced, all through the real CLI,
// every row of every table, the database files, what the CLI printed and every file it wrote under its
// HOME are searched for each full PAN (read back in this process through CardService::voucherPan with
// the same key) and each PIN used (as a whole number, so that six digits inside a hash do not count).
// On SQLite and PostgreSQL.
#include "cli/batchrunner.h"
#include "cli/cardkeyfixture.h"
#include "domain/pan.h"
#include "services/accountservice.h"
#include "support/demodb.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>

using cs::test::CardKeyFixture;
using cs::test::DemoDb;
using cs::test::runBatch;

class TestCardSecrets : public QObject {
    Q_OBJECT

private:
    DemoDb m_db;
    CardKeyFixture m_key;
    QTemporaryDir m_home;
    QByteArray m_printed; // everything the CLI wrote on stdout and stderr
    QStringList m_pans;
    const QStringList m_pins = {u"846203"_s, u"317580"_s, u"592746"_s, u"408173"_s};

    cs::test::BatchRun run(const QString& login, const QStringList& command, const QMap<QString, QString>& extra = {})
    {
        QMap<QString, QString> env = m_key.env();
        env.insert(u"COUNTERSIGN_PASSWORD"_s, u"demo-pass-1"_s);
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(extra);
        const auto result = runBatch(QStringList{u"--db"_s, m_db.url(), u"--as"_s, login} + command, env);
        m_printed += result.rawOut + result.rawErr;
        return result;
    }
    cs::test::BatchRun card(const QStringList& command, const QMap<QString, QString>& extra = {})
    {
        return run(u"teller1"_s, QStringList{u"card"_s} + command, extra);
    }
    int withPin(const QString& sub, qint64 id, const QString& pin)
    {
        return card({sub, u"--card"_s, QString::number(id)}, {{u"COUNTERSIGN_PIN"_s, pin}}).exitCode;
    }
    // Issued through the CLI; its full number read back here while it is still `issued`.
    qint64 issue(const QString& account, const QString& product)
    {
        const auto issued = card({u"issue"_s, u"--account"_s, account, u"--product"_s, product});
        const qint64 id = issued.out.value(u"card_id"_s).toInteger();
        if (id > 0)
            rememberPan(id);
        return id;
    }
    void rememberPan(qint64 id)
    {
        auto pan = m_key.fullPan(m_db.db(), id);
        m_db.db().closeThreadConnection();
        if (pan)
            m_pans << *pan;
    }

    QByteArray dumpAllTables() { return cs::test::dumpEveryTable(m_db.db()).toUtf8(); }

    // The first secret found in `haystack` (described, never quoted), or an empty string.
    QString secretIn(const QByteArray& haystack) const
    {
        for (const QString& pan : std::as_const(m_pans)) {
            if (haystack.contains(pan.toLatin1()))
                return u"a full PAN"_s;
        }
        const QString text = QString::fromLatin1(haystack); // byte for byte, whatever the encoding
        for (const QString& pin : m_pins) {
            const QRegularExpression token(u"(?<![0-9A-Za-z])"_s + pin + u"(?![0-9A-Za-z])"_s);
            if (token.match(text).hasMatch())
                return u"the PIN "_s + pin;
        }
        return {};
    }
    void expectNoSecretIn(const QByteArray& haystack, const QString& where)
    {
        const QString found = secretIn(haystack);
        QVERIFY2(found.isEmpty(), qPrintable(found + u" found in "_s + where));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        CS_VERIFY_RESULT(m_db.create());
        CS_VERIFY_RESULT(m_key.init(m_db.db()));
        m_db.db().closeThreadConnection();
    }
    void cleanupTestCase() { m_db.reset(); }

    void everyCardPathLeavesNoPanOrPin()
    {
        auto teller = m_db.signOn(u"teller1"_s);
        CS_VERIFY_RESULT(teller);
        const cs::AccountService accounts(m_db.db());
        const qint64 zhang = m_db.count(u"SELECT id FROM customers WHERE id_number = '110101198003151239'"_s);
        const qint64 li = m_db.count(u"SELECT id FROM customers WHERE id_number = '310104199207082467'"_s);
        auto zhangI = accounts.open(*teller, {zhang, u"demand"_s, u"I"_s, {}, u"cs-open-1"_s});
        CS_VERIFY_RESULT(zhangI);
        auto liI = accounts.open(*teller, {li, u"demand"_s, u"I"_s, {}, u"cs-open-2"_s});
        CS_VERIFY_RESULT(liI);
        m_db.db().closeThreadConnection();

        const qint64 debit = issue(zhangI->number, u"debit"_s);
        const qint64 quasi = issue(liI->number, u"quasi"_s);
        QVERIFY(debit > 0 && quasi > 0);
        QCOMPARE(m_pans.size(), 2);

        QCOMPARE(withPin(u"pin-set"_s, debit, m_pins[0]), 0);
        QCOMPARE(card({u"activate"_s, u"--card"_s, QString::number(debit)}).exitCode, 0);
        QCOMPARE(withPin(u"pin-verify"_s, debit, m_pins[1]), 3);
        QCOMPARE(withPin(u"pin-verify"_s, debit, m_pins[0]), 0);
        QCOMPARE(card({u"pin-change"_s, u"--card"_s, QString::number(debit)},
                      {{u"COUNTERSIGN_PIN"_s, m_pins[0]}, {u"COUNTERSIGN_NEW_PIN"_s, m_pins[2]}})
                     .exitCode,
                 0);
        const auto reset = card({u"pin-reset"_s, u"--card"_s, QString::number(debit), u"--reason"_s, u"forgotten"_s});
        QCOMPARE(reset.exitCode, 0);
        QCOMPARE(run(u"super1"_s, {u"approval"_s, u"approve"_s, u"--id"_s,
                                   QString::number(reset.out.value(u"approval_id"_s).toInteger())})
                     .exitCode,
                 0);
        QCOMPARE(withPin(u"pin-set"_s, debit, m_pins[3]), 0);
        QCOMPARE(withPin(u"pin-verify"_s, debit, m_pins[3]), 0);

        // Found by its number from the environment, right and wrong.
        QCOMPARE(card({u"find"_s}, {{u"COUNTERSIGN_PAN"_s, m_pans[0]}}).exitCode, 0);
        QCOMPARE(card({u"find"_s}, {{u"COUNTERSIGN_PAN"_s, *cs::pan::compose(u"621788"_s, 987654321, 19)}}).exitCode, 4);

        // The quasi-credit card is replaced; the new number joins the search.
        QCOMPARE(withPin(u"pin-set"_s, quasi, m_pins[1]), 0);
        QCOMPARE(card({u"activate"_s, u"--card"_s, QString::number(quasi)}).exitCode, 0);
        const auto replace = card({u"replace"_s, u"--card"_s, QString::number(quasi), u"--reason"_s, u"worn"_s});
        QCOMPARE(replace.exitCode, 0);
        const auto approved = run(u"super1"_s, {u"approval"_s, u"approve"_s, u"--id"_s,
                                                QString::number(replace.out.value(u"approval_id"_s).toInteger())});
        QCOMPARE(approved.exitCode, 0);
        const qint64 replacement =
            m_db.count(u"SELECT replaced_by_card_id FROM cards WHERE id = %1"_s.arg(quasi));
        QVERIFY(replacement > quasi);
        rememberPan(replacement);
        QCOMPARE(m_pans.size(), 3);
        QCOMPARE(card({u"report-loss"_s, u"--card"_s, QString::number(debit), u"--kind"_s, u"oral"_s, u"--reason"_s,
                       u"lost"_s})
                     .exitCode,
                 0);
        QVERIFY(m_db.count(u"SELECT COUNT(*) FROM audit_log WHERE action LIKE 'card.%'"_s) >= 10);

        // The search itself finds what it looks for, and not a PIN's digits inside a longer token.
        QCOMPARE(secretIn("x|" + m_pans[2].toLatin1() + "|y"), u"a full PAN"_s);
        QCOMPARE(secretIn("{\"pin\": \"" + m_pins[3].toLatin1() + "\"}"), u"the PIN "_s + m_pins[3]);
        QCOMPARE(secretIn("ab" + m_pins[3].toLatin1() + "9f"), QString());

        expectNoSecretIn(dumpAllTables(), u"a table"_s);
        expectNoSecretIn(m_printed, u"the CLI's output"_s);
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            expectNoSecretIn(f.readAll(), f.fileName());
        }
        if (m_db.db().dialect() == cs::Dialect::SQLite) {
            m_db.db().closeThreadConnection();
            const QString path = m_db.url().mid(7);
            for (const QString& file : QStringList{path, path + u"-wal"_s, path + u".keys"_s}) {
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    expectNoSecretIn(f.readAll(), file);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCardSecrets)
#include "tst_cardsecrets.moc"
