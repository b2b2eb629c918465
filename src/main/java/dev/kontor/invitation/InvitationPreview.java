package dev.kontor.invitation;

/** What the invitation page shows before the person accepts: for whom, into which organization, and whether valid. */
public record InvitationPreview(InvitationState state, InvitationPurpose purpose, String organizationLabel,
                                String email, String displayName, boolean needsPassword) {

    static InvitationPreview unknown() {
        return new InvitationPreview(InvitationState.UNKNOWN, null, null, null, null, false);
    }
}
