-- The tenant tree, issue 16: a partner's node lists the customers it manages tenants for, by their folded names.
-- Only the relationships with tenants (active, with the right to manage them) are in the index, so a page of the
-- node is the start of one range however many other relationships the partner has, and its count reads the index
-- alone.
CREATE INDEX partner_relationship_tenants_name_idx ON partner_relationship (partner_id, customer_name_key,
    tenants_customer_id) WHERE tenants_customer_id IS NOT NULL;
