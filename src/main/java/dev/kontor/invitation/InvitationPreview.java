package dev.kontor.invitation;

/**
 * What the invitation page shows before the person accepts: for whom (the name the inviter typed), into which
 * organization, whether valid, how the person who opened it can answer, and whether the role waits for one of the
 * customer's own people to approve it after accepting (when a partner invited the person), and who invited them (their
 * name, as the invitation e-mail says it; null when Kontor itself invited, or the inviter's account is gone).
 */
public record InvitationPreview(InvitationState state, InvitationPurpose purpose, String organizationLabel,
                                String email, String displayName, boolean needsPassword, InvitationPath path,
                                boolean needsApproval, String inviterName) {

    static InvitationPreview unknown() {
        return new InvitationPreview(InvitationState.UNKNOWN, null, null, null, null, false, null, false, null);
    }
}
