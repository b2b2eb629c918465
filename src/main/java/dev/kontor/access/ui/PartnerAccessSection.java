package dev.kontor.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import dev.kontor.access.AccessPolicyService;
import dev.kontor.base.ui.Notices;
import org.springframework.modulith.NamedInterface;

/**
 * The customer's rules for partners who work in the account: require a reason, tell the contact person. Only the
 * account's own managers change them.
 */
@NamedInterface("account-sections")
public class PartnerAccessSection extends Section {

    public PartnerAccessSection(AccessPolicyService policies, long accountId) {
        setId("partner-access-section");
        addClassName("dialog-section");
        AccessPolicyService.Rules rules = policies.rulesOf(accountId);
        Paragraph explanation = new Paragraph(getTranslation(rules.viewerIsPartner()
                ? "access.policy.explanation.partner" : "access.policy.explanation"));
        explanation.addClassName("section-explanation");
        Checkbox reason = new Checkbox(getTranslation("access.policy.require-reason"), rules.requireReason());
        reason.setId("policy-require-reason");
        Checkbox notify = new Checkbox(getTranslation("access.policy.notify"), rules.notifyContactPerson());
        notify.setId("policy-notify");
        reason.setReadOnly(!rules.viewerMayChange());
        notify.setReadOnly(!rules.viewerMayChange());
        add(new H3(getTranslation("access.policy.title")));
        if (!rules.viewerMayChange()) {
            Paragraph readOnly = new Paragraph(getTranslation("account.section.read-only"));
            readOnly.setId("partner-access-read-only");
            readOnly.addClassName("section-explanation");
            add(readOnly);
        }
        add(explanation, reason, notify);
        if (rules.viewerMayChange()) {
            // named for what it saves: the account dialog holds several forms, each with its own Save
            Button save = new Button(getTranslation("access.policy.save"), click -> {
                policies.change(accountId, reason.getValue(), notify.getValue());
                Notices.success(getTranslation("access.policy.saved"));
            });
            save.setId("save-access-policy");
            Div buttons = new Div(save);
            buttons.addClassName("section-buttons");
            add(buttons);
        }
    }
}
