package dev.kontor.provider.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.base.ui.FormRules;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerFilter;
import dev.kontor.provider.PartnerRow;
import java.util.EnumSet;
import org.springframework.data.domain.PageRequest;

/** A lazy choice among the provider's active partners, and the rights to ask the customer for on its behalf. */
final class PartnerChoice {

    private PartnerChoice() {
    }

    static ComboBox<PartnerRow> partners(PartnerAdministration administration, String label) {
        ComboBox<PartnerRow> partner = new ComboBox<>(label);
        partner.setItemLabelGenerator(PartnerRow::name);
        partner.setItems(query -> administration.partners(new PartnerFilter(query.getFilter().orElse(""),
                        OrganizationState.ACTIVE), PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, administration.countPartners(new PartnerFilter(
                        query.getFilter().orElse(""), OrganizationState.ACTIVE))));
        partner.setClearButtonVisible(true);
        FormRules.explainConstraints(partner);
        return partner;
    }

    /** Every right but ADMIN, VIEW always included; the customer decides what it grants. */
    static CheckboxGroup<OrganizationRight> rights(String label) {
        CheckboxGroup<OrganizationRight> rights = new CheckboxGroup<>(label);
        rights.setItems(EnumSet.complementOf(EnumSet.of(OrganizationRight.ADMIN)));
        rights.setItemLabelGenerator(right -> rights.getTranslation("right." + right.name()));
        rights.setItemEnabledProvider(right -> right != OrganizationRight.VIEW);
        rights.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        rights.setValue(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_CONTACTS));
        FormRules.explainConstraints(rights);
        return rights;
    }
}
