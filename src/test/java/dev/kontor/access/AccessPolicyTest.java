package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer stays in control: a reason may be required, and the contact person told (at most hourly). */
@IntegrationTest
class AccessPolicyTest {

    private UI tab;

    @Autowired
    AccessPolicyService policies;

    @Autowired
    AccessSessions sessions;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    private Fixtures.TestPartner partner;
    private Fixtures.TestAccount account;
    private CustomerNumber number;

    @BeforeEach
    void aPartnershipAndATab() {
        // Vaadin holds the current UI weakly: the test keeps it, as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
        partner = fixtures.partner("Careful");
        account = fixtures.account("Alice", "Bob");
        number = new CustomerNumber(account.customerNumber());
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
    }

    @AfterEach
    void closeTheTab() {
        clock.reset();
    }

    @Test
    void a_required_reason_is_asked_for_before_the_partner_enters() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, false));

        assertThat(fixtures.as(partner.adminEmail(), () -> sessions.entrance(partner.id(), number).reasonRequired()))
                .isTrue();
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, " ")))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo("reason"));

        CurrentAccess access = fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, "T-1"));
        assertThat(access.reason()).isEqualTo("T-1");
    }

    @Test
    void the_contact_person_is_told_when_a_partner_enters_at_most_once_an_hour() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), false, true));

        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, "T-2"));
        fixtures.as(partner.adminEmail(), () -> sessions.leave());
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, null));
        assertThat(outbox.to(account.email("Alice"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains(partner.name(), account.customerNumber());
            assertThat(mail.body()).contains("Reason given: T-2");
        });

        clock.advance(Duration.ofMinutes(61));
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, null));
        assertThat(outbox.to(account.email("Alice"))).hasSize(2);
        assertThat(outbox.to(account.email("Bob"))).isEmpty();
    }

    @Test
    void only_the_accounts_own_managers_change_the_rules_not_a_partner_inside_it() {
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, null));

        assertThat(fixtures.as(partner.adminEmail(), () -> policies.rulesOf(account.id())).viewerMayChange())
                .isFalse();
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> policies.change(account.id(), false, false)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(account.email("Bob"), () -> policies.rulesOf(account.id())).viewerMayChange())
                .isTrue();
    }
}
