-- Countersign schema, migration 0012: end of day, interest and time deposits (issue 7; DOMAIN "Deposits
-- and interest", "Anti-money-laundering"; DESIGN rules 4, 8, 10).
--
-- Parallel to 0012_end_of_day.sqlite.sql (same names, same order).
--   eod_steps          one row per branch, business date and step of the end of day, written in the
--                      transaction that does the step: a step with its row is done, and a run killed at
--                      any point and started again skips it (it never posts twice). detail: the step's
--                      counts and amounts (JSON).
--   interest_products  the balance product (积数, a sum of fen-days) of each demand and corporate account
--                      since period_start: every end of day adds the closing balance (one UPDATE for the
--                      branch, never a posting); the quarterly settlement pays product x rate / 360 and
--                      starts a new period. last_accrued_on: the business date last added (an accrual
--                      is never added twice for one date).
--   time_deposits      a time deposit (整存整取) placed once into its own account: principal, the rate
--                      fixed at placement (basis points a year), the term and its dates (opened_on: the
--                      start of the current term, a roll-over starts a new one), roll-over or payout to
--                      payout_account_id at maturity, the one partial early withdrawal (partial_on and
--                      partial_amount). States: active | matured (due but not yet paid out: the payout
--                      account could take nothing; the days after maturity earn the demand rate) | closed.
--   notice_outbox      customer notices waiting for delivery (issue 8 delivers them): account movements
--                      and time deposit maturities. event_key names the event (txn:<id>, maturity:<date>);
--                      (kind, account_id, event_key) is unique, so that an end of day run again never
--                      queues a notice twice. payload: JSON (amounts in fen).
-- Settings: interest rates per product in basis points a year (demand 0.35%; time deposits by term),
-- the time deposit minimum (¥50), the large-value thresholds for transfers (person ¥500,000, company
-- ¥2,000,000: PBOC order 2016 No. 3).

CREATE TABLE eod_steps (
    branch_id      BIGINT      NOT NULL,
    business_date  DATE        NOT NULL,
    step           TEXT        NOT NULL,
    done_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_by        BIGINT      NOT NULL REFERENCES staff (id),
    detail         TEXT        NOT NULL DEFAULT '{}',
    CONSTRAINT eod_steps_pkey PRIMARY KEY (branch_id, business_date, step),
    CONSTRAINT eod_steps_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT eod_steps_step_check CHECK (step IN ('check', 'expire', 'accrue_interest', 'mature_deposits', 'settle_merchants',
                                                    'large_value', 'notices', 'verify_ledger', 'close_day', 'settle_interest')),
    CONSTRAINT eod_steps_detail_json CHECK (detail::json IS NOT NULL)
);

CREATE TABLE interest_products (
    account_id       BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    branch_id        BIGINT NOT NULL REFERENCES branches (id),
    balance_product  BIGINT NOT NULL DEFAULT 0,
    period_start     DATE   NOT NULL,
    last_accrued_on  DATE,
    CONSTRAINT interest_products_product_nonnegative CHECK (balance_product >= 0),
    CONSTRAINT interest_products_accrued_in_period CHECK (last_accrued_on IS NULL OR last_accrued_on >= period_start)
);

CREATE INDEX interest_products_branch_idx ON interest_products (branch_id);

CREATE TABLE time_deposits (
    account_id         BIGINT      NOT NULL PRIMARY KEY,
    branch_id          BIGINT      NOT NULL REFERENCES branches (id),
    product_code       TEXT        NOT NULL REFERENCES products (code),
    currency           TEXT        NOT NULL,
    principal          BIGINT      NOT NULL,
    rate_bp            INTEGER     NOT NULL,
    term_months        INTEGER     NOT NULL,
    opened_on          DATE        NOT NULL,
    matures_on         DATE        NOT NULL,
    rollover           BOOLEAN     NOT NULL,
    payout_account_id  BIGINT      NOT NULL,
    partial_on         DATE,
    partial_amount     BIGINT,
    terms              INTEGER     NOT NULL DEFAULT 1,
    state              TEXT        NOT NULL DEFAULT 'active',
    placed_txn_id      BIGINT      NOT NULL REFERENCES journal_txns (id),
    closed_on          DATE,
    closed_txn_id      BIGINT      REFERENCES journal_txns (id),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
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
    CONSTRAINT time_deposits_closed_iff_closed_on CHECK ((state = 'closed') = (closed_on IS NOT NULL AND closed_txn_id IS NOT NULL))
);

CREATE INDEX time_deposits_branch_maturity_idx ON time_deposits (branch_id, matures_on) WHERE state <> 'closed';

CREATE TABLE notice_outbox (
    id             BIGINT      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    branch_id      BIGINT      NOT NULL REFERENCES branches (id),
    customer_id    BIGINT      NOT NULL REFERENCES customers (id),
    account_id     BIGINT      NOT NULL REFERENCES accounts (id),
    kind           TEXT        NOT NULL,
    business_date  DATE        NOT NULL,
    event_key      TEXT        NOT NULL,
    payload        TEXT        NOT NULL,
    state          TEXT        NOT NULL DEFAULT 'pending',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notice_outbox_event_key UNIQUE (kind, account_id, event_key),
    CONSTRAINT notice_outbox_kind_check CHECK (kind IN ('movement', 'maturity')),
    CONSTRAINT notice_outbox_event_key_nonempty CHECK (length(event_key) BETWEEN 1 AND 64),
    CONSTRAINT notice_outbox_payload_json CHECK (payload::json IS NOT NULL),
    CONSTRAINT notice_outbox_state_check CHECK (state IN ('pending', 'sent', 'failed', 'dead'))
);

CREATE INDEX notice_outbox_pending_idx ON notice_outbox (id) WHERE state = 'pending';

COMMENT ON TABLE eod_steps IS 'End of day steps done per branch and business date, each written with its effects: a rerun skips them.';
COMMENT ON TABLE interest_products IS 'Balance product (积数, fen-days) of each demand account since period_start; settled quarterly.';
COMMENT ON TABLE time_deposits IS 'Time deposits: principal, rate fixed at placement, term, roll-over or payout account, one partial early withdrawal.';
COMMENT ON TABLE notice_outbox IS 'Customer notices (movements, maturities) waiting for delivery; unique per event.';

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

GRANT SELECT, INSERT ON eod_steps, interest_products, time_deposits, notice_outbox TO countersign_app;
GRANT UPDATE ON interest_products, time_deposits, notice_outbox TO countersign_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO countersign_app;
