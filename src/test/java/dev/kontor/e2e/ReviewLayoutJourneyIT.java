package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.kontor.testing.DemoPeople;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's review: a tenant whose name is as long as Kontor allows (130 characters) keeps the header in its two rows
 * (title with the person's controls, then the tenant strip) on a laptop (1366 × 768) and on a phone (390 × 844): the
 * name ends in an ellipsis, whole in its tooltip and its accessible name, and pushes nothing away. Titles cut it on
 * one line on a laptop and on two lines on a phone, where one line would cut even short names; the strip on one.
 */
class ReviewLayoutJourneyIT extends EndToEndTest {

    static final String LONG_NAME = "Sonnenschein Bäckerei und Konditoreien Filiale Westfalen-Nord mit Café am Markt,"
            + " Lieferdienst und Partyservice für Geschäftskunden";

    @Test
    void a_tenant_with_a_name_of_130_characters_keeps_the_header_on_two_rows_on_a_laptop_and_a_phone() {
        Assertions.assertThat(LONG_NAME).hasSize(130);
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/tenants"));
        page.locator("#new-tenant").click();
        page.locator("#tenant-name input").fill(LONG_NAME);
        page.locator("#create-tenant").click();
        assertThat(page.locator("#tenant-created")).isVisible();
        Page tenantTab = page.waitForPopup(() -> page.locator("#log-in-created").click());
        assertThat(tenantTab.locator("#tenant-title")).hasText(LONG_NAME);
        String address = tenantTab.url();

        for (int[] size : new int[][] {{1366, 768}, {390, 844}}) {
            context.close();
            context = newContext("en-US", size[0], size[1]);
            page = context.newPage();
            signIn(DemoPeople.PARTNER_ADMIN);
            page.navigate(address);
            assertThat(page.locator("#tenant-title")).hasText(LONG_NAME);
            String where = size[0] + " px";
            screenshot("t13-long-tenant-name-" + size[0]);

            // a phone gives a title two lines before it cuts the name
            int titleLines = size[0] > 640 ? 1 : 2;
            Locator title = page.locator(".page-title");
            shortened(title, titleLines, where + ": the page title");
            assertThat(title).hasAttribute("title", LONG_NAME);
            BoundingBox titleBox = title.boundingBox();
            BoundingBox person = page.locator(".person-area").boundingBox();
            Assertions.assertThat(titleBox.x + titleBox.width).as(where + ": the title ends before the sign-out")
                    .isLessThanOrEqualTo(person.x + 1);
            Assertions.assertThat(Math.abs(person.y + person.height / 2 - (titleBox.y + titleBox.height / 2)))
                    .as(where + ": title and the person's controls on one row").isLessThan(8);
            Assertions.assertThat(person.x + person.width).as(where + ": sign-out inside the window")
                    .isLessThanOrEqualTo(size[0]);

            Locator stripName = page.locator("#tenant-banner .tenant-logo-name");
            shortened(stripName, 1, where + ": the tenant strip's name");
            assertThat(stripName).hasAttribute("title", LONG_NAME);
            Locator strip = page.locator("#tenant-banner");
            Assertions.assertThat(strip.boundingBox().x + strip.boundingBox().width)
                    .as(where + ": the strip inside the window").isLessThanOrEqualTo(size[0] + 1);
            if (size[0] > 640) {
                BoundingBox role = page.locator("#tenant-banner .tenant-working-as").boundingBox();
                BoundingBox name = stripName.boundingBox();
                Assertions.assertThat(Math.abs(role.y + role.height / 2 - (name.y + name.height / 2)))
                        .as(where + ": the role beside the name, not below it").isLessThan(8);
            }

            Locator heading = page.locator("#tenant-title");
            shortened(heading, titleLines, where + ": the page's heading");
            assertThat(heading).hasAttribute("title", LONG_NAME);
            Assertions.assertThat(Viewport.sidewaysScroll(page, where)).isEmpty();
            Accessibility.assertNoSeriousViolations(page, "tenant with a long name at " + where);
        }
    }

    /** "Nobody assigned" keeps Assign's icon on its line at 1366 px, rather than dropping it onto a line of its own. */
    @Test
    void nobody_assigned_keeps_the_assign_icon_beside_it() {
        context.close();
        context = newContext("en-US", 1366, 768);
        page = context.newPage();
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/partner/customers"));
        Locator nobody = page.locator("vaadin-grid-cell-content .nobody-assigned").first();
        assertThat(nobody).containsText("Nobody assigned");
        screenshot("t13-nobody-assigned-1366");
        BoundingBox words = nobody.locator(".cell-detail").boundingBox();
        BoundingBox icon = nobody.locator("vaadin-button").boundingBox();
        Assertions.assertThat(icon.x).as("Assign's icon after the words")
                .isGreaterThanOrEqualTo(words.x + words.width - 1);
        Assertions.assertThat(icon.y).as("Assign's icon on the words' line, not below them")
                .isLessThan(words.y + words.height);
    }

    /** On a phone Reset second factor starts under the person's name, not indented to the right. */
    @Test
    void on_a_phone_reset_second_factor_starts_under_the_name() {
        context.close();
        context = newContext("en-US", 390, 844);
        page = context.newPage();
        signIn(DemoPeople.LEGAL);
        page.navigate(url("/partner/profile"));
        Locator reset = page.locator("#partner-users [id^='reset-second-factor-']").first();
        reset.scrollIntoViewIfNeeded();
        screenshot("t13-reset-second-factor-390");
        Locator row = reset.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' manager-row ')][1]");
        BoundingBox name = row.locator(".manager-who").boundingBox();
        BoundingBox button = reset.boundingBox();
        Assertions.assertThat(button.x - name.x).as("Reset second factor's indent under the name, in px")
                .isBetween(-12.0, 12.0);
    }

    /**
     * The element shows exactly {@code lines} lines of text, cut with an ellipsis: its text is wider than its box (one
     * line) or taller (more).
     */
    private static void shortened(Locator element, int lines, String what) {
        element.waitFor();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> facts = (java.util.Map<String, Object>) element.evaluate("""
                e => { const style = getComputedStyle(e);
                  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
                  const text = e.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                  return {lines: Math.round(text / line),
                    cut: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1,
                    ellipsis: style.textOverflow}; }""");
        Assertions.assertThat(((Number) facts.get("lines")).intValue()).as(what + ": lines").isEqualTo(lines);
        Assertions.assertThat(facts.get("cut")).as(what + ": shortened").isEqualTo(true);
        Assertions.assertThat(facts.get("ellipsis")).as(what + ": with an ellipsis").isEqualTo("ellipsis");
        Assertions.assertThat(List.of(element.textContent().strip())).as(what + ": the whole name in the text")
                .containsExactly(LONG_NAME);
    }
}
