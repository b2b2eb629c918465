package dev.kontor.invitation;

/**
 * What the invitation page shows before the person accepts: for whom (the name the inviter typed), into which
 * organization, whether valid, and how the person who opened it can answer.
 */
public record InvitationPreview(InvitationState state, InvitationPurpose purpose, String organizationLabel,
                                String email, String displayName, boolean needsPassword, InvitationPath path) {

    static InvitationPreview unknown() {
        return new InvitationPreview(InvitationState.UNKNOWN, null, null, null, null, false, null);
    }
}
