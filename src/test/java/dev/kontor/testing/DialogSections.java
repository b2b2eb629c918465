package dev.kontor.testing;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens sections of the account data dialog as a person does, by clicking their headings' buttons: the dialog builds
 * a section (contact person, managers with the second factor, contacts, partners, partner access) only when it is
 * opened, and keeps it open after a change.
 */
public final class DialogSections {

    public static final String CONTACT_PERSON = "contact-person";
    public static final String MANAGERS = "managers";
    public static final String CONTACTS = "contacts";
    public static final String PARTNERS = "partners";
    public static final String PARTNER_ACCESS = "partner-access";

    private DialogSections() {
    }

    /** Opens each of the sections that is not open yet; a section that is already open is left as it is. */
    public static void open(String... sections) {
        for (String section : sections) {
            // a click as the server receives it (Button.click() would only ask the browser to click)
            button("open-" + section).ifPresent(button -> ComponentUtil.fireEvent(button, new ClickEvent<>(button)));
        }
    }

    /** Opens every section of the dialog. */
    public static void openAll() {
        open(CONTACT_PERSON, MANAGERS, CONTACTS, PARTNERS, PARTNER_ACCESS);
    }

    private static Optional<Button> button(String id) {
        return all(UI.getCurrent()).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DialogSections::all));
    }
}
