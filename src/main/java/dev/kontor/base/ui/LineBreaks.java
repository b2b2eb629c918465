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
        String number = "(" + customerNumber + ")";
        int at = customerNumber == null ? -1 : title.lastIndexOf(number);
        boolean last = at > 0 && at + number.length() == title.length();
        heading.getElement().getClassList().set("with-number", last);
        if (last) {
            // a long name is cut with an ellipsis on the one line; the number after it stays whole and in sight
            // the space before the number stays in the text (copied and read as it was); the gap draws it
            Span name = new Span(title.substring(0, at));
            name.addClassName("title-name");
            heading.add(name, unbroken(number));
        } else {
            heading.add(keepingWhole(title, number));
        }
        heading.getElement().setAttribute("title", title);
        // the web component's own property: Dialog's Java setter for it is not public
        dialog.getElement().setProperty("ariaLabel", title);
    }

    /**
     * A dialog's title that names an organization (up to 130 characters): on one line, cut with an ellipsis, whole in
     * its tooltip and in the dialog's accessible name. The header's own title would wrap over several lines.
     */
    public static H2 title(Dialog dialog, String title) {
        H2 heading = dialogTitle(dialog);
        heading.setText(title);
        heading.getElement().setAttribute("title", title);
        dialog.getElement().setProperty("ariaLabel", title);
        return heading;
    }

    /** Text that stays on one line. */
    public static Span unbroken(String text) {
        Span span = new Span(text);
        span.addClassName("no-break");
        return span;
    }

    /**
     * An e-mail address that may break after its "@" and nowhere else (issue 13's review: "otto." / "ohne@…" read as
     * two words); a part longer than the line breaks inside it rather than leave the page.
     */
    public static Span email(String address) {
        Span span = new Span();
        if (address == null) {
            return span;
        }
        StringBuilder part = new StringBuilder();
        for (char c : address.toCharArray()) {
            part.append(c);
            if (c == '@') {
                span.getElement().appendChild(emailPart(part.toString()), new Element("wbr"));
                part.setLength(0);
            }
        }
        if (!part.isEmpty()) {
            span.getElement().appendChild(emailPart(part.toString()));
        }
        return span;
    }

    /**
     * A part of an address; one with a hyphen, where the browser would break first ("muster-" / "hosting.test"), is
     * a box of its own that goes to the next line whole and breaks inside only when it is longer than a line.
     */
    private static Element emailPart(String part) {
        if (part.indexOf('-') < 0) {
            return Element.createText(part);
        }
        Element box = new Element("span");
        box.setText(part);
        box.setAttribute("class", "email-part");
        return box;
    }

    /**
     * A sentence with an e-mail address in it ("Adrian Albers <admin@muster-hosting.test>"), the address breaking as
     * {@link #email} does; the text reads and copies as it was.
     */
    public static Span withEmail(String sentence, String address) {
        int at = address == null || address.isEmpty() ? -1 : sentence.indexOf(address);
        if (at < 0) {
            return new Span(sentence);
        }
        Span text = new Span();
        if (at > 0) {
            text.getElement().appendChild(Element.createText(sentence.substring(0, at)));
        }
        text.add(email(address));
        if (at + address.length() < sentence.length()) {
            text.getElement().appendChild(Element.createText(sentence.substring(at + address.length())));
        }
        return text;
    }
}
