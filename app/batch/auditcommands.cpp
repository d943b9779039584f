#include "batch/commandgroups.h"
#include "batch/context.h"
#include "batch/output.h"

#include "security/auditlog.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace cs::batch {

// verify-audit: recomputes every audit chain (../shared/CLI.md).
//
// Intact: exit 0 and {"records", "chains", "ok": true, "first_bad": null, "first_bad_id": null,
// "problem": null} on stdout.
// Broken: the same object with "ok": false, "first_bad": "terminal:T01#17", "first_bad_id" (the
// audit_log.id, or null when the record is gone) and "problem" (translated) is printed on stdout
// FIRST, because CLI.md promises these keys to scripts; then the command fails with a Refused
// `audit.broken` error, which main() prints on stderr as {"error","field","message"} with exit 3.
// So a broken chain is the one case where both stdout and stderr carry a JSON object.
Result<QJsonObject> verifyAuditCommand(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(db.error());
    const auto verification = verifyAudit(*db);
    if (!verification)
        return fail(verification.error());
    const AuditVerification& v = *verification;
    const QJsonObject result{
        {u"records"_s, v.records},
        {u"chains"_s, v.chains},
        {u"ok"_s, v.ok},
        {u"first_bad"_s, v.ok ? QJsonValue() : QJsonValue(v.firstBad)},
        {u"first_bad_id"_s, v.ok || v.firstBadId == 0 ? QJsonValue() : QJsonValue(v.firstBadId)},
        {u"problem"_s, v.ok ? QJsonValue() : QJsonValue(v.problem)},
    };
    if (v.ok)
        return result;
    printResult(result);
    return fail(Error::refused(u"audit.broken"_s, {},
                               QCoreApplication::translate("cs::batch", "The audit trail is broken at %1: %2")
                                   .arg(v.firstBad, v.problem)));
}

} // namespace cs::batch
