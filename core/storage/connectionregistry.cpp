#include "storage/connectionregistry.h"

#include <QHash>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace cs::connections {
namespace {

struct ThreadConnections {
    QHash<QString, QString> names;                                      // prefix -> connection name
    QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> statements; // connection -> sql -> query

    void drop(const QString& name)
    {
        statements.remove(name);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    ~ThreadConnections()
    {
        for (const QString& name : std::as_const(names))
            drop(name);
    }
};

ThreadConnections& local()
{
    thread_local ThreadConnections connections;
    return connections;
}

} // namespace

QSqlDatabase find(const QString& prefix)
{
    const QString name = local().names.value(prefix);
    return name.isEmpty() ? QSqlDatabase() : QSqlDatabase::database(name, false);
}

QString threadConnectionName(const QString& prefix)
{
    return u"%1/%2"_s.arg(prefix).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

void remember(const QString& prefix, const QString& name) { local().names.insert(prefix, name); }

void close(const QString& prefix)
{
    const QString name = local().names.take(prefix);
    if (!name.isEmpty())
        local().drop(name);
}

std::shared_ptr<QSqlQuery> cachedStatement(const QSqlDatabase& db, const QString& sql, QSqlError* prepareError)
{
    auto& perConnection = local().statements[db.connectionName()];
    if (const auto found = perConnection.value(sql))
        return found;
    auto query = std::make_shared<QSqlQuery>(db);
    if (!query->prepare(sql)) {
        *prepareError = query->lastError();
        return nullptr;
    }
    perConnection.insert(sql, query);
    return query;
}

void finishStatements(const QSqlDatabase& db)
{
    const auto it = local().statements.constFind(db.connectionName());
    if (it == local().statements.cend())
        return;
    for (const auto& query : it.value())
        query->finish();
}

} // namespace cs::connections
