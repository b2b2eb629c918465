package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the keyboard does in Kontor's dialogs, alike in every one of them: Esc closes without saving, but asks first
 * when what the person typed would be lost; Enter clicks the primary button from anywhere in a form, except where Enter
 * has a meaning of its own (a new line in a text area, choosing an item from an open list, another button, which it
 * clicks instead); and the dialog opens with the focus in its first field, so that typing can start at once.
 */
public final class DialogKeys {

    /** Where a dialog keeps the field that takes the focus when it opens, so that its tests can tell. */
    public static final String INITIAL_FOCUS = DialogKeys.class.getName() + ".initialFocus";
    /** Where a dialog keeps the button that Enter clicks, so that its tests can tell. */
    public static final String ENTER_CLICKS = DialogKeys.class.getName() + ".enterClicks";
    /** Where a question keeps that it opens with the focus on Cancel, so that its tests can tell. */
    public static final String CANCEL_FIRST = DialogKeys.class.getName() + ".cancelFirst";
    /** The browser's word, after Esc, that the fields have sent their values and closing may be decided. */
    public static final String CLOSE_ASKED = "kontor-close-asked";

    private DialogKeys() {
    }

    /**
     * Enter clicks {@code primary} while the focus is anywhere in {@code dialog}, except in the footer's buttons and
     * in {@code ownEnter} (text areas, selects, which open with Enter, uploads), where Enter keeps its own meaning. An
     * open combo box list keeps its Enter by itself: it chooses the item, and only the next Enter submits. Call it
     * once the footer holds its buttons; remove the registration when the dialog turns into something that is no
     * form.
     */
    public static ShortcutRegistration enterClicks(Dialog dialog, Button primary, Component... ownEnter) {
        ShortcutRegistration registration = primary.addClickShortcut(Key.ENTER).listenOn(dialog);
        List<Component> keepTheirs = new ArrayList<>(footerButtons(dialog));
        keepTheirs.addAll(List.of(ownEnter));
        if (!keepTheirs.isEmpty()) {
            // a shortcut stops the key there; allowing the browser's default keeps the button's or field's own Enter
            Shortcuts.addShortcutListener(dialog, () -> { }, Key.ENTER)
                    .listenOn(keepTheirs.toArray(Component[]::new)).allowBrowserDefault();
        }
        ComponentUtil.setData(dialog, ENTER_CLICKS, primary);
        return registration;
    }

    /**
     * Puts the focus into {@code field} whenever {@code dialog} has opened. The browser's dialog first puts the focus
     * on its first focusable element (in some dialogs a close button), so the field takes it once the dialog says it
     * is open, not when the server opens it.
     */
    public static void focusOnOpen(Dialog dialog, Focusable<?> field) {
        ComponentUtil.setData(dialog, INITIAL_FOCUS, field);
        dialog.getElement().addEventListener("opened-changed", event -> field.focus())
                .setFilter("event.detail.value");
    }

    /**
     * Like {@link #focusOnOpen}, for a checkbox group, whose boxes the browser renders: the first box that can be
     * ticked takes the focus.
     */
    public static void focusFirstBoxOnOpen(Dialog dialog, Component group) {
        ComponentUtil.setData(dialog, INITIAL_FOCUS, group);
        dialog.getElement().addEventListener("opened-changed", event -> group.getElement().executeJs(
                        "const first = this.querySelector('vaadin-checkbox:not([disabled])'); if (first) first.focus();"))
                .setFilter("event.detail.value");
    }

    /**
     * The first component in {@code root} (depth first, visible and enabled) that can take the focus: for a dialog
     * whose first control depends on what it shows.
     */
    public static java.util.Optional<Focusable<?>> firstFocusable(Component root) {
        if (!root.isVisible()) {
            return java.util.Optional.empty();
        }
        if (root instanceof Focusable<?> focusable && root.getElement().isEnabled()) {
            return java.util.Optional.of(focusable);
        }
        return root.getChildren().map(DialogKeys::firstFocusable).flatMap(java.util.Optional::stream).findFirst();
    }

    /**
     * Puts the focus on Cancel when {@code dialog} has opened, instead of on its confirm button: for a question whose
     * answer takes something away (deactivate, delete, end a partnership), a hasty Enter must not confirm it.
     */
    public static void cancelFirst(ConfirmDialog dialog) {
        ComponentUtil.setData(dialog, CANCEL_FIRST, Boolean.TRUE);
        // the browser's dialog focuses its confirm button once its overlay has opened, and announces that on the page's
        // body; Cancel takes the focus right after, whatever the timing of the server
        dialog.getElement().executeJs("""
                const dialog = this;
                const opened = event => {
                  if (event.detail.overlay.owner !== dialog) return;
                  document.body.removeEventListener('vaadin-overlay-open', opened);
                  const cancel = dialog.querySelector('vaadin-button[slot="cancel-button"]');
                  if (cancel) cancel.focus();
                };
                document.body.addEventListener('vaadin-overlay-open', opened);""");
    }

    /**
     * Esc (and a click outside) closes {@code dialog}, or, when {@code typed} says that input would be lost, first asks
     * whether to discard it; Keep editing (and Esc once more) returns to the form as it was.
     */
    public static void askBeforeDiscarding(Dialog dialog, BooleanSupplier typed) {
        askBeforeDiscarding(dialog, typed, dialog::close);
    }

    /** Like {@link #askBeforeDiscarding(Dialog, BooleanSupplier)}, with what closing means for this dialog. */
    public static void askBeforeDiscarding(Dialog dialog, BooleanSupplier typed, Runnable close) {
        // a field sends what was typed into it when it loses the focus, and Esc does not move the focus: the browser
        // first lets the field send its value, then asks the server, which then knows whether anything would be lost
        // (a question opened before would make the form behind it inert, and the value would be dropped)
        dialog.addDialogCloseActionListener(event -> dialog.getElement().executeJs("""
                const field = document.activeElement;
                if (field && field !== document.body && this.contains(field)) { field.blur(); field.focus(); }
                this.dispatchEvent(new CustomEvent('%s'));""".formatted(CLOSE_ASKED)));
        dialog.getElement().addEventListener(CLOSE_ASKED, event -> closeOrAsk(dialog, typed, close));
    }

    /** Closes at once when nothing typed would be lost, else asks first; for a dialog's own close button too. */
    public static void closeOrAsk(Dialog dialog, BooleanSupplier typed, Runnable close) {
        if (!typed.getAsBoolean()) {
            close.run();
            return;
        }
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("confirm-discard");
        ask.setHeader(dialog.getTranslation("dialog.discard.title"));
        ask.setText(dialog.getTranslation("dialog.discard.text"));
        ask.setCancelable(true);
        ask.setCancelText(dialog.getTranslation("dialog.discard.keep"));
        ask.setConfirmText(dialog.getTranslation("dialog.discard.button"));
        ask.setConfirmButtonTheme("error primary");
        ask.addConfirmListener(confirmed -> close.run());
        cancelFirst(ask);
        ask.open();
    }

    /**
     * Whether any of {@code fields} holds something other than it held at this call: what a person typed or chose
     * since the form opened.
     */
    public static BooleanSupplier changedFrom(HasValue<?, ?>... fields) {
        List<Object> initial = new ArrayList<>();
        for (HasValue<?, ?> field : fields) {
            initial.add(field.getValue());
        }
        return () -> {
            for (int i = 0; i < fields.length; i++) {
                if (!Objects.equals(initial.get(i), fields[i].getValue())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static List<Component> footerButtons(Dialog dialog) {
        return dialog.getFooter().getElement().getChildren().map(Element::getComponent)
                .flatMap(java.util.Optional::stream).filter(Button.class::isInstance).toList();
    }
}
