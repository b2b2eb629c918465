package dev.kontor.access.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.kontor.partner.ui.ManagedCustomersView;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner user's open page learns at once, without a click, that the customer revoked the partnership: the server
 * pushes the news, the customer's data leaves the screen, the tab goes back to the partner's customers and the banner
 * says why. Going back is not an attempt to open the account: no refusal is audited for it.
 */
@ViewTest
class AccessEndsOnScreenViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    CustomerPartnerService customerSide;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private TestAccount customer;
    private long relationship;

    @BeforeEach
    void aPartnerWithACustomer() {
        partner = fixtures.partner("Pushed Partner");
        customer = fixtures.account("Alice");
        relationship = provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), customer.email("Alice"),
                customer.userId("Alice"));
    }

    @Test
    void a_revoked_partnership_takes_the_partner_back_to_their_customers_at_once() {
        fixtures.signIn(partner.adminEmail());
        navigate("access/" + customer.customerNumber(), AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        assertThat(getCurrentView()).isInstanceOf(dev.kontor.account.ui.DashboardView.class);
        assertThat(find(Span.class).withId("access-banner-text").single().getElement().getTextRecursively())
                .startsWith("You are working in Customer " + customer.tag());
        // the account's data open on the screen
        navigate("accounts/" + customer.customerNumber(), dev.kontor.account.ui.DashboardView.class);
        DialogSections.openAll();

        fixtures.as(customer.email("Alice"), () -> {
            customerSide.revoke(customer.id(), relationship);
            return null;
        });

        // no click: the page was told, checked again and was built anew
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> {
            roundTrip();
            assertThat(find(Div.class).withId("access-ended").exists()).isTrue();
        });
        // back where the partner came from, not the account page built anew and refused
        assertThat(getCurrentView()).isInstanceOf(ManagedCustomersView.class);
        assertThat(refusalsToOpen()).isZero();
        // the account dialog, open over the page, went with it
        assertThat(find(com.vaadin.flow.component.dialog.Dialog.class).all()).noneMatch(com.vaadin.flow.component.dialog.Dialog::isOpened);
        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(find(Div.class).withId("access-ended").single().getElement().getTextRecursively())
                .isEqualTo("Your access to the customer account ended: the customer changed or revoked your rights,"
                        + " or the partnership ended.");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Customer " + customer.tag());
    }

    /** "Open CN-… refused": the audit of an attempt to open the customer's account. */
    private int refusalsToOpen() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and summary like ?",
                Integer.class, "%Open " + customer.customerNumber() + "%");
    }
}
