-- Countersign schema, migration 0014: customer notices by SMS (issue 8; DOMAIN "Notices by SMS";
-- DESIGN rules 2, 7, 8, 9).
--
-- Parallel to 0014_notices.postgresql.sql (same names, same order); the comments there explain.
-- SQLite cannot change a CHECK in place: notice_outbox is rebuilt with its new columns and rules, and the
-- rows 0012 queued are copied, cancelled unless sent.

CREATE UNIQUE INDEX accounts_id_customer_key ON accounts (id, customer_id);

CREATE TABLE notice_subscriptions (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    account_id     INTEGER NOT NULL,
    phone          TEXT    NOT NULL,
    language       TEXT    NOT NULL DEFAULT 'zh_CN',
    movements      INTEGER NOT NULL DEFAULT 1,
    with_balance   INTEGER NOT NULL DEFAULT 0,
    maturity       INTEGER NOT NULL DEFAULT 1,
    fee_plan       TEXT    NOT NULL DEFAULT 'free',
    monthly_fee    INTEGER NOT NULL DEFAULT 0,
    trial_ends_on  TEXT,
    confirmed_on   TEXT,
    state          TEXT    NOT NULL DEFAULT 'active',
    created_on     TEXT    NOT NULL,
    cancelled_on   TEXT,
    created_by     INTEGER NOT NULL REFERENCES staff (id),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT notice_subscriptions_account_fkey FOREIGN KEY (account_id, customer_id) REFERENCES accounts (id, customer_id),
    CONSTRAINT notice_subscriptions_phone_format CHECK (phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT notice_subscriptions_language_check CHECK (language IN ('zh_CN', 'en')),
    CONSTRAINT notice_subscriptions_booleans CHECK (movements IN (0, 1) AND with_balance IN (0, 1) AND maturity IN (0, 1)),
    CONSTRAINT notice_subscriptions_some_notice CHECK (movements = 1 OR maturity = 1),
    CONSTRAINT notice_subscriptions_balance_with_movements CHECK (movements = 1 OR with_balance = 0),
    CONSTRAINT notice_subscriptions_fee_plan_check CHECK (fee_plan IN ('free', 'package')),
    CONSTRAINT notice_subscriptions_fee_plan_terms CHECK (
        (fee_plan = 'free' AND monthly_fee = 0 AND trial_ends_on IS NULL AND confirmed_on IS NULL)
        OR (fee_plan = 'package' AND monthly_fee > 0 AND trial_ends_on IS NOT NULL)),
    CONSTRAINT notice_subscriptions_state_check CHECK (state IN ('active', 'cancelled')),
    CONSTRAINT notice_subscriptions_cancelled_on CHECK ((state = 'cancelled') = (cancelled_on IS NOT NULL)),
    CONSTRAINT notice_subscriptions_version_positive CHECK (version >= 1),
    CONSTRAINT notice_subscriptions_dates_format CHECK (date(created_on) IS created_on AND date(trial_ends_on) IS trial_ends_on
                                                        AND date(confirmed_on) IS confirmed_on AND date(cancelled_on) IS cancelled_on)
) STRICT;

CREATE UNIQUE INDEX notice_subscriptions_one_active_idx ON notice_subscriptions (account_id) WHERE state = 'active';
CREATE INDEX notice_subscriptions_customer_idx ON notice_subscriptions (customer_id);

CREATE TABLE notice_outbox_0014 (
    id              INTEGER PRIMARY KEY,
    branch_id       INTEGER NOT NULL REFERENCES branches (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    kind            TEXT    NOT NULL,
    business_date   TEXT    NOT NULL,
    event_key       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending',
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    subscription_id INTEGER REFERENCES notice_subscriptions (id),
    phone           TEXT,
    language        TEXT,
    with_balance    INTEGER NOT NULL DEFAULT 0,
    idempotency_key TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    claimed_by      TEXT,
    claimed_until   TEXT,
    last_error      TEXT,
    sent_at         TEXT,
    gateway_ref     TEXT,
    sent_text       TEXT,
    CONSTRAINT notice_outbox_event_key UNIQUE (kind, account_id, event_key),
    CONSTRAINT notice_outbox_kind_check CHECK (kind IN ('movement', 'maturity')),
    CONSTRAINT notice_outbox_event_key_nonempty CHECK (length(event_key) BETWEEN 1 AND 64),
    CONSTRAINT notice_outbox_payload_json CHECK (json_valid(payload)),
    CONSTRAINT notice_outbox_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT notice_outbox_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT notice_outbox_state_check CHECK (state IN ('pending', 'failed', 'sent', 'dead', 'cancelled')),
    CONSTRAINT notice_outbox_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT notice_outbox_recipient CHECK (state = 'cancelled' OR (subscription_id IS NOT NULL AND phone IS NOT NULL
                                              AND language IS NOT NULL AND idempotency_key IS NOT NULL)),
    CONSTRAINT notice_outbox_phone_format CHECK (phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT notice_outbox_language_check CHECK (language IN ('zh_CN', 'en')),
    CONSTRAINT notice_outbox_with_balance_boolean CHECK (with_balance IN (0, 1)),
    CONSTRAINT notice_outbox_key_format CHECK (length(idempotency_key) BETWEEN 16 AND 64),
    CONSTRAINT notice_outbox_attempts_check CHECK (attempts >= 0),
    CONSTRAINT notice_outbox_due_iff_waiting CHECK ((state IN ('pending', 'failed')) = (next_attempt_at IS NOT NULL)),
    CONSTRAINT notice_outbox_sent_iff_sent_at CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT notice_outbox_claim_pair CHECK ((claimed_by IS NULL) = (claimed_until IS NULL)),
    CONSTRAINT notice_outbox_times_format CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', next_attempt_at) IS next_attempt_at
                                                 AND strftime('%Y-%m-%dT%H:%M:%fZ', claimed_until) IS claimed_until
                                                 AND strftime('%Y-%m-%dT%H:%M:%fZ', sent_at) IS sent_at)
) STRICT;

INSERT INTO notice_outbox_0014 (id, branch_id, customer_id, account_id, kind, business_date, event_key, payload, state,
                                created_at, last_error)
SELECT id, branch_id, customer_id, account_id, kind, business_date, event_key, payload,
       iif(state = 'sent', 'sent', 'cancelled'), created_at,
       iif(state = 'sent', NULL, 'queued before subscriptions existed (migration 0014)')
  FROM notice_outbox;

DROP TABLE notice_outbox;
ALTER TABLE notice_outbox_0014 RENAME TO notice_outbox;

CREATE INDEX notice_outbox_due_idx ON notice_outbox (next_attempt_at, id) WHERE state IN ('pending', 'failed');
CREATE INDEX notice_outbox_state_idx ON notice_outbox (state, id);
CREATE INDEX notice_outbox_branch_date_idx ON notice_outbox (branch_id, business_date);

CREATE TRIGGER notice_outbox_guard BEFORE UPDATE ON notice_outbox
BEGIN
    SELECT RAISE(ABORT, 'notice_outbox: a sent or cancelled notice is final')
     WHERE OLD.state IN ('sent', 'cancelled') AND NEW.state IS NOT OLD.state;
    SELECT RAISE(ABORT, 'notice_outbox: what a notice says never changes')
     WHERE NEW.payload IS NOT OLD.payload OR NEW.phone IS NOT OLD.phone OR NEW.idempotency_key IS NOT OLD.idempotency_key
        OR NEW.account_id IS NOT OLD.account_id OR NEW.kind IS NOT OLD.kind OR NEW.language IS NOT OLD.language
        OR NEW.with_balance IS NOT OLD.with_balance OR NEW.event_key IS NOT OLD.event_key;
END;

CREATE TABLE notice_attempts (
    id           INTEGER PRIMARY KEY,
    notice_id    INTEGER NOT NULL REFERENCES notice_outbox (id),
    attempt      INTEGER NOT NULL,
    sender       TEXT    NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    outcome      TEXT    NOT NULL,
    http_status  INTEGER,
    error        TEXT,
    CONSTRAINT notice_attempts_attempt_positive CHECK (attempt >= 1),
    CONSTRAINT notice_attempts_outcome_check CHECK (outcome IN ('sent', 'failed', 'dead')),
    CONSTRAINT notice_attempts_sender_nonempty CHECK (length(sender) BETWEEN 1 AND 128)
) STRICT;

CREATE INDEX notice_attempts_notice_idx ON notice_attempts (notice_id, id);

CREATE TRIGGER notice_attempts_no_update BEFORE UPDATE ON notice_attempts
BEGIN
    SELECT RAISE(ABORT, 'notice_attempts: append-only, UPDATE refused');
END;

CREATE TRIGGER notice_attempts_no_delete BEFORE DELETE ON notice_attempts
BEGIN
    SELECT RAISE(ABORT, 'notice_attempts: append-only, DELETE refused');
END;

CREATE TABLE notice_gateway (
    id          INTEGER NOT NULL DEFAULT 1 PRIMARY KEY,
    url         TEXT    NOT NULL,
    account     TEXT    NOT NULL,
    signature   TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_by  INTEGER NOT NULL REFERENCES staff (id),
    CONSTRAINT notice_gateway_one_row CHECK (id = 1),
    CONSTRAINT notice_gateway_url_secure CHECK ((url GLOB 'https://?*' AND url NOT GLOB 'https://*[@ ]*')
                                                OR url IN ('http://127.0.0.1', 'http://localhost', 'http://[::1]')
                                                OR url GLOB 'http://127.0.0.1[:/]*' OR url GLOB 'http://localhost[:/]*'
                                                OR url GLOB 'http://[[]::1][:/]*'),
    CONSTRAINT notice_gateway_account_nonempty CHECK (length(account) BETWEEN 1 AND 64),
    CONSTRAINT notice_gateway_signature_length CHECK (length(signature) BETWEEN 1 AND 20)
) STRICT;

INSERT INTO settings (key, value) VALUES
    ('notify.timeout_seconds',       '10'),
    ('notify.max_attempts',          '6'),
    ('notify.backoff_base_seconds',  '30'),
    ('notify.backoff_max_seconds',   '3600'),
    ('notify.batch_size',            '50'),
    ('notify.utc_offset_minutes',    '480'),
    ('notice.package_monthly_fee',   '200'),
    ('notice.trial_days',            '90');

INSERT INTO permissions (action, role) VALUES
    ('notice.subscribe', 'teller'),
    ('notice.read', 'teller'),
    ('notice.read', 'supervisor'),
    ('notice.read', 'auditor'),
    ('notice.read', 'admin'),
    ('notice.manage', 'admin'),
    ('notice.send', 'admin');
