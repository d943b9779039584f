-- Countersign schema, migration 0003: what the ledger and the counter need beyond 0001.
--
-- Parallel to 0003_ledger.postgresql.sql (same names, same order).
--   balance_mode   'row': the PostingEngine keeps accounts.balance; 'journal': the balance of a hot
--                  internal account (fee income, clearing) is the sum of its journal lines, so that no
--                  posting waits on its row (DESIGN rule 12).
--   account_sequences       the next account number per branch and kind, taken under a row lock
--   account_limit_usage     Class II/III amounts used per day and per year, per direction
--   cashbox_sessions        a teller's cash box from opening to closing, with the count
--   large_value_entries     cash at or over the large-value threshold, with the due-diligence fields

ALTER TABLE accounts ADD COLUMN balance_mode TEXT NOT NULL DEFAULT 'row'
    CONSTRAINT accounts_balance_mode_check CHECK (balance_mode IN ('row', 'journal'));

CREATE TABLE account_sequences (
    branch_id   INTEGER NOT NULL REFERENCES branches (id),
    kind        TEXT    NOT NULL,
    next_value  INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT account_sequences_pkey PRIMARY KEY (branch_id, kind),
    CONSTRAINT account_sequences_kind_check CHECK (kind IN ('customer', 'internal')),
    CONSTRAINT account_sequences_next_positive CHECK (next_value >= 1)
) STRICT;

CREATE TABLE account_limit_usage (
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    period        TEXT    NOT NULL,
    period_start  TEXT    NOT NULL,
    direction     TEXT    NOT NULL,
    amount        INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT account_limit_usage_pkey PRIMARY KEY (account_id, period, period_start, direction),
    CONSTRAINT account_limit_usage_period_check CHECK (period IN ('day', 'year')),
    CONSTRAINT account_limit_usage_direction_check CHECK (direction IN ('in', 'out')),
    CONSTRAINT account_limit_usage_amount_nonnegative CHECK (amount >= 0),
    CONSTRAINT account_limit_usage_period_start_format CHECK (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(period_start)) IS period_start)
) STRICT;

CREATE TABLE cashbox_sessions (
    id                INTEGER PRIMARY KEY,
    branch_id         INTEGER NOT NULL REFERENCES branches (id),
    staff_id          INTEGER NOT NULL REFERENCES staff (id),
    account_id        INTEGER NOT NULL REFERENCES accounts (id),
    business_date     TEXT    NOT NULL,
    state             TEXT    NOT NULL DEFAULT 'open',
    opening_minor     INTEGER NOT NULL,
    counted_minor     INTEGER,
    difference_minor  INTEGER,
    opened_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    closed_at         TEXT,
    CONSTRAINT cashbox_sessions_state_check CHECK (state IN ('open', 'closed')),
    CONSTRAINT cashbox_sessions_opening_nonnegative CHECK (opening_minor >= 0),
    CONSTRAINT cashbox_sessions_counted_nonnegative CHECK (counted_minor >= 0),
    CONSTRAINT cashbox_sessions_closed_iff_counted CHECK ((state = 'closed') = (closed_at IS NOT NULL AND counted_minor IS NOT NULL AND difference_minor IS NOT NULL)),
    CONSTRAINT cashbox_sessions_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date)
) STRICT;

CREATE UNIQUE INDEX cashbox_sessions_one_open_per_teller ON cashbox_sessions (staff_id) WHERE state = 'open';
CREATE INDEX cashbox_sessions_branch_date_idx ON cashbox_sessions (branch_id, business_date);

CREATE TABLE large_value_entries (
    id                  INTEGER PRIMARY KEY,
    branch_id           INTEGER NOT NULL REFERENCES branches (id),
    business_date       TEXT    NOT NULL,
    customer_id         INTEGER NOT NULL REFERENCES customers (id),
    txn_id              INTEGER NOT NULL REFERENCES journal_txns (id),
    criterion           TEXT    NOT NULL,
    direction           TEXT    NOT NULL,
    amount              INTEGER NOT NULL,
    day_total           INTEGER NOT NULL,
    currency            TEXT    NOT NULL,
    agent_name          TEXT,
    agent_id_number     TEXT,
    source_of_funds     TEXT,
    purpose             TEXT,
    id_copy_ref         TEXT,
    created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT large_value_entries_criterion_check CHECK (criterion IN ('cash', 'person_transfer', 'company_transfer', 'cross_border')),
    CONSTRAINT large_value_entries_direction_check CHECK (direction IN ('in', 'out')),
    CONSTRAINT large_value_entries_amount_positive CHECK (amount > 0 AND day_total >= amount),
    CONSTRAINT large_value_entries_currency_format CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    CONSTRAINT large_value_entries_txn_criterion_key UNIQUE (txn_id, criterion, direction)
) STRICT;

CREATE INDEX large_value_entries_branch_date_idx ON large_value_entries (branch_id, business_date);
CREATE INDEX journal_txns_reverses_idx ON journal_txns (reverses_txn_id);
