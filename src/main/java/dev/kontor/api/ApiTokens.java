package dev.kontor.api;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.SecretTokens;
import dev.kontor.base.TextRules;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MyOrganization;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of an organization, issued and revoked by its provider administrators (for the provider) or its legal
 * representatives (for a partner). A token's secret is shown once, at creation; only its hash is kept. A token
 * cannot manage tokens, so a stolen token cannot make itself a lasting one.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    static final String API_TOKEN_CREATED = "API_TOKEN_CREATED";
    static final String API_TOKEN_REVOKED = "API_TOKEN_REVOKED";
    static final String API_TOKEN_REFUSED = "API_TOKEN_REFUSED";
    /** The longest a token may live: a forgotten token must end by itself. */
    public static final int MAX_DAYS = 366;
    public static final int NAME_MAX_LENGTH = ApiToken.NAME_MAX_LENGTH;
    /** The most tokens one list shows; an organization needs a handful. */
    static final int LIST_LIMIT = 200;
    static final String PREFIX = "kontor_";

    private final ApiTokenRepository tokens;
    private final OrganizationService organizations;
    private final AuditLog auditLog;
    private final Clock clock;

    private final Callers callers;

    ApiTokens(ApiTokenRepository tokens, OrganizationService organizations, AuditLog auditLog, Clock clock, Callers callers) {
        this.callers = callers;
        this.tokens = tokens;
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The organizations the signed-in person may issue tokens for (none for a token itself). */
    public List<TokenIssuer> issuers() {
        AuthenticatedUser me = callers.requirePerson();
        if (me.apiToken().isPresent()) {
            return List.of();
        }
        List<TokenIssuer> issuers = new ArrayList<>();
        for (MyOrganization o : organizations.myOrganizationsOfKind(OrganizationKind.PROVIDER)) {
            if (o.role() == MembershipRole.PROVIDER_ADMINISTRATOR) {
                issuers.add(new TokenIssuer(o.organizationId(), o.name(), true));
            }
        }
        for (MyOrganization o : organizations.myOrganizationsOfKind(OrganizationKind.PARTNER)) {
            if (o.role() == MembershipRole.LEGAL_REPRESENTATIVE) {
                issuers.add(new TokenIssuer(o.organizationId(), o.name(), false));
            }
        }
        return issuers.stream().distinct().toList();
    }

    /**
     * Whether the signed-in person may issue tokens nowhere because the provider has suspended (or closed) their
     * partner: the page then says so, since that partner's tokens don't work either, rather than that only legal
     * representatives issue tokens.
     */
    public boolean partnerSuspended() {
        return callers.requirePerson().apiToken().isEmpty() && issuers().isEmpty()
                && organizations.memberOfInactive(OrganizationKind.PARTNER);
    }

    /** The organization's tokens, active ones first, newest first. */
    public List<ApiTokenRow> tokens(long organizationId) {
        requireIssuer(organizationId, "list-api-tokens");
        return tokens.findOfOrganization(organizationId, PageRequest.of(0, LIST_LIMIT)).stream()
                .map(ApiTokenRow::of).toList();
    }

    /**
     * Issues a token that expires at the end of {@code expiresOn} in {@code zone} (the issuer's: "until 31 December"
     * means until that day ends where they are), at most {@link #MAX_DAYS} days ahead. The returned secret is the only
     * copy there will ever be.
     */
    @Transactional
    public IssuedToken create(long organizationId, String name, ApiScope scope, LocalDate expiresOn, ZoneId zone) {
        AuthenticatedUser me = requireIssuer(organizationId, "create-api-token");
        // the token's name goes into the mails that tell a customer's managers of its work there
        String checkedName = TextRules.mailedText("name", TextRules.required("name", name, ApiToken.NAME_MAX_LENGTH),
                ApiToken.NAME_MAX_LENGTH);
        if (scope == null) {
            throw new InvalidInput("scope", "validation.required");
        }
        Instant now = clock.instant();
        ZoneId where = zone == null ? ZoneOffset.UTC : zone;
        LocalDate today = LocalDate.ofInstant(now, where);
        if (expiresOn == null) {
            throw new InvalidInput("expiresOn", "validation.required");
        }
        if (expiresOn.isBefore(today) || expiresOn.isAfter(today.plusDays(MAX_DAYS - 1))) {
            throw new InvalidInput("expiresOn", "api.token.expiry-range", MAX_DAYS - 1);
        }
        if (tokens.existsByOrganizationIdAndName(organizationId, checkedName)) {
            throw new InvalidInput("name", "api.token.name-taken");
        }
        String secret = PREFIX + SecretTokens.newToken();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(where).toInstant();
        ApiToken token = tokens.saveAndFlush(new ApiToken(organizationId, checkedName, scope,
                SecretTokens.hash(secret), me.userId(), now, expiresAt));
        auditLog.record(AuditEntry.change(API_TOKEN_CREATED, organizationId,
                AuditSummary.of("api-token-created", checkedName, AuditSummary.term("api.scope." + scope)),
                null, checkedName));
        return new IssuedToken(ApiTokenRow.of(token), secret);
    }

    /** Revokes the organization's token at once; the next call with it is refused. */
    @Transactional
    public void revoke(long organizationId, long tokenId) {
        AuthenticatedUser me = requireIssuer(organizationId, "revoke-api-token");
        Optional<ApiToken> token = tokens.findById(tokenId).filter(t -> t.getOrganizationId() == organizationId);
        if (token.isEmpty()) {
            // another organization's token (or none): the same refusal as any other, audited
            refuse(organizationId, "revoke-api-token");
        }
        if (token.get().getRevokedAt() == null) {
            token.get().revoke(me.userId(), clock.instant());
            auditLog.record(AuditEntry.change(API_TOKEN_REVOKED, organizationId,
                    AuditSummary.of("api-token-revoked", token.get().getName()), token.get().getName(), null));
        }
    }

    private AuthenticatedUser requireIssuer(long organizationId, String action) {
        AuthenticatedUser me = callers.requirePerson();
        boolean issuer = me.apiToken().isEmpty()
                && issuers().stream().anyMatch(i -> i.organizationId() == organizationId);
        if (!issuer) {
            refuse(organizationId, action);
        }
        return me;
    }

    private void refuse(long organizationId, String action) {
        auditLog.recordIndependently(AuditEntry.denied(API_TOKEN_REFUSED, organizationId,
                AuditSummary.of("refused-api-tokens", AuditSummary.action(action))));
        throw new AccessRefused();
    }
}
