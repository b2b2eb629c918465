-- H2's counterpart of the PostgreSQL trigram indexes (which H2 lacks): the same version, plain indexes.
CREATE INDEX organization_lower_name_idx ON organization (name, customer_number);
CREATE INDEX partner_relationship_answered_idx ON partner_relationship (partner_id, answered_at);
