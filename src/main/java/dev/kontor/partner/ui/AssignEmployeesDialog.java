package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.Member;
import dev.kontor.partner.Assignee;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.PartnerService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which of the partner's employees work on this customer (it then appears under their "My customers"). */
class AssignEmployeesDialog extends Dialog {

    /** The dialog's one input: the employees who work on the customer. */
    public record Assignment(Set<Member> employees) {
    }

    AssignEmployeesDialog(PartnerService partners, long partnerId, ManagedCustomer customer, Runnable onChanged) {
        setId("assign-employees-dialog");
        // names an organization: one line, cut, whole in its tooltip and the dialog's accessible name
        dev.kontor.base.ui.LineBreaks.title(this, getTranslation("partner.assign.title", customer.name()));
        List<Member> employees = partners.employees(partnerId);
        CheckboxGroup<Member> choice = new CheckboxGroup<>(getTranslation("partner.assign.employees"));
        choice.setId("assigned-employees");
        choice.setItems(employees);
        choice.setItemLabelGenerator(m -> m.displayName() + " · " + m.email());
        Set<Long> assigned = customer.assignees().stream().map(Assignee::userId).collect(Collectors.toSet());
        if (employees.isEmpty()) {
            choice.setHelperText(getTranslation("partner.assign.no-employees"));
        }
        add(choice);
        FormRules.explainConstraints(choice);
        Binder<Assignment> binder = new Binder<>(Assignment.class);
        binder.forField(choice).bind("employees");
        binder.readRecord(new Assignment(employees.stream().filter(m -> assigned.contains(m.userId()))
                .collect(Collectors.toSet())));
        Button save = SlowAction.on(new Button(getTranslation("action.save")), () -> {
            Assignment chosen = FormRules.recordOrFocus(binder).orElse(null);
            if (chosen == null || !InputRefusals.of(this).run(() -> {
                for (Member employee : employees) {
                    boolean wanted = chosen.employees().contains(employee);
                    if (wanted && !assigned.contains(employee.userId())) {
                        partners.assign(partnerId, customer.customerId(), employee.userId());
                    } else if (!wanted && assigned.contains(employee.userId())) {
                        partners.unassign(partnerId, customer.customerId(), employee.userId());
                    }
                }
            })) {
                return false;
            }
            close();
            onChanged.run();
            return true;
        });
        save.setId("save-assignments");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-assignments");
        getFooter().add(cancel, save);
        DialogKeys.enterClicks(this, save);
        // the first employee's box has the focus, not the dialog's frame (without employees, Cancel); a few ticks are
        // quickly set again, so Esc closes without asking
        if (employees.isEmpty()) {
            DialogKeys.focusOnOpen(this, cancel);
        } else {
            DialogKeys.focusFirstBoxOnOpen(this, choice);
        }
    }
}
