package dev.kontor.access;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds an access session to one browser tab: another tab of the same browser session is outside it until it enters
 * an account itself, so that two tabs never mix silently. A reload or an address typed into the tab builds a new
 * Vaadin UI; the tab itself is known by its window name, which Vaadin's client sets once per tab, keeps across
 * reloads and sends with every new page (the {@code ExtendedClientDetails} that {@code @PreserveOnRefresh} relies on).
 * The HTTP session keeps which window name works in which access session, so that the new page can carry the session
 * on, after {@link AccessSessions} has checked it as it checks every session carried into a tab.
 */
final class AccessTab {

    private static final String KEY = "kontor.access-session";
    private static final String END_NOTICE_KEY = "kontor.access-session.end-notice-shown-on";

    private AccessTab() {
    }

    /** The access sessions of this browser session's tabs (by window name), and ends not yet said on a page. */
    static final class Tabs implements Serializable {
        final Map<String, Long> byWindow = new ConcurrentHashMap<>();
        final List<String> unsaidEnds = new ArrayList<>();
        /** By window name ("" when the page did not tell it): the account just left, name and customer number. */
        final Map<String, List<String>> left = new ConcurrentHashMap<>();
    }

    static Optional<Long> sessionId() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : Optional.ofNullable((Long) ComponentUtil.getData(ui, KEY));
    }

    /** The session this UI is bound to, for recording its activity after a request it served. */
    static Optional<Long> boundTo(UI ui) {
        return Optional.ofNullable((Long) ComponentUtil.getData(ui, KEY));
    }

    /** The window name of this tab, when its page told it (a real browser always does). */
    static Optional<String> windowName() {
        UI ui = UI.getCurrent();
        if (ui == null || ui.getSession() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ui.getInternals().getExtendedClientDetails())
                .map(details -> details.getWindowName()).filter(name -> !name.isBlank());
    }

    /** The session an earlier page of this very tab worked in, still to be checked before it counts. */
    static Optional<Long> carriedOver() {
        return tabs().flatMap(tabs -> windowName().map(tabs.byWindow::get));
    }

    /** Whether this page can find its session again after a reload. */
    static boolean recognizable() {
        return tabs().isPresent() && windowName().isPresent();
    }

    static void enter(long sessionId) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, KEY, sessionId);
            ComponentUtil.setData(ui, END_NOTICE_KEY, null);
        }
        tabs().ifPresent(tabs -> windowName().ifPresent(name -> tabs.byWindow.put(name, sessionId)));
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
        forgetThisTab();
    }

    /** Remembers for this tab's next page which account it has just left. */
    static void left(String customerName, String customerNumber) {
        tabs().ifPresent(tabs -> tabs.left.put(windowName().orElse(""), List.of(customerName, customerNumber)));
    }

    /** The account this tab has just left, said once and then forgotten. */
    static Optional<List<String>> takeLeft() {
        return tabs().flatMap(tabs -> Optional.ofNullable(tabs.left.remove(windowName().orElse(""))));
    }

    /** Forgets which session this tab worked in, so that its next page is the person's own. */
    static void forgetThisTab() {
        tabs().ifPresent(tabs -> windowName().ifPresent(tabs.byWindow::remove));
    }

    /** Remembers, for the next page of this browser, that a session ended with its tab (the customer it was in). */
    static void endedWithItsTab(VaadinSession session, String customer) {
        Tabs tabs = tabsOf(session);
        synchronized (tabs.unsaidEnds) {
            tabs.unsaidEnds.add(customer);
        }
    }

    /** The customers whose sessions ended with a tab that could not be recognized, said once and then forgotten. */
    static List<String> takeUnsaidEnds() {
        return tabs().map(tabs -> {
            synchronized (tabs.unsaidEnds) {
                List<String> said = List.copyOf(tabs.unsaidEnds);
                tabs.unsaidEnds.clear();
                return said;
            }
        }).orElse(List.of());
    }

    private static Optional<Tabs> tabs() {
        UI ui = UI.getCurrent();
        VaadinSession session = ui == null ? null : ui.getSession();
        return session == null ? Optional.empty() : Optional.of(tabsOf(session));
    }

    private static Tabs tabsOf(VaadinSession session) {
        Tabs tabs = session.getAttribute(Tabs.class);
        if (tabs == null) {
            tabs = new Tabs();
            session.setAttribute(Tabs.class, tabs);
        }
        return tabs;
    }
}
