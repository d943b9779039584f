#include "batch/cliargs.h"
#include "batch/commands.h"
#include "batch/output.h"
#include "i18n/translations.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Countersign"_s);
    QCoreApplication::setApplicationName(u"countersign"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));

    const auto args = cs::batch::CliArgs::parse(QCoreApplication::arguments(),
                                                  {u"help"_s,
                                                   // transfer commands (transfercommands.cpp)
                                                   u"waive-fee"_s, u"ibps"_s, u"accepted"_s, u"rejected"_s,
                                                   // card online (cardcommands.cpp)
                                                   u"enable"_s, u"disable"_s,
                                                   // deposit place --cash (eodcommands.cpp)
                                                   u"cash"_s});
    cs::ui::installTranslations(app, args ? args->value(u"lang"_s) : QString());
    if (!args)
        return cs::batch::printError(args.error());
    if (args->has(u"help"_s)) {
        std::fputs(cs::batch::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    const auto result = cs::batch::runCommand(*args);
    if (!result)
        return cs::batch::printError(result.error());
    return cs::batch::printResult(*result);
}
