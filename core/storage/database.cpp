#include "storage/database.h"

#include "storage/connectionregistry.h"
#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cs {

struct Database::Shared {
    DatabaseUrl url;
    QString prefix; // unique per open(), so two Database objects never share a connection

    ~Shared() { connections::close(prefix); }
};

namespace {

Status runSetup(QSqlDatabase& db, Dialect dialect)
{
    const QStringList statements = dialect == Dialect::SQLite
        ? QStringList{u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                      u"PRAGMA synchronous = FULL"_s}
        : QStringList{u"SET TIME ZONE 'UTC'"_s, u"SET client_min_messages = WARNING"_s};
    for (const QString& sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return fail(toError(query.lastError(), dialect, sql));
    }
    return {};
}

Result<QSqlDatabase> openConnection(const DatabaseUrl& url, const QString& name)
{
    QSqlDatabase db;
    if (url.dialect == Dialect::SQLite) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
        QString options = u"connect_timeout=10;application_name=countersign"_s;
        if (!url.sslMode.isEmpty())
            options += u";sslmode="_s + url.sslMode;
        db.setConnectOptions(options);
    }
    if (!db.isValid())
        return fail(Error::unavailable(u"db.driver"_s,
                                       QCoreApplication::translate("cs::Database", "The Qt SQL driver for %1 is not installed.")
                                           .arg(url.dialect == Dialect::SQLite ? u"SQLite"_s : u"PostgreSQL"_s)));
    if (!db.open())
        return fail(Error::unavailable(u"db.unavailable"_s,
                                       QCoreApplication::translate("cs::Database", "Cannot open the database %1: %2")
                                           .arg(url.displayName(), db.lastError().text())));
    if (auto setup = runSetup(db, url.dialect); !setup)
        return fail(setup.error());
    return db;
}

} // namespace

Database::Database(std::shared_ptr<const Shared> shared) : m_shared(std::move(shared)) {}

Result<Database> Database::open(const QString& url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return fail(parsed.error());
    return open(*parsed);
}

Result<Database> Database::open(const DatabaseUrl& url)
{
    auto shared = std::make_shared<Shared>();
    shared->url = url;
    shared->prefix = u"cs-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Database db(std::move(shared));
    if (auto connection = db.connection(); !connection)
        return fail(connection.error());
    return db;
}

Dialect Database::dialect() const { return m_shared->url.dialect; }
const DatabaseUrl& Database::url() const { return m_shared->url; }
QString Database::displayName() const { return m_shared->url.displayName(); }

Result<QSqlDatabase> Database::connection() const
{
    QSqlDatabase existing = connections::find(m_shared->prefix);
    if (existing.isValid() && existing.isOpen())
        return existing;
    connections::close(m_shared->prefix);
    const QString name = connections::threadConnectionName(m_shared->prefix);
    auto opened = openConnection(m_shared->url, name);
    if (!opened) {
        QSqlDatabase::removeDatabase(name);
        return opened;
    }
    connections::remember(m_shared->prefix, name);
    return opened;
}

void Database::closeThreadConnection() const { connections::close(m_shared->prefix); }

Status Database::transact(const std::function<Status(UnitOfWork&)>& work, UnitOfWork::Isolation isolation,
                          int attempts) const
{
    Error last;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        auto connection = this->connection();
        if (!connection)
            return fail(connection.error());
        UnitOfWork uow(*connection, dialect(), isolation);
        Status outcome = uow.begin();
        if (outcome)
            outcome = work(uow);
        if (outcome)
            outcome = uow.commit();
        if (outcome)
            return outcome;
        uow.rollback();
        last = outcome.error();
        if (!(last.kind == ErrorKind::Conflict && last.code == u"db.conflict"_s))
            return fail(last);
        // Back off with jitter so that two terminals that collided do not collide again in step.
        const int base = 10 << std::min(attempt, 6);
        QThread::msleep(static_cast<unsigned long>(base + QRandomGenerator::global()->bounded(base)));
    }
    return fail(Error::conflict(u"db.conflict"_s,
                                QCoreApplication::translate("cs::Database", "The database stayed busy after %1 attempts; nothing was changed. "
                                   "Try again.").arg(attempts)));
}

} // namespace cs
