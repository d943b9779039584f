-- Countersign schema, migration 0013: what the reports need (issue 7; core/reports, ReportRepository).
--
-- Parallel to 0013_report_indexes.postgresql.sql (same names, same order).
--   audit_log_branch_at_idx              the audit trail search reads one branch's records in a time range
--                                        (audit_log_at_idx alone reads every branch's).
--   approvals_branch_date_idx            the approvals report reads one branch's approvals of the period's
--                                        business days (approvals_branch_state_idx orders by creation time).
--   merchant_settlements_branch_date_idx the merchant settlement report reads one branch's settlements of
--                                        the period (merchant_settlements_date_idx reads every branch's).
--   report.own                           a teller runs the teller journal and cash box balancing for
--                                        themselves (report.read, 0002, is for supervisors and auditors).

CREATE INDEX audit_log_branch_at_idx ON audit_log (branch_id, at);
CREATE INDEX approvals_branch_date_idx ON approvals (branch_id, business_date);
CREATE INDEX merchant_settlements_branch_date_idx ON merchant_settlements (branch_id, business_date);

INSERT INTO permissions (action, role) VALUES
    ('report.own', 'teller');
