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
        for (ContactType type : ContactType.values()) {
            if (types.contains(type)) {
                Span tag = new Span(owner.getTranslation("contact.type." + type));
                tag.addClassNames("tag", "tag-contact-" + type.name().toLowerCase(Locale.ROOT));
                cell.add(tag);
            }
        }
        return cell;
    }
}
