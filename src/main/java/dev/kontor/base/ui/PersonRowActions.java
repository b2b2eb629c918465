package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The small actions on a person's row (deactivate, remove, send the link again …) and the question asked before a
 * change that takes something away, alike in every list of people.
 */
public final class PersonRowActions {

    private PersonRowActions() {
    }

    /** A small tertiary button whose accessible name says whom it acts on ("Remove: Ben Schulz"). */
    public static Button action(Component owner, String id, long rowId, String personName, String labelKey,
                                Runnable run) {
        Button button = new Button(owner.getTranslation(labelKey), click -> run.run());
        button.setId(id + "-" + rowId);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(owner.getTranslation(labelKey) + ": " + personName);
        return button;
    }

    /**
     * Asks {@code questionKey} (with {@code .title} and {@code .button} variants; arguments name and e-mail) and runs
     * the change only when confirmed.
     */
    public static void confirm(Component owner, String dialogId, String questionKey, String name, String email,
                               Runnable change) {
        ask(owner, dialogId, questionKey, "error primary", change, name, email);
    }

    /**
     * Asks {@code questionKey} (with {@code .title} and {@code .button} variants) with the given arguments, the
     * confirming button in {@code confirmTheme}, and runs the change only when confirmed.
     */
    public static void ask(Component owner, String dialogId, String questionKey, String confirmTheme, Runnable change,
                           Object... arguments) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(dialogId);
        dialog.setHeader(owner.getTranslation(questionKey + ".title"));
        dialog.setText(owner.getTranslation(questionKey, arguments));
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("action.cancel"));
        dialog.setConfirmText(owner.getTranslation(questionKey + ".button"));
        dialog.setConfirmButtonTheme(confirmTheme);
        dialog.addConfirmListener(event -> change.run());
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }
}
