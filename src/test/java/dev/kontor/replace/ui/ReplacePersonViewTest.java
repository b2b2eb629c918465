package dev.kontor.replace.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.replace.ReplacementItem;
import dev.kontor.replace.ReplacementJobs;
import dev.kontor.replace.SeveralAccounts;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The page to replace a person: the preview pages from the database with what will happen at each place, refused
 * places cannot be ticked, Apply starts the job once and the page follows it to its summary.
 */
@ViewTest
class ReplacePersonViewTest extends SpringBrowserlessTest {

    private static final int TICK = 0;
    private static final int PLACE = 2;
    private static final int OUTCOME = 3;
    private static final int RESULT = 4;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private SeveralAccounts world;

    @BeforeEach
    void aManagerOfSeveralAccounts() {
        world = SeveralAccounts.build(fixtures, onboarding);
    }

    @Test
    void the_manager_ticks_what_can_be_handed_over_applies_it_once_and_reads_the_summary() {
        fixtures.signIn(world.max());
        ReplacePersonView view = navigate(ReplacePersonView.class);
        assertThat(find(SideNav.class).withId("main-navigation").single().getItems())
                .extracting(SideNavItem::getLabel).contains("Replace a person");
        assertThat(find(Paragraph.class).withId("replacement-empty").single().getText())
                .startsWith("Enter the e-mail address of the person who leaves");

        preview(world.lea(), world.sam());

        assertThat(find(Span.class).withId("replacement-counts").single().getText())
                .isEqualTo("6 places found: 4 to hand over, 0 to remove, 2 refused.");
        GridTester<Grid<ReplacementItem>, ReplacementItem> grid = grid();
        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.getCellText(0, PLACE)).isEqualTo("Contact person");
        assertThat(find(Span.class).withId("replacement-who").single().getText())
                .isEqualTo(world.lea() + " leaves; " + world.sam() + " takes over.");
        assertThat(grid.getCellText(0, OUTCOME)).isEqualTo("The successor becomes the contact person.");
        // East: Sam is no manager there; the row says why and what to do, and takes no tick
        int east = rowOf(grid, world.names().get(2), "Contact person");
        assertThat(grid.getCellText(east, OUTCOME)).isEqualTo("Not possible: the successor"
                + " is not an active manager of this account. Invite them as a manager there first, then show the"
                + " preview again.");
        Checkbox refused = (Checkbox) grid.getCellComponent(east, TICK);
        assertThat(refused.isEnabled()).isFalse();
        assertThatThrownBy(() -> test(refused).click()).isInstanceOf(IllegalStateException.class);
        Button apply = find(Button.class).withId("apply-replacement").single();
        assertThat(apply.isEnabled()).as("nothing ticked yet").isFalse();

        test((Checkbox) grid.getCellComponent(0, TICK)).click();
        assertThat(find(Span.class).withId("replacement-ticked").single().getText()).isEqualTo("1 place ticked.");
        test(find(Button.class).withId("select-all-places").single()).click();
        assertThat(find(Span.class).withId("replacement-ticked").single().getText()).isEqualTo("4 places ticked.");

        test(apply).click();

        assertThat(apply.isEnabled()).as("applied once, the button stays off").isFalse();
        assertThat(replacementStarted()).isOne();
        assertThat(following()).isTrue();
        assertThat(find(Span.class).withId("replacement-progress-text").single().getText())
                .startsWith("Applying in the background: 0 of 4 places worked through.");
        assertThat(((Checkbox) grid().getCellComponent(1, TICK)).isEnabled()).as("no ticks while it runs").isFalse();

        // left while it runs and back: the page follows the job again
        long id = startedId();
        navigate(dev.kontor.account.ui.DashboardView.class);
        view = navigate(ReplacePersonView.class);
        assertThat(following()).isTrue();
        assertThat(find(Span.class).withId("replacement-ticked").single().getText()).isEqualTo("4 places ticked.");

        ReplacementJobs.runToTheEnd(context, id);
        view.refreshProgress();

        assertThat(following()).isFalse();
        assertThat(find(Span.class).withId("replacement-progress-text").single().getText())
                .isEqualTo("Finished: 4 places changed, none refused.");
        grid = grid();
        assertThat(grid.getCellText(0, RESULT)).isEqualTo("Done");
        assertThat(grid.getCellText(east, RESULT)).isEqualTo("Not ticked");
        assertThat(find(Anchor.class).withId("replacement-summary-csv").single().getText())
                .contains("Download the summary (CSV)");
        assertThat(jdbc.queryForObject("select contact_person_id from customer_account where organization_id = ?",
                Long.class, world.accounts().getFirst())).isEqualTo(fixtures.userIdOf(world.sam()));
        assertThat(jdbc.queryForObject("select contact_person_id from customer_account where organization_id = ?",
                Long.class, world.accounts().get(2))).isEqualTo(fixtures.userIdOf(world.lea()));
    }

    @Test
    void a_place_changed_between_preview_and_apply_is_reported_as_changed_meanwhile_in_its_row() {
        fixtures.signIn(world.max());
        ReplacePersonView view = navigate(ReplacePersonView.class);
        preview(world.lea(), world.sam());
        test(find(Button.class).withId("select-all-places").single()).click();
        // meanwhile someone changes Lea's manager role in North
        jdbc.update("update membership set version = version + 1 where user_id = ? and organization_id = ? "
                + "and role = 'MANAGER'", fixtures.userIdOf(world.lea()), world.accounts().getFirst());

        test(find(Button.class).withId("apply-replacement").single()).click();
        ReplacementJobs.runToTheEnd(context, startedId());
        view.refreshProgress();

        assertThat(find(Span.class).withId("replacement-progress-text").single().getText())
                .isEqualTo("Finished: 3 places changed, 1 refused.");
        GridTester<Grid<ReplacementItem>, ReplacementItem> grid = grid();
        assertThat(grid.getCellText(rowOf(grid, world.names().getFirst(), "Manager"), RESULT))
                .isEqualTo("Not applied: Changed meanwhile by someone else, not applied. Prepare the preview again"
                        + " to see it as it is now.");

        // the person left the page and comes back: the job and its summary are shown again
        navigate(dev.kontor.account.ui.DashboardView.class);
        navigate(ReplacePersonView.class);
        assertThat(find(Span.class).withId("replacement-progress-text").single().getText())
                .isEqualTo("Finished: 3 places changed, 1 refused.");
        assertThat(find(Span.class).withId("replacement-who").single().getText())
                .isEqualTo(world.lea() + " leaves; " + world.sam() + " takes over.");
        assertThat(find(Anchor.class).withId("replacement-summary-csv").exists()).isTrue();
        assertThat(grid().getCellText(0, RESULT)).isEqualTo("Done");
    }

    @Test
    void offboarding_without_a_successor_says_where_a_contact_person_must_be_chosen_first() {
        fixtures.signIn(world.max());
        navigate(ReplacePersonView.class);

        preview(world.lea(), "");

        GridTester<Grid<ReplacementItem>, ReplacementItem> grid = grid();
        assertThat(grid.getCellText(0, OUTCOME)).isEqualTo("Not possible: the person is the contact person here."
                + " Choose another contact person first, or name a successor.");
        assertThat(find(Span.class).withId("replacement-ticked").single().getText())
                .isEqualTo("Nothing here can be applied yet. Each row says what to do first; then show the preview"
                        + " again.");
        assertThat(find(Button.class).withId("apply-replacement").exists()).as("no Apply where nothing applies").isFalse();
    }

    @Test
    void bad_addresses_are_explained_next_to_their_fields_and_an_unknown_one_says_what_to_do_next() {
        fixtures.signIn(world.max());
        navigate(ReplacePersonView.class);

        preview("", world.sam());
        EmailField leaving = find(EmailField.class).withId("leaving-email").single();
        assertThat(leaving.isInvalid()).isTrue();

        preview(world.lea(), world.lea());
        EmailField successor = find(EmailField.class).withId("successor-email").single();
        assertThat(successor.isInvalid()).isTrue();
        assertThat(successor.getErrorMessage())
                .isEqualTo("The successor must be someone other than the person who leaves.");

        preview("nobody-" + world.tag() + "@example.test", world.sam());
        assertThat(successor.isInvalid()).isFalse();
        assertThat(find(Paragraph.class).withId("replacement-empty").single().getText())
                .startsWith("Nothing to do for nobody-" + world.tag() + "@example.test in the organizations you may"
                        + " change");
        assertThat(find(Grid.class).withId("replacement-preview").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_of_one_account_finds_no_menu_entry_but_the_page_works_by_its_address() {
        navigate(ReplacePersonView.class);

        assertThat(find(SideNav.class).withId("main-navigation").single().getItems())
                .extracting(SideNavItem::getLabel).doesNotContain("Replace a person");
        assertThat(find(EmailField.class).withId("leaving-email").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_partners_legal_representative_finds_the_menu_entry() {
        navigate(ReplacePersonView.class);

        assertThat(find(SideNav.class).withId("main-navigation").single().getItems())
                .extracting(SideNavItem::getLabel).contains("Replace a person");
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void support_is_turned_away() {
        navigate("replace-person", AccessDeniedView.class);
    }

    private long replacementStarted() {
        return jdbc.queryForObject("select count(*) from person_replacement where actor_user_id = ? "
                + "and state <> 'PREVIEW'", Long.class, fixtures.userIdOf(world.max()));
    }

    /** The started job, the one the page prepared. */
    private long startedId() {
        return jdbc.queryForObject("select max(id) from person_replacement where actor_user_id = ? "
                + "and state <> 'PREVIEW'", Long.class, fixtures.userIdOf(world.max()));
    }

    /** The page follows a running job by polling; it stops when the job has ended or the page is left. */
    private static boolean following() {
        return UI.getCurrent().getPollInterval() > 0;
    }

    private void preview(String leaving, String successor) {
        test(find(EmailField.class).withId("leaving-email").single()).setValue(leaving);
        test(find(EmailField.class).withId("successor-email").single()).setValue(successor);
        test(find(Button.class).withId("prepare-replacement").single()).click();
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<ReplacementItem>, ReplacementItem> grid() {
        return test(find(Grid.class).withId("replacement-preview").single());
    }

    private static int rowOf(GridTester<Grid<ReplacementItem>, ReplacementItem> grid, String organization,
                             String place) {
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).organizationName().equals(organization) && grid.getCellText(row, PLACE)
                    .equals(place)) {
                return row;
            }
        }
        throw new AssertionError("no row " + place + " in " + organization);
    }
}
