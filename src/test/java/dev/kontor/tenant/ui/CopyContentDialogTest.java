package dev.kontor.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.kontor.tenant.TenantJobs;
import dev.kontor.tenant.TreeNode;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copy content while a copy is queued: opened again it shows that copy waiting rather than offering Start, and a
 * second dialog that was open already is told that the copy is under way instead of starting it twice.
 */
@ViewTest
class CopyContentDialogTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantDialogServices services;

    @Test
    void opened_again_while_its_copy_is_queued_it_shows_that_copy_waiting_instead_of_offering_start() {
        TreeNode branch = signedInWithATreeToCopyInto();

        TenantJobs.withTheJobHeld(context, () -> {
            CopyContentDialog first = new CopyContentDialog(services, branch);
            first.open();
            find(Checkbox.class).withId("copy-with-descendants").from(first).single().setValue(true);
            test(find(Button.class).withId("start-copy").from(first).single()).click();

            // queued, nothing done: it says that it waits, with a moving bar, not "0 of 3 done"
            assertThat(status(first)).isEqualTo("Waiting to start: 3 tenants to copy into…");
            assertThat(find(ProgressBar.class).withId("copy-progress").from(first).single().isIndeterminate())
                    .isTrue();
            first.close();

            CopyContentDialog again = new CopyContentDialog(services, branch);
            again.open();

            assertThat(find(Paragraph.class).withId("copy-shown-again").from(again).single().getText())
                    .isEqualTo("You started this copy earlier; it is not done yet.");
            assertThat(status(again)).isEqualTo("Waiting to start: 3 tenants to copy into…");
            assertThat(test(find(Button.class).withId("start-copy").from(again).single()).isUsable()).isFalse();
            assertThat(find(Checkbox.class).withId("copy-with-descendants").from(again).single().isEnabled())
                    .isFalse();
            return null;
        });
        assertThat(copiesInto(branch)).isOne();
    }

    @Test
    void a_second_dialog_open_since_before_the_start_is_told_the_copy_is_under_way_and_starts_nothing() {
        TreeNode branch = signedInWithATreeToCopyInto();

        TenantJobs.withTheJobHeld(context, () -> {
            CopyContentDialog one = new CopyContentDialog(services, branch);
            CopyContentDialog other = new CopyContentDialog(services, branch);
            one.open();
            other.open();

            test(find(Button.class).withId("start-copy").from(one).single()).click();
            Button otherStart = find(Button.class).withId("start-copy").from(other).single();
            test(otherStart).click();

            assertThat(status(other)).isEqualTo("This copy, from the same master into the same tenants, is already "
                    + "queued or running. Open Copy content again to follow it.");
            assertThat(test(otherStart).isUsable()).isTrue();
            return null;
        });
        assertThat(copiesInto(branch)).isOne();
    }

    private TreeNode signedInWithATreeToCopyInto() {
        TenantJobs.CopyTree tree = TenantJobs.copyTree(context, 2);
        fixtures.signIn(tree.managerEmail());
        return services.tree().node(tree.branchId()).orElseThrow();
    }

    private String status(CopyContentDialog dialog) {
        return find(Span.class).withId("copy-status").from(dialog).single().getText();
    }

    private int copiesInto(TreeNode tenant) {
        return jdbc.queryForObject("select count(*) from content_copy where target_id = ?", Integer.class,
                tenant.id());
    }
}
