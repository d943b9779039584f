-- Countersign schema, migration 0004: teller cash.
--
-- Parallel to 0004_cash.postgresql.sql (same names, same order).
--   cashbox_sessions.after_txn_id / last_txn_id   the journal transactions of the box that belong to the
--       session are those with ids in (after_txn_id, last_txn_id]; last_txn_id is set at closing. A
--       teller may open and close more than once a day without the sessions' figures mixing.
--   journal_txns_date_kind_idx   a customer's cash of the day (large-value totals) from the day's cash
--       transactions instead of every line the customer's accounts ever had.
--   cashbox.transfer   cash between a teller's box and the vault while the box is open.

ALTER TABLE cashbox_sessions ADD COLUMN after_txn_id INTEGER NOT NULL DEFAULT 0
    CONSTRAINT cashbox_sessions_after_txn_nonnegative CHECK (after_txn_id >= 0);
ALTER TABLE cashbox_sessions ADD COLUMN last_txn_id INTEGER;

CREATE INDEX journal_txns_date_kind_idx ON journal_txns (business_date, kind);

INSERT INTO permissions (action, role) VALUES
    ('cashbox.transfer', 'teller');
