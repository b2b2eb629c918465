package dev.kontor.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API's own filter chain, ahead of Vaadin's (which takes every other request): stateless, bearer tokens only, no
 * session, no cookie, so no CSRF to guard against, and answers in problem details rather than a sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenAuthentication authentication,
                                       ApiRateLimits limits, ApiProblems problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
                .addFilterBefore(new ApiTokenFilter(authentication, limits, problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi.json").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "api.error.unauthenticated", ApiProblems.languageOf(request)), null))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                problems.problem(HttpStatus.FORBIDDEN, "forbidden", "api.error.forbidden",
                                        ApiProblems.languageOf(request)), null)));
        return http.build();
    }

    /**
     * Spring Security's firewall, with one change: a header value may hold the characters U+0080 to U+009F. The
     * servlet container reads header bytes as ISO-8859-1, so UTF-8 text such as "\u2013" or "\u20ac" (a reason in the
     * Kontor-Access-Reason header) arrives holding them; refused by the firewall, such a request got Vaadin's sign-in
     * page instead of an answer. The API decodes the reason as UTF-8 and checks it as any text (control characters
     * left after decoding are a 422 problem). A tab, which HTTP allows in a header value, passes too, to be refused
     * as a control character by the same check; the other C0 controls never get here (Tomcat refuses them, answered
     * as a problem for the API by {@link ApiServerErrors}).
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> value.chars()
                .allMatch(c -> (c >= 0x20 || c == '\t') && c != 0x7F && c <= 0xFF));
        return firewall;
    }
}
