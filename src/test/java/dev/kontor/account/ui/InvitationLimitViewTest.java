package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The invitation limit as the person over it meets it: Add manager on the account's page says in their language
 * that they have sent many invitations and when they may send the next, keeps what they typed, and invites nobody.
 * The limit is three an hour here, as in {@code InvitationLimitTest}, whose Spring context this shares.
 */
@ViewTest
@TestPropertySource(properties = "kontor.invitation.per-person-per-hour=3")
class InvitationLimitViewTest extends SpringBrowserlessTest {

    private static final String ACCOUNT = "CN-10001";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_manager_over_the_limit_is_told_so_in_their_language_in_add_manager_and_nobody_is_invited() {
        fixtures.signIn(DemoPeople.ANNA);
        navigate("accounts/" + ACCOUNT, DashboardView.class);
        DialogSections.openAll();
        for (int i = 0; i < 3; i++) {
            String invitee = "allowed-" + i + "-" + UUID.randomUUID() + "@example.test";
            addManager(invitee, "Olga Ok");
            assertThat(openDialogs()).isEmpty();
            assertThat(outbox.to(invitee)).hasSize(1);
        }
        closeNotices();
        int membershipsBefore = memberships();

        String fourth = "fourth-" + UUID.randomUUID() + "@example.test";
        addManager(fourth, "Fritz Four");

        assertThat(openDialogs()).as("the dialog stays open with what was typed").hasSize(1);
        assertThat(email().getValue()).isEqualTo(fourth);
        assertThat(openNotices()).singleElement().asString()
                .matches("You have sent many invitations and address confirmations in a short time; try again in \\d+ minutes\\.");
        assertNobodyInvited(fourth, membershipsBefore);

        openDialogs().forEach(AddManagerDialog::close);
        closeNotices();
        UI.getCurrent().setLocale(Locale.GERMAN);
        String fifth = "fifth-" + UUID.randomUUID() + "@example.test";
        addManager(fifth, "Fritz Fünf");

        assertThat(openDialogs()).hasSize(1);
        assertThat(openNotices()).singleElement().asString().matches(
                "Sie haben in kurzer Zeit viele Einladungen und Adressbestätigungen verschickt; versuchen Sie es in \\d+ Minuten wieder\\.");
        assertNobodyInvited(fifth, membershipsBefore);
    }

    private void addManager(String email, String name) {
        test(find(Button.class).withId("add-manager").single()).click();
        test(email()).setValue(email);
        test(find(TextField.class).withId("new-manager-name").single()).setValue(name);
        test(find(Button.class).withId("submit-new-manager").single()).click();
    }

    private void assertNobodyInvited(String email, int membershipsBefore) {
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email))
                .isZero();
        assertThat(outbox.to(email)).isEmpty();
        assertThat(memberships()).isEqualTo(membershipsBefore);
    }

    private int memberships() {
        return jdbc.queryForObject("""
                select count(*) from membership m join organization o on o.id = m.organization_id
                where o.customer_number = ?""", Integer.class, ACCOUNT);
    }

    private List<AddManagerDialog> openDialogs() {
        return find(AddManagerDialog.class).all().stream().filter(AddManagerDialog::isOpened).toList();
    }

    private EmailField email() {
        return find(EmailField.class).withId("new-manager-email").single();
    }

    private List<String> openNotices() {
        return find(Notification.class).all().stream().filter(Notification::isOpened).map(n -> test(n).getText())
                .toList();
    }

    private void closeNotices() {
        find(Notification.class).all().forEach(Notification::close);
    }
}
