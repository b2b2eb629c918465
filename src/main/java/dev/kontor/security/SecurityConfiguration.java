package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.kontor.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request needs a signed-in person unless named here or marked {@code @AnonymousAllowed}; Vaadin's navigation
 * access control checks each view's own annotation. Service methods are guarded as well ({@code @PreAuthorize}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // a new session id at sign-in, so that a session id planted before sign-in is worthless after it
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
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
