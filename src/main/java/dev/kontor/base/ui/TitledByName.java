package dev.kontor.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page whose title is the name of an organization, which may be as long as Kontor allows (130 characters): the
 * header shows it on one line, cut with an ellipsis, the whole name in its tooltip, rather than letting it wrap over
 * several rows or push the person's controls away. Titles made of words (a page's purpose) wrap on a phone instead.
 */
public interface TitledByName extends HasDynamicTitle {

    /** Shows {@code name} in {@code heading} on one line, cut with an ellipsis where it is too long, whole on hover. */
    static <T extends HasElement> T oneLine(T heading, String name) {
        heading.getElement().getClassList().add("one-line-name");
        heading.getElement().setAttribute("title", name);
        return heading;
    }
}
