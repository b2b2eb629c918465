-- An organization's own requirement of a second factor for everyone in it (it applies below it in the tree, too),
-- and when its leads last reminded those without one, so that a reminder goes out at most once a day.
ALTER TABLE organization ADD COLUMN second_factor_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE organization ADD COLUMN second_factor_reminded_at TIMESTAMP WITH TIME ZONE;
