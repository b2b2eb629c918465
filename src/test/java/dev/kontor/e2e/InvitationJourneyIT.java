package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.account.ManagerService;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Anna invites a new manager; the invitation reaches the demo mailbox; the new manager follows the link, chooses a
 * password (a weak one is refused first), signs in and finds the account.
 */
@Import({Fixtures.class, Outbox.class})
class InvitationJourneyIT extends EndToEndTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    ManagerService managers;

    private static final String NEWCOMER = "nina@sonnenschein.test";

    @Test
    void a_new_manager_is_invited_accepts_by_the_mailed_link_and_signs_in() {
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        page.locator("#add-manager").click();
        page.locator("#new-manager-email input").fill(NEWCOMER);
        page.locator("#new-manager-name input").fill("Nina Neumann");
        Accessibility.assertNoSeriousViolations(page, "add manager dialog");
        screenshot("20-add-manager");
        page.locator("#submit-new-manager").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Invitation sent to " + NEWCOMER);
        Locator nina = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Nina Neumann"));
        assertThat(nina).containsText("Invited");
        page.locator("#close-account-dialog").click();
        page.locator("#sign-out").click();
        assertThat(page.locator("vaadin-login-form")).isVisible();

        page.navigate(url("/dev/mailbox"));
        page.locator("vaadin-grid#mailbox vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Invitation to manage Bäckerei Sonnenschein")).first()
                .click();
        Locator link = page.locator("#mail-body a").first();
        assertThat(link).hasAttribute("href", java.util.regex.Pattern.compile("/invitation/"));
        screenshot("21-mailbox-invitation");
        page.navigate(link.getAttribute("href").replace("http://localhost:8080", url("")));

        assertThat(page.locator("#invitation-text")).containsText("Bäckerei Sonnenschein (CN-10001)");
        page.locator("#new-password input").fill("password1234");
        page.locator("#repeat-password input").fill("password1234");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#new-password")).hasAttribute("invalid", "");
        Accessibility.assertNoSeriousViolations(page, "invitation page");
        screenshot("22-invitation-weak-password");

        page.locator("#new-password input").fill("quiet rivers carry old maps");
        page.locator("#repeat-password input").fill("quiet rivers carry old maps");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#invitation-accepted")).containsText("You are now a manager of Bäckerei");
        screenshot("23-invitation-accepted");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in now")).click();
        signIn(page, NEWCOMER, "quiet rivers carry old maps");
        assertThat(page.locator("#signed-in-person")).hasText("Nina Neumann");
        assertThat(page.locator("#account-CN-10001")).containsText("Bäckerei Sonnenschein");
    }

    @Test
    void a_person_who_has_a_password_signs_in_from_the_invitation_comes_back_and_accepts() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), known, "Kim Typed",
                Locale.ENGLISH));
        String token = outbox.invitationTokenFor(known);

        page.navigate(url("/invitation/" + token));
        assertThat(page.locator("#invitation-text")).containsText("Hello Kim Typed");
        assertThat(page.locator("#new-password")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "invitation, signed out");
        screenshot("25-invitation-sign-in-to-accept");
        page.locator("#sign-in-to-accept").click();
        page.locator("vaadin-login-form input[name=username]").fill(known);
        page.locator("vaadin-login-form input[name=password]").fill(Fixtures.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

        assertThat(page.locator("#invitation-answer-as")).containsText(known);
        assertThat(page).hasURL(Pattern.compile("/invitation/" + token + "$"));
        Accessibility.assertNoSeriousViolations(page, "invitation, signed in");
        screenshot("26-invitation-signed-in");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#invitation-accepted")).containsText(account.label());

        page.navigate(url("/"));
        assertThat(page.locator("#account-" + account.customerNumber())).isVisible();
    }

    @Test
    void a_forged_invitation_link_gets_a_clear_page() {
        page.navigate(url("/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(page.locator("#invitation-closed")).containsText("This link is not valid");
        Accessibility.assertNoSeriousViolations(page, "closed invitation page");
        screenshot("24-invitation-forged");
    }


}
