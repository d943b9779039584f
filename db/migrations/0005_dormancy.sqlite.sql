-- Countersign schema, migration 0005: dormant accounts (久悬).
--
-- Parallel to 0005_dormancy.postgresql.sql (same names, same order).
-- A customer demand account without a customer movement for accounts.dormant_after_days becomes
-- 'dormant' (accounts.state already allows it; the PostingEngine refuses postings to it) in a sweep that
-- end of day runs; a teller reactivates it with the customer present, which starts the count again:
--   reactivated_on   the business date of the last reactivation (NULL: never dormant)

ALTER TABLE accounts ADD COLUMN reactivated_on TEXT
    CONSTRAINT accounts_reactivated_on_format CHECK (reactivated_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(reactivated_on)) IS reactivated_on);

INSERT INTO settings (key, value) VALUES
    ('accounts.dormant_after_days', '365');

INSERT INTO permissions (action, role) VALUES
    ('account.reactivate', 'teller'),
    ('account.dormancy_sweep', 'supervisor');
