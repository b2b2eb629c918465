package dev.kontor.base.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

/**
 * Text that must break only where a reader expects it: a customer number never at its hyphen ("(CN-" on one line,
 * "10001)" on the next), an e-mail address after its "@" or a dot before anywhere inside a word (only a part longer
 * than the whole line is still split). The stylesheet's {@code .no-break} keeps a number whole.
 */
public final class LineBreaks {

    private LineBreaks() {
    }

    /** A name with its customer number in brackets after it, the number kept on one line. */
    public static Span customer(String name, String customerNumber) {
        Span text = new Span();
        text.getElement().appendChild(Element.createText(customerNumber == null ? name : name + " "));
        if (customerNumber != null) {
            text.add(unbroken("(" + customerNumber + ")"));
        }
        return text;
    }

    /**
     * A sentence in which each occurrence of {@code whole} (a customer number, say) stays on one line. The text is
     * kept as it is, so that copying the sentence still yields the real number.
     */
    public static Span keepingWhole(String sentence, String whole) {
        Span text = new Span();
        int from = 0;
        int at;
        while (whole != null && !whole.isEmpty() && (at = sentence.indexOf(whole, from)) >= 0) {
            if (at > from) {
                text.getElement().appendChild(Element.createText(sentence.substring(from, at)));
            }
            text.add(unbroken(whole));
            from = at + whole.length();
        }
        if (from < sentence.length()) {
            text.getElement().appendChild(Element.createText(sentence.substring(from)));
        }
        return text;
    }

    /**
     * An empty title in the dialog's header, for {@link #title}: the header's own title is a plain string, in which a
     * customer number would break at its hyphen on a phone.
     */
    public static H2 dialogTitle(Dialog dialog) {
        H2 heading = new H2();
        heading.addClassName("dialog-title");
        dialog.getHeader().add(heading);
        return heading;
    }

    /** Shows {@code title} in {@code heading}, its customer number whole; screen readers name the dialog by it. */
    public static void title(Dialog dialog, H2 heading, String title, String customerNumber) {
        heading.removeAll();
        heading.add(keepingWhole(title, "(" + customerNumber + ")"));
        // the web component's own property: Dialog's Java setter for it is not public
        dialog.getElement().setProperty("ariaLabel", title);
    }

    /** Text that stays on one line. */
    public static Span unbroken(String text) {
        Span span = new Span(text);
        span.addClassName("no-break");
        return span;
    }

    /** An e-mail address that may break after its "@" and after each dot, and nowhere else. */
    public static Span email(String address) {
        Span span = new Span();
        if (address == null) {
            return span;
        }
        StringBuilder part = new StringBuilder();
        for (char c : address.toCharArray()) {
            part.append(c);
            if (c == '@' || c == '.') {
                span.getElement().appendChild(Element.createText(part.toString()), new Element("wbr"));
                part.setLength(0);
            }
        }
        if (!part.isEmpty()) {
            span.getElement().appendChild(Element.createText(part.toString()));
        }
        return span;
    }
}
