package dev.kontor.partner.ui;

import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.TestRequests;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.security.ui.LoginView;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.NewCustomer;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

@ViewTest
class RelationshipRequestViewTest extends SpringBrowserlessTest {

    private static final String STRONG = "quiet rivers carry old maps";

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRequests requests;

    @Autowired
    RelationshipAnswers answers;

    private TestPartner partner;

    @BeforeEach
    void partner() {
        partner = fixtures.partner("Friendly Hosting");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithAnonymousUser
    void a_forged_link_gets_a_clear_page() {
        navigate("partner-request/forged-token", ClosedRequestView.class);

        assertThat(find(Paragraph.class).withId("request-closed").single().getText())
                .contains("This link is not valid");
    }

    @Test
    @WithAnonymousUser
    void a_new_manager_sees_the_requested_rights_ticked_chooses_a_password_and_grants_fewer() {
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), partner.legalUserId());
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Paragraph.class).withId("partner-request-text").single().getElement().getTextRecursively())
                .isEqualTo(partner.name() + " asks for access to the customer account " + customer.label() + ".");
        // on a phone the sentence breaks anywhere but inside the customer number
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("no-break")
                .from(find(Paragraph.class).withId("partner-request-text").single()).single().getText())
                .matches("CN-\\d+");
        assertThat(box(OrganizationRight.VIEW).getValue()).isTrue();
        assertThat(box(OrganizationRight.VIEW).isReadOnly()).isTrue();
        assertThat(box(MANAGE_USERS).getValue()).isTrue();
        assertThat(box(MANAGE_CONTACTS).getValue()).isTrue();
        assertThat(box(OrganizationRight.BILLING).getValue()).isFalse();
        assertThat(box(OrganizationRight.ADMIN).getValue()).isFalse();
        assertThat(box(OrganizationRight.ADMIN).getHelperText()).contains("Only one partner can hold it");
        assertThat(box(MANAGE_CONTACTS).getLabel()).isEqualTo("Manage contacts");

        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();
        test(password).setValue("password1234");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("too easy to guess");

        test(box(MANAGE_USERS)).click();
        test(password).setValue(STRONG);
        test(repeat).setValue(STRONG + "!");
        test(find(Button.class).withId("accept-request").single()).click();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");

        test(repeat).setValue(STRONG);
        test(find(Button.class).withId("accept-request").single()).click();

        assertThat(find(Paragraph.class).withId("request-answered").single().getElement().getTextRecursively())
                .isEqualTo(partner.name() + " now works on " + customer.label()
                        + " with these rights: See the account, Manage contacts.");
        assertThat(find(Anchor.class).withId("after-answer").single().getHref()).isEqualTo("login");
        assertThat(requests.grantedRights(request.id())).isEqualTo("VIEW,MANAGE_CONTACTS");
    }

    @Test
    @WithAnonymousUser
    void a_password_the_service_refuses_shows_at_the_field_and_changes_nothing() {
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        PasswordField password = find(PasswordField.class).withId("new-password").single();
        test(password).setValue(customer.managerEmail());
        test(find(PasswordField.class).withId("repeat-password").single()).setValue(customer.managerEmail());
        test(find(Button.class).withId("accept-request").single()).click();

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("must not contain your name");
        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
    }

    @Test
    void a_signed_in_manager_answers_as_themselves_and_declines_after_confirming() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        fixtures.signIn(account.email("Alice"));
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Paragraph.class).withId("answer-as").single().getElement().getTextRecursively())
                .isEqualTo("You answer as Alice, a manager of " + account.label() + ".");
        assertThat(find(PasswordField.class).exists()).isFalse();
        test(find(Button.class).withId("decline-request").single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-decline-request").single();
        assertThat(confirm.isOpened()).isTrue();
        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        test(confirm).confirm();

        assertThat(find(Paragraph.class).withId("request-answered").single().getElement().getTextRecursively())
                .contains("You declined the request of " + partner.name());
        assertThat(requests.state(request.id())).isEqualTo("DECLINED");
    }

    @Test
    void an_invited_first_manager_is_told_they_are_only_invited_and_becomes_manager_by_accepting() {
        NewCustomer customer = fixtures.newCustomerOfKnownPerson(partner, "Ben");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        fixtures.signIn(customer.managerEmail());
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Paragraph.class).withId("answer-as").single().getElement().getTextRecursively())
                .startsWith("You answer as Ben, invited manager of " + customer.name());
        test(find(Button.class).withId("accept-request").single()).click();

        assertThat(requests.state(request.id())).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select state from membership where organization_id = ? and user_id = ?",
                String.class, customer.id(), customer.managerUserId())).isEqualTo("ACTIVE");
        assertThat(find(Anchor.class).withId("after-answer").single().getHref())
                .isEqualTo("accounts/" + customer.customerNumber());
    }

    @Test
    void a_signed_in_manager_accepts_and_is_led_to_the_account() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), partner.legalUserId());
        fixtures.signIn(account.email("Alice"));
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        test(box(MANAGE_CONTACTS)).click();
        test(find(Button.class).withId("accept-request").single()).click();

        assertThat(requests.grantedRights(request.id())).isEqualTo("VIEW,MANAGE_USERS");
        assertThat(find(Anchor.class).withId("after-answer").single().getHref())
                .isEqualTo("accounts/" + account.customerNumber());
    }

    @Test
    @WithAnonymousUser
    void a_signed_out_visitor_is_shown_the_way_through_sign_in_and_back() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Checkbox.class).exists()).isFalse();
        assertThat(find(Button.class).withId("accept-request").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("requested-rights").single().getText())
                .isEqualTo("Rights asked for: See the account, Manage users");
        Anchor signIn = find(Anchor.class).withId("sign-in-to-answer").single();
        assertThat(signIn.getText()).isEqualTo("Sign in to answer");
        assertThat(signIn.getHref()).isEqualTo("partner-request/" + request.token() + "/sign-in");

        // that address requires sign-in: a signed-out visitor lands on the sign-in page (which brings them back)
        navigate(signIn.getHref(), LoginView.class);
    }

    @Test
    void once_signed_in_the_sign_in_address_forwards_to_the_request() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        fixtures.signIn(account.email("Alice"));

        navigate(RelationshipRequestSignIn.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Button.class).withId("accept-request").exists()).isTrue();
    }

    @Test
    void someone_who_does_not_manage_the_account_is_told_so() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        String stranger = fixtures.person("Stranger");
        fixtures.signIn(stranger);

        navigate(RelationshipRequestView.pathFor(request.token()), RelationshipRequestView.class);

        assertThat(find(Paragraph.class).withId("not-a-manager").single().getElement().getTextRecursively())
                .contains("You are signed in as " + stranger + ", who does not manage " + account.label());
        assertThat(find(Button.class).withId("accept-request").exists()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void an_answered_link_gets_a_page_that_says_so() {
        TestAccount account = fixtures.account("Alice");
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());
        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), Set.of(MANAGE_USERS), null));

        navigate(RelationshipRequestView.pathFor(request.token()), ClosedRequestView.class);

        assertThat(find(Paragraph.class).withId("request-closed").single().getText())
                .contains("answered already");
    }

    private Checkbox box(OrganizationRight right) {
        return find(Checkbox.class).withId("right-" + right.name()).single();
    }
}
