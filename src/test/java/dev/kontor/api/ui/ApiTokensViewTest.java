package dev.kontor.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.api.ApiTokenRow;
import dev.kontor.base.SecretTokens;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ApiTokensViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.kontor.testing.Fixtures fixtures;

    @Test
    void a_provider_administrator_creates_a_token_for_the_provider() {
        fixtures.signIn("operator@kontor.test");
        String name = "Billing " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);

        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(find(Button.class).withId("api-token-create").single()).click();

        assertThat(find(TextField.class).withId("api-token-secret").single().getValue()).startsWith("kontor_");
        assertThat(jdbc.queryForObject("select o.kind from api_token t join organization o on o.id = t.organization_id"
                + " where t.name = ?", String.class, name)).isEqualTo("PROVIDER");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_legal_representative_creates_a_token_whose_secret_is_shown_once_and_stored_only_as_a_hash() {
        String name = "CRM " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        assertThat(find(SideNav.class).withId("main-navigation").single().getItems())
                .extracting(SideNavItem::getLabel).contains("API tokens");

        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(find(Button.class).withId("api-token-create").single()).click();

        String secret = find(TextField.class).withId("api-token-secret").single().getValue();
        assertThat(secret).startsWith("kontor_").hasSize("kontor_".length() + 43);
        assertThat(jdbc.queryForObject("select secret_hash from api_token where name = ?", String.class, name))
                .isEqualTo(SecretTokens.hash(secret));
        assertThat(jdbc.queryForObject("select count(*) from api_token where secret_hash = ? or name = ?",
                Integer.class, secret, secret)).isZero();
        assertThat(test(tokens()).getCellText(0, 0)).isEqualTo(name);
        assertThat(test(tokens()).getCellText(0, 2)).isEqualTo("Active");
        assertThat(test(tokens()).getCellText(0, 4)).isEqualTo("Never");

        test(find(Button.class).withId("api-token-secret-done").single()).click();

        assertThat(find(Dialog.class).withId("api-token-secret-dialog").exists()).isFalse();
        assertThat(find(TextField.class).all()).noneMatch(field -> secret.equals(field.getValue()));
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_page_has_a_heading_its_empty_list_names_the_real_button_and_a_phone_gets_one_column_per_token() {
        ApiTokensView view = navigate(ApiTokensView.class);

        assertThat(find(com.vaadin.flow.component.html.H2.class).first().getText()).isEqualTo("API tokens");
        Button create = find(Button.class).withId("api-token-create").single();
        assertThat(tokens().getEmptyStateText()).contains(create.getText());
        assertThat(create.getParent().orElseThrow()).isNotInstanceOf(
                com.vaadin.flow.component.formlayout.FormLayout.class);

        view.fitColumns(390);
        assertThat(tokens().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("token", "revoke");
        // the Revoke column keeps its room beside the one stacked column instead of being pushed off a phone's edge
        assertThat(tokens().getColumnByKey("revoke").getFlexGrow()).isZero();
        assertThat(tokens().getColumnByKey("revoke").getWidth()).isEqualTo("8em");
        // the button is below the form, where the date field's overlay on a phone does not cover it
        assertThat(create.getParent().flatMap(com.vaadin.flow.component.Component::getParent).orElseThrow())
                .isSameAs(view);
        view.fitColumns(1366);
        assertThat(tokens().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "scope", "state", "expires", "last-used", "revoke");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_revoked_token_shows_as_revoked_and_can_no_longer_be_revoked() {
        String name = "Billing " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(find(Button.class).withId("api-token-create").single()).click();
        test(find(Button.class).withId("api-token-secret-done").single()).click();
        long id = jdbc.queryForObject("select id from api_token where name = ?", Long.class, name);

        test((Button) test(tokens()).getCellComponent(rowOf(tokens(), name), 5)).click();
        test(find(ConfirmDialog.class).withId("api-token-revoke-dialog").single()).confirm();

        assertThat(jdbc.queryForObject("select revoked_at is not null from api_token where id = ?", Boolean.class,
                id)).isTrue();
        Grid<ApiTokenRow> grid = tokens();
        int row = rowOf(grid, name);
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("Revoked");
        assertThat(test(grid).getCellComponent(row, 5).isVisible()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void each_revoke_names_its_token_and_on_a_phone_the_rows_parts_are_apart() {
        String name = "prov-" + UUID.randomUUID().toString().substring(0, 8);
        ApiTokensView view = navigate(ApiTokensView.class);
        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(find(Button.class).withId("api-token-create").single()).click();
        test(find(Button.class).withId("api-token-secret-done").single()).click();
        int row = rowOf(tokens(), name);

        Button revoke = (Button) test(tokens()).getCellComponent(row, "revoke");
        // the visible word first (WCAG 2.5.3), then which token
        assertThat(revoke.getElement().getAttribute("aria-label")).isEqualTo("Revoke " + name);

        view.fitColumns(390);
        com.vaadin.flow.component.Component cell = test(tokens()).getCellComponent(row, "token");
        assertThat(cell.getClassNames()).contains("stacked-cell");
        assertThat(cell.getElement().getTextRecursively()).startsWith(name + " Read · Active Expires on: ")
                .contains(" Last used: ");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_token_without_a_name_is_refused_next_to_the_field_and_nothing_is_saved() {
        Integer before = jdbc.queryForObject("select count(*) from api_token", Integer.class);
        navigate(ApiTokensView.class);

        test(find(Button.class).withId("api-token-create").single()).click();

        TextField name = find(TextField.class).withId("api-token-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(before);
        assertThat(find(Dialog.class).withId("api-token-secret-dialog").exists()).isFalse();
    }

    @Test
    void the_legal_representative_of_a_suspended_partner_is_told_that_it_is_suspended_and_its_tokens_do_not_work() {
        var partner = fixtures.partner("Suspended tokens");
        fixtures.signIn(partner.legalEmail());
        jdbc.update("update organization set state = 'SUSPENDED' where id = ?", partner.id());

        navigate(ApiTokensView.class);

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("api-tokens-partner-suspended")
                .single().getText()).isEqualTo("The provider has suspended your partner. Its API tokens do not "
                        + "work and no new ones can be issued until the provider reactivates it.");
        assertThat(find(Button.class).withId("api-token-create").exists()).isFalse();
    }

    @Test
    void last_used_is_shown_to_the_minute() {
        fixtures.signIn("operator@kontor.test");
        String name = "Minutes " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(find(Button.class).withId("api-token-create").single()).click();
        jdbc.update("update api_token set last_used_at = ? where name = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-03-04T10:11:47Z")), name);

        // away and back: the page reads its list anew
        navigate(dev.kontor.audit.ui.AuditLogView.class);
        navigate(ApiTokensView.class);

        Grid<ApiTokenRow> grid = tokens();
        int row = java.util.stream.IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).name().equals(name)).findFirst().orElseThrow();
        int column = grid.getColumns().indexOf(grid.getColumnByKey("last-used"));
        assertThat(test(grid).getCellText(row, column)).contains("11").doesNotContain("47");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_partner_administrator_is_turned_away() {
        navigate("api-tokens", AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_is_turned_away() {
        navigate("api-tokens", AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void after_a_token_is_created_its_emptied_name_field_is_ready_for_the_next_and_not_marked_as_missing() {
        navigate(ApiTokensView.class);
        TextField name = find(TextField.class).withId("api-token-name").single();
        test(name).setValue("Monitoring " + UUID.randomUUID().toString().substring(0, 8));
        test(find(Button.class).withId("api-token-create").single()).click();
        test(find(Button.class).withId("api-token-secret-done").single()).click();

        assertThat(name.getValue()).isEmpty();
        assertThat(name.isInvalid()).as("nobody has left the name out").isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_name_field_checks_nothing_by_itself_so_emptying_it_after_success_shows_no_error() {
        navigate(ApiTokensView.class);
        TextField name = find(TextField.class).withId("api-token-name").single();
        test(name).setValue("Backup " + UUID.randomUUID().toString().substring(0, 8));
        test(find(Button.class).withId("api-token-create").single()).click();

        // the field judges nothing by itself: a value that comes and goes again leaves it unmarked
        assertThat(name.isInvalid()).isFalse();
        test(find(Button.class).withId("api-token-secret-done").single()).click();
        test(name).setValue("Other");
        test(name).setValue("");
        assertThat(name.isInvalid()).isFalse();
        test(find(Button.class).withId("api-token-create").single()).click();
        assertThat(name.isInvalid()).as("Create says that the name is missing").isTrue();
        assertThat(name.isRequiredIndicatorVisible()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void enter_in_the_name_field_creates_the_token() {
        navigate(ApiTokensView.class);
        String typed = "Enter " + UUID.randomUUID().toString().substring(0, 8);
        TextField name = find(TextField.class).withId("api-token-name").single();
        test(name).setValue(typed);

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(name, com.vaadin.flow.component.Key.ENTER);

        assertThat(find(Dialog.class).withId("api-token-secret-dialog").exists()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = ?", Integer.class, typed))
                .isOne();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_dialog_with_the_secret_does_not_close_on_esc_or_outside_only_on_its_button() {
        navigate(ApiTokensView.class);
        test(find(TextField.class).withId("api-token-name").single())
                .setValue("Esc " + UUID.randomUUID().toString().substring(0, 8));
        test(find(Button.class).withId("api-token-create").single()).click();
        Dialog dialog = find(Dialog.class).withId("api-token-secret-dialog").single();

        assertThat(dialog.isCloseOnEsc()).isFalse();
        assertThat(dialog.isCloseOnOutsideClick()).isFalse();
        fireShortcut(com.vaadin.flow.component.Key.ESCAPE);
        assertThat(find(Dialog.class).withId("api-token-secret-dialog").exists()).isTrue();

        test(find(Button.class).withId("api-token-secret-done").single()).click();
        assertThat(find(Dialog.class).withId("api-token-secret-dialog").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_token_until_a_day_works_until_that_day_ends_in_the_persons_own_zone_and_says_which_zone() {
        // far east of UTC, so that the day's end there and in UTC are hours apart
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        com.vaadin.flow.component.page.ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                key -> "v-tzid".equals(key) ? kiritimati.getId() : null);
        String name = "Zoned " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        DatePicker expiresOn = find(DatePicker.class).withId("api-token-expires-on").single();
        LocalDate today = LocalDate.now(kiritimati);
        assertThat(expiresOn.getMin()).isEqualTo(today);
        assertThat(expiresOn.getHelperText()).contains("Kiritimati");

        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(expiresOn).setValue(today.plusDays(10));
        test(find(Button.class).withId("api-token-create").single()).click();
        test(find(Button.class).withId("api-token-secret-done").single()).click();

        Instant dayEnds = today.plusDays(11).atStartOfDay(kiritimati).toInstant();
        assertThat(jdbc.queryForObject("select expires_at from api_token where name = ?", java.sql.Timestamp.class,
                name).toInstant()).isEqualTo(dayEnds);
        String shown = test(tokens()).getCellText(rowOf(tokens(), name), 3);
        assertThat(shown).isEqualTo(DateTimeFormatter.ofPattern(java.time.format.DateTimeFormatterBuilder
                        .getLocalizedDateTimePattern(FormatStyle.SHORT, FormatStyle.SHORT,
                                java.time.chrono.IsoChronology.INSTANCE, Locale.ENGLISH).replace("yy", "yyyy"),
                        Locale.ENGLISH).withZone(kiritimati).format(dayEnds.minusSeconds(1)) + " "
                + DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(kiritimati).format(dayEnds));
        assertThat(shown).contains("11:59").doesNotContain("12:00");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_expiry_picker_and_the_token_list_write_a_day_alike_in_the_persons_language() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        com.vaadin.flow.component.page.ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                key -> "v-tzid".equals(key) ? berlin.getId() : null);
        String name = "Tage " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        DatePicker expiresOn = find(DatePicker.class).withId("api-token-expires-on").single();
        assertThat(expiresOn.getI18n().getDateFormats()).containsExactly("dd.MM.yyyy");

        LocalDate day = LocalDate.now(berlin).plusDays(20);
        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        test(expiresOn).setValue(day);
        test(find(Button.class).withId("api-token-create").single()).click();
        test(find(Button.class).withId("api-token-secret-done").single()).click();

        String shown = test(tokens()).getCellText(rowOf(tokens(), name), 3);
        assertThat(shown).startsWith(day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ", 23:59 ");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void an_unreadable_expiry_date_is_called_not_a_date_and_nothing_is_created() {
        assertUnreadableDateRefused("Enter a valid date, or choose one from the calendar.");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void an_unreadable_expiry_date_is_called_not_a_date_in_german_too() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        assertUnreadableDateRefused("Geben Sie ein gültiges Datum ein oder wählen Sie eines im Kalender.");
    }

    /** Types "99/99/9999" as the browser's picker reports it (empty value, unparsable text) and creates. */
    private void assertUnreadableDateRefused(String message) {
        String name = "Bad day " + UUID.randomUUID().toString().substring(0, 8);
        navigate(ApiTokensView.class);
        DatePicker expiresOn = find(DatePicker.class).withId("api-token-expires-on").single();
        test(find(TextField.class).withId("api-token-name").single()).setValue(name);
        expiresOn.clear();
        expiresOn.getElement().setProperty("_inputElementValue", "99/99/9999");
        expiresOn.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(expiresOn.getElement(), "unparsable-change",
                        com.vaadin.flow.internal.JacksonUtils.createObjectNode()));

        test(find(Button.class).withId("api-token-create").single()).click();

        assertThat(expiresOn.isInvalid()).isTrue();
        assertThat(expiresOn.getErrorMessage()).isEqualTo(message);
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = ?", Integer.class, name))
                .isZero();
    }

    @SuppressWarnings("unchecked")
    private Grid<ApiTokenRow> tokens() {
        return find(Grid.class).withId("api-tokens").single();
    }

    private int rowOf(Grid<ApiTokenRow> grid, String name) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getCellText(i, 0).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no row " + name);
    }
}
