#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace cs::test {

// A fresh, empty database for one test on the backend that COUNTERSIGN_TEST_BACKEND names: a file in
// a temporary folder for SQLite, a new database on the server of COUNTERSIGN_TEST_PG_URL for
// PostgreSQL (dropped again at the end).
class TestDatabase {
public:
    static Result<std::unique_ptr<TestDatabase>> create();
    ~TestDatabase();

    static QString backend();
    QString url() const { return m_url; }
    Database& db() { return *m_db; }

private:
    TestDatabase() = default;
    QString m_url;
    QString m_pgName;     // the database to drop
    QString m_adminUrl;
    std::optional<Database> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Every row of every table of `db` as text, one line per row ("table: | value | value"), blobs as their raw
// bytes: what the secret searches (no password, PAN or PIN in clear anywhere) look through.
QString dumpEveryTable(const Database& db);

// Fails the current test with the error's code and message.
#define CS_VERIFY_RESULT(expr)                                                                     \
    do {                                                                                           \
        const auto& cs_result_ = (expr);                                                           \
        if (!cs_result_)                                                                           \
            QFAIL(qPrintable(cs_result_.error().code + u": "_s + cs_result_.error().message));     \
    } while (false)

} // namespace cs::test
