package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.replace.SeveralAccounts;
import dev.kontor.testing.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Max manages three customer accounts whose contact person, Lea, leaves. On a laptop (1366 × 768) he opens Replace a
 * person from the navigation, names Lea and her successor Sam, and sees in the preview that Sam takes over in two
 * accounts while the third is refused, with why and what to do; he applies what can be applied, follows the job to
 * its summary and downloads it. On a phone (390 × 844) the preview of what is left still explains the refusal, and
 * nothing is cut off (in German there).
 */
@Import(Fixtures.class)
class ReplacePersonJourneyIT extends EndToEndTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Test
    void a_manager_of_several_accounts_hands_the_contact_person_over_in_all_of_them_and_reads_the_refusal() throws Exception {
        SeveralAccounts world = SeveralAccounts.build(fixtures, onboarding);
        BrowserContext laptop = newContext("en-US", Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        Page max = laptop.newPage();
        signIn(max, world.max(), Fixtures.PASSWORD);

        max.locator("#main-navigation").getByText("Replace a person").click();
        assertThat(max.locator("#replace-person-view")).isVisible();
        assertThat(max.locator("#replacement-empty")).containsText("Enter the e-mail address");
        Accessibility.assertNoSeriousViolations(max, "replace a person, empty");
        screenshot(max, "180-replace-person-empty-laptop");

        max.locator("#leaving-email input").fill(world.lea());
        max.locator("#successor-email input").fill(world.sam());
        max.locator("#prepare-replacement").click();

        assertThat(max.locator("#replacement-counts"))
                .hasText("6 places found: 4 to hand over, 0 to remove, 2 refused.");
        Locator grid = max.locator("vaadin-grid#replacement-preview");
        assertThat(max.locator("#replacement-who")).hasText(world.lea() + " leaves; " + world.sam() + " takes over.");
        assertThat(grid).containsText("The successor becomes the contact person.");
        assertThat(grid).containsText("Not possible: the successor is not an active manager of this account."
                + " Invite them as a manager there first, then show the preview again.");
        assertThat(max.locator("#apply-replacement")).isDisabled();
        List<String> problems = new ArrayList<>(Viewport.sidewaysScroll(max, "preview on a laptop"));
        problems.addAll(Viewport.actionWithinWidth(max.locator("#apply-replacement"), "preview on a laptop"));
        org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
        Accessibility.assertNoSeriousViolations(max, "replace a person, preview");
        screenshot(max, "181-replace-person-preview-laptop");

        max.locator("#select-all-places").click();
        assertThat(max.locator("#replacement-ticked")).hasText("4 places ticked.");
        max.locator("#apply-replacement").click();
        assertThat(max.locator("#apply-replacement")).isDisabled();

        assertThat(max.locator("#replacement-progress-text")).hasText("Finished: 4 places changed, none refused.",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(grid).containsText("Done");
        assertThat(grid).containsText("Not ticked");
        Accessibility.assertNoSeriousViolations(max, "replace a person, summary");
        screenshot(max, "182-replace-person-summary-laptop");
        Download download = max.waitForDownload(() -> max.locator("#replacement-summary-csv").click());
        String csv = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(csv.lines().skip(1).toList()).hasSize(4)
                .allSatisfy(line -> org.assertj.core.api.Assertions.assertThat(line).contains(",REPLACE,DONE,"));
        laptop.close();

        // on the phone in German
        BrowserContext phone = newContext("de-DE", Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Page onPhone = phone.newPage();
        signIn(onPhone, world.max(), Fixtures.PASSWORD);
        onPhone.navigate(url("/replace-person"));
        onPhone.locator("#leaving-email input").fill(world.lea());
        onPhone.locator("#successor-email input").fill(world.sam());
        onPhone.locator("#prepare-replacement").click();
        // what is left: East, where Sam is no manager
        assertThat(onPhone.locator("#replacement-counts"))
                .hasText("2 Funktionen gefunden: 0 zu übergeben, 0 zu entfernen, 2 abgelehnt.");
        assertThat(onPhone.locator("vaadin-grid#replacement-preview")).containsText(world.names().get(2));
        assertThat(onPhone.locator("vaadin-grid#replacement-preview")).containsText("Die Nachfolge ist kein aktiver Manager dieses Kontos.");
        List<String> phoneProblems = new ArrayList<>(Viewport.sidewaysScroll(onPhone, "preview on a phone"));
        phoneProblems.addAll(Viewport.actionWithinWidth(onPhone.locator("#prepare-replacement"),
                "preview on a phone"));
        org.assertj.core.api.Assertions.assertThat(phoneProblems).isEmpty();
        Accessibility.assertNoSeriousViolations(onPhone, "replace a person on a phone");
        screenshot(onPhone, "183-replace-person-phone");
        onPhone.locator("#replacement-preview").scrollIntoViewIfNeeded();
        screenshot(onPhone, "184-replace-person-phone-rows");
        phone.close();
    }
}
