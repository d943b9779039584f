-- Countersign schema, migration 0011: merchant acquiring and settlement (issue 7; DOMAIN "Merchant
-- acquiring and settlement").
--
-- Parallel to 0011_merchants.postgresql.sql (same names, same order).
--   merchants             one row per merchant contract: code M + 8 digits, the company customer, its
--                         settlement account (an account of that customer), the fee plan and the cycle.
--                         b2b_percent: fee_rate_bp 1..100 (0.1% = 10); b2b_fixed: fixed_fee per payment;
--                         b2c: fee_rate_bp 20..30 (0.2%-0.3%). t0_realtime and t0_eod settle on the day
--                         (settlement_days 0); tn settles at the end of day of business date + N (N >= 1).
--                         branch_id: the branch whose merchant_settlement account holds its money until
--                         settled and whose end of day settles it.
--   merchant_payments     one row per order (order_number unique per merchant). Modes: immediate and
--                         delayed are posted at once (payer D, merchant_settlement C); authorised holds
--                         the amount on the payer (hold_id) until captured, up to the amount. States:
--                           authorised  held, nothing posted (captured 0, no txn)
--                           captured    posted (txn_id), waiting for its settlement (settle_on)
--                           settled     counted in a settlement (settlement_id)
--                           voided      an authorisation let go (its hold released)
--                         captured: what was posted; refunded <= captured; fee on the captured amount.
--   merchant_refunds      one row per refund against an order: before settlement out of merchant_settlement
--                         (counted in the refunds of the settlement that settles its payment), after it
--                         out of the merchant's account (after_settlement). Append-only.
--   merchant_settlements  one row per settlement posting: at end of day one per merchant and business date
--                         (payment_id NULL, unique), in real time one per payment (payment_id). Posted as
--                         merchant_settlement D gross - refunds, fee_income C fees, merchant's account C net.
-- Settings: the default fee rates of new contracts.

CREATE TABLE merchants (
    id                     INTEGER     PRIMARY KEY,
    code                   TEXT        NOT NULL,
    name                   TEXT        NOT NULL,
    branch_id              INTEGER     NOT NULL REFERENCES branches (id),
    customer_id            INTEGER     NOT NULL REFERENCES customers (id),
    settlement_account_id  INTEGER     NOT NULL REFERENCES accounts (id),
    fee_plan               TEXT        NOT NULL,
    fee_rate_bp            INTEGER     NOT NULL DEFAULT 0,
    fixed_fee              INTEGER     NOT NULL DEFAULT 0,
    cycle                  TEXT        NOT NULL,
    settlement_days        INTEGER     NOT NULL DEFAULT 0,
    state                  TEXT        NOT NULL DEFAULT 'active',
    request_id             TEXT        NOT NULL,
    created_by             INTEGER     NOT NULL REFERENCES staff (id),
    created_at             TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at             TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT merchants_code_key UNIQUE (code),
    CONSTRAINT merchants_request_id_key UNIQUE (request_id),
    CONSTRAINT merchants_code_format CHECK (length(code) = 9 AND code GLOB 'M[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT merchants_name_length CHECK (length(trim(name)) BETWEEN 1 AND 60),
    CONSTRAINT merchants_fee_plan_check CHECK (fee_plan IN ('b2b_percent', 'b2b_fixed', 'b2c')),
    CONSTRAINT merchants_b2b_percent_rate CHECK (fee_plan <> 'b2b_percent' OR (fee_rate_bp BETWEEN 1 AND 100 AND fixed_fee = 0)),
    CONSTRAINT merchants_b2b_fixed_fee CHECK (fee_plan <> 'b2b_fixed' OR (fee_rate_bp = 0 AND fixed_fee > 0)),
    CONSTRAINT merchants_b2c_rate CHECK (fee_plan <> 'b2c' OR (fee_rate_bp BETWEEN 20 AND 30 AND fixed_fee = 0)),
    CONSTRAINT merchants_cycle_check CHECK (cycle IN ('t0_realtime', 't0_eod', 'tn')),
    CONSTRAINT merchants_settlement_days_fit_cycle CHECK ((cycle = 'tn' AND settlement_days BETWEEN 1 AND 30) OR (cycle <> 'tn' AND settlement_days = 0)),
    CONSTRAINT merchants_state_check CHECK (state IN ('active', 'suspended')),
    CONSTRAINT merchants_request_id_format CHECK (length(request_id) BETWEEN 1 AND 64),
    CONSTRAINT merchants_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT merchants_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS updated_at)
) STRICT;

CREATE INDEX merchants_customer_idx ON merchants (customer_id);
CREATE INDEX merchants_branch_idx ON merchants (branch_id);

CREATE TABLE merchant_payments (
    id                INTEGER     PRIMARY KEY,
    merchant_id       INTEGER     NOT NULL REFERENCES merchants (id),
    branch_id         INTEGER     NOT NULL REFERENCES branches (id),
    order_number      TEXT        NOT NULL,
    request_id        TEXT        NOT NULL,
    mode              TEXT        NOT NULL,
    state             TEXT        NOT NULL,
    channel           TEXT        NOT NULL,
    payer_account_id  INTEGER     NOT NULL REFERENCES accounts (id),
    payer_card_id     INTEGER     REFERENCES cards (id),
    currency          TEXT        NOT NULL DEFAULT 'CNY',
    amount            INTEGER     NOT NULL,
    captured          INTEGER     NOT NULL DEFAULT 0,
    refunded          INTEGER     NOT NULL DEFAULT 0,
    fee               INTEGER     NOT NULL DEFAULT 0,
    business_date     TEXT        NOT NULL,
    captured_on       TEXT,
    settle_on         TEXT,
    settlement_id     INTEGER     REFERENCES merchant_settlements (id),
    hold_id           INTEGER     REFERENCES holds (id),
    txn_id            INTEGER     REFERENCES journal_txns (id),
    staff_id          INTEGER     NOT NULL REFERENCES staff (id),
    terminal          TEXT        NOT NULL,
    created_at        TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT merchant_payments_order_key UNIQUE (merchant_id, order_number),
    CONSTRAINT merchant_payments_request_id_key UNIQUE (request_id),
    CONSTRAINT merchant_payments_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT merchant_payments_order_format CHECK (length(order_number) BETWEEN 1 AND 32 AND order_number NOT GLOB '*[^A-Za-z0-9_-]*'),
    CONSTRAINT merchant_payments_request_id_format CHECK (length(request_id) BETWEEN 1 AND 64),
    CONSTRAINT merchant_payments_mode_check CHECK (mode IN ('immediate', 'delayed', 'authorised')),
    CONSTRAINT merchant_payments_state_check CHECK (state IN ('authorised', 'captured', 'settled', 'voided')),
    CONSTRAINT merchant_payments_channel_check CHECK (channel IN ('counter', 'online', 'pos')),
    CONSTRAINT merchant_payments_currency_check CHECK (currency = 'CNY'),
    CONSTRAINT merchant_payments_amount_positive CHECK (amount > 0),
    CONSTRAINT merchant_payments_captured_range CHECK (captured BETWEEN 0 AND amount),
    CONSTRAINT merchant_payments_refunded_range CHECK (refunded BETWEEN 0 AND captured),
    CONSTRAINT merchant_payments_fee_range CHECK (fee BETWEEN 0 AND captured),
    CONSTRAINT merchant_payments_authorised_holds CHECK ((mode = 'authorised') = (hold_id IS NOT NULL)),
    CONSTRAINT merchant_payments_at_once_captured CHECK (mode = 'authorised' OR (state IN ('captured', 'settled') AND captured = amount)),
    CONSTRAINT merchant_payments_posted_iff_captured CHECK ((state IN ('captured', 'settled')) = (txn_id IS NOT NULL AND captured > 0 AND captured_on IS NOT NULL AND settle_on IS NOT NULL)),
    CONSTRAINT merchant_payments_waiting_nothing_posted CHECK (state NOT IN ('authorised', 'voided') OR (captured = 0 AND txn_id IS NULL AND settle_on IS NULL)),
    CONSTRAINT merchant_payments_settled_iff_settlement CHECK ((state = 'settled') = (settlement_id IS NOT NULL)),
    CONSTRAINT merchant_payments_settle_after_capture CHECK (settle_on >= captured_on AND captured_on >= business_date),
    CONSTRAINT merchant_payments_terminal_nonempty CHECK (length(terminal) > 0),
    CONSTRAINT merchant_payments_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT merchant_payments_captured_on_format CHECK (captured_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(captured_on)) IS captured_on),
    CONSTRAINT merchant_payments_settle_on_format CHECK (settle_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(settle_on)) IS settle_on),
    CONSTRAINT merchant_payments_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT merchant_payments_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS updated_at)
) STRICT;

CREATE INDEX merchant_payments_due_idx ON merchant_payments (settle_on) WHERE state = 'captured';
CREATE INDEX merchant_payments_settlement_idx ON merchant_payments (settlement_id);
CREATE INDEX merchant_payments_card_date_idx ON merchant_payments (payer_card_id, business_date);
CREATE INDEX merchant_payments_branch_date_idx ON merchant_payments (branch_id, business_date);

CREATE TABLE merchant_settlements (
    id             INTEGER     PRIMARY KEY,
    merchant_id    INTEGER     NOT NULL REFERENCES merchants (id),
    branch_id      INTEGER     NOT NULL REFERENCES branches (id),
    business_date  TEXT        NOT NULL,
    payment_id     INTEGER     REFERENCES merchant_payments (id),
    gross          INTEGER     NOT NULL,
    fees           INTEGER     NOT NULL,
    refunds        INTEGER     NOT NULL,
    net            INTEGER     NOT NULL,
    payments       INTEGER     NOT NULL,
    txn_id         INTEGER     REFERENCES journal_txns (id),
    staff_id       INTEGER     NOT NULL REFERENCES staff (id),
    created_at     TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT merchant_settlements_payment_key UNIQUE (payment_id),
    CONSTRAINT merchant_settlements_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT merchant_settlements_amounts_nonnegative CHECK (gross >= 0 AND fees >= 0 AND refunds >= 0),
    CONSTRAINT merchant_settlements_refunds_within_gross CHECK (refunds <= gross),
    CONSTRAINT merchant_settlements_net_check CHECK (net = gross - fees - refunds),
    CONSTRAINT merchant_settlements_payments_positive CHECK (payments >= 1),
    CONSTRAINT merchant_settlements_realtime_one_payment CHECK (payment_id IS NULL OR payments = 1),
    CONSTRAINT merchant_settlements_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT merchant_settlements_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at)
) STRICT;

-- End of day settles a merchant's day once: a second run finds the row and settles nothing again.
CREATE UNIQUE INDEX merchant_settlements_merchant_day_key ON merchant_settlements (merchant_id, business_date) WHERE payment_id IS NULL;
CREATE INDEX merchant_settlements_date_idx ON merchant_settlements (business_date);

CREATE TABLE merchant_refunds (
    id                INTEGER     PRIMARY KEY,
    payment_id        INTEGER     NOT NULL REFERENCES merchant_payments (id),
    branch_id         INTEGER     NOT NULL REFERENCES branches (id),
    request_id        TEXT        NOT NULL,
    amount            INTEGER     NOT NULL,
    after_settlement  INTEGER     NOT NULL,
    business_date     TEXT        NOT NULL,
    txn_id            INTEGER     NOT NULL REFERENCES journal_txns (id),
    staff_id          INTEGER     NOT NULL REFERENCES staff (id),
    terminal          TEXT        NOT NULL,
    created_at        TEXT        NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT merchant_refunds_request_id_key UNIQUE (request_id),
    CONSTRAINT merchant_refunds_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT merchant_refunds_request_id_format CHECK (length(request_id) BETWEEN 1 AND 64),
    CONSTRAINT merchant_refunds_amount_positive CHECK (amount > 0),
    CONSTRAINT merchant_refunds_terminal_nonempty CHECK (length(terminal) > 0),
    CONSTRAINT merchant_refunds_after_settlement_bool CHECK (after_settlement IN (0, 1)),
    CONSTRAINT merchant_refunds_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT merchant_refunds_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at)
) STRICT;

CREATE INDEX merchant_refunds_payment_idx ON merchant_refunds (payment_id);

INSERT INTO settings (key, value) VALUES
    ('merchant.fee.b2b_rate_bp', '10'),
    ('merchant.fee.b2b_fixed',   '500'),
    ('merchant.fee.b2c_rate_bp', '25');

INSERT INTO permissions (action, role) VALUES
    ('merchant.manage', 'supervisor'),
    ('merchant.pay', 'teller'),
    ('merchant.read', 'teller'),
    ('merchant.read', 'supervisor'),
    ('merchant.read', 'auditor');

