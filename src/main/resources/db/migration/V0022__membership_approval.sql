-- A manager or tenant administrator given (or revived) on a partner's behalf, inside an access session or in a
-- customer's tenants through the partnership, becomes active only when the invited person has accepted AND one of
-- the customer's own people approves: Kontor cannot know whether an address the partner typed is the partner's own
-- mailbox. Written to run unchanged on H2 2.x and PostgreSQL 15+.

-- The partner on whose behalf the membership was invited or revived; NULL when the organization's own people did.
ALTER TABLE membership ADD COLUMN invited_by_partner_id BIGINT REFERENCES organization (id);
-- Who approved it and when: one of the customer's own managers (or the tenant's administrators).
ALTER TABLE membership ADD COLUMN approved_by_user_id BIGINT REFERENCES app_user (id);
ALTER TABLE membership ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;

-- APPROVAL_PENDING: the person accepted, the approval is outstanding; like INVITED it grants nothing.
ALTER TABLE membership DROP CONSTRAINT membership_state_check;
ALTER TABLE membership ADD CONSTRAINT membership_state_check
    CHECK (state IN ('INVITED', 'APPROVAL_PENDING', 'ACTIVE', 'DEACTIVATED'));

-- A partner only ever invites into a customer's organizations: the account's managers, its tenants' administrators.
ALTER TABLE membership ADD CONSTRAINT membership_partner_invitee_role_check
    CHECK (invited_by_partner_id IS NULL OR role IN ('MANAGER', 'TENANT_ADMINISTRATOR'));
-- Only a partner's invitee waits for approval, and while it waits nobody has approved it.
ALTER TABLE membership ADD CONSTRAINT membership_approval_pending_check
    CHECK (state <> 'APPROVAL_PENDING' OR (invited_by_partner_id IS NOT NULL AND approved_by_user_id IS NULL));
-- The rule itself: a partner's invitee is (or was) active only with an approver on record.
ALTER TABLE membership ADD CONSTRAINT membership_partner_invitee_approved_check
    CHECK (invited_by_partner_id IS NULL OR state IN ('INVITED', 'APPROVAL_PENDING') OR approved_by_user_id IS NOT NULL);
-- An approval names who and when, belongs to a partner's invitee, and is never the person's own.
ALTER TABLE membership ADD CONSTRAINT membership_approval_check
    CHECK ((approved_by_user_id IS NULL AND approved_at IS NULL)
        OR (approved_by_user_id IS NOT NULL AND approved_at IS NOT NULL AND invited_by_partner_id IS NOT NULL
            AND approved_by_user_id <> user_id));
