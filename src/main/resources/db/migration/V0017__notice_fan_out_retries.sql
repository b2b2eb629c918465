-- A batch of a notice that fails (the database or the mail outbox refusing, say) is rolled back and tried again, each
-- time after a longer pause, instead of at every poll; the provider's administrators see that the notice is stalled
-- and when it is tried next. A batch that succeeds clears both.
ALTER TABLE platform_notice ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE platform_notice ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE platform_notice ADD CONSTRAINT platform_notice_retry_check
    CHECK (failed_attempts >= 0 AND (retry_at IS NULL OR state <> 'SENT'));
