package dev.kontor.support.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.ServiceKind;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import dev.kontor.testing.DemoPeople;
import dev.kontor.support.LookupResult;
import dev.kontor.testing.ViewTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class SupportLookupViewTest extends SpringBrowserlessTest {

    @Autowired
    private AccountProvisioning provisioning;

    @Autowired
    private Fixtures fixtures;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void typing_shows_results_and_enter_opens_the_first_card_with_who_to_call_on_top() {
        navigate(SupportLookupView.class);
        TextField search = find(TextField.class).withId("lookup-search").single();
        assertThat(search.isAutofocus()).isTrue();

        // the whole name: other tests sharing this database add bakeries of their own
        test(search).setValue("backerei sonnenschein");
        @SuppressWarnings("unchecked")
        ListBox<LookupResult> results = find(ListBox.class).withId("lookup-results").single();
        assertThat(results.getListDataView().getItems().map(LookupResult::customerNumber).toList())
                .containsExactly("CN-10001");

        com.vaadin.flow.component.ComponentUtil.fireEvent(search,
                new com.vaadin.flow.component.KeyDownEvent(search, Key.ENTER.getKeys().getFirst()));

        H3 title = find(H3.class).withId("card-title").single();
        assertThat(title.getElement().getTextRecursively()).isEqualTo("Bäckerei Sonnenschein (CN-10001)");
        // the number never breaks at its hyphen on a phone
        assertThat(title.getChildren().filter(child -> child.hasClassName("no-break")).findFirst())
                .hasValueSatisfying(number -> assertThat(number.getElement().getText()).isEqualTo("(CN-10001)"));
        Div card = find(Div.class).withId("support-card").single();
        List<String> blocks = card.getChildren().map(Component::getId).flatMap(java.util.Optional::stream)
                .toList();
        assertThat(blocks).containsExactly("card-title", "card-emergency", "card-technical", "card-partner",
                "card-services", "card-changes", "card-summary-section");
        assertThat(find(Div.class).withId("card-contact-person").single().getElement().getTextRecursively())
                .contains("+49 5251 123456");

        fireShortcut(Key.ESCAPE);
        assertThat(card.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void a_change_made_by_kontor_itself_names_the_system_as_the_audit_log_does() {
        Fixtures.TestAccount account = fixtures.account("Sybille");
        jdbc.update("""
                insert into audit_event (occurred_at, kind, outcome, actor_user_id, actor_email, organization_id,
                  summary)
                values (?, 'CONTACT_DATA_CONFIRMED', 'SUCCESS', null, 'system', ?, 'Confirmed')""",
                java.sql.Timestamp.from(java.time.Instant.now()), account.id());
        navigate(SupportLookupView.class);
        TextField search = find(TextField.class).withId("lookup-search").single();
        test(search).setValue(account.customerNumber());
        com.vaadin.flow.component.ComponentUtil.fireEvent(search,
                new com.vaadin.flow.component.KeyDownEvent(search, Key.ENTER.getKeys().getFirst()));

        assertThat(find(Div.class).withId("card-changes").single().getElement().getTextRecursively())
                .contains("Contact data confirmed · System").doesNotContain("· system");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void a_change_names_a_person_by_name_and_address_and_a_token_in_the_readers_language_as_the_audit_log_does() {
        Fixtures.TestAccount account = fixtures.account("Ottilie");
        java.time.Instant now = java.time.Instant.now();
        jdbc.update("""
                insert into audit_event (occurred_at, kind, outcome, actor_user_id, actor_email, organization_id,
                  summary)
                values (?, 'CONTACT_CHANGED', 'SUCCESS', ?, ?, ?, 'Changed')""",
                java.sql.Timestamp.from(now.minusSeconds(60)), account.managers().get("Ottilie"),
                account.email("Ottilie"), account.id());
        jdbc.update("""
                insert into audit_event (occurred_at, kind, outcome, actor_user_id, actor_email, organization_id,
                  summary)
                values (?, 'CONTACT_ADDED', 'SUCCESS', null, ?, ?, 'Added')""",
                java.sql.Timestamp.from(now), "API token \u201cSync\u201d of Muster Hosting GmbH, reason: T-7",
                account.id());
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate(SupportLookupView.class);
        TextField search = find(TextField.class).withId("lookup-search").single();
        test(search).setValue(account.customerNumber());
        com.vaadin.flow.component.ComponentUtil.fireEvent(search,
                new com.vaadin.flow.component.KeyDownEvent(search, Key.ENTER.getKeys().getFirst()));

        assertThat(find(Div.class).withId("card-changes").single().getElement().getTextRecursively())
                .contains("API-Token \u201eSync\u201c von Muster Hosting GmbH, Grund: T-7")
                .contains("Ottilie (" + account.email("Ottilie") + ")")
                .doesNotContain("API token");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void each_result_says_what_matched() {
        navigate(SupportLookupView.class);

        test(find(TextField.class).withId("lookup-search").single()).setValue("0381 765432");

        assertThat(find(Span.class).withClassName("result-why").all()).extracting(Span::getText)
                .containsExactly("out-of-hours number +49 381 765432");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void a_new_search_that_no_longer_finds_the_open_account_closes_its_card() {
        navigate(SupportLookupView.class);
        TextField search = find(TextField.class).withId("lookup-search").single();
        test(search).setValue("backerei sonnenschein");
        com.vaadin.flow.component.ComponentUtil.fireEvent(search,
                new com.vaadin.flow.component.KeyDownEvent(search, Key.ENTER.getKeys().getFirst()));
        Div card = find(Div.class).withId("support-card").single();
        assertThat(card.isVisible()).isTrue();

        // more of the same name keeps the card open; a search that finds something else, or nothing, closes it,
        // so that nobody calls the people of the account searched before
        test(search).setValue("backerei sonnenschein ");
        assertThat(card.isVisible()).isTrue();
        test(search).setValue("zzzz-no-such-customer");
        assertThat(card.isVisible()).isFalse();
        assertThat(find(H3.class).withId("card-title").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void nothing_found_says_so() {
        navigate(SupportLookupView.class);

        test(find(TextField.class).withId("lookup-search").single()).setValue("zzzz-no-such-customer");

        assertThat(find(ListBox.class).withId("lookup-results").exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("lookup-hint").single().getText())
                .startsWith("Nothing found");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void the_number_of_results_is_said_in_the_singular_for_one_and_the_plural_for_more_in_english_and_german() {
        // services of their own, so that other tests' accounts in the shared database never change the counts
        String one = "Solo-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String three = "Trio-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        provisioning.registerService(TestTasks.setUp(), fixtures.account("Una").id(), one, ServiceKind.CLUSTER);
        for (int i = 0; i < 3; i++) {
            provisioning.registerService(TestTasks.setUp(), fixtures.account("Tre").id(), three, ServiceKind.CLUSTER);
        }
        navigate(SupportLookupView.class);
        assertThat(hintFor(one)).startsWith("1 account found.");
        assertThat(hintFor(three)).startsWith("3 accounts found.");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate(SupportLookupView.class);
        assertThat(hintFor(one)).startsWith("1 Konto gefunden.");
        assertThat(hintFor(three)).startsWith("3 Konten gefunden.");
    }

    private String hintFor(String text) {
        navigate(SupportLookupView.class);
        test(find(TextField.class).withId("lookup-search").single()).setValue(text);
        return find(com.vaadin.flow.component.html.Paragraph.class).withId("lookup-hint").single().getText();
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void the_hint_says_exactly_what_can_be_searched_in_english_and_german() {
        navigate(SupportLookupView.class);
        assertThat(hint()).contains("customer number", "manager's or contact's name", "service or cluster name",
                "domain (@example.com", "its last 6 digits");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        // the hint comes back when the search is emptied, in the language of the moment
        TextField search = find(TextField.class).withId("lookup-search").single();
        test(search).setValue("x");
        test(search).setValue("");
        assertThat(hint()).contains("Kundennummer", "Namens eines Managers oder Kontakts", "Clusternamens",
                "Domain (@example.com", "letzten 6 oder mehr Ziffern");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void part_of_a_persons_name_finds_the_account_and_more_results_come_when_asked_for() {
        String shared = "Weitergabe" + java.util.UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "q");
        for (int i = 0; i < 23; i++) {
            jdbc.update("""
                    insert into contact (organization_id, first_name, last_name, email, technical, created_at,
                      version) values (?, 'Änne', ?, ?, true, ?, 0)""", fixtures.account().id(), shared + i,
                    "a" + i + "@" + shared.toLowerCase() + ".example", java.sql.Timestamp.from(java.time.Instant.now()));
        }
        navigate(SupportLookupView.class);
        test(find(TextField.class).withId("lookup-search").single()).setValue("anne " + shared.toLowerCase());

        @SuppressWarnings("unchecked")
        ListBox<LookupResult> results = find(ListBox.class).withId("lookup-results").single();
        assertThat(results.getListDataView().getItems().toList()).hasSize(20);
        assertThat(find(Span.class).withClassName("result-why").all().getFirst().getText())
                .isEqualTo("contact Änne " + shared + "0");
        assertThat(hint()).startsWith("The first 20 accounts found; there are more.");
        com.vaadin.flow.component.button.Button more = find(com.vaadin.flow.component.button.Button.class)
                .withId("lookup-more").single();

        test(more).click();

        assertThat(results.getListDataView().getItems().toList()).hasSize(23);
        assertThat(more.isVisible()).isFalse();
        assertThat(hint()).startsWith("23 accounts found.");
    }

    private String hint() {
        return find(com.vaadin.flow.component.html.Paragraph.class).withId("lookup-hint").single().getText();
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_customer_manager_cannot_open_the_lookup() {
        navigate("support", AccessDeniedView.class);
    }
}
