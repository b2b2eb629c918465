package dev.kontor.access;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;

/**
 * Binds an access session to one browser tab (a Vaadin UI): another tab of the same browser session is outside it
 * until it enters an account itself, so that two tabs never mix silently.
 */
final class AccessTab {

    private static final String KEY = "kontor.access-session";
    private static final String END_NOTICE_KEY = "kontor.access-session.end-notice-shown-on";

    private AccessTab() {
    }

    static Optional<Long> sessionId() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : Optional.ofNullable((Long) ComponentUtil.getData(ui, KEY));
    }

    static void enter(long sessionId) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, KEY, sessionId);
            ComponentUtil.setData(ui, END_NOTICE_KEY, null);
        }
    }

    /** The page on which the banner first said why this tab's session ended. */
    static Optional<String> endNoticeShownOn() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : Optional.ofNullable((String) ComponentUtil.getData(ui, END_NOTICE_KEY));
    }

    static void endNoticeShownOn(String location) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, END_NOTICE_KEY, location);
        }
    }

    static void leave() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, KEY, null);
            ComponentUtil.setData(ui, END_NOTICE_KEY, null);
        }
    }
}
