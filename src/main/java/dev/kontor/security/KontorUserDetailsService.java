package dev.kontor.security;

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
import org.springframework.stereotype.Component;

/** Loads a person for sign-in: their password hash, lock state and the roles of their active memberships. */
@Component
class KontorUserDetailsService implements UserDetailsService {

    private final UserAccountService users;
    private final OrganizationService organizations;

    KontorUserDetailsService(UserAccountService users, OrganizationService organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        SignInCandidate candidate = users.findSignInCandidate(email)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        List<GrantedAuthority> authorities = organizations.activeRolesOf(candidate.userId()).stream()
                .map(MembershipRole::roleName)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new AuthenticatedUser(candidate.userId(), candidate.email(), candidate.displayName(),
                candidate.passwordHash(), candidate.locked(), authorities);
    }
}
