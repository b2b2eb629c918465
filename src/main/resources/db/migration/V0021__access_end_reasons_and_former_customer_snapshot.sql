-- An access session also ends when its partner user is no longer an active member of the partner, or (an employee)
-- when the customer is no longer assigned to them.
ALTER TABLE access_session DROP CONSTRAINT access_session_end_reason_check;
ALTER TABLE access_session ADD CONSTRAINT access_session_end_reason_check
    CHECK (end_reason IS NULL OR end_reason IN ('LEFT', 'SIGNED_OUT', 'TIMED_OUT', 'RIGHTS_ENDED', 'MEMBERSHIP_ENDED',
                                                'NOT_ASSIGNED'));
