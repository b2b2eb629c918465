-- PostgreSQL only: the support lookup's partial matches are served by trigram indexes (no sequential scan of the
-- big tables); exact matches on number, e-mail and phone use the b-tree indexes that exist already.
CREATE INDEX organization_search_key_trgm_idx ON organization USING gin (search_key gin_trgm_ops);
CREATE INDEX service_name_trgm_idx ON service USING gin (lower(name) gin_trgm_ops);
CREATE INDEX contact_organization_idx ON contact (organization_id, technical);
