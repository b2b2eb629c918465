package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.internal.UIFactory;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.server.VaadinSession;
import dev.kontor.access.ui.AccessStartView;
import dev.kontor.account.AccountService;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reload, or an address typed into the tab, builds a new page (a new Vaadin UI) in the same browser tab: the access
 * session goes on there, checked again; another tab of the same browser stays outside, and a session that is not the
 * person's own or has ended is never taken up.
 */
@ViewTest
class AccessAcrossReloadsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    AccessSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    MutableClock clock;

    private TestPartner partner;
    private TestAccount customer;

    @BeforeEach
    void aPartnerWithACustomer() {
        partner = fixtures.partner("Reloading Partner");
        customer = fixtures.account("Alice");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), customer.email("Alice"),
                customer.userId("Alice"));
        fixtures.signIn(partner.adminEmail());
        nameThisTab("v-tab-one");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void a_reload_in_the_same_tab_keeps_the_banner_and_the_rights() {
        enter();

        reloadIn("v-tab-one");
        navigate("accounts/" + customer.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        assertThat(find(Span.class).withId("access-banner-text").single().getElement().getTextRecursively())
                .startsWith("You are working in Customer " + customer.tag());
        assertThat(accounts.details(new CustomerNumber(customer.customerNumber())).viewerMayManageUsers()).isTrue();
        reloadIn("v-tab-one");
        navigate("", DashboardView.class);
        assertThat(find(Span.class).withId("access-banner-text").exists()).isTrue();
    }

    @Test
    void another_tab_of_the_same_browser_stays_outside_the_session() {
        enter();

        reloadIn("v-tab-two");
        navigate("", DashboardView.class);

        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(sessions.current()).isEmpty();
        assertThatThrownBy(() -> accounts.details(new CustomerNumber(customer.customerNumber())))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void another_persons_session_named_for_this_tab_is_not_taken_up() {
        TestPartner other = fixtures.partner("Other Reloading Partner");
        TestAccount theirs = fixtures.account("Bert");
        provisioning.importActiveRelationship(TestTasks.setUp(), other.id(), theirs.id(),
                EnumSet.of(OrganizationRight.VIEW), theirs.email("Bert"), theirs.userId("Bert"));
        UI mine = UI.getCurrent();
        UI.setCurrent(new UI());
        long theirSession = fixtures.as(other.adminEmail(),
                () -> sessions.start(other.id(), new CustomerNumber(theirs.customerNumber()), null).sessionId());
        UI.setCurrent(mine);

        tabs().byWindow.put("v-tab-one", theirSession);
        reloadIn("v-tab-one");
        navigate("", DashboardView.class);

        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(find(Div.class).withId("access-ended").exists()).isFalse();
        assertThat(sessions.current()).isEmpty();
        assertThatThrownBy(() -> accounts.details(new CustomerNumber(theirs.customerNumber())))
                .isInstanceOf(AccessRefused.class);
        assertThat(tabs().byWindow).doesNotContainKey("v-tab-one");
    }

    @Test
    void a_session_that_ended_meanwhile_is_not_taken_up_and_the_reloaded_page_says_why() {
        enter();
        clock.advance(Duration.ofMinutes(31));

        reloadIn("v-tab-one");
        navigate("", DashboardView.class);

        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(find(Div.class).withId("access-ended").single().getElement().getTextRecursively())
                .startsWith("Your access to the customer account ended after a while without activity.");
        assertThatThrownBy(() -> accounts.details(new CustomerNumber(customer.customerNumber())))
                .isInstanceOf(AccessRefused.class);
        assertThat(tabs().byWindow).doesNotContainKey("v-tab-one");
    }

    @Test
    void a_session_of_a_tab_that_cannot_be_recognized_ends_with_its_page_audited_and_the_next_page_says_so() {
        nameThisTab(null);
        enter();
        long session = sessions.current().orElseThrow().sessionId();

        reloadIn(null);

        // the reloaded page itself says so, once
        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(find(Div.class).withId("access-ended").single().getElement().getTextRecursively())
                .startsWith("Your access to Customer " + customer.tag());
        assertThat(sessions.customerOf(session)).isEmpty();
        assertThat(auditTrail.latest(AccessSessions.ENDED)).anySatisfy(event -> {
            assertThat(event.getOrganizationId()).isEqualTo(customer.id());
            assertThat(event.getSummary()).contains("its browser tab was reloaded or closed and could not be recognized");
        });
    }

    private void enter() {
        navigate("access/" + customer.customerNumber(), AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        assertThat(find(Span.class).withId("access-banner-text").exists()).isTrue();
    }

    /** The page is built anew in a tab with this window name, as a reload (or a new tab) builds it. */
    private void reloadIn(String windowName) {
        MockVaadin.closeCurrentUI(true);
        MockVaadin.createUI((UIFactory) MockedUI::new, VaadinSession.getCurrent());
        nameThisTab(windowName);
    }

    private static void nameThisTab(String windowName) {
        ExtendedClientDetails.updateFromValues(UI.getCurrent(), key -> "v-wn".equals(key) ? windowName : null);
    }

    private static AccessTab.Tabs tabs() {
        return VaadinSession.getCurrent().getAttribute(AccessTab.Tabs.class);
    }
}
