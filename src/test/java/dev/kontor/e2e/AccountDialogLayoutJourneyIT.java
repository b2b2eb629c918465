package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import dev.kontor.testing.DemoPeople;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account data dialog as a new manager meets it, on a laptop (1366 × 768) and on a phone (390 × 844): the account
 * data on top with one Save of their own, the managers' badges in one column, and the contact person chooser, which
 * shows names whole and is worked with the keyboard, Esc closing the chooser and not the dialog.
 */
class AccountDialogLayoutJourneyIT extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void on_a_laptop_the_account_data_come_first_the_badges_line_up_and_the_chooser_works_with_the_keyboard() {
        context.close();
        context = newContext("en-US", 1366, 768);
        page = context.newPage();
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        Locator dialog = page.locator("vaadin-dialog-overlay");
        assertThat(page.locator("#master-data")).isVisible();
        openSections("contact-person", "managers", "contacts", "partners");

        org.assertj.core.api.Assertions.assertThat(box("#master-data").y).as("account data above the contact person")
                .isLessThan(box("#contact-person-section").y);
        assertThat(page.locator("#save-master-data")).hasText("Save account data");
        List<Double> badgeColumns = page.locator("#managers .manager-row > .tag-cell").all().stream()
                .map(cell -> cell.boundingBox().x).toList();
        org.assertj.core.api.Assertions.assertThat(badgeColumns).as("the badges' column on every row").hasSizeGreaterThan(1)
                .allSatisfy(x -> org.assertj.core.api.Assertions.assertThat(x).isCloseTo(badgeColumns.getFirst(),
                        org.assertj.core.data.Offset.offset(1.0)));
        Accessibility.assertNoSeriousViolations(page, "account data dialog at 1366 x 768");
        screenshot("t13-account-dialog-1366");

        page.locator("#edit-contact-person").click();
        Locator input = page.locator("#contact-person-choice input");
        assertThat(input).isFocused();
        org.assertj.core.api.Assertions.assertThat((Boolean) input.evaluate("i => i.scrollWidth <= i.clientWidth"))
                .as("the chosen name fits the field").isTrue();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("vaadin-combo-box-item").first()).isVisible();
        screenshot("t13-contact-person-chooser-1366");
        page.keyboard().press("Escape");
        assertThat(page.locator("vaadin-combo-box-item").first()).not().isVisible();
        assertThat(page.locator("#save-contact-person")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#save-contact-person")).not().isVisible();
        assertThat(page.locator("#edit-contact-person")).isVisible();
        assertThat(dialog).isVisible();

        // review 29: the deputy with the keyboard alone. One arrow opens the list with no name highlighted: Enter
        // then stores nothing and keeps the chooser; two arrows highlight Ben, Enter saves him, says so and leaves
        // the focus on the deputy's pencil
        jdbc.update("update customer_account set deputy_id = null, contact_person_id = (select id from app_user "
                + "where email = ?) "
                + "where organization_id = (select id from organization where customer_number = 'CN-10001')",
                DemoPeople.ANNA);
        page.reload();
        openSections("contact-person");
        page.locator("#edit-deputy").click();
        assertThat(page.locator("#deputy-choice input")).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("vaadin-combo-box-item").first()).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("#save-deputy")).isVisible();
        assertThat(page.locator("#deputy-choice input")).isFocused();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        // on a busy machine the list may still be opening: Enter only once Ben is the highlighted one
        assertThat(page.locator("vaadin-combo-box-item[focused]")).containsText("Ben Schulz");
        page.keyboard().press("Enter");
        assertThat(page.locator("#deputy-name")).containsText("Ben Schulz");
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Ben Schulz is now the deputy."))).isVisible();
        assertThat(page.locator("#edit-deputy")).isFocused();
        screenshot("t13-deputy-saved-by-enter-1366");
    }

    /**
     * Review 29: the refusal of a contact changed meanwhile (by another tab) was a notice that covered the Edit contact
     * dialog's title. It is said inside the dialog now, below the title and with the input kept, and shows the value
     * the other tab saved below the field on request.
     */
    @Test
    void a_contact_changed_meanwhile_is_said_inside_the_edit_contact_dialog_below_its_title() {
        context.close();
        context = newContext("en-US", 1366, 768);
        page = context.newPage();
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contacts");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Edit contact: Paul Pfeiffer")).click();
        Locator edit = page.locator("vaadin-dialog-overlay#contact-dialog, #contact-dialog");
        assertThat(page.locator("#contact-job-title")).isVisible();
        // the other tab saves first
        jdbc.update("update contact set version = version + 1, job_title = 'From the other tab' "
                + "where first_name = 'Paul' and last_name = 'Pfeiffer'");
        page.locator("#contact-job-title input").fill("Boss from this tab");
        page.locator("#save-contact").click();
        Locator box = page.locator(".changed-meanwhile").filter(new Locator.FilterOptions()
                .setHasText("Someone else saved a change to this data in the meantime"));
        assertThat(box).isVisible();
        assertThat(page.locator("#contact-job-title input")).hasValue("Boss from this tab");
        BoundingBox header = page.locator("#contact-dialog").evaluateHandle(
                "d => d.shadowRoot.querySelector('vaadin-dialog-overlay').shadowRoot.querySelector('[part~=header]')")
                .asElement().boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.boundingBox().y)
                .as("the refusal below the Edit contact dialog's title")
                .isGreaterThanOrEqualTo(header.y + header.height - 1);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show current values")).click();
        assertThat(page.locator("#contact-job-title")).containsText("Saved meanwhile: From the other tab");
        assertThat(page.locator("#contact-job-title input")).hasValue("Boss from this tab");
        page.waitForTimeout(300);
        screenshot("t13-contact-changed-meanwhile-1366");
        org.assertj.core.api.Assertions.assertThat(edit.count()).isPositive();
    }

    @Test
    void on_a_phone_the_dialog_fits_and_the_badges_wrap_inside_their_rows() {
        context.close();
        context = newContext("en-US", 390, 844);
        page = context.newPage();
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        assertThat(page.locator("#master-data")).isVisible();

        openSections("contact-person", "managers", "contacts", "partners");
        for (Locator row : page.locator("#managers .manager-row").all()) {
            BoundingBox outer = row.boundingBox();
            for (Locator tag : row.locator(".tag").all()) {
                BoundingBox inner = tag.boundingBox();
                org.assertj.core.api.Assertions.assertThat(inner.x + inner.width).as("a badge inside its row")
                        .isLessThanOrEqualTo(outer.x + outer.width + 1);
            }
        }
        Accessibility.assertNoSeriousViolations(page, "account data dialog at 390 x 844");
        screenshot("t13-account-dialog-390");
        // a short name shows whole in the title, on up to two lines (a long one is cut there, whole in the tooltip);
        // Close stays inside the window beside it
        BoundingBox close = box("#close-account-dialog");
        org.assertj.core.api.Assertions.assertThat(close.x + close.width).as("Close inside the window")
                .isLessThanOrEqualTo(390);
        assertThat(page.locator("h2.dialog-title")).hasAttribute("title", "Bäckerei Sonnenschein (CN-10001)");
        Locator name = page.locator("h2.dialog-title .title-name");
        org.assertj.core.api.Assertions.assertThat((Boolean) name.evaluate(
                        "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1"))
                .as("\"Bäckerei Sonnenschein\" whole in the title, not cut").isTrue();
        BoundingBox title = box("h2.dialog-title");
        double line = ((Number) page.locator("h2.dialog-title").evaluate(
                "e => parseFloat(getComputedStyle(e).lineHeight)")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(title.height).as("the title on at most two lines")
                .isLessThanOrEqualTo(2 * line + 1);
        org.assertj.core.api.Assertions.assertThat(close.x).as("Close beside the title, not over it")
                .isGreaterThanOrEqualTo(title.x + title.width - 1);
        page.locator("#managers").scrollIntoViewIfNeeded();
        screenshot("t13-account-dialog-managers-390");
        page.locator("#edit-contact-person").click();
        page.keyboard().press("ArrowDown");
        screenshot("t13-contact-person-chooser-390");
    }

    /**
     * Issue 13's review: after Deactivate or Reactivate the dialog, drawn anew, keeps the person at the row they worked
     * on (it used to jump back to the account data), and the notice saying what happened covers no manager's row.
     */
    @Test
    void after_deactivate_and_reactivate_the_row_stays_in_sight_and_the_notice_covers_no_manager() {
        Locator changed = deactivateBenAt(1366, 768);
        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("deactivated"));
        screenshot("t13-managers-after-deactivate-1366");
        inSightAndUncovered(changed, notice, "after Deactivate");
        belowTheDialogsHeader(notice, "after Deactivate at 1366 px");

        changed.locator("[id^='reactivate-']").click();
        assertThat(changed).not().containsText("Deactivated");
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("active again"))).isVisible();
        page.waitForTimeout(300);
        screenshot("t13-managers-after-reactivate-1366");
        inSightAndUncovered(changed, page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("active again")),
                "after Reactivate");
    }

    /**
     * Anna, made the contact person again whoever another journey of this run made it (the contact person cannot be
     * deactivated), deactivates Ben in a fresh browser of this size; answers Ben's row once it says so and the
     * notice is shown.
     */
    private Locator deactivateBenAt(int width, int height) {
        jdbc.update("update customer_account set contact_person_id = (select id from app_user where email = ?) "
                + "where organization_id = (select id from organization where customer_number = 'CN-10001')",
                DemoPeople.ANNA);
        context.close();
        context = newContext("en-US", width, height);
        page = context.newPage();
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        Locator row = page.locator("#managers .manager-row")
                .filter(new Locator.FilterOptions().setHasText("ben@sonnenschein.test"));
        String rowId = row.getAttribute("id");
        row.locator("[id^='deactivate-']").scrollIntoViewIfNeeded();
        row.locator("[id^='deactivate-']").click();
        page.locator("vaadin-confirm-dialog#confirm-manager-change vaadin-button[slot='confirm-button']").click();
        Locator changed = page.locator("#" + rowId);
        assertThat(changed).containsText("Deactivated");
        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("deactivated"));
        assertThat(notice).isVisible();
        page.waitForTimeout(300);
        return changed;
    }

    /** On a phone too, the notice of a change in the managers' list leaves the dialog's title and Close uncovered. */
    @Test
    void on_a_phone_the_notice_of_a_change_leaves_the_dialogs_title_uncovered() {
        Locator changed = deactivateBenAt(390, 844);
        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("deactivated"));
        screenshot("t13-managers-after-deactivate-390");
        belowTheDialogsHeader(notice, "after Deactivate at 390 px");

        changed.locator("[id^='reactivate-']").click();
        assertThat(changed).not().containsText("Deactivated");
    }

    /** The notice starts below the header of the dialog: its title and Close stay in sight. */
    private void belowTheDialogsHeader(Locator notice, String when) {
        BoundingBox title = box("h2.dialog-title");
        BoundingBox close = box("#close-account-dialog");
        BoundingBox card = notice.boundingBox();
        org.assertj.core.api.Assertions.assertThat(card.y).as(when + ": the notice's top below the dialog's title")
                .isGreaterThanOrEqualTo(Math.max(title.y + title.height, close.y + close.height) - 1);
    }

    private void inSightAndUncovered(Locator row, Locator notice, String when) {
        BoundingBox place = row.boundingBox();
        org.assertj.core.api.Assertions.assertThat(place.y).as(when + ": the row's top in the window")
                .isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(place.y + place.height).as(when + ": the row's bottom in the window")
                .isLessThanOrEqualTo(768);
        BoundingBox list = box("#managers");
        BoundingBox card = notice.boundingBox();
        boolean overlaps = card.x < list.x + list.width && list.x < card.x + card.width
                && card.y < list.y + list.height && list.y < card.y + card.height;
        org.assertj.core.api.Assertions.assertThat(overlaps).as(when + ": the notice covers the managers' list")
                .isFalse();
    }

    private BoundingBox box(String selector) {
        return page.locator(selector).boundingBox();
    }
}
