package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kontor.testing.DemoPeople;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every main view, as each demo person who has it, on a laptop (1366 × 768, the most common screen) and on a phone
 * (390 × 844), in English and in German: a screenshot of each under {@code target/screenshots/tour}, no serious
 * accessibility violation, the page never wider than the window, and the page's main action within the window's
 * width. A test collects every problem of its person before it fails, so that one run shows them all.
 */
// its own application context: the stops only look, but other journeys change the demo data in theirs
@TestPropertySource(properties = "kontor.test.context=view-tour")
@org.springframework.context.annotation.Import({dev.kontor.testing.Fixtures.class, dev.kontor.testing.Outbox.class})
class ViewTourIT extends EndToEndTest {

    private static final String TOM = "tom@sonnenschein.test";
    private static final String OPERATOR = "operator@kontor.test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.kontor.testing.Fixtures fixtures;
    @Autowired
    dev.kontor.testing.Outbox outbox;
    @Autowired
    dev.kontor.account.ManagerService managers;

    @Test
    void a_manager_sees_the_dashboard_the_account_dialog_its_forms_the_tenants_and_the_audit_log_whole() {
        tour("anna", DemoPeople.ANNA, visit -> {
            visit.stop("dashboard", "/", "#account-CN-10001", ".edit-data");
            // the dialog shows the account data and the other sections' headings, each opening its section
            visit.stop("account", "/accounts/CN-10001", "#master-data", "#save-master-data", "#open-contact-person",
                    "#open-managers");
            visit.act(page -> openSections(page, "contact-person", "managers", "contacts", "partners"));
            visit.here("account-opened", "#contact-person-section", "#edit-contact-person", "#add-manager",
                    "#save-master-data");
            visit.open("add-manager", "#add-manager", "#new-manager-email", "#submit-new-manager");
            visit.open("add-contact", "#add-contact", "#contact-first-name", "#save-contact");
            visit.open("partner-rights", "[id^='change-rights-']", "#rights-choice", "#save-partner-rights");
            visit.open("deactivate-question", "[id^='deactivate-']",
                    "vaadin-confirm-dialog[opened] vaadin-button[slot='cancel-button']",
                    "vaadin-confirm-dialog[opened] vaadin-button[slot='confirm-button']");
            visit.stop("tenants", "/tenants", "#tenant-tree", "#new-tenant");
            visit.open("new-tenant", "#new-tenant", "#tenant-name", "#create-tenant");
            visit.stop("audit", "/audit", "#audit-events", "#audit-export");
        });
    }

    @Test
    void managers_of_an_overdue_account_of_a_shared_one_and_of_one_without_partner_see_theirs_whole() {
        tour("clara", DemoPeople.CLARA, visit -> {
            visit.stop("dashboard", "/", "#account-CN-10002", ".edit-data");
            visit.stop("account", "/accounts/CN-10002", "#contact-person-section", "#confirm-contact-data");
        });
        tour("ben", DemoPeople.BEN, visit -> visit.stop("dashboard", "/", "#account-CN-10001", ".edit-data"));
        tour("dora", DemoPeople.DORA, visit -> {
            visit.stop("dashboard", "/", "#account-CN-10003", ".edit-data");
            visit.stop("account", "/accounts/CN-10003", "#master-data", "#open-contact-person");
            visit.act(page -> openSections(page, "contact-person", "managers", "contacts", "partners"));
            visit.here("account-opened", "#contact-person-section", "#edit-contact-person");
            visit.stop("tenants", "/tenants", "#tenants-view", "#new-tenant");
        });
    }

    @Test
    void a_tenant_administrator_sees_the_tree_and_the_tenant_workspace_whole() {
        long north = jdbc.queryForObject("select id from organization where name = 'Sonnenschein Filiale Nord'",
                Long.class);
        tour("tom", TOM, visit -> {
            visit.stop("dashboard", "/", "#dashboard");
            visit.stop("tenants", "/tenants", "#tenant-tree", "#tenant-search");
            visit.stop("workspace", "/tenant/" + north, "#tenant-title", "#add-administrator");
            visit.open("add-administrator", "#add-administrator", "#administrator-email", "#send-activation");
            // his own Security page, and setting up an app there: the QR code, the link to the app and the secret
            visit.stop("security", "/security", "#second-factor", "#second-factor-start");
            visit.act(page -> page.locator("#second-factor-start").click());
            visit.here("security-set-up", "#second-factor-qr", "#second-factor-open-app",
                    "#second-factor-copy-secret", "#second-factor-finish");
        });
    }

    @Test
    void a_legal_representative_sees_the_partner_views_and_forms_whole() {
        tour("legal", DemoPeople.LEGAL, visit -> {
            visit.stop("dashboard", "/", "#dashboard");
            visit.stop("customers", "/partner/customers", "#managed-customers", "#add-customer",
                    "#access-CN-10001");
            visit.open("add-customer", "#add-customer", "#new-customer-name", "#submit-new-customer");
            visit.open("request", "#request-relationship", "#request-customer-number", "#review-request");
            visit.stop("requests", "/partner/requests", "#sent-requests");
            visit.stop("profile", "/partner/profile", "#partner-profile-view", "#add-contact");
            visit.stop("tenants", "/tenants", "#tenant-tree", "#new-tenant");
            visit.stop("audit", "/audit", "#audit-events", "#audit-export");
            visit.stop("replace-person", "/replace-person", "#replace-person-view", "#prepare-replacement");
        });
    }

    @Test
    void a_partner_administrator_enters_a_customer_account_and_sees_it_whole() {
        tour("admin", DemoPeople.PARTNER_ADMIN, visit -> {
            visit.stop("customers", "/partner/customers", "#managed-customers", "#access-CN-10001");
            visit.stop("access", "/access/CN-10001", "#access-start", "#enter-account");
            visit.act(page -> {
                page.locator("#access-reason input").fill("TICKET-1");
                page.locator("#enter-account").click();
            });
            // the access session belongs to this tab: it lands on the dashboard with the banner and the account's card
            visit.here("in-account", "#access-banner", "#leave-account", "#open-accessed-account");
            visit.act(page -> {
                page.locator("#leave-account").click();
                // leaving loads the partner's customers afresh: the tour goes on from there, as a person would
                page.waitForURL("**/partner/customers");
                assertThat(page.locator("#managed-customers")).isVisible();
                assertThat(page.locator("#access-banner")).hasCount(0);
            });
            visit.here("left", "#access-left", "#access-CN-10001");
            visit.stop("tenants", "/tenants", "#tenant-tree", "#new-tenant");
            visit.act(page -> {
                page.locator("#tenant-search input").fill("Vorlage Handel");
                page.locator("vaadin-grid#tenant-tree vaadin-grid-cell-content")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Vorlage Handel"))
                        .click();
            });
            visit.here("tenant-selected", "#tenant-actions #log-in-tenant", "#log-in-tenant", "#move-tenant",
                    "#copy-content");
            visit.open("move", "#move-tenant", "#move-target", "#submit-move");
            visit.open("copy", "#copy-content", "#start-copy", "#start-copy");
        });
    }

    @Test
    void a_partner_employee_sees_their_customers_and_the_profile_whole() {
        tour("employee", DemoPeople.EMPLOYEE, visit -> {
            visit.stop("my-customers", "/partner/my-customers", "#managed-customers", "#access-CN-10002");
            visit.stop("profile", "/partner/profile", "#partner-profile-view");
            visit.stop("tenants", "/tenants", "#tenants-view");
        });
    }

    @Test
    void support_and_the_provider_administrator_see_their_views_whole() {
        tour("support", DemoPeople.SUPPORT, visit -> {
            visit.stop("lookup", "/support", "#lookup-search", "#lookup-search");
            visit.act(page -> {
                page.locator("#lookup-search input").fill("CN-10001");
                page.locator("#lookup-results vaadin-item").first().click();
                assertThat(page.locator("#card-title")).isVisible();
            });
            visit.here("card", "#support-card", "#print-card");
            visit.stop("audit", "/audit", "#audit-events", "#audit-export");
        });
        tour("operator", OPERATOR, visit -> {
            visit.stop("notices", "/admin/notices", "#platform-notices-view", "#send-notice");
            visit.stop("partners", "/admin/partners", "#partners", "#new-partner");
            visit.open("new-partner", "#new-partner", "#new-partner-name", "#submit-new-partner");
            visit.stop("accounts", "/admin/accounts", "#accounts", "#new-account");
            visit.open("new-account", "#new-account", "#new-account-number", "#submit-new-account");
            // the account page's services keep Rename and End in sight, its contacts stack on a phone
            visit.stop("account", "/admin/accounts/CN-10001", "#account-services", "#add-service",
                    "[id^=rename-service-]", "[id^=end-service-]");
            visit.stop("staff", "/admin/staff", "#provider-staff", "#invite-staff");
            visit.stop("api-tokens", "/api-tokens", "#api-tokens-view", "#api-token-create");
        });
    }

    @Test
    void the_public_pages_fit_a_laptop_and_a_phone() {
        long bakery = jdbc.queryForObject("select id from organization where name = 'Bäckerei Sonnenschein'",
                Long.class);
        String invitee = "tina-" + java.util.UUID.randomUUID() + "@example.test";
        fixtures.as(DemoPeople.ANNA, () -> managers.addManager(bakery, invitee, "Tina Tour", java.util.Locale.GERMAN));
        String invitation = "/invitation/" + outbox.invitationTokenFor(invitee);
        tour("public", null, visit -> {
            visit.stop("login", "/login", "vaadin-login-form", "vaadin-login-form vaadin-button[slot=submit]");
            visit.stop("invitation", invitation, "#invitation-text", "#accept-invitation");
            visit.stop("closed-invitation", "/invitation/not-a-real-token", ".public-card");
        });
    }

    /** Signs {@code email} in (or nobody when null) at each size and language and runs the stops. */
    private void tour(String person, String email, Consumer<Visit> stops) {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en-US", "de-DE")) {
            for (int[] size : List.of(new int[] {Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT},
                    new int[] {Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT})) {
                try (BrowserContext browser = newContext(language, size[0], size[1])) {
                    Page tab = browser.newPage();
                    if (email != null) {
                        signIn(tab, email, DemoPeople.PASSWORD);
                    }
                    stops.accept(new Visit(tab, person, (size[0] < 600 ? "phone" : "laptop") + "-"
                            + language.substring(0, 2), problems));
                }
            }
        }
        Assertions.assertThat(problems).as(person + "'s tour").isEmpty();
    }

    /**
     * The part of the screen that scrolls: inside the open dialog if there is one, else the page (or the layout's
     * content area); a grid's own scroller does not count. PAGE: which screenful to scroll to; answers how many there
     * are.
     */
    private static final String SCROLL_TO_PAGE = """
            page => {
              const dialog = document.querySelector('vaadin-dialog[opened], vaadin-confirm-dialog[opened]');
              const scrollers = [];
              const walk = node => {
                for (const child of node.children || []) {
                  if (child.tagName.startsWith('VAADIN-GRID')) continue;
                  const style = getComputedStyle(child);
                  if (child.scrollHeight > child.clientHeight + 2 && /auto|scroll/.test(style.overflowY)
                      && child.clientHeight > window.innerHeight / 3) {
                    scrollers.push(child);
                  }
                  walk(child);
                  if (child.shadowRoot) walk(child.shadowRoot);
                }
              };
              if (dialog) { walk(dialog); if (dialog.shadowRoot) walk(dialog.shadowRoot); }
              else {
                const root = document.scrollingElement;
                if (root.scrollHeight > root.clientHeight + 2) scrollers.push(root);
                walk(document.body);
              }
              const main = scrollers.sort((a, b) => b.clientHeight - a.clientHeight)[0];
              if (!main) return 1;
              main.scrollTop = page * main.clientHeight * 0.9;
              return Math.ceil(main.scrollHeight / (main.clientHeight * 0.9));
            }""";

    /** One person's round through the views at one size in one language. */
    private final class Visit {

        private final Page page;
        private final String person;
        private final String variant;
        private final List<String> problems;

        Visit(Page page, String person, String variant, List<String> problems) {
            this.page = page;
            this.person = person;
            this.variant = variant;
            this.problems = problems;
        }

        /** Opens {@code path}, waits for {@code ready} and checks the page with its main actions. */
        void stop(String name, String path, String ready, String... actions) {
            page.navigate(url(path));
            here(name, ready, actions);
        }

        /** Clicks {@code opener} (a dialog's button), waits for {@code ready} and checks the dialog. */
        void open(String name, String opener, String ready, String... actions) {
            page.locator(opener).first().click();
            here(name, ready, actions);
            if (variant.startsWith("laptop")) {
                problems.addAll(Viewport.tabOrderInDialog(page, person + "/" + name + " (" + variant + ")"));
            }
            page.keyboard().press("Escape");
            assertThat(page.locator(ready)).hasCount(0);
        }

        void act(Consumer<Page> action) {
            action.accept(page);
        }

        /** Checks what is shown now. */
        void here(String name, String ready, String... actions) {
            String where = person + "/" + name + " (" + variant + ")";
            assertThat(page.locator(ready).first()).isVisible();
            try {
                Accessibility.assertNoSeriousViolations(page, where);
            } catch (AssertionError violation) {
                problems.add(violation.getMessage());
            }
            String shot = "tour/" + person + "-" + name + "-" + variant;
            screenshot(page, shot);
            // what lies below the first screenful (a long dialog or page) gets pictures of its own, up to four
            int pages = ((Number) page.evaluate(SCROLL_TO_PAGE, 0)).intValue();
            for (int next = 1; next < Math.min(pages, 4); next++) {
                page.evaluate(SCROLL_TO_PAGE, next);
                page.waitForTimeout(150);
                screenshot(page, shot + "-" + (next + 1));
            }
            page.evaluate(SCROLL_TO_PAGE, 0);
            problems.addAll(Viewport.sidewaysScroll(page, where));
            problems.addAll(Viewport.titleWhole(page, where));
            for (String action : actions) {
                problems.addAll(Viewport.actionWithinWidth(page.locator(action), where));
            }
        }
    }
}
