#include "services/demodata.h"

#include "security/cardkeys.h"
#include "security/passwordhasher.h"
#include "services/democards.h"
#include "services/demoledger.h"
#include "services/demomerchants.h"
#include "storage/branchrepository.h"
#include "storage/customerrepository.h"
#include "storage/migrator.h"
#include "storage/staffrepository.h"
#include "storage/tablecounts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

Result<QJsonObject> readDemoFile()
{
    QFile file(u":/db/demo/demo.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::internal(u"demo.missing"_s, QCoreApplication::translate("cs::DemoData", "The demo data is missing from this build.")));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::internal(u"demo.malformed"_s, QCoreApplication::translate("cs::DemoData", "The demo data is malformed: %1").arg(error.errorString())));
    return doc.object();
}

} // namespace

Result<DemoSummary> DemoData::seed(const Database& db, Content content, const CardVault* vault)
{
    const auto demo = readDemoFile();
    if (!demo)
        return fail(demo.error());
    const QJsonObject branch = demo->value(u"branch"_s).toObject();
    const QString branchCode = branch.value(u"code"_s).toString();

    // Hashing is slow on purpose, so only the staff that are not there yet get one, before the
    // transaction opens; the insert below still skips anyone another process added meanwhile.
    QList<NewStaff> newStaff;
    const Status probe = db.transact(
        [&](UnitOfWork& uow) -> Status {
            StaffRepository staff(uow);
            for (const auto& value : demo->value(u"staff"_s).toArray()) {
                const QJsonObject s = value.toObject();
                const QString login = s.value(u"login"_s).toString();
                auto existing = staff.findByLogin(login);
                if (!existing)
                    return fail(existing.error());
                if (existing->has_value())
                    continue;
                const auto role = roleFromKey(s.value(u"role"_s).toString());
                if (!role)
                    return fail(Error::internal(u"demo.malformed"_s, QCoreApplication::translate("cs::DemoData", "Unknown role in the demo data.")));
                newStaff.append({branchCode, login, s.value(u"name"_s).toString(), *role, {}, false});
            }
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!probe)
        return fail(probe.error());
    for (NewStaff& s : newStaff) {
        auto hash = PasswordHasher::hash(QString::fromUtf16(password));
        if (!hash)
            return fail(hash.error());
        s.passwordHash = *hash;
    }

    DemoSummary summary;
    const Status seeded = db.transact([&](UnitOfWork& uow) -> Status {
        summary = {};
        BranchRepository branches(uow);
        auto inserted = branches.insertIfAbsent({branchCode, branch.value(u"name"_s).toString(),
                                                 branch.value(u"bank_code"_s).toString(),
                                                 QDate::currentDate().addDays(
                                                     content == Content::Everything ? -DemoLedger::historyDays(*demo) : 0)});
        if (!inserted)
            return fail(inserted.error());
        summary.inserted += *inserted ? 1 : 0;

        StaffRepository staff(uow);
        for (const NewStaff& s : std::as_const(newStaff)) {
            auto added = staff.insertIfAbsent(s);
            if (!added)
                return fail(added.error());
            summary.inserted += *added ? 1 : 0;
        }

        CustomerRepository customers(uow);
        for (const auto& value : demo->value(u"customers"_s).toArray()) {
            const QJsonObject c = value.toObject();
            auto added = customers.insertIfAbsent(
                {branchCode, c.value(u"kind"_s).toString(), c.value(u"name"_s).toString(),
                 c.value(u"id_type"_s).toString(), c.value(u"id_number"_s).toString(),
                 QDate::fromString(c.value(u"birth_date"_s).toString(), Qt::ISODate),
                 c.value(u"phone"_s).toString(), c.value(u"address"_s).toString()});
            if (!added)
                return fail(added.error());
            summary.inserted += *added ? 1 : 0;
        }

        return {};
    });
    if (!seeded)
        return fail(seeded.error());

    // Accounts, cash, history and cards: keyed by request ids and the branch's date, so the rows they
    // add are counted from the tables before and after.
    const auto count = [&](bool before) -> Status {
        return db.transact(
            [&](UnitOfWork& uow) -> Status {
                for (auto [table, field] :
                     {std::pair{u"branches"_s, &summary.branches}, std::pair{u"staff"_s, &summary.staff},
                      std::pair{u"customers"_s, &summary.customers}, std::pair{u"accounts"_s, &summary.accounts},
                      std::pair{u"journal_txns"_s, &summary.transactions}, std::pair{u"cards"_s, &summary.cards},
                      std::pair{u"merchants"_s, &summary.merchants}}) {
                    auto n = countRows(uow, table);
                    if (!n)
                        return fail(n.error());
                    if (table == u"accounts"_s || table == u"journal_txns"_s || table == u"cards"_s || table == u"merchants"_s)
                        summary.inserted += before ? -*n : *n;
                    *field = *n;
                }
                return {};
            },
            UnitOfWork::Isolation::ReadOnly);
    };
    if (auto counted = count(true); !counted)
        return fail(counted.error());
    if (content == Content::Everything) {
        auto accounts = DemoLedger::seed(db, *demo);
        if (!accounts)
            return fail(accounts.error());
        if (auto merchants = DemoMerchants::seed(db, *demo, *accounts); !merchants)
            return fail(merchants.error());
        if (vault) {
            if (auto cards = DemoCards::seed(db, *vault, *demo, *accounts); !cards)
                return fail(cards.error());
        }
    }
    if (auto counted = count(false); !counted)
        return fail(counted.error());
    return summary;
}

Result<Database> DemoData::open(const QString& path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(Error::unavailable(u"demo.path"_s, QCoreApplication::translate("cs::DemoData", "Cannot create the folder for %1.").arg(path)));
    auto db = Database::open(u"sqlite:"_s + path);
    if (!db)
        return fail(db.error());
    if (auto version = Migrator(*db).migrate(); !version)
        return fail(version.error());
    const auto keys = cardKeyStoreFor(*db, nullptr);
    auto vault = openCardVault(*keys, *db, true);
    if (!vault)
        return fail(vault.error());
    if (auto seeded = seed(*db, Content::Everything, &*vault); !seeded)
        return fail(seeded.error());
    return db;
}

QString DemoData::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo.db"_s;
}

} // namespace cs
