package dev.kontor.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.tenant.TreeNode;

/**
 * Move: hangs the tenant, with everything below it, below another master tenant of the same tree. A refusal (its
 * own descendant, another customer's tree, a name taken there) is shown next to the choice.
 */
class MoveTenantDialog extends Dialog {

    /** The dialog's one input: the master tenant the tenant goes below. */
    public record Move(TreeNode master) {
    }

    MoveTenantDialog(TenantDialogServices services, TreeNode tenant, Runnable onMoved) {
        setId("move-tenant-dialog");
        // names an organization: one line, cut, whole in its tooltip and the dialog's accessible name
        dev.kontor.base.ui.LineBreaks.title(this, getTranslation("tenant.move.title", tenant.name()));
        setWidth("min(34rem, 100vw)");
        Paragraph explained = new Paragraph(getTranslation("tenant.move.explained"));
        explained.addClassName("section-explanation");
        ComboBox<TreeNode> master = new ComboBox<>(getTranslation("tenant.move.new-master"));
        master.setId("move-target");
        master.setWidthFull();
        // only places it may go: its own customer account's or partner's tree, not below itself
        master.setItems(query -> services.tree().moveTargets(tenant.id(), query.getFilter().orElse(""),
                query.getOffset(), query.getLimit()).stream(), query -> services.tree()
                .countMoveTargets(tenant.id(), query.getFilter().orElse("")));
        master.setItemLabelGenerator(node -> node.reference().isEmpty() ? node.name()
                : node.name() + " (" + node.reference() + ")");
        add(explained, master);
        FormRules.explainConstraints(master);
        Binder<Move> binder = new Binder<>(Move.class);
        binder.forField(master).asRequired(getTranslation("validation.required")).bind("master");
        binder.readRecord(new Move(null));

        Button move = SlowAction.on(new Button(getTranslation("tenant.move.submit")), () -> {
            Move chosen = FormRules.recordOrFocus(binder).orElse(null);
            // a refusal by the tree's rules (below itself, another customer's tree, a name taken there) is about
            // the place chosen, so it is shown next to the choice
            if (chosen == null || !InputRefusals.of(this).rulesIn(master).run(
                    () -> services.structure().move(tenant.id(), chosen.master().id(), tenant.version()))) {
                return false;
            }
            Notices.success(getTranslation("tenant.move.done", tenant.name(), chosen.master().name()));
            close();
            onMoved.run();
            return true;
        });
        move.setId("submit-move");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, move);
        // the open list takes Enter to choose a place; once it is closed, Enter moves
        DialogKeys.enterClicks(this, move);
        DialogKeys.focusOnOpen(this, master);
    }
}
