package dev.kontor.contact.ui;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.kontor.contact.ContactType;
import java.util.Locale;
import java.util.Set;

/** Contact types as small tags, in the contacts grid and in the Users lists' Contact types column. */
@NamedInterface("contact-components")
public final class ContactTags {

    private ContactTags() {
    }

    public static Component of(Component owner, Set<ContactType> types) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        tags(owner, types).forEach(cell::add);
        return cell;
    }

    /** The tags alone, in the types' own order: for a box that holds other tags too. */
    public static java.util.List<Span> tags(Component owner, Set<ContactType> types) {
        java.util.List<Span> tags = new java.util.ArrayList<>();
        for (ContactType type : ContactType.values()) {
            if (types.contains(type)) {
                Span tag = new Span(owner.getTranslation("contact.type." + type));
                tag.addClassNames("tag", "tag-contact-" + type.name().toLowerCase(Locale.ROOT));
                tags.add(tag);
            }
        }
        return tags;
    }
}
