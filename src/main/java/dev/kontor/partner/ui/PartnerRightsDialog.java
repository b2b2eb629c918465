package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.organization.OrganizationRight;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small dialog that asks which rights a partner gets: to accept a request (the requested rights ticked) or to
 * change an active partner's rights (the granted ones ticked). The dialog closes only when the service took the
 * decision; a refusal (the one-ADMIN rule, say) keeps it open with the error handler's message.
 */
class PartnerRightsDialog extends Dialog {

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

        Button save = SlowAction.on(new Button(saveLabel), () -> {
            decide.accept(rights.chosen());
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
