-- Countersign schema, migration 0010: cards (issue 6; DOMAIN "Cards", DESIGN rule 9).
--
-- Parallel to 0010_cards.postgresql.sql (same names, same order).
--   card_keys            the id of the database's one card master key (HKDF of the key, 16 hex digits). The
--                        key itself lives only in the terminals' secret stores; a terminal holding another
--                        key is refused instead of writing rows nobody can read. `singleton` makes a
--                        second key id a unique violation.
--   cards                one row per card. PAN = BIN + a random individual number + Luhn digit (a counter
--                        would let the masked digits and the issue order give the number away). The PAN is never stored in clear: pan_sealed (AES-256-GCM under
--                        pan_key_id), pan_hash (HMAC-SHA256, keyed, for lookup), pan_masked (first 6, last
--                        4). No PIN, PIN block, CVV2 or track data: pin_vv is a keyed verification value.
--                        States: issued | active | lost_oral | lost_written | frozen | replaced | cancelled;
--                        loss_kind and loss_reported_on while a loss report stands (state_before_loss is
--                        where lifting or lapsing returns to); replaced iff replaced_by_card_id.
--                        card_account_id: a quasi-credit or credit card's own account (product quasi or
--                        credit, overdraft = the limit); a debit card's is its settlement account.
-- Settings: BIN, PAN length and validity per product, issuance and annual fees (0 for the reference
-- debit card), the default limits and credit days, the remote (异地) cash fee, online payment ceilings
-- per verification method, wrong PINs before the lock, and approval of PIN resets.

CREATE TABLE card_keys (
    key_id      TEXT    PRIMARY KEY,
    singleton   INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_by  INTEGER REFERENCES staff (id),
    CONSTRAINT card_keys_one_key UNIQUE (singleton),
    CONSTRAINT card_keys_singleton_check CHECK (singleton = 1),
    CONSTRAINT card_keys_key_id_format CHECK (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT card_keys_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at)
) STRICT;

CREATE TABLE cards (
    id                     INTEGER PRIMARY KEY,
    customer_id            INTEGER NOT NULL REFERENCES customers (id),
    product_code           TEXT    NOT NULL REFERENCES products (code),
    settlement_account_id  INTEGER NOT NULL REFERENCES accounts (id),
    card_account_id        INTEGER NOT NULL REFERENCES accounts (id),
    branch_id              INTEGER NOT NULL REFERENCES branches (id),
    bin                    TEXT    NOT NULL,
    pan_sealed             BLOB    NOT NULL,
    pan_key_id             TEXT    NOT NULL REFERENCES card_keys (key_id),
    pan_hash               TEXT    NOT NULL,
    pan_masked             TEXT    NOT NULL,
    expires_on             TEXT    NOT NULL,
    issued_on              TEXT    NOT NULL,
    state                  TEXT    NOT NULL DEFAULT 'issued',
    state_before_loss      TEXT,
    loss_kind              TEXT,
    loss_reported_on       TEXT,
    pin_vv                 TEXT,
    pin_failures           INTEGER NOT NULL DEFAULT 0,
    pin_failure_date       TEXT,
    replaces_card_id       INTEGER REFERENCES cards (id),
    replaced_by_card_id    INTEGER REFERENCES cards (id),
    online_enabled         INTEGER NOT NULL DEFAULT 0,
    online_method          TEXT,
    online_daily_limit     INTEGER NOT NULL DEFAULT 0,
    credit_limit           INTEGER NOT NULL DEFAULT 0,
    statement_day          INTEGER,
    due_day                INTEGER,
    request_id             TEXT    NOT NULL,
    created_by             INTEGER NOT NULL REFERENCES staff (id),
    created_at             TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at             TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version                INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT cards_pan_hash_key UNIQUE (pan_hash),
    CONSTRAINT cards_request_id_key UNIQUE (request_id),
    CONSTRAINT cards_replaces_once UNIQUE (replaces_card_id),
    CONSTRAINT cards_replaced_by_once UNIQUE (replaced_by_card_id),
    CONSTRAINT cards_product_check CHECK (product_code IN ('debit', 'quasi', 'credit')),
    CONSTRAINT cards_debit_draws_on_settlement CHECK ((product_code = 'debit') = (card_account_id = settlement_account_id)),
    CONSTRAINT cards_bin_format CHECK (length(bin) BETWEEN 6 AND 8 AND bin NOT GLOB '*[^0-9]*'),
    CONSTRAINT cards_pan_sealed_length CHECK (typeof(pan_sealed) = 'blob' AND length(pan_sealed) BETWEEN 45 AND 48),
    CONSTRAINT cards_pan_hash_format CHECK (length(pan_hash) = 64 AND pan_hash NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT cards_pan_masked_format CHECK (length(pan_masked) BETWEEN 16 AND 19 AND substr(pan_masked, 1, 6) NOT GLOB '*[^0-9]*' AND substr(pan_masked, 7, length(pan_masked) - 10) NOT GLOB '*[^*]*' AND substr(pan_masked, -4) NOT GLOB '*[^0-9]*'),
    CONSTRAINT cards_pan_masked_bin CHECK (substr(pan_masked, 1, 6) = substr(bin, 1, 6)),
    CONSTRAINT cards_expires_after_issue CHECK (expires_on > issued_on),
    CONSTRAINT cards_state_check CHECK (state IN ('issued', 'active', 'lost_oral', 'lost_written', 'frozen', 'replaced', 'cancelled')),
    CONSTRAINT cards_state_before_loss_check CHECK (state_before_loss IN ('issued', 'active', 'frozen')),
    CONSTRAINT cards_loss_kind_check CHECK (loss_kind IN ('oral', 'written')),
    CONSTRAINT cards_loss_iff_lost CHECK ((state IN ('lost_oral', 'lost_written')) = (loss_kind IS NOT NULL)),
    CONSTRAINT cards_loss_kind_fits_state CHECK (loss_kind IS NULL OR (state = 'lost_' || loss_kind)),
    CONSTRAINT cards_loss_date_with_kind CHECK ((loss_kind IS NULL) = (loss_reported_on IS NULL)),
    CONSTRAINT cards_before_loss_with_kind CHECK ((loss_kind IS NULL) = (state_before_loss IS NULL)),
    CONSTRAINT cards_pin_vv_format CHECK (length(pin_vv) = 64 AND pin_vv NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT cards_pin_failures_range CHECK (pin_failures BETWEEN 0 AND 10),
    CONSTRAINT cards_pin_failure_date_iff_failures CHECK ((pin_failures > 0) = (pin_failure_date IS NOT NULL)),
    CONSTRAINT cards_pin_failures_need_pin CHECK (pin_vv IS NOT NULL OR pin_failures = 0),
    CONSTRAINT cards_replaced_iff_replaced_by CHECK ((state = 'replaced') = (replaced_by_card_id IS NOT NULL)),
    CONSTRAINT cards_not_self_replaced CHECK (replaced_by_card_id <> id AND replaces_card_id <> id),
    CONSTRAINT cards_online_method_check CHECK (online_method IN ('sms', 'otp', 'otp_trial', 'usbkey')),
    CONSTRAINT cards_online_enabled_has_method CHECK (online_enabled = 0 OR (online_method IS NOT NULL AND online_daily_limit > 0)),
    CONSTRAINT cards_online_daily_limit_nonnegative CHECK (online_daily_limit >= 0),
    CONSTRAINT cards_credit_limit_nonnegative CHECK (credit_limit >= 0),
    CONSTRAINT cards_debit_no_credit_limit CHECK (product_code <> 'debit' OR credit_limit = 0),
    CONSTRAINT cards_statement_day_iff_credit CHECK ((product_code = 'credit') = (statement_day IS NOT NULL)),
    CONSTRAINT cards_due_day_iff_credit CHECK ((product_code = 'credit') = (due_day IS NOT NULL)),
    CONSTRAINT cards_statement_day_range CHECK (statement_day BETWEEN 1 AND 28),
    CONSTRAINT cards_due_day_range CHECK (due_day BETWEEN 1 AND 28),
    CONSTRAINT cards_request_id_format CHECK (length(request_id) BETWEEN 1 AND 64),
    CONSTRAINT cards_version_nonnegative CHECK (version >= 0),
    CONSTRAINT cards_online_enabled_bool CHECK (online_enabled IN (0, 1)),
    CONSTRAINT cards_expires_on_format CHECK (expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(expires_on)) IS expires_on),
    CONSTRAINT cards_issued_on_format CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(issued_on)) IS issued_on),
    CONSTRAINT cards_loss_reported_on_format CHECK (loss_reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(loss_reported_on)) IS loss_reported_on),
    CONSTRAINT cards_pin_failure_date_format CHECK (pin_failure_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(pin_failure_date)) IS pin_failure_date),
    CONSTRAINT cards_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT cards_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS updated_at)
) STRICT;

CREATE INDEX cards_customer_idx ON cards (customer_id);
CREATE INDEX cards_settlement_account_idx ON cards (settlement_account_id);
CREATE INDEX cards_card_account_idx ON cards (card_account_id);

INSERT INTO settings (key, value) VALUES
    ('cards.bin.debit',                  '621788'),
    ('cards.bin.quasi',                  '622688'),
    ('cards.bin.credit',                 '625988'),
    ('cards.pan_length.debit',           '19'),
    ('cards.pan_length.quasi',           '16'),
    ('cards.pan_length.credit',          '16'),
    ('cards.validity_years.debit',       '10'),
    ('cards.validity_years.quasi',       '5'),
    ('cards.validity_years.credit',      '5'),
    ('cards.fee.issue.debit',            '0'),
    ('cards.fee.issue.quasi',            '0'),
    ('cards.fee.issue.credit',           '0'),
    ('cards.fee.annual.debit',           '0'),
    ('cards.fee.annual.quasi',           '0'),
    ('cards.fee.annual.credit',          '0'),
    ('cards.quasi.overdraft_default',    '500000'),
    ('cards.credit.limit_default',       '1000000'),
    ('cards.credit.statement_day',       '5'),
    ('cards.credit.due_day',             '25'),
    ('cards.remote_fee.free_below',      '5000000'),
    ('cards.remote_fee.rate_ppm',        '100'),
    ('cards.remote_fee.cap',             '5000'),
    ('cards.online.ceiling.sms',         '2000000'),
    ('cards.online.ceiling.otp',         '100000000'),
    ('cards.online.ceiling.otp_trial',   '500000'),
    ('cards.online.ceiling.usbkey',      '50000000'),
    ('cards.pin_max_failures',           '3'),
    ('approvals.required.card_pin_reset', '1');
