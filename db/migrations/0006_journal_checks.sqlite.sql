-- Countersign schema, migration 0006: the journal's checks at a lower cost per posting.
-- The PostgreSQL file also makes the journal's checks cheaper (one pass for count and balance, one
-- check per INSERT statement); SQLite's row triggers run in-process and stay as 0001 wrote them.
--   journal_txns_reverses_idx   dropped: the unique constraint journal_txns_reversed_once (0001)
--                               indexes the same column, and every posting paid for both.

DROP INDEX journal_txns_reverses_idx;
