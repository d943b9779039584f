-- Placeholder for the merchant helper's 0011_merchants (wip-merchant), so that 0012 applies before that
-- branch is merged. Deleted at the merge.
SELECT 1;
