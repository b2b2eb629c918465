package dev.kontor.partner.ui;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.kontor.organization.OrganizationRight;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A checkbox per right, each explained in one line; VIEW is always ticked and cannot be unticked, since every partner
 * holds it. Used wherever a customer grants rights: the request page, accepting from the account, changing rights.
 * It is one field whose value is the ticked rights, so that a form binds it like any other; its element stays the
 * group of boxes.
 */
class RightsChoice extends AbstractCompositeField<Div, RightsChoice, Set<OrganizationRight>> implements HasStyle {

    private final Map<OrganizationRight, Checkbox> boxes = new EnumMap<>(OrganizationRight.class);

    RightsChoice(String label, Set<OrganizationRight> ticked) {
        super(EnumSet.of(OrganizationRight.VIEW));
        addClassName("rights-choice");
        setId("rights-choice");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", label);
        Span legend = new Span(label);
        legend.addClassName("rights-choice-label");
        getContent().add(legend);
        for (OrganizationRight right : OrganizationRight.values()) {
            Checkbox box = new Checkbox(getTranslation("right." + right.name()));
            box.setId("right-" + right.name());
            box.setHelperText(getTranslation("right." + right.name() + ".help"));
            box.setValue(right == OrganizationRight.VIEW || ticked.contains(right));
            if (right == OrganizationRight.VIEW) {
                box.setReadOnly(true);
            }
            box.addValueChangeListener(change -> setModelValue(ticked(), change.isFromClient()));
            boxes.put(right, box);
            getContent().add(box);
        }
        setModelValue(ticked(), false);
    }

    /** The first right that can be changed (VIEW cannot): where the keyboard starts. */
    java.util.Optional<Checkbox> firstChoice() {
        return boxes.values().stream().filter(box -> !box.isReadOnly()).findFirst();
    }

    /** The ticked rights, VIEW always among them. */
    Set<OrganizationRight> chosen() {
        return getValue();
    }

    @Override
    protected void setPresentationValue(Set<OrganizationRight> ticked) {
        boxes.forEach((right, box) -> box.setValue(right == OrganizationRight.VIEW || ticked.contains(right)));
    }

    private Set<OrganizationRight> ticked() {
        EnumSet<OrganizationRight> ticked = EnumSet.of(OrganizationRight.VIEW);
        boxes.forEach((right, box) -> {
            if (Boolean.TRUE.equals(box.getValue())) {
                ticked.add(right);
            }
        });
        return ticked;
    }
}
