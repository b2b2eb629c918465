-- Invitations into the provider's own roles: support staff and provider administrators (the first one included).
ALTER TABLE invitation DROP CONSTRAINT invitation_purpose_check;
ALTER TABLE invitation ADD CONSTRAINT invitation_purpose_check
    CHECK (purpose IN ('MANAGER', 'TENANT_ADMINISTRATOR', 'SUPPORT', 'PROVIDER_ADMINISTRATOR'));
