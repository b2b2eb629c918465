package dev.kontor.security;

import dev.kontor.user.Callers;
import dev.kontor.base.SecretTokens;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.SignInCandidate;
import dev.kontor.user.UserAccountService;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Loads a person for sign-in: their password hash and the roles of their active memberships. A person without a
 * password (invited, not accepted yet) is disabled, but carries a stand-in hash that sign-in checks all the same:
 * refusing them costs one bcrypt comparison, like a wrong password, so the time taken tells nothing.
 */
@Component
class KontorUserDetailsService implements UserDetailsService {

    private final UserAccountService users;
    private final OrganizationService organizations;
    private final PasswordEncoder passwordEncoder;
    private volatile String standInHash;

    private final Callers callers;

    KontorUserDetailsService(UserAccountService users, OrganizationService organizations,
                             PasswordEncoder passwordEncoder, Callers callers) {
        this.callers = callers;
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        // nobody is signed in yet: the application itself looks the typed address up
        SignInCandidate candidate = users.findSignInCandidate(callers.task("sign-in"), email)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        List<GrantedAuthority> authorities = organizations.activeRolesOf(callers.task("sign-in"),
                        candidate.userId())
                .stream()
                .map(MembershipRole::roleName)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        boolean hasPassword = candidate.passwordHash() != null;
        return new AuthenticatedUser(candidate.userId(), candidate.email(), candidate.displayName(),
                hasPassword ? candidate.passwordHash() : standInHash(), hasPassword, false, authorities);
    }

    /** The hash of a random secret that is thrown away at once: no password ever matches it. */
    private String standInHash() {
        String hash = standInHash;
        if (hash == null) {
            hash = passwordEncoder.encode(SecretTokens.newToken());
            standInHash = hash;
        }
        return hash;
    }
}
