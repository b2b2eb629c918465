package dev.kontor.organization;

import dev.kontor.user.Callers;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.ActingOnBehalf;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.user.UserAccount;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the people who lead an organization (a customer's active managers, a tenant's active administrators, a
 * partner's active legal representatives and administrators) of every change among its members: who was invited,
 * accepted, declined, was deactivated, reactivated, removed, approved or refused, who did it and, inside an access
 * session, for which partner; and, when a partner asked for the membership, that it waits for their approval and
 * where to give it. So a membership nobody expected is seen by the people who can undo it. Each mail is written into the
 * outbox in the change's transaction, in the recipient's language. A tenant nobody else administers yet (its first
 * administrator is being invited, or accepts) is no blind spot: the notice goes up its tree to the nearest parent
 * tenant, customer account or partner that has leads of its own.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class MembershipNotices {

    /** What happened to a membership, as the notice says it. */
    enum Change {
        INVITED, ACCEPTED, ACCEPTED_AWAITING_APPROVAL, DECLINED, DEACTIVATED, REACTIVATED,
        REACTIVATED_AWAITING_APPROVAL, REMOVED, APPROVED, REFUSED
    }

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final ObjectProvider<ActingOnBehalf> onBehalf;
    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final Clock clock;
    private final PublicAddress publicAddress;

    private final Callers callers;

    MembershipNotices(MembershipRepository memberships, OrganizationRepository organizations,
                      ObjectProvider<ActingOnBehalf> onBehalf, MailOutbox outbox, I18NProvider i18n, Clock clock,
                      PublicAddress publicAddress, Callers callers) {
        this.callers = callers;
        this.memberships = memberships;
        this.organizations = organizations;
        this.onBehalf = onBehalf;
        this.outbox = outbox;
        this.i18n = i18n;
        this.clock = clock;
        this.publicAddress = publicAddress;
    }

    /**
     * The change was made by the signed-in person (and, in an access session or through the partnership, for their
     * partner).
     */
    void changed(Membership membership, Change change) {
        var me = callers.current().actor();
        String actor = me.map(it -> it.displayName() + " <" + it.email() + ">").orElse(null);
        String partnerName = actingPartnerName();
        if (partnerName == null && (change == Change.INVITED || change == Change.REACTIVATED_AWAITING_APPROVAL)) {
            // in a customer's tenants a partner acts through the partnership, without an access session
            partnerName = membership.getInvitedByPartnerId().flatMap(organizations::findById)
                    .map(Organization::getName).orElse(null);
        }
        tell(membership, change, actor, me.map(it -> (Long) it.userId()).orElse(null), partnerName);
    }

    /**
     * Tells the person whom a partner asked for that one of the customer's own people approved or refused them, in
     * their own language.
     */
    void decided(Membership membership, Change change) {
        UserAccount person = membership.getUser();
        Organization organization = membership.getOrganization();
        String label = labelOf(organization);
        String decider = callers.person().map(it -> it.displayName() + " <" + it.email() + ">").orElse("");
        Locale language = SupportedLanguages.closestTo(person.getPreferredLanguage().orElse(null));
        String role = i18n.getTranslation("membership.role." + membership.getRole(), language);
        outbox.enqueue(new MailMessage("membership-decision:" + membership.getId() + ":" + change + ":"
                + clock.instant().toEpochMilli(), person.getEmail(),
                TextRules.abbreviate(i18n.getTranslation("mail.membership-decision.subject." + change, language,
                        label), MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation("mail.membership-decision.body." + change, language, person.getDisplayName(),
                        role, label, decider, publicAddress.linkTo("/"))));
    }

    /** The invited person answered the invitation themselves. */
    void answered(Membership membership, Change change) {
        UserAccount person = membership.getUser();
        tell(membership, change, person.getDisplayName() + " <" + person.getEmail() + ">", person.getId(), null);
    }

    private void tell(Membership membership, Change change, String actor, Long actorId, String partnerName) {
        Organization organization = membership.getOrganization();
        List<Membership> leads = leadsToTell(organization, membership.getUser().getId(), actorId);
        String label = labelOf(organization);
        UserAccount member = membership.getUser();
        Optional<String> waitingFor = awaitsApproval(membership, change)
                ? membership.getInvitedByPartnerId().flatMap(organizations::findById).map(Organization::getName)
                : Optional.empty();
        long at = clock.instant().toEpochMilli();
        for (Membership lead : leads) {
            UserAccount recipient = lead.getUser();
            if (recipient.getId().equals(member.getId())) {
                // the person the change is about knows it: they accepted, or the change has its own mail
                continue;
            }
            if (recipient.getId().equals(actorId)) {
                // the person who made the change knows it: "if you did not expect this change" would only alarm them
                continue;
            }
            Locale language = SupportedLanguages.closestTo(recipient.getPreferredLanguage().orElse(null));
            String role = i18n.getTranslation("membership.role." + membership.getRole(), language);
            String what = i18n.getTranslation("mail.membership-notice.change." + change, language,
                    membership.shownName(), member.getEmail(), role, label);
            if (waitingFor.isPresent()) {
                what = what + "\n\n" + i18n.getTranslation("mail.membership-notice.approval-needed."
                        + organization.getKind(), language, waitingFor.get(), role, label, whereToDecide(organization));
            }
            String by = actor == null ? i18n.getTranslation("mail.membership-notice.by-system", language)
                    : partnerName == null ? i18n.getTranslation("mail.membership-notice.by", language, actor)
                    : i18n.getTranslation("mail.membership-notice.by-for-partner", language, actor, partnerName);
            outbox.enqueue(new MailMessage("membership-notice:" + membership.getId() + ":" + change + ":" + at + ":"
                    + recipient.getId(), recipient.getEmail(),
                    TextRules.abbreviate(i18n.getTranslation("mail.membership-notice.subject", language, label),
                            MailMessage.SUBJECT_MAX_LENGTH),
                    i18n.getTranslation("mail.membership-notice.body", language, recipient.getDisplayName(), what,
                            by, label)));
        }
    }

    /**
     * The organization's own leads; for a tenant with none but the member and the actor, the leads of the nearest
     * ancestor up to its customer account or partner that has others. Two statements for any depth: the path's
     * lead memberships at once, then the nearest level is picked here.
     */
    private List<Membership> leadsToTell(Organization organization, long memberId, Long actorId) {
        List<Membership> own = memberships.findActiveIn(organization.getId(), leadsOf(organization.getKind()));
        Long owner = organization.getAccountId().orElse(null);
        if (owner == null || own.stream().anyMatch(lead -> isSomeoneElse(lead, memberId, actorId))) {
            return own;
        }
        List<Long> path = organization.ancestorIds();
        if (!path.contains(owner)) {
            return own;
        }
        // never above the tenant's own customer account or partner: their partner or provider is not told
        List<Long> above = path.subList(path.indexOf(owner), path.size());
        Map<Long, List<Membership>> byOrganization = memberships.findActiveInAny(above, ALL_LEADS).stream()
                .filter(lead -> leadsOf(lead.getOrganization().getKind()).contains(lead.getRole()))
                .collect(Collectors.groupingBy(lead -> lead.getOrganization().getId()));
        for (int i = above.size() - 1; i >= 0; i--) {
            List<Membership> leads = byOrganization.getOrDefault(above.get(i), List.of());
            if (leads.stream().anyMatch(lead -> isSomeoneElse(lead, memberId, actorId))) {
                return leads;
            }
        }
        return own;
    }

    /** Whether the notice must say that the membership waits for one of the customer's own people to approve it. */
    private static boolean awaitsApproval(Membership membership, Change change) {
        return membership.getInvitedByPartnerId().isPresent() && (change == Change.INVITED
                || change == Change.ACCEPTED_AWAITING_APPROVAL || change == Change.REACTIVATED_AWAITING_APPROVAL);
    }

    /** Where the approval is given: the account data dialog, or the tenant's workspace. */
    private String whereToDecide(Organization organization) {
        return publicAddress.linkTo(organization.getCustomerNumber()
                .map(number -> "/accounts/" + number.value())
                .orElseGet(() -> "/tenant/" + organization.getId()));
    }

    private static String labelOf(Organization organization) {
        return organization.getName() + organization.getCustomerNumber().map(n -> " (" + n.value() + ")").orElse("");
    }

    private static boolean isSomeoneElse(Membership lead, long memberId, Long actorId) {
        long id = lead.getUser().getId();
        return id != memberId && (actorId == null || id != actorId);
    }

    private static final Set<MembershipRole> ALL_LEADS = EnumSet.of(MembershipRole.MANAGER,
            MembershipRole.TENANT_ADMINISTRATOR, MembershipRole.LEGAL_REPRESENTATIVE,
            MembershipRole.PARTNER_ADMINISTRATOR);

    private String actingPartnerName() {
        dev.kontor.user.Caller caller = callers.current();
        Optional<Long> partner = onBehalf.orderedStream().map(acting -> acting.onBehalfOf(caller))
                .flatMap(Optional::stream).findFirst();
        return partner.flatMap(organizations::findById).map(Organization::getName).orElse(null);
    }

    /** Who leads an organization of this kind, and so hears of changes among its members. */
    private static Set<MembershipRole> leadsOf(OrganizationKind kind) {
        return switch (kind) {
            case CUSTOMER -> EnumSet.of(MembershipRole.MANAGER);
            case TENANT -> EnumSet.of(MembershipRole.TENANT_ADMINISTRATOR);
            case PARTNER -> EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE, MembershipRole.PARTNER_ADMINISTRATOR);
            case PROVIDER -> EnumSet.of(MembershipRole.PROVIDER_ADMINISTRATOR);
        };
    }
}
