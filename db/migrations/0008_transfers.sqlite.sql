-- Countersign schema, migration 0008: transfers and outgoing clearing items (issue 5).
--
-- Parallel to 0008_transfers.postgresql.sql (same names, same order).
--   transfers        one row per transfer slip: intra-bank (to an account of this bank) or interbank (to a
--                    12-digit CNAPS bank code, an account there and a name). States:
--                      pending    waiting for a checker; the payer's amount + fee is held (hold_id)
--                      posted     intra-bank, posted (txn_id)
--                      queued     interbank, posted, its HVPS item waits for the next window
--                      sent       interbank, posted, its item sent to the network
--                      accepted   the network accepted the item
--                      rejected   the network rejected it; the funds came back (return_txn_id)
--                      refused / cancelled / expired   the approval was rejected, cancelled or expired;
--                                 the hold was released
--                    route: intra, or the network of an interbank transfer (decided again at execution).
--                    fee: what is charged (0 when fee_waived).
--   clearing_items   the outgoing pacs.008 of an interbank transfer: network, message id (from sending),
--                    state queued | sent | accepted | rejected (with the network's reason).
-- Settings: the HVPS window, IBPS, the transfer fee schedule (services/transferfees.cpp explains it)
-- and the counter's daily outgoing transfer limit per account.

CREATE TABLE transfers (
    id               INTEGER PRIMARY KEY,
    branch_id        INTEGER NOT NULL REFERENCES branches (id),
    business_date    TEXT    NOT NULL,
    request_id       TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    from_account_id  INTEGER NOT NULL,
    to_account_id    INTEGER REFERENCES accounts (id),
    to_bank_code     TEXT,
    to_account_no    TEXT    NOT NULL,
    to_name          TEXT,
    remarks          TEXT,
    amount           INTEGER NOT NULL,
    fee              INTEGER NOT NULL DEFAULT 0,
    fee_waived       INTEGER NOT NULL DEFAULT 0,
    currency         TEXT    NOT NULL,
    route            TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    hold_id          INTEGER REFERENCES holds (id),
    approval_id      INTEGER REFERENCES approvals (id),
    txn_id           INTEGER REFERENCES journal_txns (id),
    return_txn_id    INTEGER REFERENCES journal_txns (id),
    maker_id         INTEGER NOT NULL REFERENCES staff (id),
    terminal         TEXT    NOT NULL,
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT transfers_request_id_key UNIQUE (request_id),
    CONSTRAINT transfers_business_day_fkey FOREIGN KEY (branch_id, business_date) REFERENCES business_days (branch_id, business_date),
    CONSTRAINT transfers_from_account_currency_fkey FOREIGN KEY (from_account_id, currency) REFERENCES accounts (id, currency),
    CONSTRAINT transfers_request_id_format CHECK (length(request_id) BETWEEN 1 AND 64),
    CONSTRAINT transfers_kind_check CHECK (kind IN ('intra', 'interbank')),
    CONSTRAINT transfers_route_check CHECK (route IN ('intra', 'hvps', 'beps', 'ibps')),
    CONSTRAINT transfers_route_fits_kind CHECK ((kind = 'intra') = (route = 'intra')),
    CONSTRAINT transfers_intra_fields CHECK (kind <> 'intra' OR (to_account_id IS NOT NULL AND to_bank_code IS NULL AND to_account_id <> from_account_id)),
    CONSTRAINT transfers_interbank_fields CHECK (kind <> 'interbank' OR (to_account_id IS NULL AND to_bank_code IS NOT NULL AND to_name IS NOT NULL)),
    CONSTRAINT transfers_to_bank_code_format CHECK (length(to_bank_code) = 12 AND to_bank_code NOT GLOB '*[^0-9]*'),
    CONSTRAINT transfers_to_account_no_length CHECK (length(to_account_no) BETWEEN 1 AND 32),
    CONSTRAINT transfers_to_name_length CHECK (length(trim(to_name)) BETWEEN 1 AND 60),
    CONSTRAINT transfers_remarks_length CHECK (length(remarks) <= 256),
    CONSTRAINT transfers_amount_positive CHECK (amount > 0),
    CONSTRAINT transfers_fee_nonnegative CHECK (fee >= 0),
    CONSTRAINT transfers_fee_waived_bool CHECK (fee_waived IN (0, 1)),
    CONSTRAINT transfers_waived_fee_zero CHECK (fee_waived = 0 OR fee = 0),
    CONSTRAINT transfers_currency_format CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    CONSTRAINT transfers_state_check CHECK (state IN ('pending', 'posted', 'queued', 'sent', 'accepted', 'rejected', 'refused', 'cancelled', 'expired')),
    CONSTRAINT transfers_posted_is_intra CHECK (state <> 'posted' OR kind = 'intra'),
    CONSTRAINT transfers_clearing_is_interbank CHECK (state NOT IN ('queued', 'sent', 'accepted', 'rejected') OR kind = 'interbank'),
    CONSTRAINT transfers_txn_iff_executed CHECK ((txn_id IS NOT NULL) = (state IN ('posted', 'queued', 'sent', 'accepted', 'rejected'))),
    CONSTRAINT transfers_waiting_has_hold CHECK (state NOT IN ('pending', 'refused', 'cancelled', 'expired') OR hold_id IS NOT NULL),
    CONSTRAINT transfers_ended_has_approval CHECK (state NOT IN ('refused', 'cancelled', 'expired') OR approval_id IS NOT NULL),
    CONSTRAINT transfers_return_iff_rejected CHECK ((return_txn_id IS NOT NULL) = (state = 'rejected')),
    CONSTRAINT transfers_terminal_nonempty CHECK (length(terminal) > 0),
    CONSTRAINT transfers_business_date_format CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(julianday(business_date)) IS business_date),
    CONSTRAINT transfers_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS created_at),
    CONSTRAINT transfers_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS updated_at)
) STRICT;

CREATE INDEX transfers_branch_date_idx ON transfers (branch_id, business_date);
-- The counter's daily outgoing limit sums an account's transfers of the day.
CREATE INDEX transfers_from_date_idx ON transfers (from_account_id, business_date);
CREATE INDEX transfers_approval_idx ON transfers (approval_id);

CREATE TABLE clearing_items (
    id               INTEGER PRIMARY KEY,
    branch_id        INTEGER NOT NULL REFERENCES branches (id),
    transfer_id      INTEGER NOT NULL REFERENCES transfers (id),
    network          TEXT    NOT NULL,
    message_id       TEXT,
    message_type     TEXT    NOT NULL DEFAULT 'pacs.008',
    state            TEXT    NOT NULL,
    reject_reason    TEXT,
    queued_at        TEXT,
    sent_at          TEXT,
    acknowledged_at  TEXT,
    CONSTRAINT clearing_items_transfer_key UNIQUE (transfer_id),
    CONSTRAINT clearing_items_message_id_key UNIQUE (message_id),
    CONSTRAINT clearing_items_network_check CHECK (network IN ('hvps', 'beps', 'ibps')),
    CONSTRAINT clearing_items_message_type_check CHECK (message_type = 'pacs.008'),
    CONSTRAINT clearing_items_state_check CHECK (state IN ('queued', 'sent', 'accepted', 'rejected')),
    CONSTRAINT clearing_items_queued_is_hvps CHECK (state <> 'queued' OR network = 'hvps'),
    CONSTRAINT clearing_items_message_iff_sent CHECK ((state = 'queued') = (message_id IS NULL)),
    CONSTRAINT clearing_items_message_id_length CHECK (length(message_id) BETWEEN 1 AND 35),
    CONSTRAINT clearing_items_sent_at_iff_sent CHECK ((state = 'queued') = (sent_at IS NULL)),
    CONSTRAINT clearing_items_acknowledged_iff_answered CHECK ((state IN ('accepted', 'rejected')) = (acknowledged_at IS NOT NULL)),
    CONSTRAINT clearing_items_reason_iff_rejected CHECK ((state = 'rejected') = (reject_reason IS NOT NULL AND length(trim(reject_reason)) > 0)),
    CONSTRAINT clearing_items_queued_at_format CHECK (queued_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', queued_at) IS queued_at),
    CONSTRAINT clearing_items_sent_at_format CHECK (sent_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', sent_at) IS sent_at),
    CONSTRAINT clearing_items_acknowledged_at_format CHECK (acknowledged_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', acknowledged_at) IS acknowledged_at)
) STRICT;

CREATE INDEX clearing_items_queued_idx ON clearing_items (branch_id) WHERE state = 'queued';

INSERT INTO settings (key, value) VALUES
    ('clearing.hvps_open',                      '08:30'),
    ('clearing.ibps_enabled',                   '1'),
    ('clearing.ibps_limit',                     '500000000'),
    ('fees.transfer.intra',                     '0'),
    ('fees.transfer.interbank_t1_max',          '1000000'),
    ('fees.transfer.interbank_t1_fee',          '500'),
    ('fees.transfer.interbank_t2_max',          '10000000'),
    ('fees.transfer.interbank_t2_fee',          '1000'),
    ('fees.transfer.interbank_t3_max',          '50000000'),
    ('fees.transfer.interbank_t3_fee',          '1500'),
    ('fees.transfer.interbank_t4_max',          '100000000'),
    ('fees.transfer.interbank_t4_fee',          '2000'),
    ('fees.transfer.interbank_rate_ppm',        '20'),
    ('fees.transfer.interbank_cap',             '20000'),
    ('limits.counter_transfer_daily_out',       '500000000');

INSERT INTO permissions (action, role) VALUES
    ('transfer.read', 'teller'),
    ('transfer.read', 'supervisor'),
    ('transfer.read', 'auditor'),
    ('clearing.acknowledge', 'supervisor'),
    ('clearing.release', 'supervisor');
