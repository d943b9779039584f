-- Countersign schema, migration 0009: which commands wait for a checker (maker-checker, DESIGN rule 6).
--
-- Parallel to 0009_approval_settings.sqlite.sql (same names, same order).
-- approvals.required.<action> = '1': a teller's command of that kind is stored as a pending approval
-- for a supervisor; '0': it is done at once. Cash withdrawals and intra-bank transfers wait only above
-- limits.teller_single_max (0001); interbank transfers always when their setting is '1'.
-- approval.expire: end of day expires what is still pending (a supervisor runs it).

INSERT INTO settings (key, value) VALUES
    ('approvals.required.account_freeze',     '1'),
    ('approvals.required.account_unfreeze',   '1'),
    ('approvals.required.account_close',      '1'),
    ('approvals.required.reversal',           '1'),
    ('approvals.required.cashbox_overshort',  '1'),
    ('approvals.required.fee_waiver',         '1'),
    ('approvals.required.card_replace',       '1'),
    ('approvals.required.transfer_interbank', '1');

INSERT INTO permissions (action, role) VALUES
    ('approval.expire', 'supervisor');
