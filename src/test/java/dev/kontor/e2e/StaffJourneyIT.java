package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.testing.Outbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The provider administrator opens Provider staff from the navigation's provider administration, invites a support
 * person, who follows the mailed link, chooses a password, signs in and finds the support lookup. On a laptop
 * (1366 × 768) and, for the staff page, on a phone (390 × 844).
 */
@Import(Outbox.class)
class StaffJourneyIT extends EndToEndTest {

    static final String OPERATOR = "operator@kontor.test";

    @Autowired
    Outbox outbox;

    @Test
    void the_administrator_invites_a_support_person_who_accepts_and_finds_the_support_lookup() {
        String address = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@kontor.test";
        BrowserContext laptop = newContext("en-US", Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        Page admin = laptop.newPage();
        signIn(admin, OPERATOR, dev.kontor.testing.DemoPeople.PASSWORD);
        admin.locator("#provider-administration").getByText("Provider staff").click();
        assertThat(admin.locator("#provider-staff-view")).isVisible();
        assertThat(admin.locator("#staff-count")).containsText("people match");
        assertThat(admin.locator("vaadin-grid#provider-staff")).containsText("Sophie Stern");
        Accessibility.assertNoSeriousViolations(admin, "provider staff");
        screenshot(admin, "140-provider-staff-laptop");

        admin.locator("#invite-staff").click();
        admin.locator("#staff-email input").fill(address);
        admin.locator("#staff-name input").fill("Sam Support");
        Accessibility.assertNoSeriousViolations(admin, "invite staff dialog");
        screenshot(admin, "141-invite-staff-laptop");
        admin.locator("#send-staff-invitation").click();
        assertThat(admin.locator("vaadin-notification-card")).containsText("an invitation is on its way");
        admin.locator("#staff-filter input").fill("Sam");
        assertThat(admin.locator("#staff-count")).hasText("One person matches");
        Locator row = admin.locator("vaadin-grid#provider-staff");
        assertThat(row).containsText("Sam Support");
        assertThat(row).containsText("Invited");
        screenshot(admin, "142-provider-staff-invited");
        laptop.close();

        page.setViewportSize(Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        page.navigate(url("/invitation/" + outbox.invitationTokenFor(address)));
        assertThat(page.locator("#invitation-text")).containsText("support staff");
        page.locator("#new-password input").fill("quiet rivers carry old maps");
        page.locator("#repeat-password input").fill("quiet rivers carry old maps");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#invitation-accepted")).containsText("You are now support staff of Kontor Platform");
        screenshot("143-support-invitation-accepted");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in now")).click();
        signIn(page, address, "quiet rivers carry old maps");
        assertThat(page.locator("#signed-in-person")).hasText("Sam Support");
        page.navigate(url("/support"));
        assertThat(page.locator("#lookup-search input")).isFocused();
        Accessibility.assertNoSeriousViolations(page, "support lookup of the new support person");
        screenshot("144-new-support-lookup");
    }

    @Test
    void the_staff_page_fits_a_phone() {
        BrowserContext phone = newContext("de-DE", Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Page admin = phone.newPage();
        signIn(admin, OPERATOR, dev.kontor.testing.DemoPeople.PASSWORD);
        admin.navigate(url("/admin/staff"));
        assertThat(admin.locator("#provider-staff-view")).isVisible();
        assertThat(admin.locator("vaadin-grid#provider-staff")).containsText("Sophie Stern");
        org.assertj.core.api.Assertions.assertThat(Viewport.sidewaysScroll(admin, "provider staff on a phone"))
                .isEmpty();
        Accessibility.assertNoSeriousViolations(admin, "provider staff on a phone");
        screenshot(admin, "145-provider-staff-phone");
        admin.locator("#invite-staff").click();
        assertThat(admin.locator("vaadin-dialog-overlay")).isVisible();
        Accessibility.assertNoSeriousViolations(admin, "invite staff dialog on a phone");
        screenshot(admin, "146-invite-staff-phone");
        phone.close();
    }
}
