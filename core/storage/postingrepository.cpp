#include "storage/postingrepository.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<PostingStart> PostingRepository::start(qint64 branchId, const QString& requestId,
                                              const QList<qint64>& ascendingIds)
{
    JournalRepository journal(m_uow);
    AccountRepository accounts(m_uow);
    PostingStart started;
    if (m_uow.dialect() == Dialect::SQLite) {
        auto context = journal.postingContext(branchId, requestId);
        if (!context)
            return fail(context.error());
        started.context = *context;
        if (!context->branchExists || context->posted)
            return started;
        auto locked = accounts.lockForPosting(ascendingIds);
        if (!locked)
            return fail(locked.error());
        started.accounts = std::move(*locked);
        return started;
    }
    // One row per account beside the context (one row of nulls when there is no account; none when
    // there is no branch). The accounts are locked even for a request already posted: a rare case.
    const SqlStatement context = journal.postingContextStatement(branchId, requestId);
    const SqlStatement lock = accounts.lockForPostingStatement(ascendingIds);
    auto query = m_uow.exec(SqlStatement{u"WITH ctx AS MATERIALIZED ("_s + context.text + u"), acc AS ("_s + lock.text
                                             + u") SELECT ctx.*, acc.* FROM ctx LEFT JOIN acc ON true"_s,
                                         context.values + lock.values});
    if (!query)
        return fail(query.error());
    constexpr int firstAccountColumn = 4;
    while (query->next()) {
        if (!started.context.branchExists)
            started.context = JournalRepository::postingContextFromRow(*query, requestId);
        if (!query->value(firstAccountColumn).isNull())
            started.accounts.append(AccountRepository::fromRow(*query, firstAccountColumn));
    }
    query->finish();
    std::sort(started.accounts.begin(), started.accounts.end(),
              [](const AccountRecord& a, const AccountRecord& b) { return a.id < b.id; });
    return started;
}

Result<PostingWrite> PostingRepository::write(const TxnHeader& header, const QList<NewJournalLine>& lines,
                                              const QList<AccountRepository::BalanceChange>& changes,
                                              const SqlStatement& notices)
{
    PostingWrite written;
    if (m_uow.dialect() == Dialect::SQLite) {
        JournalRepository journal(m_uow);
        if (auto ok = journal.insertLines(header.id, lines); !ok)
            return fail(ok.error());
        auto inserted = journal.insertHeader(header);
        if (!inserted)
            return fail(inserted.error());
        written.inserted = *inserted;
        if (!written.inserted)
            return written;
        auto balances = AccountRepository(m_uow).applyPostings(changes);
        if (!balances)
            return fail(balances.error());
        written.balances = std::move(*balances);
        if (!notices.text.isEmpty()) {
            if (auto queued = m_uow.exec(notices); !queued)
                return fail(queued.error());
        }
        return written;
    }
    // One statement: every data-modifying part runs to its end whatever the main query reads. Its
    // rows: (0, header id) when the header went in, (1, account id, balance) per changed account.
    const SqlStatement lineInsert = JournalRepository::insertLinesStatement(header.id, lines);
    const SqlStatement headerInsert = JournalRepository::insertHeaderStatement(header);
    SqlStatement s{u"WITH l AS ("_s + lineInsert.text + u"), h AS ("_s + headerInsert.text + u")"_s,
                   lineInsert.values + headerInsert.values};
    QString select = u" SELECT 0, id, CAST(0 AS BIGINT) FROM h"_s;
    if (!changes.isEmpty()) {
        const SqlStatement update = AccountRepository::applyPostingsStatement(changes);
        s.text += u", u AS ("_s + update.text + u")"_s;
        s.values += update.values;
        select += u" UNION ALL SELECT 1, id, balance FROM u"_s;
    }
    if (!notices.text.isEmpty()) {
        s.text += u", n AS ("_s + notices.text + u")"_s;
        s.values += notices.values;
    }
    s.text += select;
    auto query = m_uow.exec(s);
    if (!query)
        return fail(query.error());
    while (query->next()) {
        if (query->value(0).toInt() == 0)
            written.inserted = true;
        else
            written.balances.insert(query->value(1).toLongLong(), query->value(2).toLongLong());
    }
    query->finish();
    if (written.inserted && written.balances.size() != changes.size())
        return fail(Error::notFound(u"account.not_found"_s, u"account"_s, {}));
    return written;
}

} // namespace cs
