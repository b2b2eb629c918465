package dev.kontor.organization;

import dev.kontor.user.Caller;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's rules for second factors. Its own leads (a customer's managers, a partner's legal representatives
 * and administrators, a tenant's administrators, and whoever administers a tenant from above; the provider's
 * administrators for the provider's staff) may require one of everyone in it, which holds for everything below it in
 * the tree too, up to the next customer account (a customer decides for itself and its tenants), remind those without one (once a day), and reset a member's lost factor. Only rights held through
 * one's own memberships count ({@link OrganizationAccess#memberRightsIn}): a partner working in a customer's account,
 * with whatever rights, cannot reset the customer's people's factors, nor switch their requirement off. Resetting
 * someone's factor takes it away wherever they sign in, so it is allowed only to whoever leads every organization the
 * person is an active member of. Every change and every refusal is audited; a reset is mailed to the person and to the
 * organization's other leads.
 */
@Service
@Transactional(readOnly = true)
public class SecondFactorPolicy {

    static final String REQUIREMENT_CHANGED = "SECOND_FACTOR_REQUIREMENT_CHANGED";
    static final String REMINDED = "SECOND_FACTOR_REMINDED";
    static final String RESET = "SECOND_FACTOR_RESET";
    /** The reason key the sign-in shows a person whom an organization's requirement asks for a second factor. */
    public static final String REASON_KEY = "second-factor.reason.organization";
    /**
     * The same reason naming the organizations whose requirement holds: their count ({@code {0}}, for the plural)
     * and their names ({@code {1}}).
     */
    public static final String NAMED_REASON_KEY = "second-factor.reason.organizations";
    /** How often an organization's members without a second factor may be reminded. */
    static final Duration REMIND_EVERY = Duration.ofDays(1);

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final OrganizationAccess access;
    private final ObjectProvider<SecondFactorRecords> records;
    private final AuditLog auditLog;
    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final PublicAddress publicAddress;
    private final Clock clock;

    SecondFactorPolicy(OrganizationRepository organizations, MembershipRepository memberships,
                       OrganizationAccess access, ObjectProvider<SecondFactorRecords> records, AuditLog auditLog,
                       MailOutbox outbox, I18NProvider i18n, PublicAddress publicAddress, Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.access = access;
        this.records = records;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.i18n = i18n;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /** The organization's requirement, its own and from above; for anyone who may see the organization. */
    public SecondFactorRequirement requirement(long organizationId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-second-factor-requirement"));
        return requirementOf(organizationId);
    }

    /**
     * Switches the organization's own requirement on or off. Off is refused (and audited) while an organization
     * above requires it: a requirement is switched off only where it was set, so that a tenant's or a customer's
     * leads cannot undo what the organization above decided for them.
     */
    @Transactional
    public SecondFactorRequirement changeRequirement(long organizationId, boolean required) {
        AuditSummary.Term attempted = AuditSummary.action("change-second-factor-requirement");
        access.requireAsMember(organizationId, OrganizationRight.ADMIN, attempted);
        Organization organization = organizations.lockById(organizationId).orElseThrow();
        if (organization.getKind() == OrganizationKind.PROVIDER) {
            // the provider's staff always need one; that rule is the sign-in's, not a setting
            throw new RuleViolation("second-factor.requirement.not-for-provider");
        }
        if (!required) {
            Optional<String> requiredBy = requiredAbove(organization);
            if (requiredBy.isPresent()) {
                auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                        AuditSummary.of("refused-second-factor-inherited", attempted, requiredBy.get())));
                throw new RuleViolation("second-factor.requirement.inherited", requiredBy.get());
            }
        }
        if (organization.isSecondFactorRequired() != required) {
            organization.requireSecondFactor(required);
            auditLog.record(AuditEntry.change(REQUIREMENT_CHANGED, organizationId,
                    AuditSummary.of(required ? "second-factor-required" : "second-factor-not-required"),
                    String.valueOf(!required), String.valueOf(required)));
        }
        return requirementOf(organizationId);
    }

    /**
     * The users among the organization's active members who have no second factor, for its own members only (see
     * {@link SecondFactorRequirement#seesMembers}); two statements however many members it has.
     */
    public Set<Long> withoutSecondFactor(long organizationId) {
        access.requireAsMember(organizationId, OrganizationRight.VIEW,
                AuditSummary.action("list-members-without-second-factor"));
        return without(memberships.findActiveUserIds(organizationId));
    }

    /**
     * As {@link #withoutSecondFactor}, with how many people are active members: a list of people's second factors
     * says something else where nobody is a member yet.
     */
    public SecondFactorCount secondFactorCount(long organizationId) {
        access.requireAsMember(organizationId, OrganizationRight.VIEW,
                AuditSummary.action("list-members-without-second-factor"));
        List<Long> active = memberships.findActiveUserIds(organizationId);
        return new SecondFactorCount(new HashSet<>(active).size(), without(active));
    }

    /**
     * Mails every active member without a second factor, in their language, how to set one up; at most once in
     * {@link #REMIND_EVERY} per organization, so that the button cannot flood anyone's mailbox. Returns how many were
     * mailed.
     */
    @Transactional
    public int remind(long organizationId) {
        AuthenticatedUser me = access.requireAsMember(organizationId, OrganizationRight.ADMIN,
                AuditSummary.action("remind-second-factor"));
        Organization organization = organizations.lockById(organizationId).orElseThrow();
        Instant now = clock.instant();
        Optional<Instant> last = organization.getSecondFactorRemindedAt();
        if (last.isPresent() && last.get().plus(REMIND_EVERY).isAfter(now)) {
            long minutes = Duration.between(now, last.get().plus(REMIND_EVERY)).toMinutes();
            throw new RuleViolation("second-factor.remind.too-soon", (minutes + 59) / 60);
        }
        List<Membership> members = memberships.findActiveIn(organizationId, EnumSet.allOf(MembershipRole.class));
        Set<Long> without = without(members.stream().map(m -> m.getUser().getId()).distinct().toList());
        Set<Long> mailed = new HashSet<>();
        String label = labelOf(organization);
        String link = publicAddress.linkTo("/security");
        for (Membership member : members) {
            UserAccount person = member.getUser();
            if (!without.contains(person.getId()) || !mailed.add(person.getId())) {
                continue;
            }
            Locale language = languageOf(person);
            outbox.enqueue(new MailMessage("second-factor-reminder:" + organizationId + ":" + person.getId() + ":"
                    + now.toEpochMilli(), person.getEmail(),
                    TextRules.abbreviate(i18n.getTranslation("mail.second-factor-reminder.subject", language, label),
                            MailMessage.SUBJECT_MAX_LENGTH),
                    i18n.getTranslation("mail.second-factor-reminder.body", language, person.getDisplayName(), label,
                            me.displayName(), link)));
        }
        organization.remindedOfSecondFactor(now);
        auditLog.record(AuditEntry.success(REMINDED, organizationId,
                AuditSummary.of("second-factor-reminded", mailed.size())));
        return mailed.size();
    }

    /**
     * Removes a member's second factor (with its recovery codes and remembered browsers) after they lost their
     * phone: they sign in with their password alone once and set a new one up. Not one's own (the Security page does
     * that, with a code); only by someone who leads every organization the person is an active member of.
     */
    @Transactional
    public void resetSecondFactor(long organizationId, long membershipId) {
        AuditSummary.Term attempted = AuditSummary.action("reset-second-factor");
        AuthenticatedUser me = access.requireAsMember(organizationId, OrganizationRight.ADMIN, attempted);
        Membership membership = memberships.findById(membershipId)
                .filter(found -> found.getOrganization().getId() == organizationId)
                .orElseThrow(() -> refused(organizationId, "refused-not-a-member", attempted));
        UserAccount person = membership.getUser();
        if (person.getId() == me.userId()) {
            throw new RuleViolation("second-factor.reset.not-yourself");
        }
        if (membership.getState() != MembershipState.ACTIVE) {
            throw new RuleViolation("second-factor.reset.not-active");
        }
        for (Long elsewhere : memberships.findActiveOrganizationIdsOf(person.getId())) {
            if (!access.memberRightsIn(elsewhere).contains(OrganizationRight.ADMIN)) {
                auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                        AuditSummary.of("refused-second-factor-reset-elsewhere", attempted,
                                AuditSummary.person(person.getId()))));
                throw new RuleViolation("second-factor.reset.member-elsewhere");
            }
        }
        Person reset = new Person(person.getId(), person.getDisplayName(), person.getEmail(), languageOf(person));
        // the reset's statements clear the persistence context: nothing loaded before is used after it
        if (!records.getObject().reset(reset.id())) {
            throw new RuleViolation("second-factor.reset.none");
        }
        auditLog.record(AuditEntry.success(RESET, organizationId,
                AuditSummary.of("second-factor-reset", AuditSummary.person(reset.id()))));
        tellOfReset(organizations.findById(organizationId).orElseThrow(), reset, me);
    }

    /** The person whose factor is reset, as the mails need them. */
    private record Person(long id, String displayName, String email, Locale language) {
    }

    /**
     * Whether an organization in which the person holds an active membership requires a second factor, by itself
     * or from above within its reach (see {@link #requiringOnPaths}): two statements (the paths of the person's
     * organizations, then those on them that require one or bound a reach, by primary key), however deep the tree
     * and however many organizations require one. Asked by sign-in for the person signing in, so for the system only.
     */
    public boolean requiredFor(Caller.Task task, long userId) {
        Caller.requireTask(task);
        return !requiringOnPaths(userId).isEmpty();
    }

    /**
     * The organizations whose requirement asks a second factor of the person (through an active membership in them
     * or below them within their reach), each with its customer number where it has one, in the order of their
     * names; empty when none does. For the set-up step, so that the person knows who asks it and why; two
     * statements, as {@link #requiredFor}. For the system only, as that is.
     */
    public List<String> organizationsRequiringFor(Caller.Task task, long userId) {
        Caller.requireTask(task);
        return requiringOnPaths(userId).stream()
                .sorted(java.util.Comparator.comparing(Organization::getName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Organization::getId))
                .map(SecondFactorPolicy::labelOf).toList();
    }

    /**
     * The organizations whose requirement reaches one of the person's active memberships. A requirement holds for
     * the organization and what lies below it, but never crosses into a customer account: a customer decides for
     * itself and its tenants, and neither the partner it works with (which may be a mere viewer, or no longer its
     * partner) nor the provider above decides for the customer's people. Partner users working in a customer's
     * account need a second factor for the access session anyway.
     */
    private List<Organization> requiringOnPaths(long userId) {
        List<List<Long>> paths = memberships.findActivePathsOf(userId).stream().map(OrganizationPath::idsIn)
                .toList();
        Set<Long> onPaths = new HashSet<>();
        paths.forEach(onPaths::addAll);
        if (onPaths.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Organization> bounding = new java.util.HashMap<>();
        for (Organization organization : organizations.findRequiringSecondFactorOrCustomers(onPaths)) {
            bounding.put(organization.getId(), organization);
        }
        java.util.Map<Long, Organization> requiring = new java.util.LinkedHashMap<>();
        for (List<Long> path : paths) {
            nearestRequiring(path, bounding, true).forEach(found -> requiring.put(found.getId(), found));
        }
        return List.copyOf(requiring.values());
    }

    /**
     * Walks a path (root first) upwards from its last node and gives the organizations on it that require a
     * second factor, up to and including the first customer account met: above it, nothing reaches down. Only the
     * nearest one when {@code all} is false. {@code bounding} holds at least every organization on the path that
     * requires one or is a customer account.
     */
    private static List<Organization> nearestRequiring(List<Long> path, java.util.Map<Long, Organization> bounding,
                                                       boolean all) {
        List<Organization> found = new java.util.ArrayList<>();
        for (int i = path.size() - 1; i >= 0; i--) {
            Organization node = bounding.get(path.get(i));
            if (node == null) {
                continue;
            }
            if (node.isSecondFactorRequired()) {
                found.add(node);
                if (!all) {
                    break;
                }
            }
            if (node.getKind() == OrganizationKind.CUSTOMER) {
                break;
            }
        }
        return found;
    }

    private SecondFactorRequirement requirementOf(long organizationId) {
        Organization organization = organizations.findById(organizationId).orElseThrow();
        String requiredBy = requiredAbove(organization).orElse(null);
        Set<OrganizationRight> own = access.memberRightsIn(organizationId);
        boolean mayReset = own.contains(OrganizationRight.ADMIN);
        boolean provider = organization.getKind() == OrganizationKind.PROVIDER;
        return new SecondFactorRequirement(organizationId, organization.isSecondFactorRequired(), requiredBy,
                mayReset && !provider, mayReset, provider, !own.isEmpty());
    }

    /**
     * The name of the nearest organization above that requires a second factor and whose requirement reaches this
     * one (none reaches into a customer account from above), if any does.
     */
    private Optional<String> requiredAbove(Organization organization) {
        List<Long> ancestors = organization.ancestorIds();
        if (ancestors.isEmpty() || organization.getKind() == OrganizationKind.CUSTOMER) {
            return Optional.empty();
        }
        java.util.Map<Long, Organization> bounding = new java.util.HashMap<>();
        for (Organization above : organizations.findRequiringSecondFactorOrCustomers(ancestors)) {
            bounding.put(above.getId(), above);
        }
        return nearestRequiring(ancestors, bounding, false).stream().findFirst().map(Organization::getName);
    }

    private Set<Long> without(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> with = records.getObject().withSecondFactor(userIds);
        Set<Long> without = new HashSet<>(userIds);
        without.removeAll(with);
        return without;
    }

    /** The person, and every other active lead of the organization, hear of the reset in their own language. */
    private void tellOfReset(Organization organization, Person person, AuthenticatedUser actor) {
        String label = labelOf(organization);
        String by = actor.displayName() + " <" + actor.email() + ">";
        long at = clock.instant().toEpochMilli();
        outbox.enqueue(new MailMessage("second-factor-reset:" + person.id() + ":" + at, person.email(),
                TextRules.abbreviate(i18n.getTranslation("mail.second-factor-reset.subject", person.language(),
                        label), MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation("mail.second-factor-reset.body-signed-out", person.language(),
                        person.displayName(), label,
                        by, publicAddress.linkTo("/security"))));
        List<Membership> leads = memberships.findActiveIn(organization.getId(), leadsOf(organization.getKind()));
        Set<Long> told = new HashSet<>(List.of(person.id()));
        for (Membership lead : leads) {
            UserAccount recipient = lead.getUser();
            if (!told.add(recipient.getId())) {
                continue;
            }
            Locale language = languageOf(recipient);
            outbox.enqueue(new MailMessage("second-factor-reset-notice:" + person.id() + ":" + at + ":"
                    + recipient.getId(), recipient.getEmail(),
                    TextRules.abbreviate(i18n.getTranslation("mail.second-factor-reset-notice.subject", language,
                            label), MailMessage.SUBJECT_MAX_LENGTH),
                    i18n.getTranslation("mail.second-factor-reset-notice.body", language, recipient.getDisplayName(),
                            person.displayName() + " <" + person.email() + ">", label, by)));
        }
    }

    private AccessRefused refused(long organizationId, String why, AuditSummary.Term attempted) {
        auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                AuditSummary.of(why, attempted)));
        return new AccessRefused();
    }

    private static Locale languageOf(UserAccount person) {
        return SupportedLanguages.closestTo(person.getPreferredLanguage().orElse(null));
    }

    private static String labelOf(Organization organization) {
        return organization.getName() + organization.getCustomerNumber().map(n -> " (" + n.value() + ")").orElse("");
    }

    /** Who leads an organization of this kind, and so hears of a member's reset. */
    private static Set<MembershipRole> leadsOf(OrganizationKind kind) {
        return switch (kind) {
            case CUSTOMER -> EnumSet.of(MembershipRole.MANAGER);
            case TENANT -> EnumSet.of(MembershipRole.TENANT_ADMINISTRATOR);
            case PARTNER -> EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE, MembershipRole.PARTNER_ADMINISTRATOR);
            case PROVIDER -> EnumSet.of(MembershipRole.PROVIDER_ADMINISTRATOR);
        };
    }
}
