#pragma once

#include "common/result.h"

#include <QStringList>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

// What the subcommands of countersign-bench share: options, failing loudly, timing.
namespace cs::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] inline void die(const char* what, const Error& error)
{
    std::fprintf(stderr, "countersign-bench: %s: %s %s\n", what, qPrintable(error.code), qPrintable(error.message));
    std::exit(1);
}

[[noreturn]] inline void usage(const char* message)
{
    std::fprintf(stderr,
                 "countersign-bench: %s\n"
                 "usage: countersign-bench posting --db URL [--connections N] [--seconds S] [--accounts A] [--pgbench]\n"
                 "       countersign-bench statement --db URL [--lines N]\n"
                 "       countersign-bench eod --db URL [--accounts A] [--lines L] [--days D] [--subscribed S]\n"
                 "       countersign-bench daily-journal --db URL [--lines N]\n",
                 message);
    std::exit(2);
}

// `--name value` pairs and `--flag` switches after the subcommand.
class Options {
public:
    explicit Options(QStringList args) : m_args(std::move(args)) {}
    std::optional<QString> value(const QString& name) const
    {
        const qsizetype at = m_args.indexOf(name);
        if (at < 0 || at + 1 >= m_args.size())
            return std::nullopt;
        return m_args.at(at + 1);
    }
    int integer(const QString& name, int fallback) const
    {
        const auto text = value(name);
        if (!text)
            return fallback;
        bool ok = false;
        const int n = text->toInt(&ok);
        if (!ok || n <= 0)
            usage("a count must be a positive whole number");
        return n;
    }
    bool flag(const QString& name) const { return m_args.contains(name); }

private:
    QStringList m_args;
};

int runPosting(const Options& options);
int runStatement(const Options& options);
int runEod(const Options& options);
int runDailyJournal(const Options& options);

} // namespace cs::bench
