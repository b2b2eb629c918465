package dev.kontor.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.WithCompletedSignIn;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Entering a customer's account lands on a page that says whose account it is, and shows that account. */
@ViewTest
class AccessLandingViewTest extends SpringBrowserlessTest {

    @Autowired
    AccessSessions sessions;

    @AfterEach
    void leave() {
        sessions.leave();
    }

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void entering_an_account_lands_on_the_dashboard_with_the_banner_in_sight_and_no_dialog_over_it() {
        enterBaeckerei();

        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
        assertThat(find(Dialog.class).exists()).isFalse();
        assertThat(find(Div.class).withId("access-banner").single().isVisible()).isTrue();
    }

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void inside_a_session_the_dashboard_shows_the_customers_account_card_and_not_the_partner_users_empty_state() {
        enterBaeckerei();

        assertThat(find(Paragraph.class).withId("no-accounts").exists()).isFalse();
        assertThat(find(Div.class).withId("other-roles").exists()).isFalse();
        Card card = find(Card.class).withId("account-CN-10001").single();
        String text = card.getElement().getTextRecursively();
        assertThat(text).contains("CN-10001", "Anna Becker",
                "For Muster Hosting GmbH, with the rights: See the account, Manage users, Manage contacts,"
                        + " Manage tenants");
        assertThat(text).doesNotContain("Manager");

        // the card's Edit data opens the account at its own address (the browserless tree does not reach into a
        // card's slots, so the address is opened as the button opens it; AccessJourneyIT presses the button)
        assertThat(text).contains("Edit data");
        navigate("accounts/CN-10001", DashboardView.class);
        DialogSections.openAll();
        assertThat(find(Dialog.class).exists()).isTrue();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("accounts/CN-10001");
    }

    private void enterBaeckerei() {
        navigate("access/CN-10001", AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
    }
}
