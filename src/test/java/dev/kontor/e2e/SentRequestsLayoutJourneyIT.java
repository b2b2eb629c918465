package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RequestDelivery;
import dev.kontor.testing.DemoPeople;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sent requests with a request just mailed (so its row says until when it cannot go again), in German, whose words
 * are the longer: on a laptop (1366 × 768) every column is in sight, none under the frozen actions; on a phone
 * (390 × 844) the row is the customer beside its actions.
 */
@org.springframework.context.annotation.Import(dev.kontor.testing.Fixtures.class)
class SentRequestsLayoutJourneyIT extends EndToEndTest {

    @Autowired
    PartnerService partners;

    @Autowired
    dev.kontor.testing.Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aRequestMailedJustNow() {
        fixtures.as(DemoPeople.LEGAL, () -> {
            long partnerId = partners.myPartners().stream().map(PartnerMembership::partnerId).findFirst()
                    .orElseThrow();
            // other journeys in this context may have mailed the demo customer today: taken as a day old here
            jdbc.update("update partner_relationship set request_mailed_at = null where partner_id = ?", partnerId);
            partners.sendRequest(partnerId, partners.prepareRequest(partnerId, "CN-10003", "dora@nordlicht.test",
                    Set.of(OrganizationRight.BILLING), Locale.GERMAN), RequestDelivery.KONTOR_MAILS, Locale.GERMAN);
        });
    }

    @Test
    void on_a_laptop_every_column_is_in_sight_and_the_frozen_actions_cover_none() {
        context.close();
        context = newContext("de-DE", 1366, 768);
        page = context.newPage();
        signIn(DemoPeople.LEGAL);
        page.navigate(url("/partner/requests"));
        Locator grid = page.locator("#sent-requests");
        Locator note = page.locator("[id^='resend-after-']").first();
        assertThat(note).isVisible();
        assertThat(note).containsText("Erneut senden möglich nach");

        // nothing to scroll sideways: no column lies under the frozen actions
        Layout.assertGridFitsWithoutSideScrolling(grid, "Sent requests at 1366 x 768");
        Layout.assertInSightWithoutScrollingSideways(page, note, "when it may be sent again");
        Layout.assertInSightWithoutScrollingSideways(page, page.locator("[id^='withdraw-request-']").first(),
                "Withdraw");
        Accessibility.assertNoSeriousViolations(page, "Sent requests at 1366 x 768");
        screenshot("t14-sent-requests-1366-de");
    }

    @Test
    void on_a_phone_the_row_is_the_customer_beside_its_actions() {
        context.close();
        context = newContext("de-DE", 390, 844);
        page = context.newPage();
        signIn(DemoPeople.LEGAL);
        page.navigate(url("/partner/requests"));
        Locator grid = page.locator("#sent-requests");
        Locator customer = grid.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Erneut senden möglich nach")).first();
        assertThat(customer).isVisible();
        assertThat(customer).containsText("Nordlicht Reisen");

        Layout.assertGridFitsWithoutSideScrolling(grid, "Sent requests at 390 x 844");
        Layout.assertInSightWithoutScrollingSideways(page, customer, "the customer's cell");
        Layout.assertInSightWithoutScrollingSideways(page, page.locator("[id^='withdraw-request-']").first(),
                "Withdraw");
        org.assertj.core.api.Assertions.assertThat(customer.boundingBox().width)
                .as("the customer's cell takes the room beside the actions").isGreaterThan(150);
        screenshot("t14-sent-requests-390-de");
    }
}
