package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.OrganizationRight;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small dialog that asks which rights a partner gets: to accept a request (the requested rights ticked) or to
 * change an active partner's rights (the granted ones ticked). {@code decide} takes the decision to the service; the
 * dialog closes only when the service took it, and a refusal (the one-ADMIN rule, say) keeps it open with the
 * error handler's message.
 */
class PartnerRightsDialog extends Dialog {

    /** The dialog's one input: the rights the partner gets, VIEW always among them. */
    public record Rights(Set<OrganizationRight> rights) {
    }

    PartnerRightsDialog(String title, String explanation, Set<OrganizationRight> ticked, String saveLabel,
                        Consumer<Set<OrganizationRight>> decide) {
        setId("partner-rights-dialog");
        addClassName("partner-rights-dialog");
        // names an organization: one line, cut, whole in its tooltip and the dialog's accessible name
        dev.kontor.base.ui.LineBreaks.title(this, title);
        setWidth("min(32rem, 100vw)");
        RightsChoice rights = new RightsChoice(getTranslation("partner-answer.rights"), ticked);
        Paragraph text = new Paragraph(explanation);
        text.addClassName("section-explanation");
        add(text, rights);
        Binder<Rights> binder = new Binder<>(Rights.class);
        binder.forField(rights).bind("rights");
        binder.readRecord(new Rights(rights.chosen()));

        Button save = SlowAction.on(new Button(saveLabel), () -> {
            if (!FormRules.recordOrFocus(binder).map(chosen -> InputRefusals.of(this)
                    .run(() -> decide.accept(chosen.rights()))).orElse(false)) {
                return false;
            }
            close();
            return true;
        });
        save.setId("save-partner-rights");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-partner-rights");
        getFooter().add(cancel, save);
        DialogKeys.enterClicks(this, save);
        rights.firstChoice().ifPresent(first -> DialogKeys.focusOnOpen(this, first));
    }
}
