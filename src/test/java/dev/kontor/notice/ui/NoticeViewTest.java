package dev.kontor.notice.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.contact.ContactType;
import dev.kontor.notice.NoticeStatus;
import dev.kontor.notice.NoticeTestData;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class NoticeViewTest extends SpringBrowserlessTest {

    private static final String OPERATOR = "operator@kontor.test";

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    @WithUserDetails(OPERATOR)
    void send_with_nothing_filled_in_takes_the_person_to_the_kind_above_the_visible_part_of_the_page() {
        navigate(PlatformNoticesView.class);
        com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        test(find(Button.class).withId("send-notice").single()).click();

        RadioButtonGroup<ContactType> kind = kind();
        assertThat(kind.isInvalid()).isTrue();
        List<String> onKind = com.vaadin.flow.component.UI.getCurrent().getInternals()
                .dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.getOwner() == kind.getElement().getNode())
                .map(call -> call.getInvocation().getExpression()).toList();
        // a group of radio buttons is no Focusable: its option takes the focus, and the page scrolls to it
        assertThat(onKind).anyMatch(script -> script.contains("focus")).anyMatch(script -> script.contains(
                "scrollIntoView"));
    }

    @Test
    @WithUserDetails(OPERATOR)
    void the_operator_sends_a_notice_to_a_chosen_customer_and_follows_its_progress() {
        // a customer account of the demo provider's own, with a technical contact
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long provider = jdbc.queryForObject("select id from organization where name = 'Kontor Platform'", Long.class);
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Notice view " + tag, provider);
        String number = customer.getCustomerNumber().orElseThrow().value();
        String contact = new NoticeTestData(onboarding, fixtures, jdbc).contact(customer.getId(),
                "tech-" + tag + "@notice.test", "Tina", "Tech", ContactType.TECHNICAL);

        navigate(PlatformNoticesView.class);
        // inside the navigation's group of the provider administration
        assertThat(find(SideNav.class).withId("provider-administration").single().getItems())
                .extracting(SideNavItem::getLabel).contains("Platform notices");
        test(kind()).selectItem("Technical");
        test(audience()).selectItem("Chosen organizations");
        test(find(TextArea.class).withId("notice-customers").single()).setValue(number);
        test(find(TextField.class).withId("notice-subject").single()).setValue("Maintenance " + tag);
        test(find(TextArea.class).withId("notice-body").single()).setValue("Sunday 02:00 to 04:00.");
        test(find(Button.class).withId("send-notice").single()).click();

        GridTester<Grid<NoticeStatus>, NoticeStatus> grid = test(grid());
        assertThat(grid.getCellText(0, 2)).isEqualTo("Maintenance " + tag);
        assertThat(grid.getCellText(0, 3)).isEqualTo(number);
        assertThat(((Span) grid.getCellComponent(0, 4)).getText()).isEqualTo("Queued");
        assertThat(grid.getCellText(0, 5)).isEqualTo("0 of 1");
        assertThat(find(TextField.class).withId("notice-subject").single().getValue()).isEmpty();

        // a batch failed (the fan-out's service test makes one fail for real): the list says when it is tried again
        NoticeStatus queued = grid.getRow(0);
        jdbc.update("update platform_notice set failed_attempts = 2, retry_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-11-25T13:05:00Z")), queued.id());
        navigate(PlatformNoticesView.class);
        Div stalled = (Div) test(grid()).getCellComponent(0, 4);
        List<String> lines = stalled.getChildren().map(c -> ((Span) c).getText()).toList();
        assertThat(lines.getFirst()).isEqualTo("Retrying");
        assertThat(lines.getLast()).startsWith("2 failed attempts, next try 11/25/2026, 2:05");

        NoticeTestData.sendAll(context, queued.id());

        // the open page follows the notices' progress: its list comes up to date without being opened again
        grid = test(grid());
        assertThat(stateOnceFollowed(grid)).isEqualTo("Sent");
        assertThat(grid.getCellText(0, 5)).isEqualTo("1 of 1");
        assertThat(jdbc.queryForList("select recipient from outgoing_mail where idempotency_key like ?",
                String.class, "notice:" + queued.id() + ":%")).containsExactly(contact);
    }

    @Test
    @WithUserDetails(OPERATOR)
    void empty_fields_are_marked_and_an_unknown_customer_number_is_named_next_to_its_field() {
        navigate(PlatformNoticesView.class);
        test(find(Button.class).withId("send-notice").single()).click();

        assertThat(kind().isInvalid()).isTrue();
        assertThat(find(TextField.class).withId("notice-subject").single().isInvalid()).isTrue();
        assertThat(find(TextArea.class).withId("notice-body").single().isInvalid()).isTrue();

        test(kind()).selectItem("Billing");
        test(audience()).selectItem("Chosen organizations");
        test(find(TextArea.class).withId("notice-customers").single()).setValue("CN-999999999");
        test(find(TextField.class).withId("notice-subject").single()).setValue("Prices");
        test(find(TextArea.class).withId("notice-body").single()).setValue("New prices from January.");
        test(find(Button.class).withId("send-notice").single()).click();

        TextArea customers = find(TextArea.class).withId("notice-customers").single();
        assertThat(customers.isInvalid()).isTrue();
        assertThat(customers.getErrorMessage()).isEqualTo("There is no customer account CN-999999999.");
    }

    @Test
    @WithUserDetails(OPERATOR)
    void a_notice_to_all_organizations_asks_once_more_and_cancel_sends_nothing() {
        navigate(PlatformNoticesView.class);
        String subject = "Everyone " + UUID.randomUUID();
        test(kind()).selectItem("Business");
        test(find(TextField.class).withId("notice-subject").single()).setValue(subject);
        test(find(TextArea.class).withId("notice-body").single()).setValue("New terms from January.");

        test(find(Button.class).withId("send-notice").single()).click();

        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = find(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).withId("confirm-send-notice").single();
        test(confirm).cancel();
        assertThat(jdbc.queryForObject("select count(*) from platform_notice where subject = ?", Integer.class,
                subject)).isZero();
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void support_is_turned_away() {
        navigate("admin/notices", AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_partner_administrator_is_turned_away() {
        navigate("admin/notices", AccessDeniedView.class);
        assertThat(find(SideNav.class).withId("main-navigation").single().getItems())
                .extracting(SideNavItem::getLabel).doesNotContain("Platform notices");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ContactType> kind() {
        return find(RadioButtonGroup.class).withId("notice-kind").single();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Object> audience() {
        return find(RadioButtonGroup.class).withId("notice-audience").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<NoticeStatus> grid() {
        return find(Grid.class).withId("notices").single();
    }

    /**
     * The first row's state once the page has taken in what the broadcast brought (until then the row shows the
     * retry it was opened with): the news arrives on a thread of its own and waits for the page's session, which the
     * test holds, so the test runs what waits, for a few seconds at most.
     */
    private static String stateOnceFollowed(GridTester<Grid<NoticeStatus>, NoticeStatus> grid) {
        Component cell = grid.getCellComponent(0, 4);
        for (int tries = 0; tries < 100 && !(cell instanceof Span); tries++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            MockVaadin.clientRoundtrip();
            cell = grid.getCellComponent(0, 4);
        }
        return cell instanceof Span state ? state.getText() : "still retrying: not brought up to date";
    }
}
