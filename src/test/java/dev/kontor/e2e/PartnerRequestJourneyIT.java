package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kontor.organization.OrganizationRight.BILLING;
import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;

import dev.kontor.partner.TestRequests;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.NewCustomer;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A customer manager opens a partner's request link while signed out, follows "Sign in to answer", signs in, lands
 * back on the request, grants fewer rights than asked and finds the partner in the account's Partners section. A
 * manager new to Kontor chooses their password on the request page (a weak one is refused first) and signs in.
 */
@Import({Fixtures.class, TestRequests.class})
class PartnerRequestJourneyIT extends EndToEndTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRequests requests;

    @Test
    void a_signed_out_manager_signs_in_from_the_request_comes_back_and_grants_fewer_rights() {
        TestAccount account = fixtures.account("Alice");
        TestPartner partner = fixtures.partner("Journey Hosting");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS, BILLING), partner.legalUserId());

        page.navigate(url("/partner-request/" + request.token()));
        assertThat(page.locator("#partner-request-text")).containsText(partner.name() + " asks for access");
        assertThat(page.locator("#requested-rights"))
                .containsText("See the account, Manage users, Manage contacts, Billing");
        Accessibility.assertNoSeriousViolations(page, "partner request, signed out");
        screenshot("40-partner-request-signed-out");

        page.locator("#sign-in-to-answer").click();
        page.locator("vaadin-login-form input[name=username]").fill(account.email("Alice"));
        page.locator("vaadin-login-form input[name=password]").fill(Fixtures.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

        assertThat(page.locator("#answer-as")).containsText("You answer as Alice");
        assertThat(page).hasURL(Pattern.compile("/partner-request/" + request.token() + "$"));
        page.locator("#right-BILLING input").uncheck();
        Accessibility.assertNoSeriousViolations(page, "partner request, signed in");
        screenshot("41-partner-request-answer");
        page.locator("#accept-request").click();

        assertThat(page.locator("#request-answered")).containsText("See the account, Manage users, Manage contacts.");
        org.assertj.core.api.Assertions.assertThat(requests.grantedRights(request.id()))
                .isEqualTo("VIEW,MANAGE_USERS,MANAGE_CONTACTS");

        page.locator("#after-answer").click();
        openSections("partners");
        assertThat(page.locator("#partner-" + request.id())).containsText(partner.name());
        assertThat(page.locator("#partner-" + request.id())).containsText("Manage contacts");
        Accessibility.assertNoSeriousViolations(page, "account data dialog with partners");
        screenshot("42-account-partners");
    }

    @Test
    void a_new_manager_chooses_a_password_on_the_request_page_accepts_and_signs_in() {
        TestPartner partner = fixtures.partner("Founding Hosting");
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), partner.legalUserId());

        page.navigate(url("/partner-request/" + request.token()));
        page.locator("#right-MANAGE_USERS input").uncheck();
        page.locator("#new-password input").fill("password1234");
        page.locator("#repeat-password input").fill("password1234");
        page.locator("#accept-request").click();
        assertThat(page.locator("#new-password")).hasAttribute("invalid", "");

        page.locator("#new-password input").fill("patient gardens grow slowly");
        page.locator("#repeat-password input").fill("patient gardens grow slowly");
        Accessibility.assertNoSeriousViolations(page, "partner request, new manager");
        screenshot("43-partner-request-new-manager");
        page.locator("#accept-request").click();
        assertThat(page.locator("#request-answered")).containsText("See the account, Manage contacts.");

        page.locator("#after-answer").click();
        signIn(page, customer.managerEmail(), "patient gardens grow slowly");
        assertThat(page.locator("#account-" + customer.customerNumber())).containsText("Nina");
    }
}
