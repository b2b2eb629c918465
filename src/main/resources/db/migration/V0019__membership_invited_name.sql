-- The name the inviter typed for an invited person. It is shown for the invited membership until the person accepts,
-- so that adding a known address neither reveals nor overwrites the name the person keeps for themselves.
ALTER TABLE membership ADD COLUMN invited_name VARCHAR(200);
