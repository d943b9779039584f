// The QtKeychain SecretStore against a REAL secret service (gnome-keyring on a private D-Bus session,
// started by run-with-keyring.sh). Write, read back, overwrite, remove, not_found, under a throwaway
// service name. Without a reachable secret service the test FAILS: a keychain that silently does
// nothing (or falls back to a plaintext file) is exactly what it is here to catch.

#include "security/keychainsecretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString randomSuffix()
{
    return QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void isAvailable();
    void writeReadOverwriteRemove();
    void binarySecretsRoundTrip();
    void servicesAreSeparate();
    void removingNothingSucceeds();
    void emptyKeyIsRefused();
    void noPlaintextCopyOnDisk();

private:
    const QString m_service = u"Countersign-test-"_s + randomSuffix();
    const QString m_key = u"db-password/teller_app@db.branch.test:5432/countersign"_s;
    const QByteArray m_secret = "keychain-secret-"_ba + randomSuffix().toLatin1();
    cs::ui::KeychainSecretStore m_store{m_service};
};

void TestKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "no D-Bus session: run this test through tests/ui/run-with-keyring.sh");
    QCOMPARE(m_store.service(), m_service);
    if (!m_store.isAvailable()) {
        // Say why, in the store's own (translated) words.
        const auto attempt = m_store.write(m_key, m_secret);
        QVERIFY(!attempt);
        QCOMPARE(attempt.error().code, u"secret.unavailable"_s);
        QCOMPARE(attempt.error().kind, cs::ErrorKind::Unavailable);
        QFAIL(qPrintable(u"no secret service is reachable (run this test through tests/ui/run-with-keyring.sh): "_s
                         + attempt.error().message));
    }
}

void TestKeychain::cleanupTestCase()
{
    (void)m_store.remove(m_key);
}

void TestKeychain::isAvailable()
{
    QVERIFY(m_store.isAvailable());
    QVERIFY(m_store.isAvailable()); // cached
    QCOMPARE(cs::ui::KeychainSecretStore().service(), u"Countersign"_s);
}

void TestKeychain::writeReadOverwriteRemove()
{
    const auto before = m_store.read(m_key);
    QVERIFY(!before);
    QCOMPARE(before.error().code, u"secret.not_found"_s);

    const auto written = m_store.write(m_key, m_secret);
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().message));
    auto read = m_store.read(m_key);
    QVERIFY2(read.has_value(), read ? "" : qPrintable(read.error().message));
    QCOMPARE(*read, m_secret);

    const QByteArray replacement = m_secret + "-changed"_ba;
    const auto overwritten = m_store.write(m_key, replacement);
    QVERIFY2(overwritten.has_value(), overwritten ? "" : qPrintable(overwritten.error().message));
    read = m_store.read(m_key);
    QVERIFY2(read.has_value(), read ? "" : qPrintable(read.error().message));
    QCOMPARE(*read, replacement);

    // A second store object (as after a restart) finds the same entry.
    cs::ui::KeychainSecretStore again(m_service);
    const auto fromAgain = again.read(m_key);
    QVERIFY(fromAgain);
    QCOMPARE(*fromAgain, replacement);

    const auto removed = m_store.remove(m_key);
    QVERIFY2(removed.has_value(), removed ? "" : qPrintable(removed.error().message));
    const auto gone = m_store.read(m_key);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, u"secret.not_found"_s);
    QCOMPARE(gone.error().kind, cs::ErrorKind::NotFound);
    QVERIFY(!gone.error().message.isEmpty());
}

void TestKeychain::binarySecretsRoundTrip()
{
    const QString key = u"key/"_s + randomSuffix();
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    QVERIFY(m_store.write(key, binary));
    const auto read = m_store.read(key);
    QVERIFY(read);
    QCOMPARE(*read, binary);
    QVERIFY(m_store.remove(key));
}

void TestKeychain::servicesAreSeparate()
{
    QVERIFY(m_store.write(m_key, m_secret));
    cs::ui::KeychainSecretStore other(m_service + u"-other"_s);
    const auto read = other.read(m_key);
    QVERIFY(!read);
    QCOMPARE(read.error().code, u"secret.not_found"_s);
    QVERIFY(m_store.remove(m_key));
}

void TestKeychain::removingNothingSucceeds()
{
    const auto removed = m_store.remove(u"never-written/"_s + randomSuffix());
    QVERIFY2(removed.has_value(), removed ? "" : qPrintable(removed.error().message));
}

void TestKeychain::emptyKeyIsRefused()
{
    const auto written = m_store.write({}, m_secret);
    QVERIFY(!written);
    QCOMPARE(written.error().kind, cs::ErrorKind::Invalid);
}

// With the throwaway HOME of run-with-keyring.sh: no file under it (keyring files, QtKeychain's
// fallback settings, anything) holds the secret in clear.
void TestKeychain::noPlaintextCopyOnDisk()
{
    const QString home = qEnvironmentVariable("COUNTERSIGN_KEYRING_HOME");
    if (home.isEmpty())
        QSKIP("not run through run-with-keyring.sh");
    QVERIFY(m_store.write(m_key, m_secret));
    int files = 0;
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        QVERIFY2(!file.readAll().contains(m_secret), qPrintable(file.fileName()));
    }
    QVERIFY(m_store.remove(m_key));
    qInfo("searched %d files under the keyring home", files);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
