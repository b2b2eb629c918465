-- Managed customers at volume, issue 16: the grid sorts and filters a partner's relationships by the customer's
-- number and name, which came from the relationship (a closed one's snapshot) or the customer, an expression over
-- two tables that no index serves, so each page sorted and counted all of the partner's rows. The relationship now
-- keeps both as keys of its own (the name folded as dev.kontor.base.SearchKeys folds it, as organization.search_key
-- is), written with the relationship and, while it is open, when the customer is renamed; indexed with the partner
-- and state, a page is a range of an index.
-- H2 has no trigram indexes; the b-trees serve the embedded default's small data sets.
ALTER TABLE partner_relationship ADD COLUMN customer_number_key VARCHAR(20);
ALTER TABLE partner_relationship ADD COLUMN customer_name_key VARCHAR(400);
UPDATE partner_relationship r SET
    customer_number_key = COALESCE(r.snapshot_customer_number,
        (SELECT o.customer_number FROM organization o WHERE o.id = r.customer_id), ''),
    customer_name_key = CASE WHEN r.snapshot_customer_name IS NOT NULL THEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(r.snapshot_customer_name)), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'á', 'a'), 'à', 'a'), 'â', 'a'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'), 'ú', 'u'), 'ù', 'u'), 'û', 'u'), 'í', 'i'), 'ì', 'i'), 'î', 'i'), 'ç', 'c'), 'ñ', 'n'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u')
        ELSE (SELECT o.search_key FROM organization o WHERE o.id = r.customer_id) END;
UPDATE partner_relationship SET customer_name_key = '' WHERE customer_name_key IS NULL;
ALTER TABLE partner_relationship ALTER COLUMN customer_number_key SET NOT NULL;
ALTER TABLE partner_relationship ALTER COLUMN customer_name_key SET NOT NULL;
CREATE INDEX partner_relationship_number_key_idx ON partner_relationship (partner_id, state, customer_number_key);
CREATE INDEX partner_relationship_name_key_idx ON partner_relationship (partner_id, state, customer_name_key);
-- the support's audit log filtered by kind, newest first within the chosen days
CREATE INDEX audit_event_kind_idx ON audit_event (kind, occurred_at);
