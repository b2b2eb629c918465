package dev.kontor.user;

import dev.kontor.base.SignedInPerson;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in person; it carries their user id so that services never look it up by name. */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, SignedInPerson {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final List<GrantedAuthority> authorities;
    private final ApiTokenIdentity apiToken;

    public AuthenticatedUser(long userId, String email, String displayName, String passwordHash, boolean locked,
                             Collection<? extends GrantedAuthority> authorities) {
        this(userId, email, displayName, passwordHash, passwordHash != null, locked, authorities);
    }

    /**
     * With {@code enabled} given apart from the hash: sign-in checks a stand-in hash for a person without a password
     * (invited, not yet accepted), so that refusing them takes as long as refusing a wrong password.
     */
    public AuthenticatedUser(long userId, String email, String displayName, String passwordHash, boolean enabled,
                             boolean locked, Collection<? extends GrantedAuthority> authorities) {
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.authorities = List.copyOf(authorities);
        this.apiToken = null;
    }

    private AuthenticatedUser(ApiTokenIdentity token, Collection<? extends GrantedAuthority> authorities) {
        // a user id that names nobody: whatever looks the caller up by user id finds no membership and grants nothing
        this.userId = -token.tokenId();
        this.email = token.actorName();
        this.displayName = token.actorName();
        this.passwordHash = null;
        this.enabled = true;
        this.locked = false;
        this.authorities = List.copyOf(authorities);
        this.apiToken = token;
    }

    /**
     * The caller of one API request made with a token. Its user id is negative and belongs to no person, so that only
     * the checks that know about tokens ({@link #apiToken()}) grant it anything.
     */
    public static AuthenticatedUser forApiToken(ApiTokenIdentity token,
                                                Collection<? extends GrantedAuthority> authorities) {
        return new AuthenticatedUser(token, authorities);
    }

    /** The API token this caller is, if it is one rather than a signed-in person. */
    public java.util.Optional<ApiTokenIdentity> apiToken() {
        return java.util.Optional.ofNullable(apiToken);
    }

    public long userId() {
        return userId;
    }

    /**
     * The person to record as having done something, for columns that name a user; none for an API token, which the
     * audit log names instead.
     */
    public Long personId() {
        return apiToken == null ? userId : null;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticatedUser other && other.userId == userId
                && java.util.Objects.equals(other.apiToken, apiToken);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[" + userId + ", " + email + "]";
    }
}
