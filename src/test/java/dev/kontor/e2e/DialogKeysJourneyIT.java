package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.kontor.testing.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The keyboard in Kontor's dialogs, in a real browser: the focus starts in the first field, Enter submits from a
 * field but not from a list or another button, Esc closes and asks first when something typed would be lost, and a
 * question that takes something away starts on Cancel.
 */
// its own application context: it adds managers, contacts and tenants
@TestPropertySource(properties = "kontor.test.context=dialog-keys-journey")
class DialogKeysJourneyIT extends EndToEndTest {

    @Test
    void a_manager_adds_a_manager_with_the_keyboard_alone_and_esc_never_loses_what_was_typed() {
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        page.locator("#add-manager").click();
        assertThat(page.locator("#new-manager-email input")).isFocused();

        // nothing typed yet: Esc closes at once
        page.keyboard().press("Escape");
        assertThat(page.locator("#add-manager-dialog")).hasCount(0);

        page.locator("#add-manager").click();
        assertThat(page.locator("#new-manager-email input")).isFocused();
        // Esc right after typing, the field still focused: what was typed is known before the decision
        page.keyboard().type("carla@sonnenschein.test");
        page.keyboard().press("Escape");
        Locator discard = page.locator("vaadin-confirm-dialog#confirm-discard");
        assertThat(discard).hasAttribute("opened", "");
        assertThat(discard.locator("vaadin-button[slot='cancel-button']")).isFocused();
        Accessibility.assertNoSeriousViolations(page, "discard question");
        screenshot("keys-01-discard-question");
        // Esc again, or Keep editing: back to the form as it was
        page.keyboard().press("Escape");
        // the question is gone once its closing has ended; until then the form behind it takes no keys
        assertThat(discard).hasCount(0);
        assertThat(page.locator("#new-manager-email input")).hasValue("carla@sonnenschein.test");
        assertThat(page.locator("#new-manager-email input")).isFocused();

        page.keyboard().press("Tab");
        page.keyboard().type("Carla Clausen");
        page.keyboard().press("Enter");
        assertThat(page.locator("#add-manager-dialog")).hasCount(0);
        assertThat(page.locator("vaadin-notification-card")).containsText("carla@sonnenschein.test");
        assertThat(page.locator("#managers")).containsText("Carla Clausen");
    }

    @Test
    void enter_on_cancel_cancels_and_a_question_that_takes_something_away_starts_on_cancel() {
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        page.locator("#add-contact").click();
        assertThat(page.locator("#contact-first-name input")).isFocused();
        page.keyboard().type("Greta");
        page.locator("#contact-dialog vaadin-button:has-text('Cancel')").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#contact-dialog")).hasCount(0);
        assertThat(page.locator("#contacts")).not().containsText("Greta");

        page.locator("[id^='deactivate-']").last().click();
        Locator question = page.locator("vaadin-confirm-dialog#confirm-manager-change");
        assertThat(question).hasAttribute("opened", "");
        assertThat(question.locator("vaadin-button[slot='cancel-button']")).isFocused();
        page.keyboard().press("Enter");
        assertThat(question).hasCount(0);
        assertThat(page.locator("#managers")).not().containsText("Deactivated");
    }

    @Test
    void enter_in_an_open_list_chooses_and_only_the_next_enter_submits() {
        signIn(DemoPeople.ANNA);
        page.navigate(url("/tenants"));
        page.locator("#new-tenant").click();
        assertThat(page.locator("#tenant-name input")).isFocused();
        page.keyboard().type("Sonnenschein Filiale Ost");
        page.locator("#tenant-master input").fill("Filiale Nord");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Filiale Nord")).waitFor();
        page.locator("#tenant-master input").press("ArrowDown");
        page.locator("#tenant-master input").press("Enter");
        // the list took its Enter: nothing was created yet
        assertThat(page.locator("#create-tenant")).isVisible();
        assertThat(page.locator("#tenant-master input")).hasValue(java.util.regex.Pattern.compile("Filiale Nord"));
        page.locator("#tenant-name input").press("Enter");
        assertThat(page.locator("#tenant-created")).containsText("Sonnenschein Filiale Ost");
        assertThat(page.locator("#add-administrator-created")).isFocused();
        screenshot("keys-02-tenant-created");
        page.keyboard().press("Escape");
        assertThat(page.locator("#new-tenant-dialog")).hasCount(0);

        // the Move dialog has one field, a list: Enter in the open list chooses, the next Enter moves
        page.locator("vaadin-grid#tenant-tree vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Sonnenschein Filiale Süd")).click();
        page.locator("#move-tenant").click();
        assertThat(page.locator("#move-target input")).isFocused();
        page.keyboard().type("Filiale Nord");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Filiale Nord")).waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("#submit-move")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("#move-tenant-dialog")).hasCount(0);
        assertThat(page.locator("vaadin-notification-card")).containsText("Sonnenschein Filiale Süd");
    }
}
