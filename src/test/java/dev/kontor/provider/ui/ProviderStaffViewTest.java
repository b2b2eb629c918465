package dev.kontor.provider.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Provider staff without a browser: the list and its filters, Invite person, and the actions on a row. */
@ViewTest
class ProviderStaffViewTest extends SpringBrowserlessTest {

    static final String OPERATOR = "operator@kontor.test";

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.kontor.organization.OrganizationOnboarding onboarding;

    @Autowired
    dev.kontor.user.UserAccountService users;

    @Test
    @WithUserDetails(OPERATOR)
    void the_administrator_sees_the_staff_with_a_count_and_filters_them_and_finds_the_page_in_the_navigation() {
        navigate(ProviderStaffView.class);

        assertThat(find(SideNav.class).withId("provider-administration").single().getItems())
                .extracting(SideNavItem::getLabel).containsSubsequence("Provider staff", "Platform notices");
        assertThat(find(com.vaadin.flow.component.html.H2.class).single().getText()).isEqualTo("Provider staff");
        assertThat(count()).matches("\\d+ people match");
        test(textField("staff-filter")).setValue("Sophie");
        assertThat(count()).isEqualTo("One person matches");
        assertThat(cell(0, 0)).containsExactly("Sophie Stern", DemoPeople.SUPPORT);
        assertThat(cell(0, 1)).startsWith("Support", "Active");

        test(textField("staff-filter")).setValue("Olga");
        assertThat(cell(0, 0).getFirst()).isEqualTo("Olga Ortmann (you)");
        // one's own row offers nothing: nobody changes their own role
        assertThat(test(grid()).getCellComponent(0, 2).getChildren()).isEmpty();

        test(textField("staff-filter")).setValue("");
        roleFilter().setValue(MembershipRole.PROVIDER_ADMINISTRATOR);
        stateFilter().setValue(MembershipState.DEACTIVATED);
        test(textField("staff-filter")).setValue("nobody-" + UUID.randomUUID());
        assertThat(count()).isEqualTo("No people match");
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    @WithUserDetails(OPERATOR)
    void on_a_phone_the_person_takes_the_room_beside_the_frozen_actions_and_tells_role_and_state() {
        ProviderStaffView view = navigate(ProviderStaffView.class);
        test(textField("staff-filter")).setValue("Sophie");

        view.fitColumns(390);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("person", "actions");
        assertThat(test(grid()).getCellComponent(0, 0).getElement().getTextRecursively())
                .contains("Sophie Stern", DemoPeople.SUPPORT, "Support", "Active");

        view.fitColumns(1366);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("person", "role", "actions");
        assertThat(cell(0, 0)).containsExactly("Sophie Stern", DemoPeople.SUPPORT);
    }

    @Test
    @WithUserDetails(OPERATOR)
    void inviting_checks_the_fields_and_answers_the_same_for_every_address_then_the_row_offers_resend_and_withdraw() {
        navigate(ProviderStaffView.class);
        test(button("invite-staff")).click();
        EmailField email = find(EmailField.class).withId("staff-email").single();
        test(email).setValue("not an address");
        test(textField("staff-name")).setValue("Paula Probe");
        test(button("send-staff-invitation")).click();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("valid e-mail address");

        String address = "paula-" + UUID.randomUUID() + "@example.test";
        test(email).setValue(address);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<MembershipRole> role = find(RadioButtonGroup.class).withId("staff-role").single();
        test(role).selectItem("Provider administrator");
        test(button("send-staff-invitation")).click();

        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("If " + address + " does not hold this role yet, an invitation is on its way.");
        assertThat(outbox.to(address)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).contains("Provider administrator"));
        test(textField("staff-filter")).setValue(address);
        Member invited = test(grid()).getRow(0);
        assertThat(cell(0, 0).getFirst()).isEqualTo("Paula Probe");
        assertThat(cell(0, 1).getLast()).isEqualTo("Invited");

        test(rowAction("resend-staff-" + invited.membershipId())).click();
        assertThat(outbox.to(address)).hasSize(2);

        test(rowAction("remove-staff-" + invited.membershipId())).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-staff-change").single();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Withdraw the invitation?");
        test(confirm).confirm();
        assertThat(count()).isEqualTo("No people match");
    }

    @Test
    @WithUserDetails(OPERATOR)
    void deactivating_asks_first_and_reactivating_gives_the_role_back() {
        String address = "dora-" + UUID.randomUUID() + "@example.test";
        long membership = activeSupport(address);
        navigate(ProviderStaffView.class);
        test(textField("staff-filter")).setValue(address);

        test(rowAction("deactivate-staff-" + membership)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-staff-change").single();
        test(confirm).confirm();
        assertThat(cell(0, 1).get(1)).isEqualTo("Deactivated");

        test(rowAction("reactivate-staff-" + membership)).click();
        assertThat(cell(0, 1).get(1)).isEqualTo("Active");
        assertThat(test(find(Notification.class).last()).getText()).endsWith("holds the role Support again.");
    }

    @Test
    @WithUserDetails(OPERATOR)
    void the_page_speaks_german_with_its_plural_forms() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(ProviderStaffView.class);

        test(textField("staff-filter")).setValue("Sophie");
        assertThat(count()).isEqualTo("Eine Person gefunden");
        assertThat(cell(0, 1)).startsWith("Support", "Aktiv");
        test(textField("staff-filter")).setValue("");
        assertThat(count()).matches("\\d+ Personen gefunden");
        test(button("invite-staff")).click();
        assertThat(find(com.vaadin.flow.component.dialog.Dialog.class).withId("invite-staff-dialog").single()
                .getHeaderTitle()).isEqualTo("Eine Person ins Plattform-Team einladen");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void support_staff_are_shown_the_refusal_page_and_no_navigation_entry() {
        navigate("admin/staff", AccessDeniedView.class);

        assertThat(find(SideNav.class).withId("provider-administration").exists()).isFalse();
    }

    /** An active support person of the demo provider, made as the provider's tooling would. */
    private long activeSupport(String address) {
        long provider = jdbc.queryForObject("select min(id) from organization where kind = 'PROVIDER'", Long.class);
        var user = users.registerWithPasswordHash(TestTasks.setUp(), new dev.kontor.user.EmailAddress(address),
                "Dora Dienst", null);
        return onboarding.grant(TestTasks.setUp(), user.getId(), provider, MembershipRole.SUPPORT).getId();
    }

    /** A button on the first row: a grid's cells are rendered on demand, not part of the component tree. */
    private Button rowAction(String id) {
        return test(grid()).getCellComponent(0, 2).getChildren().map(Button.class::cast)
                .filter(button -> button.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    /** The texts of a cell's lines. */
    private java.util.List<String> cell(int row, int column) {
        return test(grid()).getCellComponent(row, column).getChildren()
                .map(line -> ((com.vaadin.flow.component.html.Span) line).getText()).toList();
    }

    private String count() {
        return find(Paragraph.class).withId("staff-count").single().getText();
    }

    @SuppressWarnings("unchecked")
    private Grid<Member> grid() {
        return find(Grid.class).withId("provider-staff").single();
    }

    @SuppressWarnings("unchecked")
    private Select<MembershipRole> roleFilter() {
        return find(Select.class).withId("staff-role-filter").single();
    }

    @SuppressWarnings("unchecked")
    private Select<MembershipState> stateFilter() {
        return find(Select.class).withId("staff-state-filter").single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }
}
