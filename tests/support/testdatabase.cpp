#include "support/testdatabase.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs::test {
namespace {

// Runs one statement on the server's maintenance database through a short-lived connection.
Status adminExec(const QString& adminUrl, const QString& sql)
{
    auto url = DatabaseUrl::parse(adminUrl);
    if (!url)
        return fail(url.error());
    const QString name = u"cs-test-admin-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status status;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        admin.setHostName(url->host);
        admin.setPort(url->port);
        admin.setUserName(url->user);
        admin.setPassword(url->password);
        admin.setDatabaseName(url->database);
        if (!admin.open()) {
            status = fail(Error::unavailable(u"test.pg_unavailable"_s,
                                             u"Cannot reach the test PostgreSQL server %1: %2"_s
                                                 .arg(url->displayName(), admin.lastError().text())));
        } else {
            QSqlQuery query(admin);
            if (!query.exec(sql))
                status = fail(Error::internal(u"test.pg_admin"_s, query.lastError().text()));
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

} // namespace

QString TestDatabase::backend()
{
    return QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_TEST_BACKEND"_s, u"sqlite"_s);
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::create()
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (backend() == u"sqlite"_s) {
        t->m_dir = std::make_unique<QTemporaryDir>();
        if (!t->m_dir->isValid())
            return fail(Error::internal(u"test.tmp"_s, u"Cannot create a temporary folder"_s));
        t->m_url = u"sqlite:"_s + t->m_dir->filePath(u"test.db"_s);
    } else if (backend() == u"postgresql"_s) {
        t->m_adminUrl = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_TEST_PG_URL"_s);
        if (t->m_adminUrl.isEmpty())
            return fail(Error::unavailable(u"test.no_pg"_s,
                                           u"COUNTERSIGN_TEST_PG_URL is not set: the PostgreSQL tests need a "
                                           "server (the README's test command starts one)."_s));
        auto admin = DatabaseUrl::parse(t->m_adminUrl);
        if (!admin)
            return fail(admin.error());
        // Roles are the cluster's, not a database's: migration 0002 creates countersign_app when it is
        // missing, and two test databases migrating at once would both try. Create it here, once,
        // tolerating the other test that got there first.
        if (auto role = adminExec(t->m_adminUrl,
                                  u"DO $role$ BEGIN CREATE ROLE countersign_app NOLOGIN; "
                                  "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $role$"_s);
            !role)
            return fail(role.error());
        t->m_pgName = u"cs_test_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (auto created = adminExec(t->m_adminUrl, u"CREATE DATABASE "_s + t->m_pgName); !created)
            return fail(created.error());
        DatabaseUrl url = *admin;
        url.database = t->m_pgName;
        t->m_url = url.toString();
    } else {
        return fail(Error::invalid(u"test.backend"_s, u"COUNTERSIGN_TEST_BACKEND"_s,
                                   u"Unknown backend %1"_s.arg(backend())));
    }
    auto db = Database::open(t->m_url);
    if (!db)
        return fail(db.error());
    t->m_db = std::move(*db);
    return t;
}

TestDatabase::~TestDatabase()
{
    if (m_db)
        m_db->closeThreadConnection();
    m_db.reset();
    if (!m_pgName.isEmpty())
        (void)adminExec(m_adminUrl, u"DROP DATABASE IF EXISTS "_s + m_pgName + u" WITH (FORCE)"_s);
}

QString dumpEveryTable(const Database& db)
{
    auto conn = db.connection();
    QSqlQuery tables(*conn);
    tables.exec(db.dialect() == Dialect::SQLite
                    ? u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s
                    : u"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"_s);
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    QString all;
    for (const QString& table : std::as_const(names)) {
        QSqlQuery rows(*conn);
        if (!rows.exec(u"SELECT * FROM "_s + table)) {
            all += u"<cannot read "_s + table + u">\n"_s;
            continue;
        }
        while (rows.next()) {
            all += table + u":"_s;
            for (int i = 0; i < rows.record().count(); ++i) {
                const QVariant v = rows.value(i);
                all += u" | "_s;
                all += v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray()) : v.toString();
            }
            all += u"\n"_s;
        }
    }
    return all;
}

} // namespace cs::test
