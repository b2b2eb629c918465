package dev.kontor.partner.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.AccountService;
import dev.kontor.account.MasterData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.SentRequest;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer renames itself and chooses another contact person after its partnership ended: the former partner's
 * grid, the granted-rights review and the sent requests still show it as it was when the partnership ended.
 */
@ViewTest
class FormerCustomerViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerService partners;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountProvisioning accountProvisioning;

    @Test
    void the_former_partner_sees_the_customer_as_it_was_when_the_partnership_ended() {
        TestPartner partner = fixtures.partner("Former View");
        TestAccount customer = fixtures.account("Alice", "Bob");
        long relationship = provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW), customer.email("Alice"), customer.userId("Alice"));
        fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.id(), relationship, Locale.ENGLISH));

        String oldName = "Customer " + customer.tag();
        fixtures.as(customer.email("Alice"), () -> {
            AccountDetails details = accounts.details(new CustomerNumber(customer.customerNumber()));
            MasterData data = details.masterData();
            accounts.updateMasterData(details.accountId(), details.version(), new MasterData("Renamed "
                    + customer.tag(), data.street(), data.postalCode(), data.city(), data.country(),
                    data.billingEmail(), data.emergencyPhone()));
            AccountDetails renamed = accounts.details(new CustomerNumber(customer.customerNumber()));
            accounts.changeContactPerson(renamed.accountId(), renamed.version(), customer.userId("Bob"));
        });
        accountProvisioning.recordPaymentMethod(TestTasks.setUp(), customer.id(), true);

        fixtures.signIn(partner.legalEmail());
        navigate(ManagedCustomersView.class);
        test(find(Checkbox.class).withId("show-ended").single()).click();
        test(find(TextField.class).withId("customer-filter").single()).setValue(customer.tag());

        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(customersGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(ManagedCustomersViewTest.customer(grid, 0)).containsExactly(oldName, customer.customerNumber());
        assertThat(grid.getCellText(0, 3)).isEqualTo("Alice");
        assertThat(grid.getLitRendererPropertyValue(0, "state", "review", Boolean.class))
                .as("an ended partnership offers no review").isFalse();
        assertThat(grid.getLitRendererPropertyValue(0, "actions", "active", Boolean.class))
                .as("nor access nor anything else").isFalse();

        // the review is drawn from the row: it too names the customer as it was, without the payment method now on file
        ReviewRightsDialog review = new ReviewRightsDialog(partners, partner.id(), grid.getRow(0), () -> { });
        assertThat(review.getElement().getProperty("ariaLabel")).isEqualTo("Granted rights of " + oldName + " ("
                + customer.customerNumber() + ")");
        assertThat(((Paragraph) review.getChildren().filter(c -> "payment-method".equals(c.getId().orElse(null)))
                .findFirst().orElseThrow()).getText()).isEqualTo("No payment method is on file.");

        test(find(TextField.class).withId("customer-filter").single()).setValue("Renamed " + customer.tag());
        assertThat(test(customersGrid()).size()).as("the new name finds nothing").isZero();

        navigate(SentRequestsView.class);
        @SuppressWarnings("unchecked")
        GridTester<Grid<SentRequest>, SentRequest> sent = test(find(Grid.class).withId("sent-requests").single());
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.getCellText(0, 0)).isEqualTo(oldName + " (" + customer.customerNumber() + ")");
    }

    @SuppressWarnings("unchecked")
    private Grid<ManagedCustomer> customersGrid() {
        return find(Grid.class).withId("managed-customers").single();
    }
}
