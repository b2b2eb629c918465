-- Support lookup: organization names folded for searching (see dev.kontor.base.SearchKeys, which applies the same
-- steps to new and renamed organizations), so that "Baeckerei", "backerei" and "Bäckerei" find the same account.
ALTER TABLE organization ADD COLUMN search_key VARCHAR(200);
UPDATE organization SET search_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(name)), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'á', 'a'), 'à', 'a'), 'â', 'a'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'), 'ú', 'u'), 'ù', 'u'), 'û', 'u'), 'í', 'i'), 'ì', 'i'), 'î', 'i'), 'ç', 'c'), 'ñ', 'n'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u');
ALTER TABLE organization ALTER COLUMN search_key SET NOT NULL;
