package dev.kontor.partner;

import dev.kontor.base.SecretTokens;
import dev.kontor.organization.OrganizationRight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner requests for tests of the customer's side, saved straight through the entity and its repository (the
 * partner's own service sends them in the application): a REQUESTED relationship with a fresh link, valid for 14
 * days, and what its row holds.
 */
@TestComponent
public class TestRequests {

    public static final Duration VALIDITY = Duration.ofDays(14);

    private final PartnerRelationshipRepository relationships;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TestRequests(PartnerRelationshipRepository relationships, TransactionTemplate transaction, JdbcTemplate jdbc,
                 Clock clock) {
        this.relationships = relationships;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A pending request of the partner to the customer, sent to {@code email} by {@code requestedBy} (or nobody). */
    public Request request(long partnerId, long customerId, String email, Set<OrganizationRight> rights,
                           Long requestedBy) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        PartnerRelationship saved = transaction.execute(status -> relationships.save(new PartnerRelationship(
                partnerId, relationships.customerKeys(customerId), rights, email, SecretTokens.hash(token), requestedBy, now,
                now.plus(VALIDITY))));
        return new Request(saved.getId(), token);
    }

    /**
     * A draft as {@code PartnerService.prepareRequest} would make it for the partner, to the customer's address
     * {@code email}, without its checks: for attempts to send another partner's draft.
     */
    public RequestDraft draft(long partnerId, long customerId, String email) {
        return new RequestDraft(partnerId, customerId, "Customer", "CN-00000", Set.of(OrganizationRight.VIEW),
                SecretTokens.newToken(), clock.instant().plus(VALIDITY), email, "Subject", "Body");
    }

    public String state(long relationshipId) {
        return jdbc.queryForObject("select state from partner_relationship where id = ?", String.class,
                relationshipId);
    }

    /** The granted rights as stored, e.g. "VIEW,MANAGE_USERS". */
    public String grantedRights(long relationshipId) {
        return jdbc.queryForObject("select granted_rights from partner_relationship where id = ?", String.class,
                relationshipId);
    }

    public long version(long relationshipId) {
        return jdbc.queryForObject("select version from partner_relationship where id = ?", Long.class,
                relationshipId);
    }

    /** A request and the token of its link (the link itself is {@code /partner-request/<token>}). */
    public record Request(long id, String token) {
    }
}
