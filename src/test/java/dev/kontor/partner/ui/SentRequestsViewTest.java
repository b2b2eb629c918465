package dev.kontor.partner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RequestDelivery;
import dev.kontor.partner.RequestDraft;
import dev.kontor.partner.SentRequest;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class SentRequestsViewTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_inbox_lists_every_request_with_its_state_and_the_pending_ones_can_be_sent_again_or_withdrawn() {
        long partnerId = partners.myPartners().stream().map(PartnerMembership::partnerId).findFirst().orElseThrow();
        pendingRequestToDora(partnerId);

        navigate(SentRequestsView.class);

        @SuppressWarnings("unchecked")
        GridTester<Grid<SentRequest>, SentRequest> grid = test(find(Grid.class).withId("sent-requests").single());
        int pending = -1;
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getCellText(row, 0).equals("Nordlicht Reisen (CN-10003)")) {
                pending = row;
            }
        }
        assertThat(pending).isNotNegative();
        assertThat(grid.getCellText(pending, 1)).isEqualTo("dora@nordlicht.test");
        assertThat(grid.getCellText(pending, 2)).isEqualTo("See the account, Billing");
        assertThat(grid.getCellComponent(pending, 3).getElement().getText()).isEqualTo("Pending");
        // the actions are Send again and Withdraw, nothing more; when it may be sent again is said beside when it was
        assertThat(grid.getCellComponent(pending, 6).getChildren().map(child -> child.getClass().getSimpleName()))
                .containsExactly("Button", "Button");
        assertThat(grid.getCellComponent(pending, 4).getElement().getTextRecursively())
                .contains("Can be sent again after");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_frozen_actions_hold_only_the_buttons_and_when_it_may_be_sent_again_has_its_place_in_the_sent_column() {
        long partnerId = partners.myPartners().stream().map(PartnerMembership::partnerId).findFirst().orElseThrow();
        pendingRequestToDora(partnerId);
        navigate(SentRequestsView.class);
        @SuppressWarnings("unchecked")
        Grid<SentRequest> requests = find(Grid.class).withId("sent-requests").single();
        GridTester<Grid<SentRequest>, SentRequest> grid = test(requests);
        int row = rowOfDora(grid);
        Grid.Column<SentRequest> actions = requests.getColumnByKey("actions");
        Grid.Column<SentRequest> sent = requests.getColumnByKey("sent");

        // a long sentence in a frozen column covered the others on a laptop, and took the whole row on a phone
        assertThat(actions.isFrozenToEnd()).isTrue();
        assertThat(grid.getCellComponent(row, requests.getColumns().indexOf(actions)).getElement()
                .getTextRecursively()).isEqualTo("Send againWithdraw");
        com.vaadin.flow.component.Component sentCell = grid.getCellComponent(row, requests.getColumns().indexOf(sent));
        assertThat(sentCell.getElement().getTextRecursively()).contains("Can be sent again after ");
        assertThat(sentCell.getChildren().filter(child -> child.getId().filter(id -> id.startsWith("resend-after-"))
                .isPresent())).hasSize(1);
        // every moment on the page names its zone, as the expiry beside it does
        String zone = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneId.of("Europe/Berlin")).format(java.time.Instant.now());
        String sentText = sentCell.getElement().getTextRecursively();
        assertThat(sentText.split(" " + zone, -1)).as("the zone after both moments in %s", sentText).hasSize(3);
        assertThat(sent.getWidth()).as("the sent column wraps its note instead of growing").isNotNull();
        assertThat(sent.isAutoWidth()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_mail_and_the_list_tell_the_same_expiry_moment_and_name_its_zone() {
        long partnerId = partners.myPartners().stream().map(PartnerMembership::partnerId).findFirst().orElseThrow();
        forgetEarlierMailsToDora(partnerId);
        RequestDraft draft = partners.prepareRequest(partnerId, "CN-10003", "dora@nordlicht.test",
                Set.of(OrganizationRight.BILLING), Locale.ENGLISH);
        long id = partners.sendRequest(partnerId, draft, RequestDelivery.KONTOR_MAILS, Locale.ENGLISH);
        navigate(SentRequestsView.class);
        @SuppressWarnings("unchecked")
        Grid<SentRequest> requests = find(Grid.class).withId("sent-requests").single();
        GridTester<Grid<SentRequest>, SentRequest> grid = test(requests);
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).relationshipId() == id) {
                row = i;
            }
        }
        Instant expires = grid.getRow(row).expiresAt();
        // a page whose browser did not tell its zone shows Kontor's, as a mail does; both name it
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String zone = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(berlin).format(expires);

        assertThat(draft.body()).contains("The link works until " + DateTimeFormatter.ofLocalizedDateTime(
                FormatStyle.LONG, FormatStyle.SHORT).withLocale(Locale.ENGLISH).withZone(berlin).format(expires)
                + " " + zone + ".");
        assertThat(grid.getCellText(row, requests.getColumns().indexOf(requests.getColumnByKey("expires"))))
                .isEqualTo(DateTimeFormatter.ofPattern(java.time.format.DateTimeFormatterBuilder
                        .getLocalizedDateTimePattern(FormatStyle.SHORT, FormatStyle.SHORT,
                                java.time.chrono.IsoChronology.INSTANCE, Locale.ENGLISH).replace("yy", "yyyy"),
                        Locale.ENGLISH).withZone(berlin).format(expires) + " " + zone);
        assertThat(expires).isEqualTo(draft.expiresAt());
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void on_a_phone_the_customer_takes_the_room_beside_the_frozen_actions_and_tells_address_state_and_expiry() {
        long partnerId = partners.myPartners().stream().map(PartnerMembership::partnerId).findFirst().orElseThrow();
        pendingRequestToDora(partnerId);
        SentRequestsView view = navigate(SentRequestsView.class);

        view.fitColumns(390);
        @SuppressWarnings("unchecked")
        Grid<SentRequest> requests = find(Grid.class).withId("sent-requests").single();
        assertThat(requests.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("customer", "actions");
        GridTester<Grid<SentRequest>, SentRequest> grid = test(requests);
        java.util.List<String> cells = new java.util.ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            cells.add(grid.getCellComponent(row, 0).getElement().getTextRecursively());
        }
        assertThat(cells).anySatisfy(cell -> assertThat(cell)
                .contains("Nordlicht Reisen (CN-10003)", "dora@nordlicht.test", "Pending", "Expires: ",
                        "Can be sent again after "));

        view.fitColumns(1366);
        assertThat(requests.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("customer", "email", "rights", "state", "sent", "expires", "actions");
    }

    private static int rowOfDora(GridTester<Grid<SentRequest>, SentRequest> grid) {
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).customerNumber().equals("CN-10003")
                    && grid.getRow(row).state() == dev.kontor.partner.RelationshipState.REQUESTED) {
                return row;
            }
        }
        throw new AssertionError("no pending request to CN-10003");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void employees_do_not_see_the_partners_requests() {
        navigate("partner/requests", AccessDeniedView.class);
    }

    /** A pending request of the demo partner to the demo customer, mailed now. */
    private void pendingRequestToDora(long partnerId) {
        forgetEarlierMailsToDora(partnerId);
        partners.sendRequest(partnerId, partners.prepareRequest(partnerId, "CN-10003", "dora@nordlicht.test",
                Set.of(OrganizationRight.BILLING), Locale.ENGLISH), RequestDelivery.KONTOR_MAILS, Locale.ENGLISH);
    }

    /**
     * Other tests in this context mail the demo customer for the demo partner too, and Kontor mails a customer once
     * a day per partner (tested in RelationshipRequestLimitsTest): here, earlier mails are taken as a day old.
     */
    private void forgetEarlierMailsToDora(long partnerId) {
        jdbc.update("update partner_relationship set request_mailed_at = null where partner_id = ?", partnerId);
    }
}
