#include "security/auditlog.h"

#include "storage/auditrepository.h"
#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <openssl/evp.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

const QString zeroHash = QString(64, u'0');

// Records read per page while verifying, so that a million records never sit in memory at once.
constexpr int pageSize = 1000;

// ---- The hash ----------------------------------------------------------------------------------
//
// hash = lower-case hex of SHA-256 over these bytes:
//
//     "countersign-audit-v1\n"
//     followed by 15 fields, in this order:
//         prev_hash, chain, seq, staff_id, login, terminal, branch_id, at, action,
//         entity_type, entity_id, outcome, detail, before_value, after_value
//     each written as
//         "N"                                   when the column is NULL
//         "S" <byte length> ":" <bytes>         otherwise
//     where <bytes> is the UTF-8 of the value and <byte length> its length in decimal ASCII digits
//     (no sign, no leading zeros). Numbers (seq, staff_id, branch_id) are written as their decimal
//     text; `at` as the UTC text yyyy-MM-ddTHH:mm:ss.zzzZ that was inserted (PostgreSQL's TIMESTAMPTZ
//     is read back into exactly that text); outcome as "success" or "refused"; before_value and
//     after_value as the compact JSON text stored in the column, byte for byte.
//
// Every field carries its own length and the NULL marker differs from every value (even ""), so
// two different records never serialise alike; the leading tag lets a later format coexist.
// verifyAudit() recomputes this from the stored columns, so it must only ever change with a new tag.

void putField(QByteArray& out, const std::optional<QString>& value)
{
    if (!value) {
        out += 'N';
        return;
    }
    const QByteArray bytes = value->toUtf8();
    out += 'S';
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
}

void putField(QByteArray& out, const QString& value) { putField(out, std::optional<QString>(value)); }

void putField(QByteArray& out, std::optional<qint64> value)
{
    putField(out, value ? std::optional<QString>(QString::number(*value)) : std::nullopt);
}

QByteArray canonical(const AuditRow& row)
{
    QByteArray out("countersign-audit-v1\n");
    putField(out, row.prevHash);
    putField(out, row.chain);
    putField(out, std::optional<qint64>(row.seq));
    putField(out, row.staffId);
    putField(out, row.login);
    putField(out, row.terminal);
    putField(out, row.branchId);
    putField(out, row.at);
    putField(out, row.action);
    putField(out, row.entityType);
    putField(out, row.entityId);
    putField(out, row.outcome);
    putField(out, row.detail);
    putField(out, row.beforeValue);
    putField(out, row.afterValue);
    return out;
}

// Empty when OpenSSL fails (it does not for SHA-256 short of running out of memory).
QString hashOf(const AuditRow& row)
{
    const QByteArray data = canonical(row);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(), nullptr) != 1
        || length != 32)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length)).toHex());
}

std::optional<QString> textOrNull(const QString& value)
{
    return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
}

std::optional<QString> jsonOrNull(const QJsonObject& object)
{
    if (object.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<qint64> idOrNull(qint64 id) { return id > 0 ? std::optional<qint64>(id) : std::nullopt; }

QString recordName(const QString& chain, qint64 seq) { return chain + u'#' + QString::number(seq); }

// ---- Verification of one chain -----------------------------------------------------------------

struct ChainToCheck {
    QString name;
    std::optional<AuditHead> head; // empty: records without a head row
};

class ChainWalk {
public:
    ChainWalk(const ChainToCheck& chain, AuditVerification& result) : m_chain(chain), m_result(result) {}

    // Checks the next record of the chain (records come in seq order). Once a bad record is known,
    // anywhere, nothing more is checked.
    void visit(const AuditRow& row)
    {
        if (!m_result.ok)
            return; // the first bad record is known: the rest is only counted
        if (row.seq != m_expected) {
            // seq is unique per chain and read in order, so a different number is a gap.
            bad(m_expected, 0,
                QCoreApplication::translate("cs::AuditLog",
                                            "The record is missing: it was deleted (the chain goes from #%1 to #%2).")
                    .arg(m_expected - 1)
                    .arg(row.seq));
            return;
        }
        if (!m_chain.head) {
            bad(row.seq, row.id,
                QCoreApplication::translate("cs::AuditLog", "The chain of this record has no head row: it was deleted."));
            return;
        }
        if (row.prevHash != m_previousHash) {
            bad(row.seq, row.id,
                QCoreApplication::translate("cs::AuditLog",
                                            "The record does not link to the record before it: records were "
                                            "reordered, inserted or replaced."));
            return;
        }
        const QString hash = hashOf(row);
        if (hash != row.hash) {
            bad(row.seq, row.id,
                QCoreApplication::translate("cs::AuditLog",
                                            "The record was edited: its content no longer matches its hash."));
            return;
        }
        if (row.seq > m_chain.head->lastSeq) {
            bad(row.seq, row.id,
                QCoreApplication::translate("cs::AuditLog",
                                            "The record lies beyond the head of its chain (#%1): the head was moved "
                                            "back or the record was added outside the program.")
                    .arg(m_chain.head->lastSeq));
            return;
        }
        m_previousHash = row.hash;
        m_lastId = row.id;
        ++m_expected;
    }

    // After the last record: the head must name it (else the last records were deleted).
    void finish()
    {
        if (!m_result.ok || !m_chain.head)
            return;
        const qint64 last = m_expected - 1;
        const AuditHead& head = *m_chain.head;
        if (head.lastSeq > last) {
            bad(last + 1, 0,
                last == 0 ? QCoreApplication::translate("cs::AuditLog",
                                                        "The records of this chain were deleted: its head says it runs "
                                                        "to #%1, but none is left.")
                                .arg(head.lastSeq)
                          : QCoreApplication::translate("cs::AuditLog",
                                                        "The last records of this chain were deleted: its head says it "
                                                        "runs to #%1, but it ends at #%2.")
                                .arg(head.lastSeq)
                                .arg(last));
        } else if (head.lastHash != m_previousHash) {
            bad(last, m_lastId,
                QCoreApplication::translate("cs::AuditLog",
                                            "The head of the chain does not match its last record: the head or the "
                                            "record was replaced."));
        }
    }

private:
    void bad(qint64 seq, qint64 id, const QString& problem)
    {
        m_result.ok = false;
        m_result.firstBad = recordName(m_chain.name, seq);
        m_result.firstBadId = id;
        m_result.problem = problem;
    }

    const ChainToCheck& m_chain;
    AuditVerification& m_result;
    qint64 m_expected = 1;
    QString m_previousHash = zeroHash;
    qint64 m_lastId = 0;
};

} // namespace

Status AuditLog::append(UnitOfWork& uow, const AuditActor& actor, const AuditEntry& entry)
{
    if (actor.terminal.isEmpty())
        return fail(Error::invalid(u"audit.no_terminal"_s, u"terminal"_s,
                                   QCoreApplication::translate("cs::AuditLog",
                                                               "An audit record needs the terminal it was made at.")));
    if (entry.action.isEmpty())
        return fail(Error::internal(u"audit.no_action"_s,
                                    QCoreApplication::translate("cs::AuditLog", "An audit record needs an action.")));

    AuditRepository repository(uow);
    const QString chain = u"terminal:"_s + actor.terminal;
    auto head = repository.lockHead(chain);
    if (!head)
        return fail(head.error());
    if (!*head) {
        // The terminal's first record: create its head, then lock it (another transaction may have
        // created it meanwhile; its insert then waits for that one and does nothing).
        if (auto inserted = repository.insertHeadIfAbsent(chain); !inserted)
            return inserted;
        head = repository.lockHead(chain);
        if (!head)
            return fail(head.error());
        if (!*head)
            return fail(Error::internal(u"audit.no_head"_s,
                                        QCoreApplication::translate("cs::AuditLog",
                                                                    "The head of the audit chain %1 cannot be created.")
                                            .arg(chain)));
    }

    AuditRow row;
    row.chain = chain;
    row.seq = (*head)->lastSeq + 1;
    row.staffId = idOrNull(actor.staffId);
    row.login = textOrNull(actor.login);
    row.terminal = actor.terminal;
    row.branchId = idOrNull(actor.branchId);
    row.at = sql::nowUtc();
    row.action = entry.action;
    row.entityType = textOrNull(entry.entityType);
    row.entityId = textOrNull(entry.entityId);
    row.outcome = entry.success ? u"success"_s : u"refused"_s;
    row.detail = textOrNull(entry.detail);
    row.beforeValue = jsonOrNull(entry.before);
    row.afterValue = jsonOrNull(entry.after);
    row.prevHash = (*head)->lastHash;
    row.hash = hashOf(row);
    if (row.hash.isEmpty())
        return fail(Error::internal(u"audit.hash"_s,
                                    QCoreApplication::translate("cs::AuditLog", "The audit record cannot be hashed.")));
    if (auto inserted = repository.insertRecord(row); !inserted)
        return inserted;
    return repository.moveHead(chain, (*head)->lastSeq, row.seq, row.hash);
}

Status AuditLog::appendAlone(const Database& db, const AuditActor& actor, const AuditEntry& entry)
{
    return db.transact([&](UnitOfWork& uow) { return append(uow, actor, entry); });
}

Result<AuditVerification> verifyAudit(const Database& db)
{
    AuditVerification result;
    const Status status = db.transact(
        [&](UnitOfWork& uow) -> Status {
            result = {};
            AuditRepository repository(uow);
            if (auto snapshot = repository.useOneSnapshot(); !snapshot)
                return snapshot;
            auto heads = repository.heads();
            if (!heads)
                return fail(heads.error());
            auto headless = repository.chainsWithoutHead();
            if (!headless)
                return fail(headless.error());

            QList<ChainToCheck> chains;
            chains.reserve(heads->size() + headless->size());
            for (AuditHead& head : *heads) {
                const QString name = head.chain;
                chains.append({name, std::move(head)});
            }
            for (const QString& name : std::as_const(*headless))
                chains.append({name, std::nullopt});
            // Chain-name order (QString's, by UTF-16 code unit), the same on both dialects whatever
            // the database's collation.
            std::sort(chains.begin(), chains.end(),
                      [](const ChainToCheck& a, const ChainToCheck& b) { return a.name < b.name; });
            result.chains = static_cast<int>(chains.size());

            for (const ChainToCheck& chain : std::as_const(chains)) {
                ChainWalk walk(chain, result);
                qint64 after = 0;
                for (;;) {
                    auto page = repository.records(chain.name, after, pageSize);
                    if (!page)
                        return fail(page.error());
                    for (const AuditRow& row : std::as_const(*page))
                        walk.visit(row);
                    result.records += page->size();
                    if (page->size() < pageSize)
                        break;
                    after = page->constLast().seq;
                }
                walk.finish();
            }
            return {};
        },
        UnitOfWork::Isolation::ReadOnly);
    if (!status)
        return fail(status.error());
    return result;
}

} // namespace cs
