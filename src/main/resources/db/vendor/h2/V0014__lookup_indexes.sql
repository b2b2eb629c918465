-- H2: no trigram indexes; plain indexes keep the embedded default's lookups quick enough for its small data sets.
CREATE INDEX organization_search_key_idx ON organization (search_key);
CREATE INDEX service_name_idx ON service (name);
CREATE INDEX contact_organization_idx ON contact (organization_id, technical);
