#include "i18n/translations.h"
#include "services/demodata.h"
#include "shell/appicon.h"
#include "shell/terminalcontroller.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace {

cs::Result<cs::Database> openDatabase(bool demo, const QString& url)
{
    if (demo)
        return cs::DemoData::open(cs::DemoData::defaultPath());
    if (url.isEmpty())
        return cs::fail(cs::Error::invalid(
            u"usage.no_database"_s, u"db"_s,
            QCoreApplication::translate("main", "Start with --demo for the demo branch, or name the "
                                                "central database with --db postgresql://…")));
    auto db = cs::Database::open(url);
    if (!db)
        return db;
    // A terminal never migrates the central database by itself; it only refuses a schema it does not know.
    const cs::Migrator migrator(*db);
    auto version = migrator.currentVersion();
    if (!version)
        return cs::fail(version.error());
    if (*version != migrator.latestVersion())
        return cs::fail(cs::Error::refused(
            u"schema.mismatch"_s, {},
            QCoreApplication::translate("main", "The database has schema version %1; this program needs %2. "
                                                "Run countersign-batch migrate.")
                .arg(*version).arg(migrator.latestVersion())));
    return db;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Countersign"_s);
    QApplication::setApplicationName(u"countersign"_s);
    QApplication::setApplicationDisplayName(u"Countersign"_s);
    QApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
    QApplication::setWindowIcon(cs::ui::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Countersign bank branch terminal"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, u"Open the embedded demo branch (created on first run)."_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database URL: sqlite:PATH or postgresql://…"_s, u"url"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Interface language: zh_CN or en."_s, u"lang"_s);
    const QCommandLineOption terminalOption(u"terminal"_s, u"Terminal id (default: the host name)."_s, u"id"_s);
    parser.addOptions({demoOption, dbOption, langOption, terminalOption});
    parser.process(app);

    cs::ui::installTranslations(app, parser.value(langOption));

    QString url = parser.value(dbOption);
    if (url.isEmpty())
        url = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_DB"_s);
    auto db = openDatabase(parser.isSet(demoOption), url);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Countersign"), db.error().message);
        return 1;
    }
    const QString terminal = parser.isSet(terminalOption) ? parser.value(terminalOption) : QSysInfo::machineHostName();
    cs::ui::TerminalController controller(*db, terminal);
    controller.start();
    return app.exec();
}
