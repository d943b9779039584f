#include "batch/cliargs.h"
#include "batch/commands.h"
#include "batch/output.h"
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Bare --flags (every other option takes a value).
const QStringList flags = {u"help"_s,
                           // transfer commands (transfercommands.cpp)
                           u"waive-fee"_s, u"ibps"_s, u"accepted"_s, u"rejected"_s,
                           // card online (cardcommands.cpp)
                           u"enable"_s, u"disable"_s,
                           // deposit place --cash (eodcommands.cpp)
                           u"cash"_s,
                           // notice subscribe (noticecommands.cpp)
                           u"with-balance"_s, u"no-movements"_s, u"no-maturity"_s};

// `report` paints PDFs with QtGui, which needs a QGuiApplication (and a platform: offscreen on a
// server unless QT_QPA_PLATFORM names one); every other command runs on a QCoreApplication. Decided
// from the raw arguments, before any application object exists.
bool rendersReports(int argc, char* argv[])
{
    QStringList raw;
    for (int i = 0; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    const auto args = cs::batch::CliArgs::parse(raw, flags);
    return args && args->words.value(0) == u"report"_s;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (rendersReports(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // A server session has no runtime directory: give Qt a private one (0700, as it demands) instead
        // of its warning on stderr, where the CLI prints only errors.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime = QDir::tempPath() + u"/countersign-runtime-"_s + QString::number(getuid());
            if (QDir().mkpath(runtime)
                && QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(u"Countersign"_s);
    QCoreApplication::setApplicationName(u"countersign"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));

    const auto args = cs::batch::CliArgs::parse(QCoreApplication::arguments(), flags);
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
