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
     * Notices at the top start below the header of every open dialog they would otherwise cover: a tall one that
     * reaches the top of the window (any on a phone), and a dialog opened over it whose header sits lower (Edit
     * contact over the account dialog: its title was under the notice, review 29). A small dialog in the middle of
     * the window leaves the notice at the top, where it covers nothing of it. Measured in the browser when the notice
     * opens: only there is it known where the dialogs are; the style sheet applies it while a dialog is open.
     */
    private static void belowDialogHeader() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().executeJs(BELOW_DIALOG_HEADER, NOTICE_REACH_PX);
        }
    }

    /**
     * Sets {@code --kontor-dialog-header-bottom}: from the top down, a header that starts within a notice's height
     * (two lines of text, {@value #NOTICE_REACH_PX} px) of where the notices start is covered, and they start below it.
     */
    static final String BELOW_DIALOG_HEADER = """
            const headers = [...document.querySelectorAll('vaadin-dialog[opened]')].map(dialog => {
              const overlay = dialog.shadowRoot && dialog.shadowRoot.querySelector('vaadin-dialog-overlay');
              const header = overlay && overlay.shadowRoot && overlay.shadowRoot.querySelector('[part~="header"]');
              return header && header.getBoundingClientRect();
            }).filter(box => box && box.height > 0).sort((a, b) => a.top - b.top);
            let start = 0;
            for (const box of headers) {
              if (box.top < start + $0) start = Math.max(start, box.bottom);
            }
            document.documentElement.style.setProperty('--kontor-dialog-header-bottom', Math.ceil(start) + 'px');""";

    /** How far down a notice at the top reaches: two lines of text with its padding and the gap above it. */
    static final int NOTICE_REACH_PX = 112;

    /** {@link #error} with a message from the bundles, for code that has the UI but no component at hand. */
    static Notification error(UI ui, String key, Object... arguments) {
        return error(ui.getTranslation(key, arguments));
    }
}
