package dev.kontor.invitation;

/**
 * What the invitation page shows before the person accepts: for whom (the name the inviter typed), into which
 * organization, whether valid, how the person who opened it can answer, and whether the role waits for one of the
 * customer's own people to approve it after accepting (when a partner invited the person).
 */
public record InvitationPreview(InvitationState state, InvitationPurpose purpose, String organizationLabel,
                                String email, String displayName, boolean needsPassword, InvitationPath path,
                                boolean needsApproval) {

    static InvitationPreview unknown() {
        return new InvitationPreview(InvitationState.UNKNOWN, null, null, null, null, false, null, false);
    }
}
