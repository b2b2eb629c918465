package dev.kontor.account;

import dev.kontor.organization.Member;
import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the account data dialog shows, read in one go. {@code version} goes back with every change, so that a
 * change made from a stale dialog is refused.
 */
public record AccountDetails(long accountId, String customerNumber, long version, MasterData masterData,
                             Long contactPersonId, Long deputyId, List<Member> managers, List<ServiceInfo> services,
                             Instant contactConfirmedAt, boolean confirmationOverdue,
                             Set<OrganizationRight> viewerRights, long viewerUserId) {

    public Optional<Member> contactPerson() {
        return managers.stream().filter(m -> contactPersonId != null && m.userId() == contactPersonId).findFirst();
    }

    public Optional<Member> deputy() {
        return managers.stream().filter(m -> deputyId != null && m.userId() == deputyId).findFirst();
    }

    /** The managers who can be chosen as contact person or deputy: the active ones only. */
    public List<Member> activeManagers() {
        return managers.stream().filter(Member::isActive).toList();
    }

    public boolean viewerMayEditMasterData() {
        return OrganizationRight.ADMIN.isSatisfiedBy(viewerRights);
    }

    /**
     * Whether anything in the account data dialog is the viewer's to change (its data, managers or contacts): a
     * partner working with the right to see the account only views it there.
     */
    public boolean viewerMayChangeSomething() {
        return viewerMayEditMasterData() || viewerMayManageUsers()
                || OrganizationRight.MANAGE_CONTACTS.isSatisfiedBy(viewerRights);
    }

    public boolean viewerMayManageUsers() {
        return OrganizationRight.MANAGE_USERS.isSatisfiedBy(viewerRights);
    }

    public boolean isContactPerson(Member member) {
        return contactPersonId != null && member.userId() == contactPersonId;
    }

    /** Whether the member is the person looking at the dialog (who loses the account by leaving it). */
    public boolean isViewer(Member member) {
        return member.userId() == viewerUserId;
    }

    public boolean isDeputy(Member member) {
        return deputyId != null && member.userId() == deputyId;
    }
}
