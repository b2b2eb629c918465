package dev.kontor.tenant.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.tenant.CopyProgress;
import dev.kontor.tenant.TreeNode;

/**
 * Copy content from the master tenant into the selected tenant, and if asked into every tenant below it. The copy
 * runs in the background; the dialog shows its progress as the server pushes it, and may be closed at any time. Opened
 * again while a copy the person started into this tenant is still queued or running, it shows that copy rather than
 * offering to start another.
 */
class CopyContentDialog extends Dialog {

    /** The dialog's one input: whether the tenants below get the content too. */
    public record Copy(boolean withDescendants) {
    }

    private final TenantDialogServices services;
    private final ProgressBar bar = new ProgressBar();
    private final Span status = new Span();
    private final Button start = new Button();
    private final Checkbox withDescendants = new Checkbox();
    private Registration unwatch;

    CopyContentDialog(TenantDialogServices services, TreeNode tenant) {
        this.services = services;
        setId("copy-content-dialog");
        // names an organization: one line, cut, whole in its tooltip and the dialog's accessible name
        dev.kontor.base.ui.LineBreaks.title(this, getTranslation("tenant.copy.title", tenant.name()));
        setWidth("min(34rem, 100vw)");
        // names the tenant the content comes from: the master is not on screen while the dialog is open
        Paragraph explained = new Paragraph(services.copies().masterName(tenant.id())
                .map(master -> getTranslation("tenant.copy.explained-from", master))
                .orElseGet(() -> getTranslation("tenant.copy.explained")));
        explained.addClassName("section-explanation");
        withDescendants.setLabel(getTranslation("tenant.copy.with-descendants"));
        withDescendants.setId("copy-with-descendants");
        withDescendants.setEnabled(tenant.children() > 0);
        if (tenant.children() == 0) {
            // a switched-off choice says why
            withDescendants.setHelperText(getTranslation("tenant.copy.no-descendants"));
        }
        bar.setId("copy-progress");
        bar.setVisible(false);
        bar.getElement().setAttribute("aria-label", getTranslation("tenant.copy.progress"));
        status.setId("copy-status");
        status.getElement().setAttribute("role", "status");
        add(explained, withDescendants, bar, status);
        Binder<Copy> binder = new Binder<>(Copy.class);
        binder.forField(withDescendants).bind("withDescendants");
        binder.readRecord(new Copy(false));

        start.setText(getTranslation("tenant.copy.start"));
        start.setId("start-copy");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        SlowAction.on(start, () -> {
            // a refusal (a copy into this tree already running, say) is said where the progress would be
            CopyProgress started = FormRules.recordOrFocus(binder).flatMap(copy -> InputRefusals.of(this)
                    .rulesShownBy(status::setText)
                    .call(() -> services.copies().start(tenant.id(), copy.withDescendants()))).orElse(null);
            if (started == null) {
                return false;
            }
            show(started);
            follow(started.copyId());
            withDescendants.setEnabled(false);
            // the copy goes on in the background; the button stays off until it fails or the dialog closes
            return true;
        });
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("close-copy");
        getFooter().add(close, start);
        DialogKeys.enterClicks(this, start);
        var unfinished = services.copies().unfinished(tenant.id());
        if (unfinished.isPresent()) {
            Paragraph again = new Paragraph(getTranslation("tenant.copy.shown-again"));
            again.setId("copy-shown-again");
            addComponentAtIndex(1, again);
            withDescendants.setEnabled(false);
            start.setEnabled(false);
            show(unfinished.get());
            follow(unfinished.get().copyId());
        }
        // a copy writes into every tenant it reaches: a stray Enter as the dialog opens must not start it
        DialogKeys.focusOnOpen(this, close);
    }

    private void show(CopyProgress progress) {
        bar.setVisible(true);
        bar.setValue(progress.fraction());
        // a queued copy moves nothing yet: a running bar rather than one frozen at zero
        bar.setIndeterminate(progress.waiting());
        if (progress.finished()) {
            status.setText(getTranslation("tenant.copy.done." + progress.state(), progress.total(), progress.changed()));
        } else if (progress.waiting()) {
            status.setText(getTranslation("tenant.copy.waiting", progress.total()));
        } else {
            status.setText(getTranslation("tenant.copy.running", progress.done(), progress.total()));
        }
        if ("FAILED".equals(progress.state())) {
            // what was copied stays; starting again goes on from there
            SlowAction.ready(start);
        } else if (progress.finished()) {
            SlowAction.stop(start);
        }
    }

    /** The copy runs on whichever node picks it up; each batch it commits anywhere brings its progress here. */
    private void follow(long copyId) {
        stopFollowing();
        UI ui = UI.getCurrent();
        unwatch = services.progress().watch(copyId,
                () -> ui.access(() -> show(services.copies().progress(copyId))));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    private void stopFollowing() {
        if (unwatch != null) {
            unwatch.remove();
            unwatch = null;
        }
    }
}
