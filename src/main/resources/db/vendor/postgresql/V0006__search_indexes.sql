-- PostgreSQL only: trigram indexes, so that "part of the name or number" filters (LIKE '%…%') are served by an
-- index instead of a scan of every organization. H2 has no trigram indexes; its V0006 adds plain ones.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX organization_name_trgm_idx ON organization USING gin (lower(name) gin_trgm_ops);
CREATE INDEX organization_customer_number_trgm_idx ON organization USING gin (lower(customer_number) gin_trgm_ops);
CREATE INDEX partner_relationship_answered_idx ON partner_relationship (partner_id, answered_at);
