#pragma once

#include "common/result.h"
#include "storage/databaseurl.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <initializer_list>

namespace cs {

// A statement's text with its values in order, for repositories that compose statements.
struct SqlStatement {
    QString text;
    QVariantList values;
};

// A scoped transaction: rolled back on destruction unless commit() succeeded. SQLite write
// transactions start IMMEDIATE so two writers queue on the lock instead of failing on upgrade.
class UnitOfWork {
public:
    // ReadOnlySnapshot: every statement of the transaction sees the same snapshot (PostgreSQL REPEATABLE
    // READ READ ONLY; an SQLite read transaction is one already), for reads whose parts must agree.
    enum class Isolation { ReadCommitted, Serializable, ReadOnly, ReadOnlySnapshot };

    UnitOfWork(QSqlDatabase db, Dialect dialect, Isolation isolation = Isolation::ReadCommitted);
    ~UnitOfWork();
    UnitOfWork(const UnitOfWork&) = delete;
    UnitOfWork& operator=(const UnitOfWork&) = delete;

    Status begin();
    Status commit();
    void rollback();
    bool isActive() const { return m_active; }

    // Runs `work` inside a savepoint and always rolls back to it: the rules of a command checked by
    // doing it, with nothing left behind (an approval validates the command it will execute this way).
    // Answers what `work` answered, or the savepoint's own failure.
    Status dryRun(const std::function<Status()>& work);
    // Inside dryRun: writers that cannot write in a savepoint check and stop there (the PostingEngine
    // checks every rule of a posting and writes no journal: PostgreSQL's journal trigger takes a
    // subtransaction's header for another transaction's).
    bool isDryRun() const { return m_dryRuns > 0; }

    QSqlDatabase& db() { return m_db; }
    Dialect dialect() const { return m_dialect; }

    // A prepared statement with values bound in order; the error names the statement's purpose.
    Result<QSqlQuery> exec(const QString& sql, std::initializer_list<QVariant> values = {});
    Result<QSqlQuery> execList(const QString& sql, const QVariantList& values);
    Result<QSqlQuery> exec(const SqlStatement& statement) { return execList(statement.text, statement.values); }
    // The first column of the first row (a null QVariant when there is no row), the statement finished.
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {});
    // Statements run through exec/execList/scalar so far: what a piece of work costs in round trips
    // (tests assert that the engine's class limits cost Class I and internal postings nothing).
    int statementsRun() const { return m_statements; }

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
    Isolation m_isolation;
    bool m_active = false;
    int m_statements = 0;
    int m_dryRuns = 0;
};

} // namespace cs
