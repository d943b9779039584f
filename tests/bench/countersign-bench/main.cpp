// countersign-bench: throughput of the core against a real database, run by hand (README,
// "Benchmarks"). Each subcommand checks what it measures and exits non-zero when the work fails.
#include "benchcommon.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        cs::bench::usage("name a subcommand");
    const QString command = args.takeFirst();
    const cs::bench::Options options(args);
    if (command == u"posting"_s)
        return cs::bench::runPosting(options);
    if (command == u"statement"_s)
        return cs::bench::runStatement(options);
    if (command == u"daily-journal"_s)
        return cs::bench::runDailyJournal(options);
    cs::bench::usage("unknown subcommand");
}
