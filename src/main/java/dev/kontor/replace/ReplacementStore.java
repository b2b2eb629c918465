package dev.kontor.replace;

import dev.kontor.base.ReadModel;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind a replacement: where a person holds places (read across the features' tables, as a read model: every
 * change still goes through the features' own services), and the replacement's own rows. Every read of places is
 * bounded by a chunk of organization ids, so that nothing here grows with the number of organizations.
 */
@Component
@ReadModel(reads = {"app_user", "contact", "customer_account", "membership", "organization", "tenant"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class ReplacementStore {

    static final List<String> PLACE_ROLES = List.of(MembershipRole.MANAGER.name(),
            MembershipRole.TENANT_ADMINISTRATOR.name(), MembershipRole.LEGAL_REPRESENTATIVE.name(),
            MembershipRole.PARTNER_ADMINISTRATOR.name(), MembershipRole.PARTNER_EMPLOYEE.name());

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReplacementStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Long> userIdOf(String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = :email").param("email", email)
                .query(Long.class).optional();
    }

    /**
     * Whether the person is an active legal representative or administrator of a partner, or an active manager or
     * tenant administrator in at least two organizations.
     */
    boolean looksAfterSeveral(long userId) {
        Integer weight = jdbc.sql("SELECT SUM(CASE WHEN role IN ('LEGAL_REPRESENTATIVE', 'PARTNER_ADMINISTRATOR') "
                        + "THEN 2 ELSE 1 END) FROM membership WHERE user_id = :user AND state = 'ACTIVE' "
                        + "AND role IN ('LEGAL_REPRESENTATIVE', 'PARTNER_ADMINISTRATOR', 'MANAGER', "
                        + "'TENANT_ADMINISTRATOR')")
                .param("user", userId).query(Integer.class).optional().orElse(null);
        return weight != null && weight >= 2;
    }

    /** The next organizations (by id, after {@code afterId}) where the person holds any place. */
    List<Long> organizationsWithPlaces(long userId, String email, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT organization_id FROM (
                            SELECT organization_id FROM membership WHERE user_id = :user AND role IN (:roles)
                            UNION SELECT organization_id FROM customer_account WHERE contact_person_id = :user
                            UNION SELECT organization_id FROM customer_account WHERE deputy_id = :user
                            UNION SELECT organization_id FROM contact WHERE user_id = :user
                            UNION SELECT organization_id FROM contact WHERE email = :email
                        ) places WHERE organization_id > :after ORDER BY organization_id LIMIT :limit""")
                .param("user", userId).param("roles", PLACE_ROLES).param("email", email).param("after", afterId)
                .param("limit", limit).query(Long.class).list();
    }

    record HeldMembership(long id, long organizationId, MembershipRole role, String state, long version) {
    }

    List<HeldMembership> memberships(long userId, Collection<Long> organizations) {
        return jdbc.sql("SELECT id, organization_id, role, state, version FROM membership WHERE user_id = :user "
                        + "AND organization_id IN (:ids) AND role IN (:roles) ORDER BY organization_id, id")
                .param("user", userId).param("ids", organizations).param("roles", PLACE_ROLES)
                .query((rs, n) -> new HeldMembership(rs.getLong(1), rs.getLong(2),
                        MembershipRole.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5))).list();
    }

    record Account(long id, Long contactPersonId, Long deputyId, long version) {
    }

    Map<Long, Account> accounts(Collection<Long> organizations) {
        Map<Long, Account> accounts = new HashMap<>();
        jdbc.sql("SELECT organization_id, contact_person_id, deputy_id, version FROM customer_account "
                        + "WHERE organization_id IN (:ids)").param("ids", organizations)
                .query((rs, n) -> new Account(rs.getLong(1), nullableLong(rs, 2), nullableLong(rs, 3), rs.getLong(4)))
                .list().forEach(account -> accounts.put(account.id(), account));
        return accounts;
    }

    record HeldContact(long id, long organizationId, Set<ContactType> types, long version) {
    }

    List<HeldContact> contacts(Long userId, String email, Collection<Long> organizations) {
        return jdbc.sql("SELECT id, organization_id, billing, technical, business, version FROM contact "
                        + "WHERE organization_id IN (:ids) AND (user_id = :user OR email = :email) "
                        + "ORDER BY organization_id, id")
                .param("ids", organizations).param("user", userId == null ? -1L : userId).param("email", email)
                .query((rs, n) -> new HeldContact(rs.getLong(1), rs.getLong(2), types(rs, 3), rs.getLong(6))).list();
    }

    /** The organizations among these where the person holds an active role, with the roles. */
    Map<Long, Set<MembershipRole>> activeRoles(Long userId, Collection<Long> organizations) {
        Map<Long, Set<MembershipRole>> roles = new HashMap<>();
        if (userId == null) {
            return roles;
        }
        jdbc.sql("SELECT organization_id, role FROM membership WHERE user_id = :user AND state = 'ACTIVE' "
                        + "AND organization_id IN (:ids)").param("user", userId).param("ids", organizations)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(MembershipRole.class))
                            .add(MembershipRole.valueOf(rs.getString(2)));
                });
        return roles;
    }

    /** How many active holders each of these organizations has of each role that must not run out. */
    Map<Long, Map<MembershipRole, Integer>> activeCounts(Collection<Long> organizations) {
        Map<Long, Map<MembershipRole, Integer>> counts = new HashMap<>();
        jdbc.sql("SELECT organization_id, role, COUNT(*) FROM membership WHERE organization_id IN (:ids) "
                        + "AND state = 'ACTIVE' AND role IN ('MANAGER', 'TENANT_ADMINISTRATOR', 'LEGAL_REPRESENTATIVE') "
                        + "GROUP BY organization_id, role").param("ids", organizations)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .put(MembershipRole.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    /** The organizations among these that have a contact for this person (linked to the user, or by address). */
    Set<Long> withContact(Long userId, String email, Collection<Long> organizations) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT organization_id FROM contact WHERE organization_id IN (:ids) "
                        + "AND (user_id = :user OR email = :email)")
                .param("ids", organizations).param("user", userId == null ? -1L : userId).param("email", email)
                .query(Long.class).list());
    }

    long createReplacement(long actorUserId, String leavingEmail, String successorEmail, Instant now) {
        // earlier previews of the same person were never applied: a new one takes their place
        jdbc.sql("DELETE FROM person_replacement WHERE actor_user_id = :actor AND state = 'PREVIEW'")
                .param("actor", actorUserId).update();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person_replacement (actor_user_id, leaving_email, successor_email, state, created_at) "
                        + "VALUES (:actor, :leaving, :successor, 'PREVIEW', :now)")
                .param("actor", actorUserId).param("leaving", leavingEmail).param("successor", successorEmail)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    record NewItem(long organizationId, Place place, long targetId, long targetVersion, MembershipRole role,
                   Set<ContactType> types, Outcome outcome, Refusal refusal) {
    }

    void insert(long replacementId, List<NewItem> items) {
        if (items.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO person_replacement_item (replacement_id, organization_id, place, target_id, "
                        + "target_version, role, billing, technical, business, outcome, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items, items.size(), (ps, item) -> {
                    ps.setLong(1, replacementId);
                    ps.setLong(2, item.organizationId());
                    ps.setString(3, item.place().name());
                    ps.setLong(4, item.targetId());
                    ps.setLong(5, item.targetVersion());
                    ps.setString(6, item.role() == null ? null : item.role().name());
                    ps.setBoolean(7, item.types().contains(ContactType.BILLING));
                    ps.setBoolean(8, item.types().contains(ContactType.TECHNICAL));
                    ps.setBoolean(9, item.types().contains(ContactType.BUSINESS));
                    ps.setString(10, item.outcome().name());
                    ps.setString(11, item.refusal() == null ? null : item.refusal().name());
                });
    }

    Optional<Long> actorOf(long replacementId) {
        return jdbc.sql("SELECT actor_user_id FROM person_replacement WHERE id = :id").param("id", replacementId)
                .query(Long.class).optional();
    }

    /** The number of places by outcome. */
    Map<Outcome, Long> countByOutcome(long replacementId) {
        Map<Outcome, Long> counts = new HashMap<>();
        jdbc.sql("SELECT outcome, COUNT(*) FROM person_replacement_item WHERE replacement_id = :id GROUP BY outcome")
                .param("id", replacementId)
                .query(rs -> {
                    counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    long count(long replacementId) {
        return jdbc.sql("SELECT COUNT(*) FROM person_replacement_item WHERE replacement_id = :id")
                .param("id", replacementId).query(Long.class).single();
    }

    List<ReplacementItem> page(long replacementId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT i.id, i.organization_id, o.name, o.kind, o.customer_number, i.place, i.role, i.billing,
                               i.technical, i.business, i.target_version, i.outcome, i.reason, i.selected,
                               i.result, i.result_reason
                        FROM person_replacement_item i JOIN organization o ON o.id = i.organization_id
                        WHERE i.replacement_id = :id ORDER BY i.id LIMIT :limit OFFSET :offset""")
                .param("id", replacementId).param("limit", limit).param("offset", offset)
                .query(ReplacementStore::item).list();
    }

    private static ReplacementItem item(ResultSet rs, int n) throws SQLException {
        String role = rs.getString(7);
        String reason = rs.getString(13);
        return new ReplacementItem(rs.getLong(1), rs.getLong(2), rs.getString(3),
                OrganizationKind.valueOf(rs.getString(4)), rs.getString(5), Place.valueOf(rs.getString(6)),
                role == null ? null : MembershipRole.valueOf(role), types(rs, 8), rs.getLong(11),
                Outcome.valueOf(rs.getString(12)), reason == null ? null : Refusal.valueOf(reason), rs.getBoolean(14),
                rs.getString(15) == null ? null : ReplacementItem.Result.valueOf(rs.getString(15)), rs.getString(16));
    }

    private static Set<ContactType> types(ResultSet rs, int first) throws SQLException {
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        if (rs.getBoolean(first)) {
            types.add(ContactType.BILLING);
        }
        if (rs.getBoolean(first + 1)) {
            types.add(ContactType.TECHNICAL);
        }
        if (rs.getBoolean(first + 2)) {
            types.add(ContactType.BUSINESS);
        }
        return types;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    // --- applying ---

    record Header(long id, long actorUserId, String leavingEmail, String successorEmail, String state, long cursorId,
                  int selected, int done, int refused) {
    }

    private static final String HEADER = "SELECT id, actor_user_id, leaving_email, successor_email, state, cursor_id, "
            + "selected_count, done_count, refused_count FROM person_replacement WHERE id = :id";

    private static Header header(ResultSet rs, int n) throws SQLException {
        return new Header(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getInt(9));
    }

    Optional<Header> header(long replacementId) {
        return jdbc.sql(HEADER).param("id", replacementId).query(ReplacementStore::header).optional();
    }

    /** The person's latest replacement that runs, or that finished since the given moment. */
    Optional<Header> latestStarted(long actorUserId, Instant finishedSince) {
        return jdbc.sql("SELECT id, actor_user_id, leaving_email, successor_email, state, cursor_id, selected_count, "
                        + "done_count, refused_count FROM person_replacement WHERE actor_user_id = :actor "
                        + "AND (state = 'RUNNING' OR (state = 'FINISHED' AND finished_at >= :since)) "
                        + "ORDER BY id DESC LIMIT 1")
                .param("actor", actorUserId).param("since", Timestamp.from(finishedSince))
                .query(ReplacementStore::header).optional();
    }

    /** Locks the replacement for the caller's change of it (ticks, start), waiting for another such change. */
    Optional<Header> lock(long replacementId) {
        return jdbc.sql(HEADER + " FOR UPDATE").param("id", replacementId).query(ReplacementStore::header).optional();
    }

    /** Locks a running replacement for one step; empty while another worker (or node) holds it: skipped, not waited. */
    Optional<Header> claim(long replacementId) {
        return jdbc.sql(HEADER + " AND state = 'RUNNING' FOR UPDATE SKIP LOCKED").param("id", replacementId)
                .query(ReplacementStore::header).optional();
    }

    List<Long> running() {
        return jdbc.sql("SELECT id FROM person_replacement WHERE state = 'RUNNING' ORDER BY id").query(Long.class)
                .list();
    }

    int select(long replacementId, long itemId, boolean selected) {
        return jdbc.sql("UPDATE person_replacement_item SET selected = :selected WHERE replacement_id = :r "
                        + "AND id = :item AND outcome <> 'REFUSED'")
                .param("selected", selected).param("r", replacementId).param("item", itemId).update();
    }

    int selectAll(long replacementId) {
        jdbc.sql("UPDATE person_replacement_item SET selected = TRUE WHERE replacement_id = :r "
                + "AND outcome <> 'REFUSED'").param("r", replacementId).update();
        return selectedCount(replacementId);
    }

    int selectedCount(long replacementId) {
        return jdbc.sql("SELECT COUNT(*) FROM person_replacement_item WHERE replacement_id = :r AND selected")
                .param("r", replacementId).query(Integer.class).single();
    }

    void start(long replacementId, int selected, Instant now) {
        jdbc.sql("UPDATE person_replacement SET state = 'RUNNING', selected_count = :selected, started_at = :now, "
                        + "version = version + 1 WHERE id = :id")
                .param("selected", selected).param("now", Timestamp.from(now)).param("id", replacementId).update();
    }

    record Work(long id, long organizationId, Place place, long targetId, long targetVersion, MembershipRole role,
                Outcome outcome) {
    }

    /** The next ticked place after the cursor. */
    Optional<Work> next(long replacementId, long afterId) {
        return jdbc.sql("SELECT id, organization_id, place, target_id, target_version, role, outcome "
                        + "FROM person_replacement_item WHERE replacement_id = :r AND selected AND id > :after "
                        + "ORDER BY id LIMIT 1")
                .param("r", replacementId).param("after", afterId)
                .query((rs, n) -> new Work(rs.getLong(1), rs.getLong(2), Place.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getString(6) == null ? null
                        : MembershipRole.valueOf(rs.getString(6)), Outcome.valueOf(rs.getString(7))))
                .optional();
    }

    /** Records what came of one place and moves the cursor past it, in the transaction of the change itself. */
    void record(long replacementId, long itemId, ReplacementItem.Result result, String message) {
        jdbc.sql("UPDATE person_replacement_item SET result = :result, result_reason = :message WHERE id = :item")
                .param("result", result.name()).param("message", message).param("item", itemId).update();
        String counter = result == ReplacementItem.Result.DONE ? "done_count" : "refused_count";
        jdbc.sql("UPDATE person_replacement SET cursor_id = :item, " + counter + " = " + counter + " + 1, "
                + "version = version + 1 WHERE id = :id").param("item", itemId).param("id", replacementId).update();
    }

    /**
     * After this replacement changed an account (contact person, deputy), its later places in that account expect
     * the version it left: its own change is not a change made meanwhile by someone else.
     */
    void carryAccountVersion(long replacementId, long itemId, long organizationId, long before, long after) {
        jdbc.sql("UPDATE person_replacement_item SET target_version = :after WHERE replacement_id = :r "
                        + "AND organization_id = :org AND place IN ('CONTACT_PERSON', 'DEPUTY') AND id > :item "
                        + "AND target_version = :before")
                .param("after", after).param("r", replacementId).param("org", organizationId).param("item", itemId)
                .param("before", before).update();
    }

    void finish(long replacementId, Instant now) {
        jdbc.sql("UPDATE person_replacement SET state = 'FINISHED', finished_at = :now, version = version + 1 "
                + "WHERE id = :id").param("now", Timestamp.from(now)).param("id", replacementId).update();
    }

    Optional<Long> accountVersion(long organizationId) {
        return jdbc.sql("SELECT version FROM customer_account WHERE organization_id = :id FOR UPDATE")
                .param("id", organizationId).query(Long.class).optional();
    }

    /** Locks the tenant's row, as the tenant's administrators' own changes do, before anything else of it. */
    void lockTenant(long organizationId) {
        jdbc.sql("SELECT organization_id FROM tenant WHERE organization_id = :id FOR UPDATE")
                .param("id", organizationId).query(Long.class).optional();
    }

    void lockOrganization(long organizationId) {
        jdbc.sql("SELECT id FROM organization WHERE id = :id FOR UPDATE").param("id", organizationId)
                .query(Long.class).optional();
    }

    Optional<Long> membershipVersion(long membershipId) {
        return jdbc.sql("SELECT version FROM membership WHERE id = :id").param("id", membershipId).query(Long.class)
                .optional();
    }

    record ContactData(long id, Long userId, String firstName, String lastName, String email, String pendingEmail,
                       String phone, String jobTitle, Set<ContactType> types, long version) {
    }

    private static final String CONTACT = "SELECT id, user_id, first_name, last_name, email, pending_email, phone, "
            + "job_title, billing, technical, business, version FROM contact ";

    private static ContactData contactData(ResultSet rs, int n) throws SQLException {
        return new ContactData(rs.getLong(1), nullableLong(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), types(rs, 9), rs.getLong(12));
    }

    Optional<ContactData> contact(long contactId) {
        return jdbc.sql(CONTACT + "WHERE id = :id").param("id", contactId).query(ReplacementStore::contactData)
                .optional();
    }

    Optional<ContactData> contactOf(Long userId, String email, long organizationId) {
        return jdbc.sql(CONTACT + "WHERE organization_id = :org AND (user_id = :user OR email = :email) ORDER BY id")
                .param("org", organizationId).param("user", userId == null ? -1L : userId).param("email", email)
                .query(ReplacementStore::contactData).list().stream().findFirst();
    }

    Optional<String> emailOfUser(long userId) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = :id").param("id", userId).query(String.class)
                .optional();
    }

    Optional<String> displayName(long userId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = :id").param("id", userId).query(String.class)
                .optional();
    }

    Optional<String> language(long userId) {
        return jdbc.sql("SELECT preferred_language FROM app_user WHERE id = :id").param("id", userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(language -> language);
    }

    /** The ticked places with their organizations and results, a page at a time, for the summary. */
    List<ReplacementItem> selectedPage(long replacementId, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT i.id, i.organization_id, o.name, o.kind, o.customer_number, i.place, i.role, i.billing,
                               i.technical, i.business, i.target_version, i.outcome, i.reason, i.selected,
                               i.result, i.result_reason
                        FROM person_replacement_item i JOIN organization o ON o.id = i.organization_id
                        WHERE i.replacement_id = :id AND i.selected AND i.id > :after ORDER BY i.id LIMIT :limit""")
                .param("id", replacementId).param("after", afterId).param("limit", limit)
                .query(ReplacementStore::item).list();
    }
}
