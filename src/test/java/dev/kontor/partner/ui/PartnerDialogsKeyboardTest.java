package dev.kontor.partner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RelationshipState;
import dev.kontor.partner.RequestDelivery;
import dev.kontor.partner.RequestDraft;
import dev.kontor.partner.SentRequest;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogKeyboard;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.GridCells;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The partner's dialogs with the keyboard (Add customer, Request relationship, Assign employees, a partner's rights,
 * Review), the buttons that send mail, and the partner views of a partner that has nothing yet.
 */
@ViewTest
class PartnerDialogsKeyboardTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    PartnerService partners;
    @Autowired
    ManagedCustomerService customers;
    @Autowired
    dev.kontor.testing.MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void add_customer_starts_in_the_company_name_and_enter_adds_one_customer_with_one_mail() {
        TestPartner partner = signedInLegal();
        navigate(ManagedCustomersView.class);
        test(button("add-customer")).click();
        AddCustomerDialog dialog = find(AddCustomerDialog.class).single();
        DialogKeyboard.assertFormKeys(dialog, "submit-new-customer", textField("new-customer-name"));

        String manager = "greta-" + partner.id() + "@example.test";
        test(textField("new-customer-name")).setValue("Gärtnerei Grün");
        test(find(EmailField.class).withId("new-customer-manager-email").single()).setValue(manager);
        test(textField("new-customer-manager-name")).setValue("Greta Grün");
        Button add = button("submit-new-customer");
        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(add).isUsable()).isFalse();
        assertThat(outbox.to(manager)).hasSize(1);
        assertThat(partners.countSentRequests(partner.id())).isEqualTo(1);
    }

    @Test
    void esc_asks_before_dropping_a_half_filled_customer() {
        signedInLegal();
        navigate(ManagedCustomersView.class);
        test(button("add-customer")).click();
        AddCustomerDialog dialog = find(AddCustomerDialog.class).single();
        test(textField("new-customer-name")).setValue("Gärtnerei Grün");

        DialogKeyboard.pressEscape(dialog);

        assertThat(find(ConfirmDialog.class).withId("confirm-discard").single().isOpened()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void enter_reviews_the_request_but_only_a_click_sends_it_and_esc_then_closes_without_asking() {
        TestPartner partner = signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        navigate(ManagedCustomersView.class);
        test(button("request-relationship")).click();
        RequestRelationshipDialog dialog = find(RequestRelationshipDialog.class).single();
        DialogKeyboard.assertFormKeys(dialog, "review-request", textField("request-customer-number"));

        test(textField("request-customer-number")).setValue(customer.customerNumber());
        test(find(EmailField.class).withId("request-manager-email").single()).setValue(customer.email("Alice"));
        DialogKeyboard.pressEnter(dialog);
        assertThat(find(TextArea.class).withId("request-draft").single().getValue()).isNotBlank();

        // the draft is read, not a form: Enter sends nothing
        DialogKeyboard.pressEnter(dialog);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(outbox.to(customer.email("Alice"))).isEmpty();

        Button send = button("send-request");
        assertThat(send.isDisableOnClick()).isTrue();
        test(send).click();
        assertThat(outbox.to(customer.email("Alice"))).hasSize(1);
        assertThat(test(send).isUsable()).isFalse();
        assertThat(partners.countSentRequests(partner.id())).isEqualTo(1);
    }

    @Test
    void esc_after_the_draft_closes_at_once_and_leaves_no_request_behind() {
        TestPartner partner = signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        RequestRelationshipDialog dialog = reviewRequest(customer.customerNumber(), customer.email("Alice"));

        DialogKeyboard.pressEscape(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(find(ConfirmDialog.class).withId("confirm-discard").exists()).isFalse();
        assertThat(partners.countSentRequests(partner.id())).isZero();
    }

    @Test
    void closing_the_draft_without_sending_leaves_nothing_and_sending_makes_exactly_one_request() {
        TestPartner partner = signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        RequestRelationshipDialog dialog = reviewRequest(customer.customerNumber(), customer.email("Alice"));
        test(button("close-without-sending")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(partners.countSentRequests(partner.id())).isZero();
        assertThat(requestedAudits(customer)).isZero();
        assertThat(requestedAudits(partner.id())).isZero();

        reviewRequest(customer.customerNumber(), customer.email("Alice"));
        test(button("send-request")).click();
        assertThat(partners.countSentRequests(partner.id())).isOne();
        assertThat(requestedAudits(customer)).isOne();
        assertThat(outbox.to(customer.email("Alice"))).hasSize(1);
    }

    @Test
    void copying_the_draft_makes_the_request_for_the_partner_to_send_and_kontor_mails_nothing() {
        TestPartner partner = signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        RequestRelationshipDialog dialog = reviewRequest(customer.customerNumber(), customer.email("Alice"));
        test(button("copy-request")).click();
        test(button("copy-request")).click();
        test(button("close-without-sending")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(partners.countSentRequests(partner.id())).isOne();
        assertThat(outbox.to(customer.email("Alice"))).isEmpty();
    }

    @Test
    void after_the_days_mismatches_the_form_says_until_when_next_to_the_number_even_for_a_right_pair() {
        signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        navigate(ManagedCustomersView.class);
        test(button("request-relationship")).click();
        TextField number = textField("request-customer-number");
        EmailField email = find(EmailField.class).withId("request-manager-email").single();
        test(number).setValue(customer.customerNumber());
        for (int i = 0; i < 10; i++) {
            test(email).setValue("guess-" + i + "@example.test");
            test(button("review-request")).click();
            assertThat(number.getErrorMessage()).startsWith("No customer account with this number");
        }
        test(email).setValue(customer.email("Alice"));
        test(button("review-request")).click();

        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).startsWith("Too many requests matched no account today. Try again after ")
                .endsWith(".").containsPattern("\\d{1,2}:\\d{2}");
        assertThat(find(TextArea.class).withId("request-draft").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void assign_employees_saves_with_enter_and_its_save_is_last_and_primary() {
        PartnerMembership partner = partners.myPartners().getFirst();
        ManagedCustomer weber = customers.rows(partner.partnerId(), ManagedCustomerFilter.none(),
                PageRequest.of(0, 10)).stream().filter(row -> row.customerNumber().equals("CN-10002")).findFirst()
                .orElseThrow();
        AtomicInteger changed = new AtomicInteger();
        AssignEmployeesDialog dialog = new AssignEmployeesDialog(partners, partner.partnerId(), weber,
                changed::incrementAndGet);
        dialog.open();
        List<Button> footer = DialogKeyboard.footer(dialog);
        assertThat(footer.getLast().getId()).contains("save-assignments");
        assertThat(footer.getLast().getThemeNames()).contains("primary");
        assertThat(DialogKeyboard.enterClicks(dialog)).isSameAs(footer.getLast());
        // the employees' boxes, not the dialog's frame, take the focus
        assertThat(DialogKeyboard.initialFocus(dialog).getId()).contains("assigned-employees");

        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(changed).hasValue(1);
    }

    @Test
    void a_partners_rights_start_on_the_first_right_that_can_change_and_enter_decides_once() {
        AtomicInteger decisions = new AtomicInteger();
        PartnerRightsDialog dialog = new PartnerRightsDialog("Change rights", "Tick what the partner may do.",
                EnumSet.of(OrganizationRight.VIEW), "Save rights", chosen -> decisions.incrementAndGet());
        dialog.open();
        DialogKeyboard.assertFormKeys(dialog, "save-partner-rights",
                find(Checkbox.class).withId("right-MANAGE_USERS").single());

        DialogKeyboard.pressEnter(dialog);

        assertThat(decisions).hasValue(1);
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void review_puts_the_focus_on_its_decision_and_terminating_asks_with_the_focus_on_cancel() {
        PartnerMembership partner = partners.myPartners().getFirst();
        ManagedCustomer row = customers.rows(partner.partnerId(), ManagedCustomerFilter.none(), PageRequest.of(0, 10))
                .getFirst();
        ReviewRightsDialog review = new ReviewRightsDialog(partners, partner.partnerId(), row, () -> { });
        review.open();
        DialogKeyboard.assertFormKeys(review, "mark-reviewed", button("mark-reviewed"));
        review.close();

        navigate(ManagedCustomersView.class);
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(customersGrid());
        int index = java.util.stream.IntStream.range(0, grid.size())
                .filter(i -> grid.getRow(i).customerNumber().equals(row.customerNumber())).findFirst().orElseThrow();
        grid.invokeLitRendererFunction(index, "actions", "terminate");
        ConfirmDialog terminate = find(ConfirmDialog.class).withId("confirm-termination").single();
        assertThat(DialogKeyboard.cancelsFirst(terminate)).isTrue();
        // on a phone the question wraps, never inside the customer number
        assertThat(unbroken(terminate)).containsExactly("(" + row.customerNumber() + ")");
    }

    /** The texts in {@code dialog} that the stylesheet keeps on one line. */
    private static java.util.List<String> unbroken(com.vaadin.flow.component.Component dialog) {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.Deque<com.vaadin.flow.dom.Element> todo = new java.util.ArrayDeque<>();
        todo.push(dialog.getElement());
        while (!todo.isEmpty()) {
            com.vaadin.flow.dom.Element element = todo.pop();
            if (element.getClassList().contains("no-break")) {
                found.add(element.getTextRecursively());
            }
            element.getChildren().forEach(todo::push);
        }
        return found;
    }

    @Test
    void send_again_mails_once_per_click_and_withdrawing_asks_with_the_focus_on_cancel() {
        TestPartner partner = signedInLegal();
        TestAccount customer = fixtures.account("Alice");
        RequestDraft draft = partners.prepareRequest(partner.id(), customer.customerNumber(), customer.email("Alice"),
                Set.of(OrganizationRight.VIEW), Locale.ENGLISH);
        long id = partners.sendRequest(partner.id(), draft, RequestDelivery.KONTOR_MAILS, Locale.ENGLISH);
        navigate(SentRequestsView.class);

        // mailed a moment ago: Send again is off, and the row says when it went and when it may go again
        Button resend = GridCells.find(test(requestsGrid()), Button.class, "resend-request-" + id);
        assertThat(resend.isEnabled()).isFalse();
        assertThat(GridCells.find(test(requestsGrid()), com.vaadin.flow.component.html.Span.class,
                "resend-after-" + id).getText()).startsWith("Can be sent again after ");

        clock.advance(java.time.Duration.ofHours(25));
        try {
            navigate(SentRequestsView.class);
            resend = GridCells.find(test(requestsGrid()), Button.class, "resend-request-" + id);
            assertThat(resend.isDisableOnClick()).isTrue();
            test(resend).click();
            assertThat(outbox.to(customer.email("Alice"))).hasSize(2);
            assertThat(test(resend).isUsable()).isFalse();
        } finally {
            clock.reset();
        }

        test(GridCells.find(test(requestsGrid()), Button.class, "withdraw-request-" + id)).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-withdraw-request").single();
        assertThat(DialogKeyboard.cancelsFirst(question)).isTrue();
        assertThat(unbroken(question)).containsExactly("(" + customer.customerNumber() + ")");
        test(question).confirm();
        SentRequest withdrawn = partners.sentRequests(partner.id(), Set.of(), PageRequest.of(0, 5)).getContent()
                .getFirst();
        assertThat(withdrawn.state()).isNotEqualTo(RelationshipState.REQUESTED);
    }

    @Test
    void a_partner_without_customers_or_requests_says_what_to_do_next_to_each_role() {
        TestPartner partner = fixtures.partner("Leer");
        fixtures.signIn(partner.legalEmail());
        navigate(ManagedCustomersView.class);
        assertThat(test(customersGrid()).size()).isZero();
        assertThat(customersGrid().getEmptyStateText()).startsWith("No customers yet. Add customer opens an account");
        test(textField("customer-filter")).setValue("nothing like this");
        assertThat(customersGrid().getEmptyStateText()).isEqualTo(
                "No customer matches the filter. Change the filter or clear it.");
        navigate(SentRequestsView.class);
        assertThat(requestsGrid().getEmptyStateText()).startsWith("No requests sent yet. Request relationship");

        fixtures.signIn(partner.adminEmail());
        navigate(ManagedCustomersView.class);
        assertThat(customersGrid().getEmptyStateText()).isEqualTo(
                "No customers yet. Your legal representatives add customers or ask existing ones for access.");
        navigate(SentRequestsView.class);
        assertThat(requestsGrid().getEmptyStateText()).isEqualTo(
                "No requests sent yet. The requests of your legal representatives appear here.");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void an_employee_learns_who_assigns_customers_to_them() {
        navigate(MyCustomersView.class);
        assertThat(customersGrid().getEmptyStateText()).isEqualTo("No customers are assigned to you yet. "
                + "The administrators of your partner assign customers to employees.");
    }

    @Test
    void an_account_without_partners_says_how_a_partner_comes_to_it() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        assertThat(find(Paragraph.class).withId("no-partners").single().getText())
                .startsWith("No partner works on this account. A partner asks for access with a request link");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void ending_a_partnership_asks_with_the_focus_on_cancel_and_cancel_keeps_it() {
        navigate("accounts/CN-10002", DashboardView.class);
        DialogSections.openAll();
        Button end = find(Button.class)
                .withCondition(button -> button.getId().orElse("").startsWith("end-partnership-")).first();

        test(end).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-end-partnership").single();
        assertThat(DialogKeyboard.cancelsFirst(question)).isTrue();
        test(question).cancel();

        assertThat(find(Button.class).withId(end.getId().orElseThrow()).exists()).isTrue();
    }

    private RequestRelationshipDialog reviewRequest(String customerNumber, String managerEmail) {
        navigate(ManagedCustomersView.class);
        test(button("request-relationship")).click();
        RequestRelationshipDialog dialog = find(RequestRelationshipDialog.class).single();
        test(textField("request-customer-number")).setValue(customerNumber);
        test(find(EmailField.class).withId("request-manager-email").single()).setValue(managerEmail);
        test(button("review-request")).click();
        assertThat(find(TextArea.class).withId("request-draft").single().getValue()).isNotBlank();
        return dialog;
    }

    private int requestedAudits(TestAccount customer) {
        return requestedAudits(customer.id());
    }

    private int requestedAudits(long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and outcome = "
                + "'SUCCESS' and kind = 'RELATIONSHIP_REQUESTED'", Integer.class, organizationId);
    }

    private TestPartner signedInLegal() {
        TestPartner partner = fixtures.partner("Tastatur");
        fixtures.signIn(partner.legalEmail());
        return partner;
    }

    @SuppressWarnings("unchecked")
    private Grid<ManagedCustomer> customersGrid() {
        return find(Grid.class).withId("managed-customers").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<SentRequest> requestsGrid() {
        return find(Grid.class).withId("sent-requests").single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }
}
