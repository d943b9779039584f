-- Countersign schema, migration 0006: the journal's checks at a lower cost per posting (issue 4's
-- posting benchmark). Same rules as 0001, fewer executions:
--   journal_txns_check_lines         one pass over the transaction's lines for count and balance
--                                    (was two queries)
--   journal_lines_refuse_after_post  once per INSERT statement over its new rows (a transition table)
--                                    instead of once per row; the engine inserts all lines of a
--                                    posting in one statement. Still skipped under SERIALIZABLE, where
--                                    journal_lines_posted_at_commit checks at COMMIT (see 0001).
--   journal_txns_reverses_idx        dropped: the unique constraint journal_txns_reversed_once (0001)
--                                    indexes the same column, and every posting paid for both.

CREATE OR REPLACE FUNCTION journal_txns_check_lines() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    found_lines bigint;
    bad_currency text;
BEGIN
    SELECT coalesce(sum(n), 0), min(currency) FILTER (WHERE difference <> 0)
      INTO found_lines, bad_currency
      FROM (SELECT currency, count(*) AS n,
                   sum(CASE WHEN side = 'D' THEN amount ELSE -amount END) AS difference
              FROM journal_lines
             WHERE txn_id = NEW.id
             GROUP BY currency) per_currency;
    IF NEW.line_count IS DISTINCT FROM found_lines THEN
        RAISE EXCEPTION 'journal: line count mismatch'
            USING ERRCODE = 'check_violation',
                  DETAIL = format('transaction %s declares %s lines, %s found', NEW.id, NEW.line_count, found_lines);
    END IF;
    IF bad_currency IS NOT NULL THEN
        RAISE EXCEPTION 'journal: unbalanced transaction'
            USING ERRCODE = 'check_violation',
                  DETAIL = format('transaction %s: debits and credits differ in %s', NEW.id, bad_currency);
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER journal_lines_refuse_after_post ON journal_lines;

CREATE OR REPLACE FUNCTION journal_lines_refuse_after_post() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    posted bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'serializable' THEN
        SELECT t.id INTO posted
          FROM journal_txns t
         WHERE t.id IN (SELECT DISTINCT n.txn_id FROM new_lines n)
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'journal: transaction already posted'
                USING ERRCODE = 'check_violation',
                      DETAIL = format('transaction %s is posted; post a reversal instead', posted);
        END IF;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER journal_lines_refuse_after_post AFTER INSERT ON journal_lines
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_refuse_after_post();

DROP INDEX journal_txns_reverses_idx;
