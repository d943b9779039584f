-- Countersign schema, migration 0012: end of day, interest and time deposits (issue 7; DOMAIN "Deposits
-- and interest", "Anti-money-laundering"; DESIGN rules 4, 8, 10).
--
-- Parallel to 0012_end_of_day.postgresql.sql (same names, same order); the tables are explained there:
--   eod_steps          the steps of each branch's end of day, written with their effects (reruns skip them)
--   interest_products  the balance product (积数) of each demand account since period_start
--   time_deposits      principal, fixed rate, term, roll-over or payout account, one partial withdrawal
--   notice_outbox      customer notices (movements, maturities), unique per event

CREATE TABLE eod_steps (
    branch_id      INTEGER NOT NULL,
    business_date  TEXT    NOT NULL,
    step           TEXT    NOT NULL,
    done_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    done_by        INTEGER NOT NULL REFERENCES staff (id),
    detail         TEXT    NOT NULL DEFAULT '{}',
    CONSTRAINT eod_steps_pkey PRIMARY KEY (branch_id, business_date, step),
    CONSTRAINT eod_steps_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT eod_steps_step_check CHECK (step IN ('check', 'expire', 'accrue_interest', 'mature_deposits', 'settle_merchants',
                                                    'large_value', 'notices', 'verify_ledger', 'close_day', 'settle_interest')),
    CONSTRAINT eod_steps_detail_json CHECK (json_valid(detail)),
    CONSTRAINT eod_steps_done_at_format CHECK (done_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', done_at) IS done_at)
) STRICT;

CREATE TABLE interest_products (
    account_id       INTEGER NOT NULL PRIMARY KEY REFERENCES accounts (id),
    branch_id        INTEGER NOT NULL REFERENCES branches (id),
    balance_product  INTEGER NOT NULL DEFAULT 0,
    period_start     TEXT    NOT NULL,
    last_accrued_on  TEXT,
    CONSTRAINT interest_products_product_nonnegative CHECK (balance_product >= 0),
    CONSTRAINT interest_products_accrued_in_period CHECK (last_accrued_on IS NULL OR last_accrued_on >= period_start),
    CONSTRAINT interest_products_period_start_format CHECK (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(period_start)) IS period_start),
    CONSTRAINT interest_products_last_accrued_on_format CHECK (last_accrued_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(last_accrued_on)) IS last_accrued_on)
) STRICT;

CREATE INDEX interest_products_branch_idx ON interest_products (branch_id);

CREATE TABLE time_deposits (
    account_id         INTEGER NOT NULL PRIMARY KEY,
    branch_id          INTEGER NOT NULL REFERENCES branches (id),
    product_code       TEXT    NOT NULL REFERENCES products (code),
    currency           TEXT    NOT NULL,
    principal          INTEGER NOT NULL,
    rate_bp            INTEGER NOT NULL,
    term_months        INTEGER NOT NULL,
    opened_on          TEXT    NOT NULL,
    matures_on         TEXT    NOT NULL,
    rollover           INTEGER NOT NULL,
    payout_account_id  INTEGER NOT NULL,
    partial_on         TEXT,
    partial_amount     INTEGER,
    terms              INTEGER NOT NULL DEFAULT 1,
    state              TEXT    NOT NULL DEFAULT 'active',
    placed_txn_id      INTEGER NOT NULL REFERENCES journal_txns (id),
    closed_on          TEXT,
    closed_txn_id      INTEGER REFERENCES journal_txns (id),
    created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT time_deposits_account_currency_fkey FOREIGN KEY (account_id, currency) REFERENCES accounts (id, currency),
    CONSTRAINT time_deposits_payout_currency_fkey FOREIGN KEY (payout_account_id, currency) REFERENCES accounts (id, currency),
    CONSTRAINT time_deposits_payout_elsewhere CHECK (payout_account_id <> account_id),
    CONSTRAINT time_deposits_principal_positive CHECK (principal > 0),
    CONSTRAINT time_deposits_rate_nonnegative CHECK (rate_bp >= 0),
    CONSTRAINT time_deposits_term_positive CHECK (term_months > 0),
    CONSTRAINT time_deposits_matures_after_opening CHECK (matures_on > opened_on),
    CONSTRAINT time_deposits_partial_together CHECK ((partial_on IS NULL) = (partial_amount IS NULL)),
    CONSTRAINT time_deposits_partial_positive CHECK (partial_amount > 0),
    CONSTRAINT time_deposits_terms_positive CHECK (terms >= 1),
    CONSTRAINT time_deposits_state_check CHECK (state IN ('active', 'matured', 'closed')),
    CONSTRAINT time_deposits_closed_iff_closed_on CHECK ((state = 'closed') = (closed_on IS NOT NULL AND closed_txn_id IS NOT NULL)),
    CONSTRAINT time_deposits_rollover_bool CHECK (rollover IN (0, 1)),
    CONSTRAINT time_deposits_opened_on_format CHECK (opened_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(opened_on)) IS opened_on),
    CONSTRAINT time_deposits_matures_on_format CHECK (matures_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(matures_on)) IS matures_on),
    CONSTRAINT time_deposits_partial_on_format CHECK (partial_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(partial_on)) IS partial_on),
    CONSTRAINT time_deposits_closed_on_format CHECK (closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(closed_on)) IS closed_on),
    CONSTRAINT time_deposits_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT time_deposits_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS updated_at)
) STRICT;

CREATE INDEX time_deposits_branch_maturity_idx ON time_deposits (branch_id, matures_on) WHERE state <> 'closed';

CREATE TABLE notice_outbox (
    id             INTEGER PRIMARY KEY,
    branch_id      INTEGER NOT NULL REFERENCES branches (id),
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    account_id     INTEGER NOT NULL REFERENCES accounts (id),
    kind           TEXT    NOT NULL,
    business_date  TEXT    NOT NULL,
    event_key      TEXT    NOT NULL,
    payload        TEXT    NOT NULL,
    state          TEXT    NOT NULL DEFAULT 'pending',
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT notice_outbox_event_key UNIQUE (kind, account_id, event_key),
    CONSTRAINT notice_outbox_kind_check CHECK (kind IN ('movement', 'maturity')),
    CONSTRAINT notice_outbox_event_key_nonempty CHECK (length(event_key) BETWEEN 1 AND 64),
    CONSTRAINT notice_outbox_payload_json CHECK (json_valid(payload)),
    CONSTRAINT notice_outbox_state_check CHECK (state IN ('pending', 'sent', 'failed', 'dead')),
    CONSTRAINT notice_outbox_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT notice_outbox_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at)
) STRICT;

CREATE INDEX notice_outbox_pending_idx ON notice_outbox (id) WHERE state = 'pending';

INSERT INTO settings (key, value) VALUES
    ('interest.rate_bp.demand',         '35'),
    ('interest.rate_bp.td3m',           '125'),
    ('interest.rate_bp.td6m',           '145'),
    ('interest.rate_bp.td1y',           '165'),
    ('interest.rate_bp.td2y',           '215'),
    ('interest.rate_bp.td3y',           '260'),
    ('interest.rate_bp.td5y',           '265'),
    ('deposit.time_minimum',            '5000'),
    ('aml.person_transfer_large_value', '50000000'),
    ('aml.company_transfer_large_value', '200000000');

INSERT INTO permissions (action, role) VALUES
    ('deposit.place', 'teller'),
    ('deposit.withdraw', 'teller');
