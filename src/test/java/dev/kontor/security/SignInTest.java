package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kontor.audit.AuditEvent;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditOutcome;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.SystemTask;
import dev.kontor.user.UserAccountService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class SignInTest {

    private static final String PASSWORD = "a long and unguessable sentence 42";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountService users;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditLog auditLog;

    @Test
    void the_right_password_signs_in_whatever_the_case_of_the_address() throws Exception {
        mvc.perform(formLogin("/login").user("Anna@Sonnenschein.TEST").password(DemoPeople.PASSWORD))
                .andExpect(authenticated().withUsername(DemoPeople.ANNA));
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer() throws Exception {
        var wrongPassword = mvc.perform(formLogin("/login").user(DemoPeople.BEN).password("wrong"))
                .andExpect(unauthenticated()).andReturn().getResponse();
        var unknownUser = mvc.perform(formLogin("/login").user("nobody@nowhere.test").password("wrong"))
                .andExpect(unauthenticated()).andReturn().getResponse();

        assertThat(wrongPassword.getStatus()).isEqualTo(unknownUser.getStatus());
        assertThat(wrongPassword.getRedirectedUrl()).isEqualTo(unknownUser.getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void repeated_failures_lock_the_account_for_a_while_and_are_audited() throws Exception {
        String email = "lock-" + UUID.randomUUID() + "@example.test";
        SystemTask.run(() -> {
            var partner = onboarding.createPartner("Lock test partner",
                    onboarding.createProvider("Lock test provider").getId());
            var user = users.registerWithPasswordHash(new EmailAddress(email), "Lock Test",
                    passwordEncoder.encode(PASSWORD));
            onboarding.grant(user.getId(), partner.getId(), MembershipRole.PARTNER_EMPLOYEE);
        });

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(formLogin("/login").user(email).password("wrong " + attempt))
                    .andExpect(unauthenticated());
        }
        // locked now: even the right password is refused, with the same answer as any failure
        mvc.perform(formLogin("/login").user(email).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?error"));

        List<AuditEvent> locks = SystemTask.call(() -> auditLog.latest("ACCOUNT_LOCKED"));
        assertThat(locks).anySatisfy(event -> assertThat(event.getActorEmail()).isEqualTo(email));
        List<AuditEvent> failures = SystemTask.call(() -> auditLog.latest("SIGN_IN_FAILED"));
        assertThat(failures).filteredOn(event -> email.equals(event.getActorEmail())).hasSize(6)
                .anySatisfy(event -> assertThat(event.getOutcome()).isEqualTo(AuditOutcome.DENIED));
    }
}
