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
        question(owner, dialogId, questionKey, confirmTheme, change, arguments).open();
    }

    /**
     * A button for a decision that is taken once and for good (approve, refuse): it asks {@code questionKey} first
     * (like {@link #ask}) and then runs {@code decision}. The browser turns the button off at the click, so the
     * second click of a double click opens no second question; the button comes back when the question is closed
     * without an answer.
     */
    public static Button decision(Component owner, String id, long rowId, String personName, String labelKey,
                                  String dialogId, String questionKey, String confirmTheme, Runnable decision,
                                  Object... arguments) {
        Button button = action(owner, id, rowId, personName, labelKey, () -> { });
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            boolean[] answered = {false};
            ConfirmDialog dialog = question(owner, dialogId, questionKey, confirmTheme, () -> {
                answered[0] = true;
                decision.run();
            }, arguments);
            // closed by Cancel, Esc or the server; the dialog says whether it is open (the event's flag says who changed it)
            dialog.addOpenedChangeListener(change -> {
                if (!dialog.isOpened() && !answered[0]) {
                    button.setEnabled(true);
                }
            });
            dialog.open();
        });
        return button;
    }

    /**
     * The question, not yet open. Its confirmation runs {@code change} once: a double click on the confirming button
     * (or Enter pressed as it is clicked) can send the confirmation twice before the dialog has closed, and a
     * decision taken twice would tell the person who took it that it had already been taken.
     */
    private static ConfirmDialog question(Component owner, String dialogId, String questionKey, String confirmTheme,
                                          Runnable change, Object... arguments) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(dialogId);
        dialog.setHeader(owner.getTranslation(questionKey + ".title"));
        dialog.setText(owner.getTranslation(questionKey, arguments));
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("action.cancel"));
        dialog.setConfirmText(owner.getTranslation(questionKey + ".button"));
        dialog.setConfirmButtonTheme(confirmTheme);
        boolean[] confirmed = {false};
        dialog.addConfirmListener(event -> {
            if (!confirmed[0]) {
                confirmed[0] = true;
                change.run();
            }
        });
        DialogKeys.cancelFirst(dialog);
        return dialog;
    }
}
