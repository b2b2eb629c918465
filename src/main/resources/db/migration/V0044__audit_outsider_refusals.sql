-- A refusal of someone outside the organization it concerns (no member of it, no right in it, not working for a
-- partner that holds one) is marked when it is written, since memberships change later: the organization's own
-- readers see "someone outside your organization", the provider's staff see who it was.
ALTER TABLE audit_event ADD COLUMN actor_outside BOOLEAN DEFAULT FALSE NOT NULL;
-- Set only on the first such refusal per organization, kind, actor and ten minutes (a hash of the four), which is the
-- one the organization's readers see; a repeat in the same window finds it taken and is written without it, for the
-- provider alone. The unique index is what keeps racing repeats to one; the many NULLs do not collide.
ALTER TABLE audit_event ADD COLUMN outsider_window VARCHAR(64);
CREATE UNIQUE INDEX audit_event_outsider_window_idx ON audit_event (outsider_window);
