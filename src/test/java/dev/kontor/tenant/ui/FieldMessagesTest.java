package dev.kontor.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every field of New tenant and Add administrator that can be invalid says why in words next to it. */
@ViewTest
class FieldMessagesTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void new_tenant_explains_a_missing_name_and_a_missing_master() {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();

        find(ComboBox.class).withId("tenant-master").single().clear();
        test(button("create-tenant")).click();

        assertThat(message(find(TextField.class).withId("tenant-name").single()))
                .isEqualTo("Please fill in this field.");
        assertThat(message(find(ComboBox.class).withId("tenant-master").single()))
                .isEqualTo("Please fill in this field.");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void add_administrator_explains_a_bad_address_and_a_missing_name() {
        long templates = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'",
                Long.class);
        navigate("tenant/" + templates, TenantWorkspaceView.class);
        test(button("add-administrator")).click();

        test(find(EmailField.class).withId("administrator-email").single()).setValue("ada@vorlagen");
        test(button("send-activation")).click();

        assertThat(message(find(EmailField.class).withId("administrator-email").single()))
                .isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(message(find(TextField.class).withId("administrator-name").single()))
                .isEqualTo("Please fill in this field.");
    }

    private static String message(HasValidation field) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        return field.getErrorMessage();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }
}
