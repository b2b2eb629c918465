package dev.kontor.provider.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Someone who signed in before the provider suspended their partner is told so on the partner's pages. */
@ViewTest
class SuspendedPartnerViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_partner_pages_say_the_provider_has_suspended_the_partner() {
        TestPartner partner = fixtures.partner("Suspended");
        fixtures.signIn(partner.legalEmail());
        jdbc.update("update organization set state = 'SUSPENDED' where id = ?", partner.id());

        navigate("partner/customers", RefusalView.class);

        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("The provider has suspended your partner: you cannot work for it until the provider "
                        + "reactivates it. Sign out and in again to see what else you can do.");
    }

    @Test
    void and_in_german_too() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        TestPartner partner = fixtures.partner("Gesperrt");
        fixtures.signIn(partner.adminEmail());
        jdbc.update("update organization set state = 'SUSPENDED' where id = ?", partner.id());

        navigate("partner/profile", RefusalView.class);

        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Der Anbieter hat Ihren Partner gesperrt"));
    }
}
