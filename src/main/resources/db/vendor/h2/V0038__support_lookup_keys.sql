-- Support lookup, issue 13: what a support person has at hand during an incident also finds the account: part of a
-- person's name (contacts and managers, folded as dev.kontor.base.SearchKeys folds organization names), the last
-- digits of a phone number however it is written, and an e-mail domain. The keys are generated columns, so that
-- every way of writing a row (JPA, the content copy's SQL, imports) keeps them right without code of its own.
-- H2 has no trigram indexes; plain indexes, as in V0006 and V0014, for the embedded default's small data sets.
ALTER TABLE contact ADD COLUMN search_key VARCHAR(402) GENERATED ALWAYS AS (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(first_name || ' ' || last_name)), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'á', 'a'), 'à', 'a'), 'â', 'a'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'), 'ú', 'u'), 'ù', 'u'), 'û', 'u'), 'í', 'i'), 'ì', 'i'), 'î', 'i'), 'ç', 'c'), 'ñ', 'n'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u'));
ALTER TABLE contact ADD COLUMN phone_tail VARCHAR(6) GENERATED ALWAYS AS (RIGHT(phone, 6));
ALTER TABLE contact ADD COLUMN email_domain VARCHAR(254) GENERATED ALWAYS AS (SUBSTRING(email FROM POSITION('@' IN email) + 1));
ALTER TABLE app_user ADD COLUMN search_key VARCHAR(400) GENERATED ALWAYS AS (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(display_name)), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'á', 'a'), 'à', 'a'), 'â', 'a'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'), 'ú', 'u'), 'ù', 'u'), 'û', 'u'), 'í', 'i'), 'ì', 'i'), 'î', 'i'), 'ç', 'c'), 'ñ', 'n'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u'));
ALTER TABLE app_user ADD COLUMN email_domain VARCHAR(254) GENERATED ALWAYS AS (SUBSTRING(email FROM POSITION('@' IN email) + 1));
ALTER TABLE customer_account ADD COLUMN emergency_phone_tail VARCHAR(6) GENERATED ALWAYS AS (RIGHT(emergency_phone_e164, 6));
CREATE INDEX contact_search_key_idx ON contact (search_key);
CREATE INDEX app_user_search_key_idx ON app_user (search_key);
CREATE INDEX contact_phone_tail_idx ON contact (phone_tail);
CREATE INDEX contact_email_domain_idx ON contact (email_domain);
CREATE INDEX app_user_email_domain_idx ON app_user (email_domain);
CREATE INDEX customer_account_emergency_phone_tail_idx ON customer_account (emergency_phone_tail);
