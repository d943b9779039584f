// Connection settings and secrets (DESIGN rule 9): the connection dialog driven from the keyboard, the
// settings file that never holds the password, the password under its exact key in the SecretStore,
// toUrl round trips with sslmode, the in-memory store and SecureBytes wiping.

#include "uitestsupport.h"

#include "security/connectiondialog.h"
#include "security/connectionsettings.h"
#include "security/secretstore.h"
#include "storage/databaseurl.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using cs::ui::ConnectionDialog;
using cs::ui::ConnectionProfile;
namespace ConnectionSettings = cs::ui::ConnectionSettings;
using cs::test::child;

namespace {

const QByteArray kPassword = "Tr0ub4dor&3;x=1%pw"_ba;
const QString kKey = u"db-password/teller_app@db.branch.test:6543/countersign"_s;

bool hasFocus(const QWidget* widget)
{
    const QWidget* focus = QApplication::focusWidget();
    return focus && (focus == widget || widget->isAncestorOf(focus));
}

// A keychain that is not there: every call fails as QtKeychain does without a secret service.
class UnavailableSecretStore final : public cs::SecretStore {
public:
    bool isAvailable() const override { return false; }
    cs::Result<QByteArray> read(const QString&) override { return cs::fail(error()); }
    cs::Status write(const QString&, const QByteArray&) override
    {
        ++writes;
        return cs::fail(error());
    }
    cs::Status remove(const QString&) override { return cs::fail(error()); }
    int writes = 0;

private:
    static cs::Error error()
    {
        return cs::Error::unavailable(u"secret.unavailable"_s, u"The system keychain is not available."_s);
    }
};

ConnectionProfile sampleProfile()
{
    ConnectionProfile profile;
    profile.host = u"db.branch.test"_s;
    profile.port = 6543;
    profile.database = u"countersign"_s;
    profile.user = u"teller_app"_s;
    profile.sslMode = u"verify-full"_s;
    return profile;
}

} // namespace

class TestConnectionSettings : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // SecureBytes and MemorySecretStore
    void secureBytesDetachesAndWipes();
    void secureBytesWipesOnMove();
    void memoryStoreWriteReadOverwriteRemove();
    void memoryStoreReadsAreCopies();
    void memoryStoreRefusesAnEmptyKey();

    // ConnectionSettings
    void secretKeyIsExact();
    void saveAndLoadRoundTrip();
    void saveRemovesAStrayPassword();
    void toUrlRoundTripsWithSslMode_data();
    void toUrlRoundTripsWithSslMode();
    void toUrlWithoutStoredPasswordHasNone();
    void toUrlRefusesAnUnavailableKeychain();
    void toUrlNamesTheMissingField_data();
    void toUrlNamesTheMissingField();

    // ConnectionDialog
    void dialogDefaults();
    void tabOrderFollowsTheFields();
    void dialogSavesProfileButNotThePasswordInTheFile();
    void dialogStartsWithTheSavedProfile();
    void emptyPasswordKeepsTheStoredOne();
    void changedConnectionDropsTheOldPassword();
    void keychainFailureSavesNothing();
    void escapeCancels();
    void missingServerIsRefused();
    void testConnectionReportsAFailure();
    void testConnectionAgainstPostgreSQL();

private:
    ConnectionDialog* openDialog(cs::SecretStore& store);
    void fillDialog(ConnectionDialog* dialog, const QByteArray& password);
    QByteArray settingsBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionDialog> m_dialog;
};

void TestConnectionSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"countersign.ini"_s), QSettings::IniFormat);
}

void TestConnectionSettings::cleanup()
{
    m_dialog.reset();
    m_settings.reset();
    m_dir.reset();
}

ConnectionDialog* TestConnectionSettings::openDialog(cs::SecretStore& store)
{
    m_dialog = std::make_unique<ConnectionDialog>(store, m_settings.get());
    m_dialog->show();
    m_dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(m_dialog.get()))
        qWarning("the connection dialog did not become active");
    return m_dialog.get();
}

// Types the sample profile into the fields, as a user does: Tab from field to field.
void TestConnectionSettings::fillDialog(ConnectionDialog* dialog, const QByteArray& password)
{
    auto* host = child<QLineEdit>(dialog, u"hostEdit"_s);
    auto* port = child<QSpinBox>(dialog, u"portSpin"_s);
    auto* database = child<QLineEdit>(dialog, u"databaseEdit"_s);
    auto* user = child<QLineEdit>(dialog, u"userEdit"_s);
    auto* passwordEdit = child<QLineEdit>(dialog, u"passwordEdit"_s);
    auto* sslMode = child<QComboBox>(dialog, u"sslModeCombo"_s);
    QVERIFY(host && port && database && user && passwordEdit && sslMode);

    host->setFocus();
    host->selectAll();
    QTest::keyClicks(host, u"db.branch.test"_s);
    QTest::keyClick(host, Qt::Key_Tab);
    QVERIFY(hasFocus(port));
    port->selectAll();
    QTest::keyClicks(port, u"6543"_s);
    QTest::keyClick(port, Qt::Key_Tab);
    QVERIFY(hasFocus(database));
    database->selectAll();
    QTest::keyClicks(database, u"countersign"_s);
    QTest::keyClick(database, Qt::Key_Tab);
    QVERIFY(hasFocus(user));
    user->selectAll();
    QTest::keyClicks(user, u"teller_app"_s);
    QTest::keyClick(user, Qt::Key_Tab);
    QVERIFY(hasFocus(passwordEdit));
    QTest::keyClicks(passwordEdit, QString::fromLatin1(password));
    QTest::keyClick(passwordEdit, Qt::Key_Tab);
    QVERIFY(hasFocus(sslMode));
    QTest::keyClick(sslMode, Qt::Key_End);
    QCOMPARE(sslMode->currentData().toString(), u"verify-full"_s);
    QCOMPARE(port->value(), 6543);
}

QByteArray TestConnectionSettings::settingsBytes() const
{
    QFile file(m_settings->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// --- SecureBytes and MemorySecretStore ------------------------------------------------------------

void TestConnectionSettings::secureBytesDetachesAndWipes()
{
    const QByteArray source = "correct horse battery staple"_ba;
    cs::SecureBytes secret(source);
    // Its own buffer: wiping it leaves the caller's copy alone.
    QVERIFY(secret.bytes().constData() != source.constData());
    QCOMPARE(secret.bytes(), source);

    const char* data = secret.bytes().constData();
    const qsizetype size = secret.bytes().size();
    secret.wipe();
    QVERIFY(secret.bytes().isEmpty());
    // The same allocation, now all zeros.
    QCOMPARE(secret.bytes().constData(), data);
    for (qsizetype i = 0; i < size; ++i)
        QCOMPARE(data[i], '\0');
    QCOMPARE(source, "correct horse battery staple"_ba);

    secret.wipe(); // twice is harmless
    QVERIFY(secret.bytes().isEmpty());
}

void TestConnectionSettings::secureBytesWipesOnMove()
{
    cs::SecureBytes first(QByteArray("first secret"));
    cs::SecureBytes second(QByteArray("second secret"));
    second = std::move(first);
    QCOMPARE(second.bytes(), "first secret"_ba);
    cs::SecureBytes third(std::move(second));
    QCOMPARE(third.bytes(), "first secret"_ba);
    QVERIFY(second.bytes().isEmpty()); // NOLINT(bugprone-use-after-move): moved-from is empty
}

void TestConnectionSettings::memoryStoreWriteReadOverwriteRemove()
{
    cs::MemorySecretStore store;
    QVERIFY(store.isAvailable());

    const auto missing = store.read(kKey);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"secret.not_found"_s);
    QCOMPARE(missing.error().kind, cs::ErrorKind::NotFound);
    QVERIFY(!missing.error().message.isEmpty());

    QVERIFY(store.write(kKey, kPassword));
    auto read = store.read(kKey);
    QVERIFY(read);
    QCOMPARE(*read, kPassword);

    const QByteArray binary("\0\x01\xff secret"_ba);
    QVERIFY(store.write(kKey, binary));
    read = store.read(kKey);
    QVERIFY(read);
    QCOMPARE(*read, binary);

    QVERIFY(store.remove(kKey));
    const auto removed = store.read(kKey);
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, u"secret.not_found"_s);
    // Removing what is not there leaves the store as asked.
    QVERIFY(store.remove(kKey));
}

void TestConnectionSettings::memoryStoreReadsAreCopies()
{
    cs::MemorySecretStore store;
    QByteArray written = kPassword;
    QVERIFY(store.write(kKey, written));
    written.fill('x'); // the caller wipes its copy
    auto read = store.read(kKey);
    QVERIFY(read);
    QCOMPARE(*read, kPassword);
    {
        cs::SecureBytes wiped(std::move(*read)); // the reader wipes what it read
    }
    const auto again = store.read(kKey);
    QVERIFY(again);
    QCOMPARE(*again, kPassword);
}

void TestConnectionSettings::memoryStoreRefusesAnEmptyKey()
{
    cs::MemorySecretStore store;
    const auto written = store.write({}, kPassword);
    QVERIFY(!written);
    QCOMPARE(written.error().kind, cs::ErrorKind::Invalid);
    QVERIFY(!store.read({}));
}

// --- ConnectionSettings ---------------------------------------------------------------------------

void TestConnectionSettings::secretKeyIsExact()
{
    QCOMPARE(sampleProfile().secretKey(), kKey);
}

void TestConnectionSettings::saveAndLoadRoundTrip()
{
    QVERIFY(!ConnectionSettings::load(*m_settings).has_value());
    QVERIFY(ConnectionSettings::save(sampleProfile(), *m_settings));
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    const auto loaded = ConnectionSettings::load(reread);
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, sampleProfile());
    QVERIFY(loaded->isComplete());
}

void TestConnectionSettings::saveRemovesAStrayPassword()
{
    m_settings->setValue(u"connection/password"_s, u"leaked"_s);
    m_settings->sync();
    QVERIFY(settingsBytes().contains("leaked"));
    QVERIFY(ConnectionSettings::save(sampleProfile(), *m_settings));
    QVERIFY(!settingsBytes().contains("leaked"));
    QVERIFY(!settingsBytes().contains("password"));
}

void TestConnectionSettings::toUrlRoundTripsWithSslMode_data()
{
    QTest::addColumn<QString>("sslMode");
    QTest::newRow("disable") << u"disable"_s;
    QTest::newRow("require") << u"require"_s;
    QTest::newRow("verify-ca") << u"verify-ca"_s;
    QTest::newRow("verify-full") << u"verify-full"_s;
}

void TestConnectionSettings::toUrlRoundTripsWithSslMode()
{
    QFETCH(QString, sslMode);
    ConnectionProfile profile = sampleProfile();
    profile.sslMode = sslMode;
    cs::MemorySecretStore store;
    QVERIFY(store.write(profile.secretKey(), kPassword));

    const auto url = ConnectionSettings::toUrl(profile, store);
    QVERIFY2(url.has_value(), url ? "" : qPrintable(url.error().message));
    QCOMPARE(url->dialect, cs::Dialect::PostgreSQL);
    QCOMPARE(url->host, profile.host);
    QCOMPARE(url->port, profile.port);
    QCOMPARE(url->database, profile.database);
    QCOMPARE(url->user, profile.user);
    QCOMPARE(url->password, QString::fromLatin1(kPassword));
    QCOMPARE(url->sslMode, sslMode);
    QVERIFY(url->toString().endsWith(u"?sslmode="_s + sslMode));
    QVERIFY(!url->displayName().contains(QString::fromLatin1(kPassword)));

    // The text form parses back to the same address, password and TLS mode included.
    const auto parsed = cs::DatabaseUrl::parse(url->toString());
    QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->host, url->host);
    QCOMPARE(parsed->port, url->port);
    QCOMPARE(parsed->database, url->database);
    QCOMPARE(parsed->user, url->user);
    QCOMPARE(parsed->password, url->password);
    QCOMPARE(parsed->sslMode, sslMode);
}

void TestConnectionSettings::toUrlWithoutStoredPasswordHasNone()
{
    cs::MemorySecretStore store;
    const auto url = ConnectionSettings::toUrl(sampleProfile(), store);
    QVERIFY(url);
    QVERIFY(url->password.isEmpty());
}

void TestConnectionSettings::toUrlRefusesAnUnavailableKeychain()
{
    UnavailableSecretStore store;
    const auto url = ConnectionSettings::toUrl(sampleProfile(), store);
    QVERIFY(!url);
    QCOMPARE(url.error().code, u"secret.unavailable"_s);
    QCOMPARE(url.error().kind, cs::ErrorKind::Unavailable);
}

void TestConnectionSettings::toUrlNamesTheMissingField_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("host") << u"host"_s;
    QTest::newRow("port") << u"port"_s;
    QTest::newRow("database") << u"database"_s;
    QTest::newRow("user") << u"user"_s;
    QTest::newRow("sslmode") << u"sslmode"_s;
}

void TestConnectionSettings::toUrlNamesTheMissingField()
{
    QFETCH(QString, field);
    ConnectionProfile profile = sampleProfile();
    if (field == u"host")
        profile.host = u"  "_s;
    else if (field == u"port")
        profile.port = 70000;
    else if (field == u"database")
        profile.database.clear();
    else if (field == u"user")
        profile.user.clear();
    else
        profile.sslMode = u"prefer-plaintext"_s;
    cs::MemorySecretStore store;
    const auto url = ConnectionSettings::toUrl(profile, store);
    QVERIFY(!url);
    QCOMPARE(url.error().kind, cs::ErrorKind::Invalid);
    QCOMPARE(url.error().field, field);
    QVERIFY(!url.error().message.isEmpty());
}

// --- ConnectionDialog -----------------------------------------------------------------------------

void TestConnectionSettings::dialogDefaults()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    auto* port = child<QSpinBox>(dialog, u"portSpin"_s);
    auto* sslMode = child<QComboBox>(dialog, u"sslModeCombo"_s);
    auto* password = child<QLineEdit>(dialog, u"passwordEdit"_s);
    auto* save = child<QPushButton>(dialog, u"saveButton"_s);
    QVERIFY(port && sslMode && password && save);
    QCOMPARE(port->value(), 5432);
    QCOMPARE(sslMode->currentData().toString(), u"require"_s);
    QCOMPARE(sslMode->count(), 4);
    QStringList modes;
    for (int i = 0; i < sslMode->count(); ++i)
        modes.append(sslMode->itemData(i).toString());
    QCOMPARE(modes, (QStringList{u"disable"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s}));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(save->isDefault());
    QVERIFY(hasFocus(child<QLineEdit>(dialog, u"hostEdit"_s)));
    for (const QString& name : {u"databaseEdit"_s, u"userEdit"_s, u"testButton"_s, u"cancelButton"_s,
                                u"statusLabel"_s})
        QVERIFY2(dialog->findChild<QWidget*>(name), qPrintable(name));
}

void TestConnectionSettings::tabOrderFollowsTheFields()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    const QStringList order = {u"hostEdit"_s,     u"portSpin"_s,     u"databaseEdit"_s, u"userEdit"_s,
                               u"passwordEdit"_s, u"sslModeCombo"_s, u"testButton"_s,   u"saveButton"_s,
                               u"cancelButton"_s};
    auto* first = child<QWidget>(dialog, order.first());
    QVERIFY(first);
    first->setFocus();
    for (qsizetype i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto* expected = child<QWidget>(dialog, order.at(i));
        QVERIFY2(hasFocus(expected), qPrintable(u"Tab should reach "_s + order.at(i)));
    }
}

void TestConnectionSettings::dialogSavesProfileButNotThePasswordInTheFile()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    QSignalSpy savedSpy(dialog, &ConnectionDialog::saved);
    fillDialog(dialog, kPassword);
    if (QTest::currentTestFailed())
        return;

    // Enter saves, from whichever field.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isVisible());
    QCOMPARE(savedSpy.count(), 1);
    QCOMPARE(savedSpy.at(0).at(0).value<ConnectionProfile>(), sampleProfile());

    // The settings file: the profile, and nothing of the password.
    const QByteArray file = settingsBytes();
    QVERIFY2(file.contains("[connection]"), file.constData());
    QVERIFY2(file.contains("host=db.branch.test"), file.constData());
    QVERIFY2(file.contains("port=6543"), file.constData());
    QVERIFY2(file.contains("database=countersign"), file.constData());
    QVERIFY2(file.contains("user=teller_app"), file.constData());
    QVERIFY2(file.contains("sslmode=verify-full"), file.constData());
    QVERIFY2(!file.contains(kPassword), file.constData());
    QVERIFY2(!file.contains("Tr0ub4dor"), file.constData());
    QVERIFY2(!file.toLower().contains("password"), file.constData());

    // The keychain: the password under its exact key, and nothing else.
    const auto stored = store.read(kKey);
    QVERIFY2(stored.has_value(), stored ? "" : qPrintable(stored.error().message));
    QCOMPARE(*stored, kPassword);

    // Loading and resolving gives the address back, TLS mode included.
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    const auto loaded = ConnectionSettings::load(reread);
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, sampleProfile());
    const auto url = ConnectionSettings::toUrl(*loaded, store);
    QVERIFY(url);
    QCOMPARE(url->password, QString::fromLatin1(kPassword));
    QVERIFY(url->toString().contains(u"sslmode=verify-full"_s));

    // The password field does not keep what was typed.
    QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->text().isEmpty());
}

void TestConnectionSettings::dialogStartsWithTheSavedProfile()
{
    QVERIFY(ConnectionSettings::save(sampleProfile(), *m_settings));
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    QCOMPARE(dialog->profile(), sampleProfile());
    QCOMPARE(child<QLineEdit>(dialog, u"hostEdit"_s)->text(), u"db.branch.test"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"portSpin"_s)->value(), 6543);
    QCOMPARE(child<QComboBox>(dialog, u"sslModeCombo"_s)->currentData().toString(), u"verify-full"_s);
    // The password is never put back into the field.
    QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->text().isEmpty());
}

void TestConnectionSettings::emptyPasswordKeepsTheStoredOne()
{
    QVERIFY(ConnectionSettings::save(sampleProfile(), *m_settings));
    cs::MemorySecretStore store;
    QVERIFY(store.write(kKey, kPassword));
    ConnectionDialog* dialog = openDialog(store);
    QTest::keyClick(child<QLineEdit>(dialog, u"hostEdit"_s), Qt::Key_Enter);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const auto stored = store.read(kKey);
    QVERIFY(stored);
    QCOMPARE(*stored, kPassword);
}

void TestConnectionSettings::changedConnectionDropsTheOldPassword()
{
    QVERIFY(ConnectionSettings::save(sampleProfile(), *m_settings));
    cs::MemorySecretStore store;
    QVERIFY(store.write(kKey, kPassword));
    ConnectionDialog* dialog = openDialog(store);
    auto* user = child<QLineEdit>(dialog, u"userEdit"_s);
    user->setFocus();
    user->selectAll();
    QTest::keyClicks(user, u"supervisor_app"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), u"new-secret"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"passwordEdit"_s), Qt::Key_Return);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const auto fresh = store.read(u"db-password/supervisor_app@db.branch.test:6543/countersign"_s);
    QVERIFY(fresh);
    QCOMPARE(*fresh, "new-secret"_ba);
    const auto old = store.read(kKey);
    QVERIFY(!old);
    QCOMPARE(old.error().code, u"secret.not_found"_s);
}

void TestConnectionSettings::keychainFailureSavesNothing()
{
    UnavailableSecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    fillDialog(dialog, kPassword);
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    QCOMPARE(store.writes, 1);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    auto* status = child<QLabel>(dialog, u"statusLabel"_s);
    QVERIFY(status);
    QVERIFY2(status->text().contains(u"The system keychain is not available."_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"not saved"_s), qPrintable(status->text()));
    QVERIFY(hasFocus(child<QLineEdit>(dialog, u"passwordEdit"_s)));

    // Neither the password nor (so the user sees the failure again) the profile went to the file.
    const QByteArray file = settingsBytes();
    QVERIFY2(!file.contains(kPassword), file.constData());
    QVERIFY2(!file.contains("db.branch.test"), file.constData());
    QVERIFY(!ConnectionSettings::load(*m_settings).has_value());
}

void TestConnectionSettings::escapeCancels()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    fillDialog(dialog, kPassword);
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->isVisible());
    QVERIFY(!store.read(kKey));
    QVERIFY(!ConnectionSettings::load(*m_settings).has_value());
    QVERIFY(!settingsBytes().contains(kPassword));
}

void TestConnectionSettings::missingServerIsRefused()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    auto* database = child<QLineEdit>(dialog, u"databaseEdit"_s);
    QTest::keyClicks(database, u"countersign"_s);
    QTest::keyClick(database, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->statusText().isEmpty());
    QVERIFY(hasFocus(child<QLineEdit>(dialog, u"hostEdit"_s)));
    QVERIFY(!ConnectionSettings::load(*m_settings).has_value());
}

void TestConnectionSettings::testConnectionReportsAFailure()
{
    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
    QTest::keyClicks(child<QLineEdit>(dialog, u"hostEdit"_s), u"127.0.0.1"_s);
    auto* port = child<QSpinBox>(dialog, u"portSpin"_s);
    port->selectAll();
    QTest::keyClicks(port, u"1"_s); // nothing listens on port 1
    QTest::keyClicks(child<QLineEdit>(dialog, u"databaseEdit"_s), u"countersign"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"userEdit"_s), u"nobody"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), u"wrong"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"testButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    qInfo("%s", qPrintable(dialog->statusText()));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!dialog->isBusy());
    QVERIFY2(dialog->statusText().contains(u"127.0.0.1"_s), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->statusText().contains(u"wrong"_s));
    // A test saves nothing.
    QVERIFY(!store.read(u"db-password/nobody@127.0.0.1:1/countersign"_s));
    QVERIFY(!ConnectionSettings::load(*m_settings).has_value());
}

void TestConnectionSettings::testConnectionAgainstPostgreSQL()
{
    const QString text = qEnvironmentVariable("COUNTERSIGN_TEST_PG_URL");
    if (text.isEmpty())
        QSKIP("COUNTERSIGN_TEST_PG_URL is not set");
    const auto server = cs::DatabaseUrl::parse(text);
    QVERIFY(server);

    cs::MemorySecretStore store;
    ConnectionDialog* dialog = openDialog(store);
    ConnectionProfile profile;
    profile.host = server->host;
    profile.port = server->port;
    profile.database = server->database;
    profile.user = server->user;
    profile.sslMode = u"disable"_s;
    dialog->setProfile(profile);
    QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), server->password);
    QTest::mouseClick(child<QPushButton>(dialog, u"testButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    qInfo("%s", qPrintable(dialog->statusText()));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->statusText()));
    QVERIFY(dialog->statusText().contains(server->host));

    // The test server speaks no TLS: "require" must be refused, which shows sslmode reaches the driver.
    profile.sslMode = u"require"_s;
    dialog->setProfile(profile);
    QTest::mouseClick(child<QPushButton>(dialog, u"testButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    qInfo("%s", qPrintable(dialog->statusText()));
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    QVERIFY(!dialog->statusText().contains(server->password));
}

QTEST_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
