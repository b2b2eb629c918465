package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_sees_her_account_with_number_services_contact_person_and_role() {
        navigate(DashboardView.class);

        assertThat(find(H2.class).first().getText()).isEqualTo("Welcome, Anna Becker");
        Card card = find(Card.class).withId("account-CN-10001").single();
        String text = card.getElement().getTextRecursively();
        assertThat(card.getTitleAsText()).isEqualTo("Bäckerei Sonnenschein");
        assertThat(text).contains("CN-10001", "Cluster C-1042", "Cluster C-1043", "Managed Backup",
                "Contact person", "Anna Becker", "Manager · Contact person");
        assertThat(find(Card.class).all()).hasSize(1);
        assertThat(find(TextField.class).withId("account-filter").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void an_overdue_confirmation_is_marked_on_the_card() {
        navigate(DashboardView.class);

        assertThat(find(Card.class).withId("account-CN-10002").single().getElement().getTextRecursively())
                .contains("Please confirm the contact data");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void the_overdue_mark_opens_the_dialog_on_the_confirm_button_and_edit_data_on_the_account_data() {
        navigate(DashboardView.class);

        test(find(Button.class).withId("confirm-due-CN-10002").single()).click();

        AccountDataDialog dialog = find(AccountDataDialog.class).single();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPath())
                .isEqualTo("accounts/CN-10002");
        assertThat(dev.kontor.testing.DialogKeyboard.initialFocus(dialog))
                .isSameAs(find(Button.class).withId("confirm-contact-data").single());

        test(find(Button.class).withId("close-account-dialog").single()).click();
        test((Button) find(Card.class).withId("account-CN-10002").single().getFooterComponents()[0]).click();
        assertThat(dev.kontor.testing.DialogKeyboard.initialFocus(find(AccountDataDialog.class).last()).getId())
                .contains("company-name");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void edit_data_opens_the_account_data_dialog_at_its_own_address() {
        navigate(DashboardView.class);

        Card card = find(Card.class).withId("account-CN-10001").single();
        // the footer is a slot of the card, outside its children
        Button edit = (Button) card.getFooterComponents()[0];
        assertThat(edit.getText()).isEqualTo("Edit data");
        test(edit).click();

        assertThat(find(AccountDataDialog.class).single().isOpened()).isTrue();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPath())
                .isEqualTo("accounts/CN-10001");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_partner_person_without_accounts_sees_their_roles_and_a_clear_empty_state() {
        navigate(DashboardView.class);

        assertThat(find(Card.class).all()).isEmpty();
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("Legal representative · Muster Hosting GmbH", "You do not manage any customer account.");
    }

    @Test
    void many_accounts_page_and_can_be_filtered() {
        String many = fixtures.managerOfMany(30, id -> { });
        fixtures.signIn(many);
        navigate(DashboardView.class);

        assertThat(find(Card.class).all()).hasSize(DashboardView.PAGE_SIZE);
        Button more = find(Button.class).withId("show-more-accounts").single();
        assertThat(more.isVisible()).isTrue();
        test(more).click();
        assertThat(find(Card.class).all()).hasSize(30);
        assertThat(more.isVisible()).isFalse();

        TextField filter = find(TextField.class).withId("account-filter").single();
        assertThat(filter.isVisible()).isTrue();
        test(filter).setValue("Many 2");
        assertThat(find(Card.class).all()).extracting(Card::getTitleAsText)
                .containsExactlyInAnyOrder("Many 2", "Many 20", "Many 21", "Many 22", "Many 23", "Many 24",
                        "Many 25", "Many 26", "Many 27", "Many 28", "Many 29");
    }
}
