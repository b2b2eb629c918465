package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The one way a Kontor screen tells the person that something went through or did not. Success notices sit at the
 * bottom start, out of the way of the form, and are announced politely; error notices sit at the top, stay a little
 * longer and are announced at once ({@code aria-live="assertive"}), like those of {@link KontorErrorHandler}. Their
 * darker green and red (styles.css) keep the white text readable at 4.5:1.
 */
public final class Notices {

    /** Long enough to read a sentence with an e-mail address in it, short enough not to cover the next step. */
    static final int SUCCESS_MILLIS = 5000;
    static final int ERROR_MILLIS = 6000;
    /** A side note is read at a glance. */
    static final int INFO_MILLIS = 3000;

    private Notices() {
    }

    /** Something the person asked for is done. */
    public static Notification success(String text) {
        Notification notice = new Notification(text, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        notice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notice.open();
        return notice;
    }

    /**
     * {@link #success} at the top of the window, for a change made in a list that fills a dialog's lower part (the
     * managers of an account): the changed row stays uncovered where the person goes on working.
     */
    public static Notification successAbove(String text) {
        Notification notice = success(text);
        notice.setPosition(Notification.Position.TOP_CENTER);
        belowDialogHeader();
        return notice;
    }

    /** A side note with no success or failure in it (a link copied to the clipboard). */
    public static Notification info(String text) {
        Notification notice = new Notification(text, INFO_MILLIS, Notification.Position.BOTTOM_START);
        notice.open();
        return notice;
    }

    /** Something the person asked for did not happen; read out at once. */
    public static Notification error(String text) {
        Notification notice = new Notification(text, ERROR_MILLIS, Notification.Position.TOP_CENTER);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.setAssertive(true);
        notice.open();
        belowDialogHeader();
        return notice;
    }

    /**
     * Notices at the top start below the header of an open dialog that reaches the top of the window (a tall one, or
     * any on a phone), so that they never cover its title or its Close. Measured in the browser when the notice opens:
     * only there is it known where the dialog is; the style sheet applies it while a dialog is open.
     */
    private static void belowDialogHeader() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().executeJs(BELOW_DIALOG_HEADER);
        }
    }

    /** Sets {@code --kontor-dialog-header-bottom}: the lowest bottom of an open dialog's header that starts near the top. */
    static final String BELOW_DIALOG_HEADER = """
            const bottoms = [...document.querySelectorAll('vaadin-dialog[opened]')].map(dialog => {
              const overlay = dialog.shadowRoot && dialog.shadowRoot.querySelector('vaadin-dialog-overlay');
              const header = overlay && overlay.shadowRoot && overlay.shadowRoot.querySelector('[part~="header"]');
              const box = header && header.getBoundingClientRect();
              return box && box.height > 0 && box.top < 96 ? box.bottom : 0;
            });
            document.documentElement.style.setProperty('--kontor-dialog-header-bottom',
                Math.ceil(Math.max(0, ...bottoms)) + 'px');""";

    /** {@link #error} with a message from the bundles, for code that has the UI but no component at hand. */
    static Notification error(UI ui, String key, Object... arguments) {
        return error(ui.getTranslation(key, arguments));
    }
}
