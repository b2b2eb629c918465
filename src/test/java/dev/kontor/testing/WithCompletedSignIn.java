package dev.kontor.testing;

import dev.kontor.security.SecondStep;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Like {@code @WithUserDetails}, but a sign-in as it stands after the code step: with the second factor
 * ({@code FACTOR_TOTP}), which entering a customer's account asks for. {@code @WithUserDetails} gives the password's
 * sign-in only.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithCompletedSignIn.Factory.class, setupBefore = TestExecutionEvent.TEST_METHOD)
public @interface WithCompletedSignIn {

    /** The person's e-mail address. */
    String value();

    final class Factory implements WithSecurityContextFactory<WithCompletedSignIn> {

        private final UserDetailsService users;

        Factory(UserDetailsService users) {
            this.users = users;
        }

        @Override
        public SecurityContext createSecurityContext(WithCompletedSignIn annotation) {
            UserDetails user = users.loadUserByUsername(annotation.value());
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(SecondStep.TOTP_AUTHORITY));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(),
                    authorities));
            return context;
        }
    }
}
