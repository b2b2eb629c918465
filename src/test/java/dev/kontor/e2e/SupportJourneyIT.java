package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.kontor.testing.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey: support types the phone number of CN-10001's contact person in another notation, reaches
 * the card by keyboard alone, finds the contact person on top, and returns to the search with Esc.
 */
// its own application context: other journeys change CN-10001's contact person in theirs
@TestPropertySource(properties = "kontor.test.context=support-journey")
class SupportJourneyIT extends EndToEndTest {

    @Test
    void support_finds_who_to_call_by_a_phone_number_in_seconds() {
        signIn(DemoPeople.SUPPORT);
        page.navigate(url("/support"));
        assertThat(page.locator("#lookup-search input")).isFocused();
        Accessibility.assertNoSeriousViolations(page, "support lookup");

        page.keyboard().type("05251/12 34 56");
        assertThat(page.locator("#lookup-results")).containsText("CN-10001");
        assertThat(page.locator("#lookup-results")).containsText("phone of Anna Becker");
        screenshot("80-support-results");
        page.keyboard().press("Enter");

        assertThat(page.locator("#card-title")).hasText("Bäckerei Sonnenschein (CN-10001)");
        assertThat(page.locator("#support-card > :nth-child(2)")).hasId("card-emergency");
        assertThat(page.locator("#card-contact-person")).containsText("Anna Becker");
        assertThat(page.locator("#card-contact-person a[href^='tel:']")).hasAttribute("href", "tel:+495251123456");
        assertThat(page.locator("#card-contact-person a[href^='mailto:']")).hasText("anna@sonnenschein.test");
        assertThat(page.locator("#card-partner")).containsText("Muster Hosting GmbH");
        assertThat(page.locator("#card-summary textarea")).hasValue(java.util.regex.Pattern.compile(
                "Anna Becker, \\+49 5251 123456"));
        Accessibility.assertNoSeriousViolations(page, "support card");
        screenshot("81-support-card");

        page.keyboard().press("Escape");
        assertThat(page.locator("#lookup-search input")).isFocused();
        assertThat(page.locator("#support-card")).isHidden();

        // arrow keys walk the results: the second cluster's account
        page.locator("#lookup-search input").fill("cluster c-");
        assertThat(page.locator("#lookup-results vaadin-item")).hasCount(3);

        Locator items = page.locator("#lookup-results vaadin-item");
        page.locator("#lookup-search input").press("ArrowDown");
        assertThat(items.nth(0)).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(items.nth(1)).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#card-title")).hasText("Kanzlei Weber (CN-10002)");
        assertThat(page.locator("#card-freshness")).containsText("overdue");
    }
}
