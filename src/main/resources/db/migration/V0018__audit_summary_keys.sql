-- Audit summaries are shown in the reader's language: an event keeps its summary's bundle key and arguments beside
-- the English sentence. Events written before have neither and keep showing their English sentence.
ALTER TABLE audit_event ADD COLUMN summary_key VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN summary_args VARCHAR(2000);
