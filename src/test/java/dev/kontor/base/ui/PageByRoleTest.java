package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.kontor.access.ui.AccessStartView;
import dev.kontor.partner.ui.AccountEntryPage;
import dev.kontor.security.ui.SecurityView;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;

/** Each page another module leads to by its role is exactly one view, the one meant. */
@ViewTest
class PageByRoleTest extends SpringBrowserlessTest {

    @Test
    void each_role_is_one_view() {
        assertThat(PageByRole.view(OwnSecurityPage.class)).isEqualTo(SecurityView.class);
        assertThat(PageByRole.view(AccountEntryPage.class)).isEqualTo(AccessStartView.class);
    }
}
