package dev.kontor.invitation;

/** What accepting the invitation makes of the person. */
public enum InvitationPurpose {
    MANAGER, TENANT_ADMINISTRATOR, SUPPORT, PROVIDER_ADMINISTRATOR, LEGAL_REPRESENTATIVE
}
