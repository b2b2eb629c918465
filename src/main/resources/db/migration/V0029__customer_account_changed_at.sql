-- Provisioning API (issue 14, provider scope): the provider's systems sync customer accounts by asking which changed
-- since a time. changed_at is the last change of the account's own data (name, address, state, contact person and
-- deputy, services), written by the application in the change's transaction; existing accounts start at their
-- creation. The index serves the keyset page on (changed_at, organization_id).
-- Written to run unchanged on H2 2.x and PostgreSQL 15+.

ALTER TABLE customer_account ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;

UPDATE customer_account SET changed_at = (SELECT o.created_at FROM organization o WHERE o.id = organization_id);

ALTER TABLE customer_account ALTER COLUMN changed_at SET NOT NULL;

CREATE INDEX customer_account_changed_at_idx ON customer_account (changed_at, organization_id);
