package dev.kontor.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.kontor.security.ui.LoginView;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every request needs a signed-in person unless named here or marked {@code @AnonymousAllowed}; Vaadin's navigation
 * access control checks each view's own annotation. Service methods are guarded as well ({@code @PreAuthorize}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * As strict as Vaadin Flow allows without a frontend build: its bootstrap page starts the client engine with an
     * inline script, the engine turns the server's JavaScript expressions into functions ({@code 'unsafe-eval'}), and
     * the components set inline styles; Lumo's icons and fonts are data URLs; push uses a WebSocket to the same
     * origin, which {@code 'self'} covers. Nothing may be loaded from elsewhere, framed, or posted elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Kontor uses none of the browser's powerful features; no page (nor anything injected into one) may ask. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()", "geolocation=()", "gyroscope=()",
            "magnetometer=()", "microphone=()", "midi=()", "payment=()", "publickey-credentials-get=()",
            "screen-wake-lock=()", "serial=()", "usb=()", "xr-spatial-tracking=()");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
                                           VaadinDefaultRequestCache vaadinRequestCache,
                                           SavedPageOwner savedPageOwner, SecondStep secondStep) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // the error page of a request already refused (by the firewall, say) is shown to anybody, never sends
                // to sign-in; only the container's error dispatch reaches it, a request for /error does not
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // a new session id at sign-in, so that a session id planted before sign-in is worthless after it
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        // Vaadin's own CSRF setup also exempts the sign-in POST, so that a form on another site could sign a browser
        // in as the attacker. Only Vaadin's internal requests are exempt here: they carry Vaadin's own CSRF token.
        // The sign-in page puts Spring's token in its meta tags, and the login form posts it along.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                // before the response is produced: Vaadin's pages are written past Spring's commit hook (by a
                // forward to the Vaadin servlet), and would otherwise go out without any of these
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                // tokens of invitations and requests sit in URL paths: never hand them to another site
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // on every response that came over TLS (directly or, behind a trusted proxy, by X-Forwarded-Proto)
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        // redirects by path only: never to the host a (forged) Host header names
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn)
                .accessDeniedHandler(new SignInPageExpired(new AccessDeniedHandlerImpl())));
        // Vaadin's configurer takes this one instead of making its own, and then wires no request cache into it
        SignedInRedirect signedIn = new SignedInRedirect(savedPageOwner, secondStep);
        signedIn.setRequestCache(vaadinRequestCache);
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, signedIn);
        // Vaadin's configurer sets only the page and the success handler, and keeps this failure handler
        http.formLogin(form -> form.failureHandler(new SignInFailureKeepsEmail()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)
                // unknown addresses: signed-out visitors go to sign-in, signed-in people get the not-found page
                .anyRequest(anyOther -> anyOther.authenticated()));
        return http.build();
    }

    /** Stores new passwords with bcrypt and still reads any format the delegating encoder knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
