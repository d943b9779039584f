#include "storage/unitofwork.h"

#include "storage/connectionregistry.h"
#include "storage/sqlerror.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace cs {

UnitOfWork::UnitOfWork(QSqlDatabase db, Dialect dialect, Isolation isolation)
    : m_db(std::move(db)), m_dialect(dialect), m_isolation(isolation)
{
}

UnitOfWork::~UnitOfWork()
{
    if (m_active)
        rollback();
}

Status UnitOfWork::begin()
{
    QString sql;
    if (m_dialect == Dialect::SQLite)
        // SQLite transactions are serializable already; a writer takes the lock at once.
        sql = m_isolation == Isolation::ReadOnly || m_isolation == Isolation::ReadOnlySnapshot ? u"BEGIN DEFERRED"_s
                                                                                                : u"BEGIN IMMEDIATE"_s;
    else if (m_isolation == Isolation::ReadOnly)
        sql = u"BEGIN READ ONLY"_s;
    else if (m_isolation == Isolation::ReadOnlySnapshot)
        sql = u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s;
    else if (m_isolation == Isolation::Serializable)
        sql = u"BEGIN ISOLATION LEVEL SERIALIZABLE"_s;
    else
        sql = u"BEGIN ISOLATION LEVEL READ COMMITTED"_s;
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return fail(toError(query.lastError(), m_dialect, u"BEGIN"_s));
    m_active = true;
    return {};
}

Status UnitOfWork::commit()
{
    connections::finishStatements(m_db);
    QSqlQuery query(m_db);
    if (!query.exec(u"COMMIT"_s)) {
        const Error error = toError(query.lastError(), m_dialect, u"COMMIT"_s);
        rollback();
        return fail(error);
    }
    m_active = false;
    return {};
}

void UnitOfWork::rollback()
{
    if (!m_active)
        return;
    connections::finishStatements(m_db);
    QSqlQuery query(m_db);
    query.exec(u"ROLLBACK"_s);
    m_active = false;
}

Status UnitOfWork::dryRun(const std::function<Status()>& work)
{
    // Not through the statement cache: PostgreSQL cannot PREPARE a SAVEPOINT.
    QSqlQuery query(m_db);
    if (!query.exec(u"SAVEPOINT dry_run"_s))
        return fail(toError(query.lastError(), m_dialect, u"SAVEPOINT"_s));
    ++m_dryRuns;
    const Status outcome = work();
    --m_dryRuns;
    connections::finishStatements(m_db);
    QSqlQuery undo(m_db);
    if (!undo.exec(u"ROLLBACK TO SAVEPOINT dry_run"_s))
        return fail(toError(undo.lastError(), m_dialect, u"ROLLBACK TO SAVEPOINT"_s));
    QSqlQuery release(m_db);
    if (!release.exec(u"RELEASE SAVEPOINT dry_run"_s))
        return fail(toError(release.lastError(), m_dialect, u"RELEASE SAVEPOINT"_s));
    return outcome;
}

Result<QSqlQuery> UnitOfWork::exec(const QString& sql, std::initializer_list<QVariant> values)
{
    return execList(sql, QVariantList(values));
}

Result<QSqlQuery> UnitOfWork::execList(const QString& sql, const QVariantList& values)
{
    QSqlError prepareError;
    const auto query = connections::cachedStatement(m_db, sql, &prepareError);
    if (!query)
        return fail(toError(prepareError, m_dialect, sql.simplified().left(80)));
    int index = 0;
    for (const QVariant& value : values) {
        // QPSQL writes bound values into the statement as literals, and PostgreSQL rounds 100.5 into a
        // BIGINT column: a floating-point value must never reach the database (money is qint64).
        const int type = value.typeId();
        if (type == QMetaType::Double || type == QMetaType::Float)
            return fail(Error::internal(u"db.float_bound"_s,
                                        u"A floating-point value was bound to: %1"_s.arg(sql.simplified().left(80))));
        query->bindValue(index++, value);
    }
    ++m_statements;
    if (!query->exec())
        return fail(toError(query->lastError(), m_dialect, sql.simplified().left(80)));
    return *query;
}

Result<QVariant> UnitOfWork::scalar(const QString& sql, const QVariantList& values)
{
    auto query = execList(sql, values);
    if (!query)
        return fail(query.error());
    QVariant value = query->next() ? query->value(0) : QVariant();
    query->finish();
    return value;
}

} // namespace cs
