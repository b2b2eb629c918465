package dev.kontor.api;

import dev.kontor.base.ReadModel;
import dev.kontor.base.SecretTokens;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a bearer secret into the caller of one API request: the token's organization, in the role OrganizationAccess
 * gives tokens there. An unknown, malformed, expired or revoked secret authenticates nobody, all alike.
 */
@Component
@ReadModel(reads = "organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class ApiTokenAuthentication {

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;
    private final ApiLimits limits;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ApiTokenAuthentication(ApiTokenRepository tokens, JdbcClient jdbc, ApiLimits limits, Clock clock,
                           PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    static boolean looksLikeToken(String secret) {
        return secret != null && secret.startsWith(ApiTokens.PREFIX)
                && SecretTokens.looksValid(secret.substring(ApiTokens.PREFIX.length()));
    }

    Optional<AuthenticatedUser> authenticate(String secret) {
        if (!looksLikeToken(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transaction.execute(status -> tokens.findBySecretHash(SecretTokens.hash(secret))
                .filter(token -> token.isValidAt(now))
                .flatMap(token -> {
                    if (token.lastUseOlderThan(now, limits.lastUsedResolution())) {
                        tokens.touch(token.getId(), now, now.minus(limits.lastUsedResolution()));
                    }
                    return caller(token);
                }));
    }

    private Optional<AuthenticatedUser> caller(ApiToken token) {
        // a suspended (or closed) organization's tokens authenticate nobody, as its people can no longer act for it
        return jdbc.sql("SELECT name, kind FROM organization WHERE id = :id AND state = 'ACTIVE'")
                .param("id", token.getOrganizationId())
                .query((rs, row) -> {
                    boolean provider = "PROVIDER".equals(rs.getString(2));
                    ApiTokenIdentity identity = new ApiTokenIdentity(token.getId(), token.getName(),
                            token.getOrganizationId(), rs.getString(1), provider, token.getScope() == ApiScope.WRITE);
                    String role = provider ? Roles.PROVIDER_ADMINISTRATOR : Roles.LEGAL_REPRESENTATIVE;
                    return AuthenticatedUser.forApiToken(identity, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
                }).optional();
    }
}
