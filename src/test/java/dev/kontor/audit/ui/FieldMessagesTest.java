package dev.kontor.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The audit log's date filters say in words when they cannot read what was typed. */
@ViewTest
class FieldMessagesTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_date_the_filter_cannot_read_is_explained_next_to_it() {
        navigate(AuditLogView.class);
        DatePicker from = find(DatePicker.class).withId("audit-from").single();

        typeUnreadable(from, "last Tuesday");

        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isEqualTo("Enter a valid date, or choose one from the calendar.");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void in_german_an_unreadable_date_is_explained_in_german() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(AuditLogView.class);
        DatePicker to = find(DatePicker.class).withId("audit-to").single();

        typeUnreadable(to, "31.02.");

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage())
                .isEqualTo("Geben Sie ein gültiges Datum ein oder wählen Sie eines im Kalender.");
    }

    /**
     * What the browser's date picker does with text it cannot parse: the value becomes empty, the text stays in the
     * input, and the picker tells the server with an {@code unparsable-change} event.
     */
    private static void typeUnreadable(DatePicker picker, String text) {
        picker.clear();
        picker.getElement().setProperty("_inputElementValue", text);
        picker.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(picker.getElement(), "unparsable-change", JacksonUtils.createObjectNode()));
    }
}
