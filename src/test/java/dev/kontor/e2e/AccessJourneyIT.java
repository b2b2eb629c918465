package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.testing.DemoPeople;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The issue's journey: admin@muster-hosting.test opens CN-10001 with Access account, sees the banner, changes the
 * contact person (the partnership grants MANAGE_USERS), leaves; Anna then sees in the audit log that the change was
 * made by the admin for Muster Hosting GmbH. It runs on an application of its own, so that the contact person it
 * changes is nobody else's starting point.
 */
@TestPropertySource(properties = "kontor.test.context=access-journey")
class AccessJourneyIT extends EndToEndTest {

    @Test
    void a_partner_administrator_changes_the_contact_person_inside_the_account_and_the_customer_sees_it() {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/partner/customers"));
        page.locator("#access-CN-10001").click();

        assertThat(page).hasURL(url("/access/CN-10001"));
        page.locator("#access-reason input").fill("TICKET-4711");
        page.locator("#enter-account").click();

        // the dashboard first, with the banner and the account's card in sight; the dialog only when asked for
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("#access-banner-text")).containsText(
                "You are working in Bäckerei Sonnenschein (CN-10001) for Muster Hosting GmbH");
        assertThat(page.locator("#access-banner-text")).containsText("TICKET-4711");
        assertThat(page).hasTitle(Pattern.compile("^Bäckerei Sonnenschein \\(CN-10001\\) · "));
        assertThat(page.locator("#no-accounts")).hasCount(0);
        assertThat(page.locator("vaadin-card.accessed-account")).containsText("Bäckerei Sonnenschein");
        screenshot("39-access-landing");
        // on a phone the banner's words stand beside its icon, not on a row of their own below it
        page.setViewportSize(390, 844);
        com.microsoft.playwright.options.BoundingBox icon = page.locator("#access-banner > vaadin-icon").boundingBox();
        com.microsoft.playwright.options.BoundingBox words = page.locator("#access-banner-text").boundingBox();
        screenshot("39-access-landing-390");
        org.assertj.core.api.Assertions.assertThat(words.x).as("the banner's words right of its icon on a phone")
                .isGreaterThanOrEqualTo(icon.x + icon.width);
        org.assertj.core.api.Assertions.assertThat(icon.y).as("the icon beside the words' first line")
                .isBetween(words.y - icon.height, words.y + words.height);
        page.setViewportSize(1280, 900);
        page.locator("#open-accessed-account").click();
        assertThat(page).hasURL(url("/accounts/CN-10001"));
        assertThat(page.locator("#save-master-data")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "account dialog inside an access session");
        screenshot("40-access-session");

        openSections("contact-person", "managers", "contacts", "partners");
        page.locator("#edit-contact-person").click();
        page.locator("#contact-person-choice input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ben Schulz · ben@sonnenschein.test"))
                .click();
        page.locator("#save-contact-person").click();
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");

        page.locator("#close-account-dialog").click();
        // a reload, and an address typed into the tab, stay in the customer's account; another tab does not
        assertThat(page.locator("vaadin-card.accessed-account")).containsText("Ben Schulz");
        page.reload();
        assertThat(page.locator("#access-banner-text")).containsText("Bäckerei Sonnenschein (CN-10001)");
        assertThat(page.locator("vaadin-card.accessed-account")).containsText("Ben Schulz");
        page.navigate(url("/accounts/CN-10001"));
        assertThat(page.locator("#access-banner-text")).containsText("Bäckerei Sonnenschein (CN-10001)");
        openSections("contact-person", "managers", "contacts", "partners");
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");
        screenshot("40b-after-reload");
        page.locator("#close-account-dialog").click();
        Page otherTab = page.context().newPage();
        otherTab.navigate(url("/"));
        assertThat(otherTab.locator("#dashboard")).isVisible();
        assertThat(otherTab.locator("#access-banner")).hasCount(0);
        otherTab.close();
        page.locator("#leave-account").click();
        assertThat(page).hasURL(url("/partner/customers"));
        assertThat(page.locator("#managed-customers")).isVisible();
        assertThat(page.locator("#access-banner")).hasCount(0);
        // the page the tab lands on says which account was left, once
        assertThat(page.locator("#access-left")).hasText(
                "You have left the account of Bäckerei Sonnenschein (CN-10001) and work as yourself again.");
        screenshot("40c-left-the-account");
        page.navigate(url("/accounts/CN-10001"));
        assertThat(page.locator("#refused")).containsText("Access denied");
        screenshot("41-after-leaving");

        try (BrowserContext annasBrowser = newContext("en-US", 1400, 900)) {
            Page anna = annasBrowser.newPage();
            signIn(anna, DemoPeople.ANNA, DemoPeople.PASSWORD);
            anna.navigate(url("/audit"));
            anna.locator("#audit-kind input").fill("Contact person");
            anna.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                    .setHasText("Contact person changed")).click();
            // the cells shown: the grid keeps cells of rows the filter removed, hidden, for reuse
            Locator rows = anna.locator("vaadin-grid#audit-events vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(rows.filter(new Locator.FilterOptions().setHasText(DemoPeople.PARTNER_ADMIN)).first())
                    .isVisible();
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Muster Hosting GmbH")).first())
                    .isVisible();
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("ben@sonnenschein.test")).first())
                    .isVisible();
            // before and after name the people, never by an internal id
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("→ Ben Schulz (ben@sonnenschein.test)"))
                    .first()).isVisible();
            assertThat(rows.filter(new Locator.FilterOptions().setHasText(Pattern.compile("user \\d+"))))
                    .hasCount(0);
            Layout.assertIconApartFromWords(anna.locator("#audit-export"), "Export CSV");
            Accessibility.assertNoSeriousViolations(anna, "audit log");
            screenshot(anna, "42-audit-log");
            org.assertj.core.api.Assertions.assertThat(addressesBrokenInsideAWord(rows)).as("at 1400 px").isEmpty();
            anna.setViewportSize(1366, 768);
            screenshot(anna, "42-audit-log-1366");
            org.assertj.core.api.Assertions.assertThat(addressesBrokenInsideAWord(rows)).as("at 1366 px").isEmpty();
            anna.setViewportSize(390, 844);
            Accessibility.assertNoSeriousViolations(anna, "audit log on a phone");
            screenshot(anna, "42-audit-log-390");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("→ Ben Schulz (ben@sonnenschein.test)"))
                    .first()).isVisible();
            org.assertj.core.api.Assertions.assertThat(addressesBrokenInsideAWord(rows)).as("at 390 px").isEmpty();
        }

        // the partner's own log: summaries name people by address ("Emil Engel (employee@muster-hosting.test)
        // became …") and customers by number ("… (CN-10002) taken over"); neither breaks at its hyphen
        page.navigate(url("/audit"));
        Locator cells = page.locator("vaadin-grid#audit-events vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true));
        for (String kind : java.util.List.of("Role granted", "Partnership taken over")) {
            page.setViewportSize(1366, 768);
            page.locator("#audit-kind input").fill(kind);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(kind)).first()
                    .click();
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(kind)).first()).isVisible();
            screenshot("43-partner-audit-" + kind.replace(' ', '-') + "-1366");
            org.assertj.core.api.Assertions.assertThat(addressesBrokenInsideAWord(cells)).as(kind + " at 1366 px")
                    .isEmpty();
            page.setViewportSize(390, 844);
            // a phone gets one column for the whole event once the server has heard of the width
            assertThat(cells.filter(new Locator.FilterOptions().setHasText("When and who"))).hasCount(0);
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(kind)).first()).isVisible();
            screenshot("43-partner-audit-" + kind.replace(' ', '-') + "-390");
            org.assertj.core.api.Assertions.assertThat(addressesBrokenInsideAWord(cells)).as(kind + " at 390 px")
                    .isEmpty();
        }
        page.setViewportSize(1280, 900);
    }

    /**
     * Where an e-mail address in the cells shown goes on to the next line other than after its "@" or a dot
     * ("ben@sonnenschein.t" / "est"), or a customer number anywhere ("CN-" / "10002"), measured on the characters as
     * Chromium laid them out.
     */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> addressesBrokenInsideAWord(Locator cells) {
        // all cells in one call: the grid re-renders its cells as the window changes, so a list of cells taken
        // first may no longer be there when each is measured
        return (java.util.List<String>) cells.evaluateAll("""
                    all => all.flatMap(cell => {
                      const chars = [];
                      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        for (let i = 0; i < node.length; i++) {
                          const range = document.createRange();
                          range.setStart(node, i);
                          range.setEnd(node, i + 1);
                          const rect = range.getClientRects()[0];
                          chars.push({c: node.data[i], top: rect ? rect.top : null});
                        }
                      }
                      const text = chars.map(ch => ch.c).join('');
                      const broken = [];
                      for (const address of text.matchAll(/[^\\s<>()@]+@[^\\s<>()@]+/g)) {
                        for (let k = address.index; k < address.index + address[0].length - 1; k++) {
                          const here = chars[k].top, next = chars[k + 1].top;
                          if (here !== null && next !== null && next - here > 2 && !'@.'.includes(chars[k].c)) {
                            broken.push(address[0] + ' after "' + text.slice(address.index, k + 1) + '"');
                          }
                        }
                      }
                      for (const number of text.matchAll(/CN-[0-9]+/g)) {
                        const first = chars[number.index].top;
                        const last = chars[number.index + number[0].length - 1].top;
                        if (first !== null && last !== null && Math.abs(last - first) > 2) {
                          broken.push(number[0] + ' broken');
                        }
                      }
                      return broken;
                    })""");
    }
}
