package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.audit.AuditLog;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.ProviderMemberships;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.user.UserAccountService;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code kontor.bootstrap.admin-name}, the first administrator's name, is checked like every other setting of the
 * first start before anything is created: a name that is too long or hides characters is refused with a clear line.
 * (A good name reaching the invitation, the mail and the dashboard: {@code InstallTutorialIT}.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorNameTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_name_with_a_line_break_or_too_long_is_refused_with_a_clear_line_and_nobody_is_registered(
            CapturedOutput output) {
        int people = jdbc.queryForObject("select count(*) from app_user", Integer.class);

        for (String name : new String[] {"Ida\nTech", "I".repeat(201)}) {
            assertThat(bootstrap("named-first@example.test", name).run())
                    .as(name.length() + " characters").isEqualTo(ProviderBootstrap.Outcome.REFUSED);
        }

        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ")
                && line.contains("kontor.bootstrap.admin-name must be a name of at most 200 characters on one line")))
                .hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(people);
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = 'named-first@example.test'",
                Integer.class)).isZero();
    }

    @Test
    void without_a_name_or_with_a_good_one_the_start_goes_on_to_find_the_administrator_who_exists() {
        assertThat(bootstrap("named-first@example.test", "").run())
                .isEqualTo(ProviderBootstrap.Outcome.ADMINISTRATOR_EXISTS);
        assertThat(bootstrap("named-first@example.test", "  Ida Tech ").run())
                .isEqualTo(ProviderBootstrap.Outcome.ADMINISTRATOR_EXISTS);
    }

    private ProviderBootstrap bootstrap(String email, String name) {
        return new ProviderBootstrap(context.getBean(ProviderMemberships.class),
                context.getBean(OrganizationOnboarding.class), context.getBean(OrganizationService.class),
                context.getBean(UserAccountService.class), context.getBean(InvitationService.class),
                context.getBean(ProviderMails.class), context.getBean(AuditLog.class),
                context.getBean(LockProvider.class), context.getBean(PlatformTransactionManager.class), email,
                ProviderBootstrap.DEFAULT_PROVIDER_NAME, name, context.getBean(dev.kontor.user.Callers.class));
    }
}
