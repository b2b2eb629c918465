package dev.kontor.replace;

import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.tenant.TenantAdministrators;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies one ticked place through the very service methods a person uses for the single change, as the person who
 * started the replacement, so that rights, rules, audit events and mails are exactly those of the single change.
 * Before each change it checks that what the preview read is unchanged (the version it kept); a change made meanwhile
 * by someone else is refused as such, never overwritten. Runs inside the caller's transaction, with the organization's
 * row locked in the order the services lock it.
 */
@Component
class ReplacementSteps {

    private final ReplacementStore store;
    private final AccountService accounts;
    private final ManagerService managers;
    private final TenantAdministrators tenantAdministrators;
    private final MembershipAdministration memberships;
    private final ContactService contacts;

    ReplacementSteps(ReplacementStore store, AccountService accounts, ManagerService managers,
                     TenantAdministrators tenantAdministrators, MembershipAdministration memberships,
                     ContactService contacts) {
        this.store = store;
        this.accounts = accounts;
        this.managers = managers;
        this.tenantAdministrators = tenantAdministrators;
        this.memberships = memberships;
        this.contacts = contacts;
    }

    /** The successor of a replacement: their address and, when Kontor knows them, their user id. */
    record Successor(String email, Long userId) {
    }

    void apply(long replacementId, ReplacementStore.Work work, Successor successor, Locale language) {
        long organization = work.organizationId();
        switch (work.place()) {
            case CONTACT_PERSON -> {
                long version = current(store.accountVersion(organization), work);
                accounts.changeContactPerson(organization, version, required(successor).userId());
                carry(replacementId, work, version);
            }
            case DEPUTY -> {
                long version = current(store.accountVersion(organization), work);
                accounts.changeDeputy(organization, version,
                        work.outcome() == Outcome.REPLACE ? required(successor).userId() : null);
                carry(replacementId, work, version);
            }
            case MANAGER -> {
                store.accountVersion(organization);
                unchangedMembership(work, successor);
                managers.removeManagerRole(organization, work.targetId(), language);
            }
            case TENANT_ADMINISTRATOR -> {
                store.lockTenant(organization);
                unchangedMembership(work, successor);
                tenantAdministrators.remove(organization, work.targetId());
            }
            case PARTNER_STAFF -> {
                store.lockOrganization(organization);
                unchangedMembership(work, successor);
                memberships.remove(organization, work.targetId());
            }
            case CONTACT -> contact(work, successor, language);
        }
    }

    private void carry(long replacementId, ReplacementStore.Work work, long before) {
        store.accountVersion(work.organizationId()).ifPresent(after ->
                store.carryAccountVersion(replacementId, work.id(), work.organizationId(), before, after));
    }

    /** The version as the preview read it, or a refusal: it was changed meanwhile (or is gone). */
    private static long current(Optional<Long> version, ReplacementStore.Work work) {
        if (version.isEmpty() || version.get() != work.targetVersion()) {
            throw new StaleData();
        }
        return version.get();
    }

    private void unchangedMembership(ReplacementStore.Work work, Successor successor) {
        current(store.membershipVersion(work.targetId()), work);
        if (work.outcome() == Outcome.REPLACE) {
            // the preview promised that the successor holds the role: they may have lost it meanwhile
            Set<MembershipRole> roles = store.activeRoles(required(successor).userId(), List.of(work.organizationId()))
                    .getOrDefault(work.organizationId(), Set.of());
            if (!roles.contains(work.role())) {
                throw new RuleViolation("replace.successor-lost-role");
            }
        }
    }

    private void contact(ReplacementStore.Work work, Successor successor, Locale language) {
        long organization = work.organizationId();
        ReplacementStore.ContactData leaving = store.contact(work.targetId())
                .filter(contact -> contact.version() == work.targetVersion())
                .orElseThrow(StaleData::new);
        if (work.outcome() == Outcome.REPLACE) {
            if (successor == null) {
                throw new RuleViolation("replace.successor-unknown-here");
            }
            Successor next = successor;
            Optional<ReplacementStore.ContactData> own = store.contactOf(next.userId(), next.email(), organization);
            if (own.isPresent()) {
                ReplacementStore.ContactData contact = own.get();
                if (contact.pendingEmail() != null) {
                    // changing it now would call off the new address that waits for its confirmation
                    throw new RuleViolation("replace.successor-contact-pending");
                }
                Set<ContactType> types = EnumSet.copyOf(contact.types());
                types.addAll(leaving.types());
                contacts.change(organization, contact.id(), new NewContact(contact.userId(), contact.firstName(),
                        contact.lastName(), contact.email(), contact.phone(), contact.jobTitle(), types),
                        contact.version(), language);
            } else {
                if (next.userId() == null) {
                    throw new RuleViolation("replace.successor-unknown-here");
                }
                String[] name = names(store.displayName(next.userId()).orElse(next.email()));
                contacts.add(organization, new NewContact(next.userId(), name[0], name[1], null, null, null,
                        leaving.types()));
            }
        }
        contacts.delete(organization, leaving.id(), leaving.version());
    }

    /** A user's one display name as a contact's first and last name: the last word is taken as the last name. */
    static String[] names(String displayName) {
        String name = displayName.strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, name} : new String[] {name.substring(0, space).strip(),
                name.substring(space + 1)};
    }

    private static Successor required(Successor successor) {
        if (successor == null || successor.userId() == null) {
            throw new RuleViolation("replace.successor-unknown-here");
        }
        return successor;
    }
}
