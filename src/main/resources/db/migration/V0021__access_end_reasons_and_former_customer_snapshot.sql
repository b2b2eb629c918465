-- An access session also ends when its partner user is no longer an active member of the partner, or (an employee)
-- when the customer is no longer assigned to them.
ALTER TABLE access_session DROP CONSTRAINT access_session_end_reason_check;
ALTER TABLE access_session ADD CONSTRAINT access_session_end_reason_check
    CHECK (end_reason IS NULL OR end_reason IN ('LEFT', 'SIGNED_OUT', 'TIMED_OUT', 'RIGHTS_ENDED', 'MEMBERSHIP_ENDED',
                                                'NOT_ASSIGNED'));

-- Once a relationship has closed (declined, terminated, revoked, expired), its former partner sees the customer as it
-- was at that moment and nothing newer: its name and number, the contact person's name as the partner's grid showed
-- it, and whether a payment method was on file. The application writes these in the same statement that closes the
-- relationship; the check below makes every closed relationship carry them.
ALTER TABLE partner_relationship ADD COLUMN snapshot_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE partner_relationship ADD COLUMN snapshot_customer_name VARCHAR(200);
ALTER TABLE partner_relationship ADD COLUMN snapshot_customer_number VARCHAR(20);
ALTER TABLE partner_relationship ADD COLUMN snapshot_contact_person VARCHAR(200);
ALTER TABLE partner_relationship ADD COLUMN snapshot_payment_method_on_file BOOLEAN;

-- Relationships that closed before this version have no record of what the customer looked like then: they keep the
-- customer's data as it is now, at the upgrade, and nothing newer from here on.
UPDATE partner_relationship SET
    snapshot_at = CURRENT_TIMESTAMP,
    snapshot_customer_name = (SELECT o.name FROM organization o WHERE o.id = partner_relationship.customer_id),
    snapshot_customer_number = (SELECT o.customer_number FROM organization o
                                WHERE o.id = partner_relationship.customer_id),
    snapshot_contact_person = (SELECT u.display_name FROM customer_account a JOIN app_user u ON u.id = a.contact_person_id
                               WHERE a.organization_id = partner_relationship.customer_id),
    snapshot_payment_method_on_file = COALESCE((SELECT a.payment_method_on_file FROM customer_account a
                                                WHERE a.organization_id = partner_relationship.customer_id), FALSE)
WHERE state NOT IN ('REQUESTED', 'ACTIVE');

ALTER TABLE partner_relationship ADD CONSTRAINT partner_relationship_snapshot_when_closed CHECK (
    (state IN ('REQUESTED', 'ACTIVE') AND snapshot_at IS NULL)
    OR (state NOT IN ('REQUESTED', 'ACTIVE') AND snapshot_at IS NOT NULL AND snapshot_customer_name IS NOT NULL
        AND snapshot_customer_number IS NOT NULL AND snapshot_payment_method_on_file IS NOT NULL));
