package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner user's rights in a customer's account come from an access session, which belongs to one browser tab. The
 * preview, prepared in that tab, may list places there; the job that applies them runs in the background, outside any
 * tab, so it holds no such right: each of those places is refused, audited and reported, and nothing is changed.
 */
@IntegrationTest
class ReplacementInAccessSessionTest {

    @Autowired
    PersonReplacement replacement;

    @Autowired
    ReplacementWorker worker;

    @Autowired
    AccessSessions sessions;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    /** Vaadin holds the current UI weakly: the test keeps its tab, as a browser session would. */
    private UI tab;

    @AfterEach
    void closeTheTab() {
        UI.setCurrent(null);
    }

    @Test
    void places_seen_only_inside_an_access_session_are_refused_when_the_background_job_applies_them() {
        TestPartner partner = fixtures.partner("Session partner");
        TestAccount customer = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), customer.email("Alice"),
                customer.userId("Alice"));
        // outside the session the partner may change nothing in the account: the preview lists nothing there
        assertThat(fixtures.as(partner.adminEmail(), () -> replacement.prepare(customer.email("Bob"), null).places()))
                .isZero();

        tab = new UI();
        UI.setCurrent(tab);
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(),
                new CustomerNumber(customer.customerNumber()), "TICKET-18"));
        PreparedReplacement prepared = fixtures.as(partner.adminEmail(),
                () -> replacement.prepare(customer.email("Bob"), null));
        assertThat(prepared.removable()).as("inside the session Bob's manager role can be removed").isOne();
        fixtures.as(partner.adminEmail(), () -> {
            replacement.selectAll(prepared.id());
            replacement.apply(prepared.id());
        });
        long deniedBefore = denials(partner.adminEmail(), customer.id());

        // the scheduler's thread: no browser tab, so no access session
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                worker.runFor(prepared.id());
            }
        }).join();

        ReplacementProgress done = fixtures.as(partner.adminEmail(), () -> replacement.progress(prepared.id()));
        assertThat(done.finished()).isTrue();
        assertThat(done.done()).isZero();
        assertThat(done.refused()).isOne();
        List<ReplacementItem> items = fixtures.as(partner.adminEmail(),
                () -> replacement.items(prepared.id(), PageRequest.of(0, 10)));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.result()).isEqualTo(ReplacementItem.Result.REFUSED);
            assertThat(item.resultMessage()).isEqualTo("replace.no-right-now");
        });
        assertThat(jdbc.queryForObject("select count(*) from membership where user_id = ? and organization_id = ? "
                + "and role = 'MANAGER' and state = 'ACTIVE'", Long.class, customer.userId("Bob"), customer.id()))
                .isOne();
        assertThat(denials(partner.adminEmail(), customer.id())).isEqualTo(deniedBefore + 1);
        fixtures.as(partner.adminEmail(), () -> sessions.leave());
    }

    private long denials(String email, long organization) {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ? "
                + "and organization_id = ?", Long.class, email, organization);
    }
}
