package dev.kontor.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.access.AccessPolicyService;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.SignInCodes;
import dev.kontor.security.ui.SecurityView;
import com.vaadin.flow.component.html.Paragraph;
import dev.kontor.testing.WithCompletedSignIn;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AccessViewsTest extends SpringBrowserlessTest {

    @Autowired
    AccessSessions sessions;

    @Autowired
    AccessPolicyService policies;

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void entering_an_account_shows_the_banner_on_every_page_and_leaving_ends_the_session() {
        navigate("access/CN-10001", AccessStartView.class);
        test(find(TextField.class).withId("access-reason").single()).setValue("TICKET-9");
        test(find(Button.class).withId("enter-account").single()).click();

        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
        assertThat(find(Span.class).withId("access-banner-text").single().getElement().getTextRecursively())
                .isEqualTo("You are working in Bäckerei Sonnenschein (CN-10001) for Muster Hosting GmbH"
                        + " · reason: TICKET-9");
        // a phone wraps the banner, never inside the customer number
        assertThat(find(Span.class).withClassName("no-break").all()).extracting(Span::getText)
                .contains("(CN-10001)");
        navigate("audit", dev.kontor.audit.ui.AuditLogView.class);
        assertThat(find(Div.class).withId("access-banner").exists()).isTrue();

        test(find(Button.class).withId("leave-account").single()).click();
        assertThat(sessions.current()).isEmpty();
    }

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void the_page_after_leave_account_says_which_account_was_left_once_in_english_and_german() {
        for (java.util.Locale language : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            com.vaadin.flow.component.UI.getCurrent().setLocale(language);
            navigate("access/CN-10001", AccessStartView.class);
            test(find(Button.class).withId("enter-account").single()).click();
            test(find(Button.class).withId("leave-account").single()).click();

            // the button reloads the page; the next page of the tab is the landing page
            navigate("audit", dev.kontor.audit.ui.AuditLogView.class);
            assertThat(find(Div.class).withId("access-left").single().getElement().getTextRecursively())
                    .isEqualTo(language == java.util.Locale.ENGLISH
                            ? "You have left the account of Bäckerei Sonnenschein (CN-10001) and work as yourself again."
                            : "Sie haben das Konto von Bäckerei Sonnenschein (CN-10001) verlassen und arbeiten wieder"
                                    + " als Sie selbst.");
            assertThat(find(Div.class).withId("access-left").single().getElement().getAttribute("role"))
                    .isEqualTo("status");
            navigate("audit", dev.kontor.audit.ui.AuditLogView.class);
            assertThat(find(Div.class).withId("access-left").exists()).as("said once").isFalse();
        }
    }

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void the_access_page_names_the_account_by_name_and_unbroken_number_on_your_customers_behalf() {
        navigate("access/CN-10001", AccessStartView.class);

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).all())
                .extracting(paragraph -> paragraph.getElement().getTextRecursively())
                .contains("You are about to work in the account Bäckerei Sonnenschein (CN-10001) on your customer's "
                        + "behalf. Everything you do there is recorded under your name, for your organization.");
        assertThat(find(Span.class).withClassName("no-break").all()).extracting(Span::getText)
                .contains("(CN-10001)");
    }

    @Test
    @WithCompletedSignIn(DemoPeople.EMPLOYEE)
    void with_view_only_the_account_dialog_is_read_only() {
        navigate("access/CN-10002", AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        navigate("accounts/CN-10002", DashboardView.class);
        DialogSections.openAll();

        assertThat(find(Span.class).withId("contact-person-name").single().getText()).startsWith("Clara Weber");
        assertThat(find(Button.class).withId("edit-contact-person").exists()).isFalse();
        assertThat(find(Button.class).withId("add-manager").exists()).isFalse();
        assertThat(find(Button.class).withId("save-master-data").exists()).isFalse();
        assertThat(find(Button.class).withId("confirm-contact-data").exists()).isFalse();
        assertThat(find(TextField.class).withId("company-name").single().isReadOnly()).isTrue();
        // issue 13's review: the dialog says why its fields cannot be changed, in one line at the top
        assertThat(find(Paragraph.class).withId("account-read-only").single().getText())
                .isEqualTo("You can read this but not change it: changing the account data needs the right "
                        + "“Administer everything”, which you do not hold here.");
        sessions.leave();
    }

    @Test
    @WithCompletedSignIn(DemoPeople.EMPLOYEE)
    void with_view_only_the_card_offers_to_view_the_data_not_to_edit_them() {
        navigate("access/CN-10002", AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        try {
            // the footer is a slot of the card, outside its children
            assertThat(((Button) find(com.vaadin.flow.component.card.Card.class).withId("account-CN-10002").single()
                    .getFooterComponents()[0]).getText()).isEqualTo("View data");
        } finally {
            sessions.leave();
        }
    }

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void with_a_right_to_change_something_the_card_offers_to_edit_the_data() {
        navigate("access/CN-10001", AccessStartView.class);
        test(find(TextField.class).withId("access-reason").single()).setValue("TICKET-9");
        test(find(Button.class).withId("enter-account").single()).click();
        try {
            assertThat(((Button) find(com.vaadin.flow.component.card.Card.class).withId("account-CN-10001").single()
                    .getFooterComponents()[0]).getText()).isEqualTo("Edit data");
        } finally {
            sessions.leave();
        }
    }

    @Test
    @WithCompletedSignIn(DemoPeople.EMPLOYEE)
    void an_employee_cannot_enter_an_account_not_assigned_to_them() {
        navigate("access/CN-10001", RefusalView.class);

        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Access denied");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_sign_in_with_the_password_alone_gives_a_code_first_and_then_enters_the_account() {
        navigate("access/CN-10001", SecurityView.class);
        assertThat(find(Paragraph.class).withId("second-factor-needed").single().getText())
                .startsWith("To enter a customer's account, you must have signed in with a second factor.");
        assertThat(find(Button.class).withId("enter-account").exists()).isFalse();

        test(find(TextField.class).withId("second-factor-current-code").single())
                .setValue(SignInCodes.forDemoPerson(DemoPeople.PARTNER_ADMIN).orElseThrow());
        test(find(Button.class).withId("second-factor-confirm").single()).click();

        assertThat(getCurrentView()).isInstanceOf(AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        assertThat(sessions.current()).hasValueSatisfying(access ->
                assertThat(access.customerNumber()).isEqualTo("CN-10001"));
        sessions.leave();
    }

    @Test
    @WithUserDetails(DemoPeople.DORA)
    void the_accounts_manager_sets_the_partner_access_rules_in_the_account_dialog() {
        navigate("accounts/CN-10003", DashboardView.class);
        DialogSections.openAll();

        Checkbox reason = find(Checkbox.class).withId("policy-require-reason").single();
        Checkbox notify = find(Checkbox.class).withId("policy-notify").single();
        test(reason).click();
        test(notify).click();
        test(find(Button.class).withId("save-access-policy").single()).click();

        AccessPolicyService.Rules rules = policies.rulesOf(accountIdOfNordlicht());
        assertThat(rules.requireReason()).isTrue();
        assertThat(rules.notifyContactPerson()).isTrue();
    }

    @Test
    @WithCompletedSignIn(DemoPeople.EMPLOYEE)
    void a_partner_in_the_account_reads_the_partner_sections_as_the_customers_decisions_and_read_only() {
        navigate("access/CN-10002", AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        long account = accounts.details(new dev.kontor.organization.CustomerNumber("CN-10002")).accountId();
        try {
            // built as the account dialog builds them, without depending on when the dialog builds its sections
            PartnerAccessSection rules = new PartnerAccessSection(policies, account);
            dev.kontor.partner.ui.PartnersSection partners = new dev.kontor.partner.ui.PartnersSection(
                    customerPartners, account, () -> { });
            com.vaadin.flow.component.UI.getCurrent().add(rules, partners);

            assertThat(find(Paragraph.class).withId("partner-access-read-only").single().getText())
                    .isEqualTo("Read only: only the customer's managers change this.");
            assertThat(find(Paragraph.class).withId("partners-read-only").single().getText())
                    .isEqualTo("Read only: only the customer's managers change this.");
            assertThat(rules.getElement().getTextRecursively()).contains("The customer decides how partners enter.")
                    .doesNotContain("Decide how they enter");
            // the reader works for the partner: it is their organization, by name
            assertThat(partners.getElement().getTextRecursively())
                    .contains("Your rights in this account are the ones the customer granted your organization "
                            + "(Muster Hosting GmbH)")
                    .doesNotContain("you grant them", "your partner");
        } finally {
            sessions.leave();
        }
    }

    @Autowired
    dev.kontor.partner.CustomerPartnerService customerPartners;

    @Autowired
    dev.kontor.account.AccountService accounts;

    private long accountIdOfNordlicht() {
        return accounts.details(new dev.kontor.organization.CustomerNumber("CN-10003")).accountId();
    }
}
