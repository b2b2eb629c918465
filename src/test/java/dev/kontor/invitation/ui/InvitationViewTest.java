package dev.kontor.invitation.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.kontor.account.ManagerService;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationState;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@ViewTest
class InvitationViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagerService managers;

    @Autowired
    InvitationService invitations;

    @Autowired
    Outbox outbox;

    @Autowired
    TenantProvisioning tenantProvisioning;

    @Autowired
    TenantAdministrators tenantAdministrators;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_forged_link_gets_a_clear_page() {
        navigate("invitation/forged-token", ClosedInvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-closed").single().getText())
                .contains("This link is not valid");
    }

    @Test
    void the_invited_person_sets_a_password_and_accepts() {
        String token = invitationToken();
        navigate("invitation/" + token, InvitationView.class);

        Paragraph text = find(Paragraph.class).withId("invitation-text").single();
        assertThat(text.getElement().getTextRecursively())
                .contains("Hello Petra Probe", "to manage the customer account Customer ");
        // what the role asks of a person new to Kontor, in one sentence
        assertThat(find(Paragraph.class).withId("invitation-role").single().getText()).isEqualTo("As a manager you"
                + " keep the account's data and its contact person up to date, and you can add further managers and"
                + " contacts.");
        // a phone breaks the sentence anywhere but inside the customer number
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("no-break").from(text).single()
                .getText()).matches("\\(CN-\\d+\\)");
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();

        test(password).setValue("password1234");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("too easy to guess");

        test(password).setValue("blue harbour lanterns sing quietly");
        test(repeat).setValue("blue harbour lanterns sing quiet");
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.OPEN);

        test(repeat).setValue("blue harbour lanterns sing quietly");
        test(find(Button.class).withId("accept-invitation").single()).click();

        Paragraph welcome = find(Paragraph.class).withId("invitation-accepted").single();
        assertThat(welcome.getElement().getTextRecursively()).contains("You are now a manager of Customer ");
        // the welcome keeps the customer number whole too ("(CN-" / "10003)" on a phone)
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("no-break").from(welcome).single()
                .getText()).matches("\\(CN-\\d+\\)");
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.USED);
    }

    @Test
    void someone_new_is_told_who_invited_them_to_what_and_may_decline_with_the_link_alone() {
        String token = invitationToken();
        String petra = invitations.preview(token).email();
        navigate("invitation/" + token, InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-text").single().getElement().getTextRecursively())
                .startsWith("Hello Petra Probe, Alice has invited you to manage the customer account Customer ");
        test(find(Button.class).withId("decline-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-declined").single().getElement().getTextRecursively())
                .startsWith("You declined the invitation to Customer ");
        // the declined membership is gone, and its invitation with it: the link opens nothing any more
        assertThat(invitations.preview(token).state()).isNotEqualTo(InvitationState.OPEN);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'INVITATION_DECLINED'"
                + " and summary like ?", Integer.class, petra + " declined%")).isEqualTo(1);
    }

    @Test
    void a_password_beyond_72_bytes_gets_a_clear_message_next_to_the_field_and_changes_nothing() {
        String token = invitationToken();
        navigate("invitation/" + token, InvitationView.class);
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();
        assertThat(password.getMaxLength()).isEqualTo(72);

        // 64 characters but 73 bytes: bcrypt refused such passwords with "Something went wrong" before
        String umlauts = "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!!";
        test(password).setValue(umlauts);
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at most 72 bytes", "accented letter (ä, é) as two",
                "emoji as four");

        test(repeat).setValue(umlauts);
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at most 72 bytes");
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.OPEN);

        String emoji = "blue harbour lanterns sing quietly while seven copper kettles 🔑🔑🔑";
        test(password).setValue(emoji);
        assertThat(password.getErrorMessage()).contains("at most 72 bytes");

        String seventyTwo = "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!";
        test(password).setValue(seventyTwo);
        assertThat(password.isInvalid()).isFalse();
        test(repeat).setValue(seventyTwo);
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getElement().getTextRecursively())
                .contains("You are now a manager of Customer ");
    }

    @Test
    void the_length_message_is_german_for_german_readers() {
        String token = invitationToken();
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("invitation/" + token, InvitationView.class);
        PasswordField password = find(PasswordField.class).withId("new-password").single();

        test(password).setValue("Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!!");

        assertThat(password.getErrorMessage()).contains("höchstens 72 Byte", "Umlaut oder Akzent (ä, é) doppelt",
                "Emoji vierfach");
    }

    @Test
    void a_used_link_gets_a_page_that_says_so() {
        String token = invitationToken();
        invitations.accept(token, "blue harbour lanterns sing quietly");

        navigate("invitation/" + token, ClosedInvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-closed").single().getText())
                .contains("accepted already");
    }

    @Test
    void a_person_with_a_password_is_asked_to_sign_in_and_then_accepts_as_themselves() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), known, "Kim Typed",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        String token = outbox.invitationTokenFor(known);

        navigate("invitation/" + token, InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-text").single().getElement().getTextRecursively())
                .contains("Hello Kim Typed");
        assertThat(find(Anchor.class).withId("sign-in-to-accept").single().getText()).isEqualTo("Sign in to accept");
        assertThat(find(Anchor.class).withId("sign-in-to-accept").single().getHref())
                .isEqualTo("invitation/" + token + "/sign-in");
        assertThat(find(PasswordField.class).exists()).isFalse();
        assertThat(find(Button.class).withId("accept-invitation").exists()).isFalse();

        fixtures.signIn(known);
        navigate("invitation/" + token, InvitationView.class);
        assertThat(find(Paragraph.class).withId("invitation-answer-as").single().getText()).contains(known);
        test(find(Button.class).withId("accept-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getElement().getTextRecursively())
                .contains("Customer " + account.tag());
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.USED);
    }

    @Test
    void the_signed_in_invitee_may_decline() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Dana");
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), known, "Dana Typed",
                Locale.ENGLISH));
        String token = outbox.invitationTokenFor(known);

        fixtures.signIn(known);
        navigate("invitation/" + token, InvitationView.class);
        test(find(Button.class).withId("decline-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-declined").single().getElement().getTextRecursively())
                .contains("Customer " + account.tag());
        // the invited membership ends with the answer, and its link with it
        assertThat(invitations.preview(token).state()).isIn(InvitationState.REVOKED, InvitationState.UNKNOWN);
        assertThat(jdbc.queryForObject("""
                select count(*) from membership m join app_user u on u.id = m.user_id
                where m.organization_id = ? and u.email = ?""", Integer.class, account.id(), known)).isZero();
    }

    @Test
    void someone_else_signed_in_is_told_that_the_link_is_not_theirs() {
        TestAccount account = fixtures.account("Alice");
        String token = invitationToken();

        fixtures.signIn(account.email("Alice"));
        navigate("invitation/" + token, InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-other").single().getText())
                .contains(account.email("Alice"), "for someone else");
        assertThat(find(Button.class).withId("accept-invitation").exists()).isFalse();
        assertThat(find(PasswordField.class).exists()).isFalse();
    }

    @Test
    void someone_else_who_follows_sign_in_to_accept_with_the_link_can_neither_accept_nor_decline() {
        TestAccount account = fixtures.account("Alice");
        String token = invitationToken();

        fixtures.signIn(account.email("Alice"));
        navigate(InvitationSignIn.pathFor(token), InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-other").single().getText()).contains("for someone else");
        assertThat(find(Button.class).withId("accept-invitation").exists()).isFalse();
        assertThat(find(Button.class).withId("decline-invitation").exists()).isFalse();
        assertThatThrownBy(() -> invitations.accept(token, "a long enough password of someone else"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("invitation.other-person"));
        assertThatThrownBy(() -> invitations.decline(token)).isInstanceOfSatisfying(RuleViolation.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("invitation.other-person"));
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.OPEN);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'INVITATION_REFUSED' "
                + "and actor_email = ?", Integer.class, account.email("Alice"))).isEqualTo(2);
    }

    @Test
    void an_invited_tenant_administrator_is_told_they_now_administer_the_tenant() {
        TestAccount account = fixtures.account("Alice");
        long tenant = tenantProvisioning.importTenant(TestTasks.setUp(), account.id(), "Filiale " + UUID.randomUUID(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        String email = "tina-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> tenantAdministrators.add(tenant, email, "Tina Test",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        navigate("invitation/" + outbox.invitationTokenFor(email), InvitationView.class);

        test(find(PasswordField.class).withId("new-password").single()).setValue("blue harbour lanterns sing quietly");
        test(find(PasswordField.class).withId("repeat-password").single())
                .setValue("blue harbour lanterns sing quietly");
        test(find(Button.class).withId("accept-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getElement().getTextRecursively())
                .startsWith("You are now an administrator of Filiale ");
    }

    private String invitationToken() {
        TestAccount account = fixtures.account("Alice");
        String email = "petra-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Petra Probe",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        return outbox.invitationTokenFor(email);
    }
}
