#include "cards/cardvaultaccess.h"
#include "i18n/translations.h"
#include "security/connectiondialog.h"
#include "security/connectionsettings.h"
#include "security/keychainsecretstore.h"
#include "services/demodata.h"
#include "shell/appicon.h"
#include "shell/terminalcontroller.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QTextStream>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// A terminal never migrates the central database by itself; it only refuses a schema it does not know.
cs::Status checkSchema(const cs::Database& db)
{
    const cs::Migrator migrator(db);
    auto version = migrator.currentVersion();
    if (!version)
        return cs::fail(version.error());
    if (*version != migrator.latestVersion())
        return cs::fail(cs::Error::refused(
            u"schema.mismatch"_s, {},
            QCoreApplication::translate("main", "The database has schema version %1; this program needs %2. "
                                                "Run countersign-batch migrate.")
                .arg(*version).arg(migrator.latestVersion())));
    return {};
}

cs::Error noDatabase()
{
    return cs::Error::invalid(u"usage.no_database"_s, u"db"_s,
                              QCoreApplication::translate("main", "Start with --demo for the demo branch, or name the "
                                                                  "central database with --db postgresql://…"));
}

cs::Result<cs::Database> openDatabase(bool demo, const QString& url)
{
    if (demo)
        return cs::DemoData::open(cs::DemoData::defaultPath());
    if (url.isEmpty())
        return cs::fail(noDatabase());
    auto db = cs::Database::open(url);
    if (!db)
        return db;
    if (auto schema = checkSchema(*db); !schema)
        return cs::fail(schema.error());
    return db;
}

// The saved connection (settings + password from the system keychain). When none is saved, when it
// fails, or when `askFirst`, the connection dialog comes first, showing why; it comes back until the
// database opens or the user cancels (nullopt).
std::optional<cs::Result<cs::Database>> openSavedConnection(cs::SecretStore& secrets, bool askFirst)
{
    std::optional<cs::Error> problem;
    bool ask = askFirst;
    for (;;) {
        if (!ask) {
            const auto profile = cs::ui::ConnectionSettings::load();
            if (profile && profile->isComplete()) {
                auto url = cs::ui::ConnectionSettings::toUrl(*profile, secrets);
                if (url) {
                    auto db = cs::Database::open(*url);
                    url->password.clear();
                    if (db) {
                        auto schema = checkSchema(*db);
                        if (schema)
                            return db;
                        problem = schema.error();
                    } else {
                        problem = db.error();
                    }
                } else {
                    problem = url.error();
                }
            }
        }
        cs::ui::ConnectionDialog dialog(secrets);
        if (problem)
            dialog.showError(*problem);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        ask = false;
        problem.reset();
    }
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
    const QCommandLineOption connectionOption(
        u"connection-settings"_s,
        u"Edit the saved database connection (password in the system keychain) before starting."_s);
    const QCommandLineOption installKeyOption(
        u"install-card-key"_s,
        u"Install the database's card key (64 hexadecimal digits read from standard input) on this terminal, then exit."_s);
    parser.addOptions({demoOption, dbOption, langOption, terminalOption, connectionOption, installKeyOption});
    parser.process(app);

    cs::ui::installTranslations(app, parser.value(langOption));

    QString url = parser.value(dbOption);
    if (url.isEmpty())
        url = QProcessEnvironment::systemEnvironment().value(u"COUNTERSIGN_DB"_s);
    // --demo, --db or COUNTERSIGN_DB name the database; otherwise the saved connection settings do.
    cs::ui::KeychainSecretStore secrets;
    std::optional<cs::Result<cs::Database>> chosen;
    if (parser.isSet(demoOption) || !url.isEmpty()) {
        if (parser.isSet(connectionOption)) {
            cs::ui::ConnectionDialog dialog(secrets);
            dialog.exec();
        }
        chosen = openDatabase(parser.isSet(demoOption), url);
    } else {
        chosen = openSavedConnection(secrets, parser.isSet(connectionOption));
        if (!chosen) {
            // Cancelled: no database to work on.
            QTextStream(stderr) << noDatabase().message << Qt::endl;
            return 1;
        }
    }
    auto& db = *chosen;
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Countersign"), db.error().message);
        return 1;
    }
    if (parser.isSet(installKeyOption)) {
        // From standard input, so that the key is in no argument list, no shell history and no file.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 1;
        cs::SecureBytes typed(in.readLine(256));
        const auto installed = cs::ui::installTerminalCardKey(*db, typed.bytes());
        QTextStream out(installed ? stdout : stderr);
        out << (installed ? QApplication::translate("main", "The card key is installed on this terminal.")
                          : installed.error().message)
            << Qt::endl;
        return installed ? 0 : 3;
    }
    const QString terminal = parser.isSet(terminalOption) ? parser.value(terminalOption) : QSysInfo::machineHostName();
    cs::ui::TerminalController controller(*db, terminal);
    controller.start();
    return app.exec();
}
