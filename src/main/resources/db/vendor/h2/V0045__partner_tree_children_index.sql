-- The tenant tree, issue 16: a partner's node lists the customers it manages tenants for, by their folded names.
-- H2 has no partial indexes; the whole index serves the embedded default's small data sets.
CREATE INDEX partner_relationship_tenants_name_idx ON partner_relationship (partner_id, customer_name_key,
    tenants_customer_id);
