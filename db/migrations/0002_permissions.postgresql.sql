-- Countersign schema, migration 0002: who may do what, and (PostgreSQL) what the application may change.
--
-- permissions is the action x role table every core service checks inside its transaction: a row
-- means the role may start (or, for approval.decide, decide) the action. Tellers make, supervisors
-- check and close the day, auditors read, admins manage staff and settings and post nothing.
-- Later migrations add the rows of the actions they bring.
--
-- The application role countersign_app (NOLOGIN; terminals log in as members of it) may read and
-- insert everywhere, update only the tables whose rows change state, and never UPDATE, DELETE or
-- TRUNCATE the journal or the audit trail (DESIGN rule 7). Creating it needs CREATEROLE once per
-- cluster; the role that runs migrations owns the tables and is not used by terminals.

CREATE TABLE permissions (
    action  TEXT NOT NULL,
    role    TEXT NOT NULL,
    CONSTRAINT permissions_pkey PRIMARY KEY (action, role),
    CONSTRAINT permissions_action_format CHECK (action ~ '^[a-z0-9_.]+$'),
    CONSTRAINT permissions_role_check CHECK (role IN ('teller', 'supervisor', 'auditor', 'admin'))
);

COMMENT ON TABLE permissions IS 'Who may do what: one row per action and role that may start it.';

INSERT INTO permissions (action, role) VALUES
    ('auth.sign_on', 'teller'),
    ('auth.sign_on', 'supervisor'),
    ('auth.sign_on', 'auditor'),
    ('auth.sign_on', 'admin'),
    ('auth.change_password', 'teller'),
    ('auth.change_password', 'supervisor'),
    ('auth.change_password', 'auditor'),
    ('auth.change_password', 'admin'),
    ('staff.read', 'admin'),
    ('staff.add', 'admin'),
    ('staff.disable', 'admin'),
    ('staff.enable', 'admin'),
    ('staff.unlock', 'admin'),
    ('staff.reset_password', 'admin'),
    ('staff.change_role', 'admin'),
    ('setting.read', 'supervisor'),
    ('setting.read', 'auditor'),
    ('setting.read', 'admin'),
    ('setting.set', 'admin'),
    ('product.manage', 'admin'),
    ('merchant.manage', 'admin'),
    ('audit.read', 'supervisor'),
    ('audit.read', 'auditor'),
    ('audit.verify', 'auditor'),
    ('audit.verify', 'admin'),
    ('report.read', 'supervisor'),
    ('report.read', 'auditor'),
    ('customer.read', 'teller'),
    ('customer.read', 'supervisor'),
    ('customer.read', 'auditor'),
    ('customer.add', 'teller'),
    ('customer.edit', 'teller'),
    ('account.read', 'teller'),
    ('account.read', 'supervisor'),
    ('account.read', 'auditor'),
    ('account.open', 'teller'),
    ('account.freeze', 'teller'),
    ('account.unfreeze', 'teller'),
    ('account.close', 'teller'),
    ('cash.deposit', 'teller'),
    ('cash.withdraw', 'teller'),
    ('cashbox.open', 'teller'),
    ('cashbox.count', 'teller'),
    ('cashbox.close', 'teller'),
    ('transfer.enter', 'teller'),
    ('reversal.request', 'teller'),
    ('card.issue', 'teller'),
    ('card.service', 'teller'),
    ('approval.read', 'teller'),
    ('approval.read', 'supervisor'),
    ('approval.read', 'auditor'),
    ('approval.cancel', 'teller'),
    ('approval.decide', 'supervisor'),
    ('eod.run', 'supervisor');

INSERT INTO settings (key, value) VALUES
    ('security.password_min_length',    '10'),
    ('limits.supervisor_approve_max',   '100000000');

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'countersign_app') THEN
        CREATE ROLE countersign_app NOLOGIN;
    END IF;
END
$roles$;

GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO countersign_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO countersign_app;
GRANT UPDATE ON branches, staff, settings, business_days, customers, accounts, approvals, holds,
    audit_chains TO countersign_app;
REVOKE INSERT ON schema_migrations, permissions, products FROM countersign_app;
REVOKE UPDATE, DELETE, TRUNCATE ON journal_txns, journal_lines, audit_log FROM countersign_app;
