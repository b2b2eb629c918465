package dev.kontor.security;

import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The accounts whose unlock link was opened in this browser, kept in its HTTP session (so the link helps only the
 * browser that opened it), each until the link's grace period ends. Sign-in from that browser is exempt from the
 * per-address and per-account limits for that account; the exemption ends with the first successful sign-in.
 */
public final class UnlockedBrowser {

    private static final String ATTRIBUTE = UnlockedBrowser.class.getName();

    private UnlockedBrowser() {
    }

    /** Called by the unlock page, in the browser's own session. */
    public static void remember(WrappedSession session, String account, Instant until) {
        Map<String, Instant> unlocked = new HashMap<>(read(session.getAttribute(ATTRIBUTE)));
        unlocked.put(account, until);
        session.setAttribute(ATTRIBUTE, unlocked);
    }

    static boolean covers(HttpSession session, String account, Instant now) {
        if (session == null) {
            return false;
        }
        Instant until = read(session.getAttribute(ATTRIBUTE)).get(account);
        return until != null && until.isAfter(now);
    }

    static void forget(HttpSession session, String account) {
        if (session == null) {
            return;
        }
        Map<String, Instant> unlocked = new HashMap<>(read(session.getAttribute(ATTRIBUTE)));
        if (unlocked.remove(account) != null) {
            session.setAttribute(ATTRIBUTE, unlocked);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Instant> read(Object attribute) {
        return attribute instanceof Map<?, ?> map ? (Map<String, Instant>) map : Map.of();
    }
}
