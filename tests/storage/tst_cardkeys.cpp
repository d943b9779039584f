// Opening the card vault on SQLite and PostgreSQL (issue 6, DESIGN rule 9): a terminal's key registered on
// a new database, created when asked, refused when missing or not the database's own; the database
// refusing a second key by itself; the key file of an SQLite database beside it, owner-only (0600).
#include "security/cardkeys.h"
#include "storage/migrator.h"
#include "support/testdatabase.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cs::test;

class TestCardKeys : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_t;

    cs::Database& db() { return m_t->db(); }
    QVariant scalar(const QString& sql)
    {
        auto conn = db().connection();
        QSqlQuery q(*conn);
        if (!q.exec(sql) || !q.next())
            return QVariant(u"<query failed>"_s);
        return q.value(0);
    }
    qint64 keys() { return scalar(u"SELECT COUNT(*) FROM card_keys"_s).toLongLong(); }
    QByteArray key(char fill) { return QByteArray(cs::CardVault::masterKeySize, fill); }

private slots:
    void init()
    {
        auto t = TestDatabase::create();
        CS_VERIFY_RESULT(t);
        m_t = std::move(*t);
        CS_VERIFY_RESULT(cs::Migrator(db()).migrate());
    }
    void cleanup() { m_t.reset(); }

    void registersTheTerminalsKeyOnANewDatabase()
    {
        cs::MemorySecretStore store;
        CS_VERIFY_RESULT(store.write(cs::cardMasterKeyName(), key('k')));
        auto vault = cs::openCardVault(store, db(), false);
        CS_VERIFY_RESULT(vault);
        QCOMPARE(keys(), 1);
        QCOMPARE(scalar(u"SELECT key_id FROM card_keys"_s).toString(), vault->keyId());
        QVERIFY(scalar(u"SELECT created_by FROM card_keys"_s).isNull());
        // Again: the same key, nothing more registered.
        auto again = cs::openCardVault(store, db(), false);
        CS_VERIFY_RESULT(again);
        QCOMPARE(again->keyId(), vault->keyId());
        QCOMPARE(keys(), 1);
    }

    void createsAKeyWhenAsked()
    {
        cs::MemorySecretStore store;
        auto refused = cs::openCardVault(store, db(), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"card.key_missing"_s);
        QCOMPARE(keys(), 0);
        auto vault = cs::openCardVault(store, db(), true);
        CS_VERIFY_RESULT(vault);
        auto stored = store.read(cs::cardMasterKeyName());
        CS_VERIFY_RESULT(stored);
        QCOMPARE(stored->size(), cs::CardVault::masterKeySize);
        auto same = cs::CardVault::fromMasterKey(*stored);
        CS_VERIFY_RESULT(same);
        QCOMPARE(same->keyId(), vault->keyId());
        QCOMPARE(scalar(u"SELECT key_id FROM card_keys"_s).toString(), vault->keyId());
        // The key is never in the database.
        QVERIFY(!scalar(u"SELECT key_id FROM card_keys"_s).toString().contains(QString::fromLatin1(stored->toHex())));
    }

    void refusesATerminalWithoutTheKey()
    {
        cs::MemorySecretStore first;
        CS_VERIFY_RESULT(first.write(cs::cardMasterKeyName(), key('a')));
        CS_VERIFY_RESULT(cs::openCardVault(first, db(), false));
        cs::MemorySecretStore empty;
        for (bool mayCreate : {false, true}) {
            auto missing = cs::openCardVault(empty, db(), mayCreate);
            QVERIFY(!missing);
            QCOMPARE(missing.error().code, u"card.key_missing"_s);
            QCOMPARE(missing.error().kind, cs::ErrorKind::Refused);
            QVERIFY(!missing.error().message.isEmpty());
        }
        QVERIFY(!empty.read(cs::cardMasterKeyName()));
    }

    void refusesAnotherKey()
    {
        cs::MemorySecretStore first;
        CS_VERIFY_RESULT(first.write(cs::cardMasterKeyName(), key('a')));
        auto registered = cs::openCardVault(first, db(), false);
        CS_VERIFY_RESULT(registered);
        cs::MemorySecretStore other;
        CS_VERIFY_RESULT(other.write(cs::cardMasterKeyName(), key('b')));
        auto mismatch = cs::openCardVault(other, db(), true);
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().code, u"card.key_mismatch"_s);
        QCOMPARE(mismatch.error().kind, cs::ErrorKind::Refused);
        QCOMPARE(keys(), 1);
        QCOMPARE(scalar(u"SELECT key_id FROM card_keys"_s).toString(), registered->keyId());
        // The refused terminal's key is left as it was.
        auto kept = other.read(cs::cardMasterKeyName());
        CS_VERIFY_RESULT(kept);
        QCOMPARE(*kept, key('b'));
    }

    void refusesAMalformedKey()
    {
        cs::MemorySecretStore store;
        CS_VERIFY_RESULT(store.write(cs::cardMasterKeyName(), QByteArray(16, 'x')));
        auto bad = cs::openCardVault(store, db(), true);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"card.key_malformed"_s);
        QCOMPARE(keys(), 0);
    }

    void theDatabaseHoldsOneKeyOnly()
    {
        auto conn = db().connection();
        QSqlQuery q(*conn);
        QVERIFY2(q.exec(u"INSERT INTO card_keys (key_id) VALUES ('00112233445566aa')"_s), qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(u"INSERT INTO card_keys (key_id) VALUES ('00112233445566bb')"_s));
        QVERIFY(!q.exec(u"INSERT INTO card_keys (key_id, singleton) VALUES ('00112233445566cc', %1)"_s.arg(
            db().dialect() == cs::Dialect::PostgreSQL ? u"FALSE"_s : u"0"_s)));
        QCOMPARE(keys(), 1);
        // A terminal with another key is refused, the registered one stays.
        cs::MemorySecretStore store;
        CS_VERIFY_RESULT(store.write(cs::cardMasterKeyName(), key('c')));
        auto refused = cs::openCardVault(store, db(), true);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"card.key_mismatch"_s);
        QCOMPARE(scalar(u"SELECT key_id FROM card_keys"_s).toString(), u"00112233445566aa"_s);
    }

    void storeForTheDatabase()
    {
        cs::MemorySecretStore keychain;
        auto store = cs::cardKeyStoreFor(db(), &keychain);
        QVERIFY(store);
        if (db().dialect() == cs::Dialect::PostgreSQL) {
            // The fallback itself: what is written lands in the keychain.
            CS_VERIFY_RESULT(store->write(cs::cardMasterKeyName(), key('p')));
            auto read = keychain.read(cs::cardMasterKeyName());
            CS_VERIFY_RESULT(read);
            QCOMPARE(*read, key('p'));
            QVERIFY(!cs::cardKeyStoreFor(db(), nullptr));
            return;
        }
        // SQLite: a key file beside the database, mode 0600, readable by a new store.
        const QString path = db().url().path + u".keys"_s;
        QVERIFY(!QFile::exists(path));
        auto vault = cs::openCardVault(*store, db(), true);
        CS_VERIFY_RESULT(vault);
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                              | QFileDevice::WriteOther | QFileDevice::ExeOwner)));
        QVERIFY(!keychain.read(cs::cardMasterKeyName()));
        auto reopened = cs::openCardVault(*cs::cardKeyStoreFor(db(), nullptr), db(), false);
        CS_VERIFY_RESULT(reopened);
        QCOMPARE(reopened->keyId(), vault->keyId());
    }

    void fileSecretStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo.db.keys"_s);
        cs::FileSecretStore store(path);
        QVERIFY(store.isAvailable());
        auto none = store.read(u"a"_s);
        QVERIFY(!none);
        QCOMPARE(none.error().code, u"secret.not_found"_s);
        const QByteArray binary("\x00\x01\xff secret\n", 11);
        CS_VERIFY_RESULT(store.write(u"a"_s, binary));
        CS_VERIFY_RESULT(store.write(u"b"_s, "second"));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                             | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        cs::FileSecretStore again(path);
        auto a = again.read(u"a"_s);
        CS_VERIFY_RESULT(a);
        QCOMPARE(*a, binary);
        CS_VERIFY_RESULT(again.remove(u"a"_s));
        CS_VERIFY_RESULT(again.remove(u"a"_s));
        QVERIFY(!store.read(u"a"_s));
        auto b = store.read(u"b"_s);
        CS_VERIFY_RESULT(b);
        QCOMPARE(*b, QByteArray("second"));
        auto unnamed = store.write({}, "x");
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().code, u"secret.key"_s);
    }
};

QTEST_GUILESS_MAIN(TestCardKeys)
#include "tst_cardkeys.moc"
