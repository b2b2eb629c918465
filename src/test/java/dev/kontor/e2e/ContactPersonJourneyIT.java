package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.testing.DemoPeople;
import org.junit.jupiter.api.Test;

/**
 * Anna, manager of CN-10001, makes Ben the contact person through the pencil, sees it kept after a reload, and is
 * refused when she then tries to take Ben's manager role away.
 */
class ContactPersonJourneyIT extends EndToEndTest {

    @Test
    void anna_makes_ben_the_contact_person_and_cannot_then_remove_his_manager_role() {
        signIn(DemoPeople.ANNA);

        Locator card = page.locator("#account-CN-10001");
        assertThat(card).containsText("Bäckerei Sonnenschein");
        assertThat(card).containsText("Cluster C-1042");
        assertThat(card).containsText("Anna Becker");
        Accessibility.assertNoSeriousViolations(page, "dashboard with account cards");
        screenshot("10-account-cards");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit data Bäckerei Sonnenschein"))
                .click();
        Locator dialog = page.locator("vaadin-dialog-overlay");
        assertThat(page).hasURL(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        assertThat(page.locator("#contact-person-name")).containsText("Anna Becker");
        Accessibility.assertNoSeriousViolations(page, "account data dialog");
        screenshot("11-account-dialog");

        page.locator("#edit-contact-person").click();
        page.locator("#contact-person-choice input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ben Schulz · ben@sonnenschein.test"))
                .click();
        screenshot("12-contact-person-choice");
        page.locator("#save-contact-person").click();
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");

        page.reload();
        // a reload draws the dialog anew, its sections folded
        openSections("contact-person", "managers");
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");

        Locator benRow = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Ben Schulz"));
        // the contact person's row offers nothing the service would refuse, and says why (the service still refuses)
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Remove manager role: Ben Schulz"))).hasCount(0);
        assertThat(benRow.locator("[id^=contact-person-stays-]")).isVisible();
        screenshot("13-contact-person-stays");
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");
        assertThat(dialog).isVisible();
        assertThat(benRow).containsText("Active");
        assertThat(benRow).containsText("Contact person");
    }

    @Test
    void a_bad_billing_address_is_explained_in_words_right_below_the_field_and_to_screen_readers() {
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));

        Locator field = page.locator("#billing-email");
        field.locator("input").fill("rechnung@sonnenschein");
        page.locator("#save-master-data").click();

        Locator message = field.locator("[slot=error-message]");
        assertThat(message).isVisible();
        assertThat(message).hasText("Enter a valid e-mail address, e.g. name@example.com.");
        // next to the field: just below its input, in the same column (the input box is measured a few pixels taller
        // while it still grows its invalid style, so its bottom is allowed to overlap the words slightly)
        var input = field.locator("input").boundingBox();
        var words = message.boundingBox();
        org.assertj.core.api.Assertions.assertThat(words.y).isBetween(input.y + input.height - 8,
                input.y + input.height + 40);
        org.assertj.core.api.Assertions.assertThat(words.x).isBetween(input.x - 16, input.x + 16);
        // the input names the message as its description, so a screen reader reads it with the field
        org.assertj.core.api.Assertions.assertThat(field.locator("input").getAttribute("aria-describedby")
                .split(" ")).contains(message.getAttribute("id"));
        screenshot("16-field-message");

        page.locator("#cancel-master-data").click();
        assertThat(message).not().isVisible();

        // Enter in another field saves like the button; the invalid field takes the focus, with its message
        field.locator("input").fill("rechnung@sonnenschein");
        page.locator("#postal-code input").click();
        page.keyboard().press("Enter");
        assertThat(message).isVisible();
        page.waitForFunction("() => document.activeElement && document.activeElement.closest('#billing-email')");
        page.locator("#cancel-master-data").click();
    }

    @Test
    void in_german_on_a_phone_clara_sees_her_overdue_confirmation_and_confirms_it() {
        context.close();
        context = newContext("de-DE", 390, 844);
        page = context.newPage();
        signIn(DemoPeople.CLARA);

        Locator card = page.locator("#account-CN-10002");
        assertThat(card).containsText("Bitte Kontaktdaten bestätigen");
        screenshot("14-phone-de-cards");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Daten bearbeiten Kanzlei Weber"))
                .click();
        assertThat(page.locator("#contact-confirmation")).containsText("Bestätigung überfällig");
        Accessibility.assertNoSeriousViolations(page, "account dialog on a phone, in German");
        screenshot("15-phone-de-dialog");

        openSections("contact-person", "managers", "contacts", "partners");
        page.locator("#confirm-contact-data").click();
        assertThat(page.locator("#contact-confirmation")).containsText("Kontaktdaten bestätigt am");
        page.locator("#close-account-dialog").click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("#account-CN-10002")).not().containsText("Bitte Kontaktdaten bestätigen");
    }

}
