package dev.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.internal.BasicUtilsKt;
import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.dom.Element;
import dev.kontor.base.ui.DialogKeys;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a dialog in a browserless view test: what the browser sends to the server when Esc or Enter is pressed
 * in an open dialog, and the checks every Kontor form dialog must pass (the primary button last, themed primary, the
 * one that Enter clicks; the focus starting in the first field).
 */
public final class DialogKeyboard {

    private DialogKeyboard() {
    }

    /**
     * Esc in the dialog (or a click on its backdrop): the browser asks the server whether to close; the server has the
     * browser send the focused field's value, and the browser then says so.
     */
    public static void pressEscape(Dialog dialog) {
        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));
        BasicUtilsKt._fireDomEvent(dialog, DialogKeys.CLOSE_ASKED);
    }

    /** Enter with the focus somewhere in the dialog: the key event reaches the dialog's shortcut listeners. */
    public static void pressEnter(Dialog dialog) {
        // browserless-test's own shortcut helper, aimed at the dialog rather than the whole page
        ShortcutsKt._fireShortcut(dialog, Key.ENTER);
    }

    /** The footer's buttons from left to right. */
    public static List<Button> footer(Dialog dialog) {
        return dialog.getFooter().getElement().getChildren().map(Element::getComponent).flatMap(Optional::stream)
                .filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    /**
     * The dialog's primary button is the footer's last (right-most), themed primary, and the one Enter clicks; the
     * dialog opens with the focus on {@code firstField}.
     */
    public static void assertFormKeys(Dialog dialog, String primaryId, Component firstField) {
        List<Button> footer = footer(dialog);
        assertThat(footer).as("footer buttons").isNotEmpty();
        Button primary = footer.getLast();
        assertThat(primary.getId()).as("the right-most button").contains(primaryId);
        assertThat(primary.getThemeNames()).as("its theme").contains("primary");
        assertThat(enterClicks(dialog)).as("what Enter clicks").isSameAs(primary);
        assertThat(primary.isDisableOnClick()).as("off from the click until the server answers").isTrue();
        assertThat(initialFocus(dialog)).as("where the focus starts").isSameAs(firstField);
    }

    /** The button that Enter clicks in {@code dialog}, if any. */
    public static Button enterClicks(Dialog dialog) {
        return (Button) ComponentUtil.getData(dialog, DialogKeys.ENTER_CLICKS);
    }

    /** Whether {@code question} opens with the focus on Cancel. */
    public static boolean cancelsFirst(ConfirmDialog question) {
        return Boolean.TRUE.equals(ComponentUtil.getData(question, DialogKeys.CANCEL_FIRST));
    }

    /** The field that has the focus when {@code dialog} opens, if one was chosen. */
    public static Component initialFocus(Dialog dialog) {
        return (Component) ComponentUtil.getData(dialog, DialogKeys.INITIAL_FOCUS);
    }
}
