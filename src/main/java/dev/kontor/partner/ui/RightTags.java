package dev.kontor.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dev.kontor.organization.OrganizationRight;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Rights shown as tags, in their declared order, each with its explanation as tooltip. */
final class RightTags {

    private RightTags() {
    }

    static List<Component> of(Set<OrganizationRight> rights, Function<String, String> translation) {
        return rights.stream().sorted().map(right -> {
            Span tag = new Span(translation.apply("right." + right.name()));
            tag.addClassNames("tag", "tag-right");
            tag.setTitle(translation.apply("right." + right.name() + ".help"));
            return (Component) tag;
        }).toList();
    }

    /** "View, Manage users", for running text. */
    static String text(Set<OrganizationRight> rights, Function<String, String> translation) {
        return String.join(", ", rights.stream().sorted()
                .map(right -> translation.apply("right." + right.name())).toList());
    }
}
