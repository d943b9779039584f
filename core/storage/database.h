#pragma once

#include "common/result.h"
#include "storage/databaseurl.h"
#include "storage/unitofwork.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace cs {

// The way into the database. Cheap to copy; every thread gets its own named connection on first use,
// cloned from the one opened here, and closes it when the thread ends.
class Database {
public:
    static Result<Database> open(const QString& url);
    static Result<Database> open(const DatabaseUrl& url);

    Dialect dialect() const;
    const DatabaseUrl& url() const;
    QString displayName() const;

    // The calling thread's connection, opened on demand.
    Result<QSqlDatabase> connection() const;

    // Runs `work` in one transaction and commits when it succeeds; rolls back when it fails. A
    // serialization failure or deadlock (PostgreSQL 40001/40P01) or a busy SQLite file is retried with
    // backoff, up to `attempts` times, and then reported as a Conflict.
    Status transact(const std::function<Status(UnitOfWork&)>& work,
                    UnitOfWork::Isolation isolation = UnitOfWork::Isolation::ReadCommitted,
                    int attempts = 5) const;

    // Closes the calling thread's connection to this database (a test drops the database after).
    void closeThreadConnection() const;

private:
    struct Shared;
    explicit Database(std::shared_ptr<const Shared> shared);
    std::shared_ptr<const Shared> m_shared;
};

} // namespace cs
