package dev.kontor.replace;

import dev.kontor.user.Callers;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.CsvCells;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replace a person everywhere: the preview. For the leaving person (by e-mail) and an optional successor (none means
 * offboarding), it lists every place the leaving person holds in the organizations where the signed-in person may
 * change anything (users, contacts or tenants), each with what would happen there and why not, decided by the same
 * rules the single changes enforce. Organizations where the signed-in person may change nothing are left out
 * altogether, so the preview never tells what exists elsewhere; an address that holds no place there gets the same
 * empty preview as one that names nobody.
 * <p>
 * The ticked places are then applied as one job in the background ({@link ReplacementWorker}), each through the
 * service method of the single change and checked against the version the preview read.
 * <p>
 * The preview is written as rows of its own (one per place) and read page by page: the organizations are walked in
 * chunks by id, each chunk's rights decided by {@link OrganizationAccess}, so that a person in thousands of
 * organizations is never held in memory whole.
 */
@Service
@Transactional
public class PersonReplacement {

    /** Organizations looked at per round: a handful of statements for each round, whatever their number. */
    static final int CHUNK = 200;

    private static final Set<MembershipRole> PARTNER_ROLES = EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE,
            MembershipRole.PARTNER_ADMINISTRATOR, MembershipRole.PARTNER_EMPLOYEE);

    private final ReplacementStore store;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final Clock clock;
    private final I18NProvider texts;

    private final Callers callers;

    PersonReplacement(ReplacementStore store, OrganizationAccess access, AuditLog auditLog, Clock clock,
                      I18NProvider texts, Callers callers) {
        this.callers = callers;
        this.store = store;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * Prepares the preview of replacing the person with the address {@code leavingEmail} by the person with
     * {@code successorEmail} (blank or {@code null}: remove the person everywhere it is allowed). The signed-in
     * person's earlier preview that was never applied is dropped. The answer counts the places; they are read with
     * {@link #items}.
     */
    public PreparedReplacement prepare(String leavingEmail, String successorEmail) {
        AuthenticatedUser me = callers.requirePerson();
        String leaving = address("leaving", leavingEmail)
                .orElseThrow(() -> new InvalidInput("leaving", "validation.required"));
        Optional<String> successor = address("successor", successorEmail);
        if (successor.isPresent() && successor.get().equals(leaving)) {
            throw new InvalidInput("successor", "replace.successor-is-leaving");
        }
        long leavingUser = store.userIdOf(leaving).orElse(-1L);
        Successor next = successor.map(email -> new Successor(email, store.userIdOf(email).orElse(null)))
                .orElse(null);
        long id = store.createReplacement(me.userId(), leaving, successor.orElse(null), clock.instant());
        long after = 0;
        List<Long> organizations;
        do {
            organizations = store.organizationsWithPlaces(leavingUser, leaving, after, CHUNK);
            if (organizations.isEmpty()) {
                break;
            }
            after = organizations.getLast();
            // the chunk's rights together: a handful of statements per chunk, not a handful per organization
            Map<Long, Set<OrganizationRight>> changeable = new LinkedHashMap<>();
            access.rightsIn(organizations).forEach((organization, rights) -> {
                if (mayChangeAnything(rights)) {
                    changeable.put(organization, rights);
                }
            });
            if (!changeable.isEmpty()) {
                store.insert(id, places(me, leavingUser, leaving, next, changeable));
            }
        } while (organizations.size() == CHUNK);
        Map<Outcome, Long> counts = store.countByOutcome(id);
        long replaceable = counts.getOrDefault(Outcome.REPLACE, 0L);
        long removable = counts.getOrDefault(Outcome.REMOVE, 0L);
        long refused = counts.getOrDefault(Outcome.REFUSED, 0L);
        return new PreparedReplacement(id, replaceable + removable + refused, replaceable, removable, refused);
    }

    /** How many places the signed-in person's preview lists; someone else's (or an unknown id) is refused. */
    @Transactional(readOnly = true)
    public long count(long replacementId) {
        requireOwn(replacementId);
        return store.count(replacementId);
    }

    /** One page of the signed-in person's preview, in the order of the organizations' ids and the places' kinds. */
    @Transactional(readOnly = true)
    public List<ReplacementItem> items(long replacementId, Pageable pageable) {
        requireOwn(replacementId);
        return store.page(replacementId, pageable.getOffset(), pageable.getPageSize());
    }

    /**
     * Ticks or unticks one place of the signed-in person's preview for applying; a refused place cannot be ticked.
     * Returns how many places are ticked now.
     */
    public int select(long replacementId, long itemId, boolean selected) {
        requireOwn(replacementId, "change-replacement");
        ReplacementStore.Header header = store.lock(replacementId).orElseThrow();
        requirePreview(header);
        if (store.select(replacementId, itemId, selected) == 0) {
            throw new RuleViolation("replace.item-not-selectable");
        }
        return store.selectedCount(replacementId);
    }

    /** Ticks every place of the preview that can be applied; returns how many are ticked. */
    public int selectAll(long replacementId) {
        requireOwn(replacementId, "change-replacement");
        requirePreview(store.lock(replacementId).orElseThrow());
        return store.selectAll(replacementId);
    }

    /**
     * Applies the ticked places of the signed-in person's preview as one job in the background (see
     * {@link ReplacementWorker}): each through the service method of the single change, as this person, each checked
     * against the version the preview read. Started once; nothing ticked is refused.
     */
    public ReplacementProgress apply(long replacementId) {
        requireOwn(replacementId, "apply-replacement");
        ReplacementStore.Header header = store.lock(replacementId).orElseThrow();
        requirePreview(header);
        int selected = store.selectedCount(replacementId);
        if (selected == 0) {
            throw new RuleViolation("replace.nothing-selected");
        }
        store.start(replacementId, selected, clock.instant());
        return progress(store.header(replacementId).orElseThrow());
    }

    /** How far applying the signed-in person's replacement has got. */
    @Transactional(readOnly = true)
    public ReplacementProgress progress(long replacementId) {
        requireOwn(replacementId, "read-replacement");
        return progress(store.header(replacementId).orElseThrow());
    }

    /** How long a finished replacement is shown again when its person comes back to the page. */
    static final java.time.Duration SUMMARY_SHOWN = java.time.Duration.ofHours(1);

    /**
     * The signed-in person's own replacement that is running, or finished within the last hour, so that the page
     * shows its progress and summary again after the person left it; empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<StartedReplacement> latestStarted() {
        AuthenticatedUser me = callers.requirePerson();
        return store.latestStarted(me.userId(), clock.instant().minus(SUMMARY_SHOWN)).map(header ->
                new StartedReplacement(header.id(), header.leavingEmail(), header.successorEmail(),
                        progress(header)));
    }

    /**
     * The summary of the signed-in person's replacement as CSV: every ticked place with its organization, what was to
     * happen and what came of it (done, or refused and why, in the given language). Read page by page.
     */
    @Transactional(readOnly = true)
    public void summaryCsv(long replacementId, Writer out, Locale language) throws IOException {
        requireOwn(replacementId, "read-replacement");
        try (CSVPrinter csv = new CSVPrinter(out, CsvCells.format(language, java.util.stream.Stream.of(
                        "organization", "customer-number", "place", "role", "contact-types", "outcome", "result",
                        "reason").map(column -> texts.getTranslation("replace.csv." + column, language))
                .toArray(String[]::new)))) {
            long after = 0;
            List<ReplacementItem> page;
            do {
                page = store.selectedPage(replacementId, after, SUMMARY_PAGE);
                for (ReplacementItem item : page) {
                    csv.printRecord(CsvCells.neutralized(item.organizationName()), item.customerNumber(),
                            item.place(), item.role(), item.contactTypes().stream().map(Enum::name).sorted()
                                    .collect(Collectors.joining(" ")), item.outcome(), item.result(),
                            item.resultMessage() == null ? null
                                    : CsvCells.neutralized(texts.getTranslation(item.resultMessage(), language)));
                }
                if (!page.isEmpty()) {
                    after = page.getLast().id();
                }
            } while (page.size() == SUMMARY_PAGE);
        }
    }

    private static final int SUMMARY_PAGE = 500;

    private static ReplacementProgress progress(ReplacementStore.Header header) {
        return new ReplacementProgress(header.id(), ReplacementProgress.State.valueOf(header.state()),
                header.selected(), header.done(), header.refused());
    }

    private static void requirePreview(ReplacementStore.Header header) {
        if (!"PREVIEW".equals(header.state())) {
            throw new RuleViolation("replace.already-applied");
        }
    }

    private void requireOwn(long replacementId) {
        requireOwn(replacementId, "read-replacement");
    }

    private void requireOwn(long replacementId, String action) {
        AuthenticatedUser me = callers.requirePerson();
        if (!store.actorOf(replacementId).filter(actor -> actor == me.userId()).isPresent()) {
            // someone else's preview and one that does not exist are refused alike, so ids tell nothing
            auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", null,
                    AuditSummary.of("replacement-not-own", AuditSummary.action(action))));
            throw new AccessRefused();
        }
    }

    private static boolean mayChangeAnything(Set<OrganizationRight> rights) {
        return OrganizationRight.MANAGE_USERS.isSatisfiedBy(rights)
                || OrganizationRight.MANAGE_CONTACTS.isSatisfiedBy(rights)
                || OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(rights);
    }

    private static Optional<String> address(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        if (!EmailAddress.isValid(typed)) {
            throw new InvalidInput(field, "validation.email");
        }
        return Optional.of(EmailAddress.normalize(typed));
    }

    /** The successor: their address, and their user id when Kontor knows one. */
    private record Successor(String email, Long userId) {
    }

    /** Every place of the leaving person in these organizations, with its outcome, in the order they are applied. */
    private List<ReplacementStore.NewItem> places(AuthenticatedUser me, long leavingUser, String leaving,
                                                  Successor successor, Map<Long, Set<OrganizationRight>> rights) {
        List<Long> ids = List.copyOf(rights.keySet());
        Map<Long, List<ReplacementStore.HeldMembership>> memberships = store.memberships(leavingUser, ids).stream()
                .collect(Collectors.groupingBy(ReplacementStore.HeldMembership::organizationId));
        Map<Long, List<ReplacementStore.HeldContact>> contacts = store.contacts(leavingUser, leaving, ids).stream()
                .collect(Collectors.groupingBy(ReplacementStore.HeldContact::organizationId));
        Map<Long, ReplacementStore.Account> accounts = store.accounts(ids);
        Map<Long, Map<MembershipRole, Integer>> active = store.activeCounts(ids);
        Map<Long, Set<MembershipRole>> mine = store.activeRoles(me.userId(), ids);
        Map<Long, Set<MembershipRole>> successorRoles = successor == null ? Map.of()
                : store.activeRoles(successor.userId(), ids);
        Set<Long> successorContacts = successor == null ? Set.of()
                : store.withContact(successor.userId(), successor.email(), ids);
        List<ReplacementStore.NewItem> items = new ArrayList<>();
        for (long organization : ids) {
            Rules rules = new Rules(rights.get(organization), leavingUser, successor,
                    successorRoles.getOrDefault(organization, Set.of()), successorContacts.contains(organization),
                    active.getOrDefault(organization, Map.of()), mine.getOrDefault(organization, Set.of()),
                    accounts.get(organization));
            ReplacementStore.Account account = accounts.get(organization);
            if (account != null && Objects.equals(account.contactPersonId(), leavingUser)) {
                items.add(item(organization, Place.CONTACT_PERSON, account.id(), account.version(), null,
                        Set.of(), rules.contactPerson()));
            }
            if (account != null && Objects.equals(account.deputyId(), leavingUser)) {
                items.add(item(organization, Place.DEPUTY, account.id(), account.version(), null, Set.of(),
                        rules.deputy()));
            }
            for (ReplacementStore.HeldMembership membership : memberships.getOrDefault(organization, List.of())) {
                Place place = switch (membership.role()) {
                    case MANAGER -> Place.MANAGER;
                    case TENANT_ADMINISTRATOR -> Place.TENANT_ADMINISTRATOR;
                    default -> Place.PARTNER_STAFF;
                };
                items.add(item(organization, place, membership.id(), membership.version(), membership.role(),
                        Set.of(), rules.membership(membership)));
            }
            for (ReplacementStore.HeldContact contact : contacts.getOrDefault(organization, List.of())) {
                items.add(item(organization, Place.CONTACT, contact.id(), contact.version(), null, contact.types(),
                        rules.contact()));
            }
        }
        return items;
    }

    private static ReplacementStore.NewItem item(long organization, Place place, long target, long version,
                                                 MembershipRole role, Set<ContactType> types, Verdict verdict) {
        return new ReplacementStore.NewItem(organization, place, target, version, role, types, verdict.outcome(),
                verdict.refusal());
    }

    record Verdict(Outcome outcome, Refusal refusal) {

        static final Verdict REPLACE = new Verdict(Outcome.REPLACE, null);
        static final Verdict REMOVE = new Verdict(Outcome.REMOVE, null);

        static Verdict refused(Refusal why) {
            return new Verdict(Outcome.REFUSED, why);
        }
    }

    /**
     * The rules of the single changes, applied to one organization as the preview reads it: who may change what
     * (MANAGE_USERS for memberships, contact person and deputy; MANAGE_CONTACTS for contacts; a partner's legal
     * representatives and administrators only by a legal representative), the contact person stays an active manager,
     * an account keeps an active manager, a tenant an active administrator, a partner a legal representative.
     * Memberships come into being only by invitation, so a successor takes a role only where they hold it already.
     */
    private record Rules(Set<OrganizationRight> rights, long leavingUser, Successor successor,
                         Set<MembershipRole> successorRoles, boolean successorIsContact,
                         Map<MembershipRole, Integer> active, Set<MembershipRole> mine,
                         ReplacementStore.Account account) {

        Verdict contactPerson() {
            if (!OrganizationRight.MANAGE_USERS.isSatisfiedBy(rights)) {
                return Verdict.refused(Refusal.RIGHT_MISSING);
            }
            if (successor == null) {
                return Verdict.refused(Refusal.STILL_CONTACT_PERSON);
            }
            return successorRoles.contains(MembershipRole.MANAGER) ? Verdict.REPLACE
                    : Verdict.refused(Refusal.SUCCESSOR_NOT_ACTIVE_MANAGER);
        }

        Verdict deputy() {
            if (!OrganizationRight.MANAGE_USERS.isSatisfiedBy(rights)) {
                return Verdict.refused(Refusal.RIGHT_MISSING);
            }
            if (successor == null) {
                return Verdict.REMOVE;
            }
            if (!successorRoles.contains(MembershipRole.MANAGER)) {
                return Verdict.refused(Refusal.SUCCESSOR_NOT_ACTIVE_MANAGER);
            }
            // the contact person cannot be their own deputy: the place simply goes
            return Objects.equals(account.contactPersonId(), successor.userId()) ? Verdict.REMOVE : Verdict.REPLACE;
        }

        Verdict membership(ReplacementStore.HeldMembership membership) {
            MembershipRole role = membership.role();
            if (!OrganizationRight.MANAGE_USERS.isSatisfiedBy(rights)
                    || (role != MembershipRole.PARTNER_EMPLOYEE && PARTNER_ROLES.contains(role)
                    && !mine.contains(MembershipRole.LEGAL_REPRESENTATIVE))) {
                return Verdict.refused(Refusal.RIGHT_MISSING);
            }
            if (successor != null) {
                return successorRoles.contains(role) ? Verdict.REPLACE : Verdict.refused(switch (role) {
                    case MANAGER -> Refusal.SUCCESSOR_NOT_ACTIVE_MANAGER;
                    case TENANT_ADMINISTRATOR -> Refusal.SUCCESSOR_NOT_ACTIVE_ADMINISTRATOR;
                    default -> Refusal.SUCCESSOR_NOT_ACTIVE_IN_ROLE;
                });
            }
            boolean isActive = "ACTIVE".equals(membership.state());
            int others = active.getOrDefault(role, 0) - (isActive ? 1 : 0);
            return switch (role) {
                case MANAGER -> account != null && Objects.equals(account.contactPersonId(), leavingUser)
                        ? Verdict.refused(Refusal.STILL_CONTACT_PERSON)
                        : isActive && others < 1 ? Verdict.refused(Refusal.LAST_ACTIVE_MANAGER) : Verdict.REMOVE;
                case TENANT_ADMINISTRATOR -> isActive && others < 1
                        ? Verdict.refused(Refusal.LAST_ACTIVE_ADMINISTRATOR) : Verdict.REMOVE;
                case LEGAL_REPRESENTATIVE -> isActive && others < 1
                        ? Verdict.refused(Refusal.LAST_LEGAL_REPRESENTATIVE) : Verdict.REMOVE;
                default -> Verdict.REMOVE;
            };
        }

        Verdict contact() {
            if (!OrganizationRight.MANAGE_CONTACTS.isSatisfiedBy(rights)) {
                return Verdict.refused(Refusal.RIGHT_MISSING);
            }
            if (successor == null) {
                return Verdict.REMOVE;
            }
            // the successor takes the types: onto their own contact there, or as a new contact linked to them
            return successorIsContact || !successorRoles.isEmpty() ? Verdict.REPLACE
                    : Verdict.refused(Refusal.SUCCESSOR_UNKNOWN_HERE);
        }
    }
}
