package dev.kontor.provider.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Provider staff and their second factors: always required (nothing to switch), and a provider administrator resets
 * a colleague's lost factor from the staff list.
 */
@ViewTest
class ProviderStaffSecondFactorViewTest extends SpringBrowserlessTest {

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(ProviderStaffViewTest.OPERATOR)
    void the_administrator_resets_a_colleagues_factor_and_finds_the_requirement_always_on() {
        String colleague = fixtures.person("Quirin");
        long membership = colleagueWithAFactor(colleague);

        navigate(ProviderStaffView.class);
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .isEqualTo("The provider staff always sign in with a second factor.");
        assertThat(find(Checkbox.class).withId("second-factor-required").exists()).isFalse();
        test(find(TextField.class).withId("staff-filter").single()).setValue(colleague);

        Button reset = resetButton(actionsOfFirstRow(), membership);
        test(reset).click();
        test(find(ConfirmDialog.class).withId("confirm-second-factor-reset").single()).confirm();

        assertThat(jdbc.queryForObject("select count(*) from second_factor where user_id = ?", Integer.class,
                fixtures.userIdOf(colleague))).isZero();
    }

    @Test
    @WithUserDetails(ProviderStaffViewTest.OPERATOR)
    void the_german_reset_button_has_a_label_short_enough_for_the_actions_column_and_may_wrap() {
        String colleague = fixtures.person("Ruth");
        long membership = colleagueWithAFactor(colleague);
        UI.getCurrent().setLocale(Locale.GERMAN);

        navigate(ProviderStaffView.class);
        test(find(TextField.class).withId("staff-filter").single()).setValue(colleague);
        Component cell = actionsOfFirstRow();
        Button reset = resetButton(cell, membership);

        assertThat(reset.getText()).isEqualTo("2. Faktor zurücksetzen");
        // the stylesheet lets a button in an action cell wrap its label instead of being cut off
        assertThat(cell.getClassNames()).contains("action-cell");
    }

    /** A colleague of the operator's in the provider staff, with a second factor; the membership's id. */
    private long colleagueWithAFactor(String colleague) {
        long provider = jdbc.queryForObject("""
                select m.organization_id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.role = 'PROVIDER_ADMINISTRATOR'""", Long.class,
                ProviderStaffViewTest.OPERATOR);
        long membership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(colleague), provider,
                MembershipRole.SUPPORT).getId();
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", fixtures.userIdOf(colleague), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        return membership;
    }

    /** The actions cell of the staff list's first row. */
    private Component actionsOfFirstRow() {
        @SuppressWarnings("unchecked")
        Grid<Member> grid = find(Grid.class).withId("provider-staff").single();
        return test(grid).getCellComponent(0, 2);
    }

    private static Button resetButton(Component cell, long membership) {
        return cell.getChildren().map(Button.class::cast)
                .filter(button -> ("reset-second-factor-" + membership).equals(button.getId().orElse(null)))
                .findFirst().orElseThrow();
    }
}
