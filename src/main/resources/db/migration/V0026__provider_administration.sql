-- Provider administration: partners and customer accounts can be suspended (and accounts closed), a suspended or
-- closed organization's memberships grant nothing, and the access sessions that end with it say why.
ALTER TABLE organization ADD COLUMN state VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE organization ADD CONSTRAINT organization_state_check CHECK (state IN ('ACTIVE', 'SUSPENDED', 'CLOSED'));
-- only customer accounts close; the provider itself is never suspended
ALTER TABLE organization ADD CONSTRAINT organization_state_kind_check CHECK (
    state = 'ACTIVE' OR (state = 'SUSPENDED' AND kind IN ('PARTNER', 'CUSTOMER')) OR (state = 'CLOSED' AND kind = 'CUSTOMER'));
-- the provider administrators' lists of partners and accounts filter by kind and folded name
CREATE INDEX organization_kind_search_idx ON organization (kind, search_key);

ALTER TABLE access_session DROP CONSTRAINT access_session_end_reason_check;
ALTER TABLE access_session ALTER COLUMN end_reason SET DATA TYPE VARCHAR(32);
ALTER TABLE access_session ADD CONSTRAINT access_session_end_reason_check
    CHECK (end_reason IS NULL OR end_reason IN ('LEFT', 'SIGNED_OUT', 'TIMED_OUT', 'RIGHTS_ENDED', 'MEMBERSHIP_ENDED',
                                                'NOT_ASSIGNED', 'PARTNER_SUSPENDED', 'ACCOUNT_SUSPENDED'));

-- An invitation makes the person a member in one of the membership roles; the provider invites partners' legal
-- representatives (and its own staff) the same way as managers and tenant administrators.
ALTER TABLE invitation DROP CONSTRAINT invitation_purpose_check;
ALTER TABLE invitation ADD CONSTRAINT invitation_purpose_check
    CHECK (purpose IN ('MANAGER', 'TENANT_ADMINISTRATOR', 'LEGAL_REPRESENTATIVE', 'PARTNER_ADMINISTRATOR',
                       'PARTNER_EMPLOYEE', 'PROVIDER_ADMINISTRATOR', 'SUPPORT'));

-- A service ends rather than disappears, so that the audit log and the support history keep naming it; a concurrent
-- edit is caught by its version.
ALTER TABLE service ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE service ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
