package dev.kontor.partner.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import dev.kontor.organization.OrganizationRight;
import java.util.EnumSet;
import java.util.Set;

/** A checkbox per access right, labelled from the bundles; VIEW is always included and cannot be unticked. */
class RightsField extends CheckboxGroup<OrganizationRight> {

    RightsField(String label, Set<OrganizationRight> initial) {
        super(label);
        setItems(EnumSet.allOf(OrganizationRight.class));
        setItemLabelGenerator(right -> getTranslation("right." + right.name()));
        setItemEnabledProvider(right -> right != OrganizationRight.VIEW);
        addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        EnumSet<OrganizationRight> value = EnumSet.of(OrganizationRight.VIEW);
        value.addAll(initial);
        setValue(value);
    }
}
