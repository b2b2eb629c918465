package dev.kontor.base.ui;

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
