#include "storage/migrator.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString createVersionTable = u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"_s;

Result<int> readVersion(QSqlDatabase& db, Dialect dialect)
{
    const bool hasTable = db.tables().contains(u"schema_migrations"_s);
    if (!hasTable)
        return 0;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s))
        return fail(toError(query.lastError(), dialect, u"schema version"_s));
    query.next();
    return query.value(0).toInt();
}

} // namespace

Migrator::Migrator(Database db, QString directory) : m_db(std::move(db)), m_directory(std::move(directory)) {}

Result<QList<Migration>> Migrator::available() const
{
    static const QRegularExpression pattern(u"^(\\d{4})_([a-z0-9_]+)(?:\\.(sqlite|postgresql))?\\.sql$"_s);
    const QString mine = m_db.dialect() == Dialect::SQLite ? u"sqlite"_s : u"postgresql"_s;
    QMap<int, Migration> byVersion;
    const QStringList files = QDir(m_directory).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            return fail(Error::internal(u"schema.bad_file"_s, QCoreApplication::translate("cs::Migrator", "Unexpected migration file name: %1").arg(file)));
        const QString dialect = match.captured(3);
        if (!dialect.isEmpty() && dialect != mine)
            continue;
        const int version = match.captured(1).toInt();
        if (byVersion.contains(version))
            return fail(Error::internal(u"schema.duplicate"_s,
                                        QCoreApplication::translate("cs::Migrator", "Two migrations have the number %1.").arg(version)));
        QFile f(QDir(m_directory).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::internal(u"schema.unreadable"_s, QCoreApplication::translate("cs::Migrator", "Cannot read migration %1.").arg(file)));
        byVersion.insert(version, Migration{version, match.captured(2), QString::fromUtf8(f.readAll())});
    }
    int expected = 1;
    for (auto it = byVersion.cbegin(); it != byVersion.cend(); ++it, ++expected) {
        if (it.key() != expected)
            return fail(Error::internal(u"schema.gap"_s, QCoreApplication::translate("cs::Migrator", "Migration %1 is missing.").arg(expected)));
    }
    return byVersion.values();
}

int Migrator::latestVersion() const
{
    const auto migrations = available();
    return migrations && !migrations->isEmpty() ? migrations->constLast().version : 0;
}

Result<int> Migrator::currentVersion() const
{
    auto connection = m_db.connection();
    if (!connection)
        return fail(connection.error());
    return readVersion(*connection, m_db.dialect());
}

Result<int> Migrator::migrate() const
{
    auto migrations = available();
    if (!migrations)
        return fail(migrations.error());
    const int latest = migrations->isEmpty() ? 0 : migrations->constLast().version;
    int reached = 0;
    const Status done = m_db.transact([&](UnitOfWork& uow) -> Status {
        QSqlDatabase& db = uow.db();
        QSqlQuery query(db);
        // Two terminals starting at once must not both migrate: the second waits, then finds nothing to do.
        if (uow.dialect() == Dialect::PostgreSQL && !query.exec(u"SELECT pg_advisory_xact_lock(727384)"_s))
            return fail(toError(query.lastError(), uow.dialect(), u"migration lock"_s));
        if (!query.exec(createVersionTable))
            return fail(toError(query.lastError(), uow.dialect(), u"schema_migrations"_s));
        auto current = readVersion(db, uow.dialect());
        if (!current)
            return fail(current.error());
        if (*current > latest)
            return fail(Error::refused(u"schema.too_new"_s, {},
                                      QCoreApplication::translate("cs::Migrator", "The database has schema version %1 but this program knows only "
                                         "up to %2. Install a newer Countersign.").arg(*current).arg(latest)));
        for (const Migration& migration : std::as_const(*migrations)) {
            if (migration.version <= *current)
                continue;
            for (const QString& statement : splitSqlStatements(migration.sql)) {
                QSqlQuery ddl(db);
                if (!ddl.exec(statement))
                    return fail(Error::internal(u"schema.failed"_s,
                                                QCoreApplication::translate("cs::Migrator", "Migration %1 (%2) failed: %3")
                                                    .arg(migration.version).arg(migration.name,
                                                                                ddl.lastError().text())));
            }
            QSqlQuery record(db);
            record.prepare(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s);
            record.addBindValue(migration.version);
            record.addBindValue(migration.name);
            record.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            if (!record.exec())
                return fail(toError(record.lastError(), uow.dialect(), u"schema_migrations"_s));
        }
        query.finish();
        reached = std::max(*current, latest);
        return {};
    });
    if (!done)
        return fail(done.error());
    return reached;
}

} // namespace cs
