package dev.kontor.testing;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens sections of the account data dialog as a person does, by clicking their headings' buttons: the dialog builds
 * a section (contact person, managers with the second factor, contacts, partners with the partner access rules) only when it is
 * opened, and keeps it open after a change.
 */
public final class DialogSections {

    public static final String CONTACT_PERSON = "contact-person";
    public static final String MANAGERS = "managers";
    public static final String CONTACTS = "contacts";
    public static final String PARTNERS = "partners";

    private DialogSections() {
    }

    /** Opens each of the sections that is not open yet; a section that is already open is left as it is. */
    public static void open(String... sections) {
        for (String section : sections) {
            // as a browser's request would: the dialog just opened is attached to the page with the answer
            com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();
            // a click as the server receives it (Button.click() would only ask the browser to click)
            button("open-" + section).ifPresent(button -> ComponentUtil.fireEvent(button, new ClickEvent<>(button)));
        }
    }

    /** Opens every section of the dialog. */
    public static void openAll() {
        open(CONTACT_PERSON, MANAGERS, CONTACTS, PARTNERS);
    }

    private static Optional<Button> button(String id) {
        return all(UI.getCurrent().getElement()).filter(element -> !element.isTextNode())
                .filter(element -> id.equals(element.getAttribute("id")))
                .map(Element::getComponent).flatMap(Optional::stream).filter(Button.class::isInstance)
                .map(Button.class::cast).findFirst();
    }

    /** The element tree as the browser gets it, with the children a component keeps apart (a dialog's, say). */
    private static Stream<Element> all(Element root) {
        if (root.isTextNode()) {
            return Stream.of(root);
        }
        var virtual = root.getNode().getFeatureIfInitialized(
                com.vaadin.flow.internal.nodefeature.VirtualChildrenList.class);
        Stream<Element> apart = virtual.map(list -> java.util.stream.IntStream.range(0, list.size())
                .mapToObj(i -> Element.get(list.get(i)))).orElseGet(Stream::empty);
        return Stream.concat(Stream.of(root), Stream.concat(root.getChildren(), apart)
                .flatMap(DialogSections::all));
    }
}
