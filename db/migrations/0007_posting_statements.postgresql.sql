-- Countersign schema, migration 0007: the journal's checks in a shape that lets the PostingEngine write
-- a transaction's lines, header and balances in one statement (issue 4's posting benchmark: a posting
-- costs BEGIN, one read, one write, COMMIT). The rules are those of 0001; where they are checked moves:
--   journal_txns_check_lines         count and balance of the header's lines, now at COMMIT (a deferred
--                                    constraint trigger): a statement that inserts lines and header
--                                    together cannot see its own lines before it ends, and a line added
--                                    to the header later in the same transaction shows as a count
--                                    mismatch at COMMIT.
--   journal_lines_refuse_after_post  refuses lines for a header that an earlier statement wrote (another
--                                    transaction, or this one before): a header and its lines come from
--                                    one statement when they share the inserting transaction id and
--                                    command id (xmin, cmin; a savepoint gives both the same xmin).
--   journal_txns_branch_id_fkey      dropped: journal_txns_business_day_fkey (branch_id, business_date)
--                                    references business_days, whose branch_id references branches.
--   journal_txns_reversed_once       a unique index on reversals only: ordinary postings (NULL) no
--                                    longer pay for an entry in it.

DROP TRIGGER journal_txns_check_lines ON journal_txns;

CREATE CONSTRAINT TRIGGER journal_txns_check_lines AFTER INSERT ON journal_txns
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_txns_check_lines();

CREATE OR REPLACE FUNCTION journal_lines_refuse_after_post() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    posted bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'serializable' THEN
        SELECT t.id INTO posted
          FROM (SELECT n.txn_id, min(n.line_no) AS line_no FROM new_lines n GROUP BY n.txn_id) n
          JOIN journal_txns t ON t.id = n.txn_id
          JOIN journal_lines l ON l.txn_id = n.txn_id AND l.line_no = n.line_no
         WHERE NOT (t.xmin = l.xmin AND t.cmin = l.cmin)
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

ALTER TABLE journal_txns DROP CONSTRAINT journal_txns_branch_id_fkey;

ALTER TABLE journal_txns DROP CONSTRAINT journal_txns_reversed_once;

CREATE UNIQUE INDEX journal_txns_reversed_once ON journal_txns (reverses_txn_id) WHERE reverses_txn_id IS NOT NULL;
