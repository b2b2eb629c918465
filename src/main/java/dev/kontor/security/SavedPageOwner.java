package dev.kontor.security;

import dev.kontor.user.Callers;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.SignInCandidate;
import dev.kontor.user.UserAccountService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose page a browser was on when its node went down. The session that knew it is gone with the node, so the browser
 * carries, from its last sign-in, a mark of the person: an HMAC of their user id keyed with their password hash, which
 * every node can compute from the database and nobody can read a name or id from. The page saved after a server
 * change is used after sign-in only if the person signing in has the same mark; anyone else (the next person on a
 * shared browser) lands on their own start page, is not refused a page they never asked for, and learns nothing of
 * what the previous person had open.
 */
@Component
class SavedPageOwner {

    static final String COOKIE = "kontor-owner";
    private static final String ATTRIBUTE = SavedPageOwner.class.getName() + ".mark";

    private final UserAccountService users;

    private final Callers callers;

    SavedPageOwner(UserAccountService users, Callers callers) {
        this.callers = callers;
        this.users = users;
    }

    /** With a page saved after a server change: the mark of whoever signed in last on this browser, if anyone. */
    void rememberWithSavedPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Optional<String> mark = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue).findFirst();
        if (mark.isPresent()) {
            session.setAttribute(ATTRIBUTE, mark.get());
        } else {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /**
     * At sign-in: whether the saved page belonged to someone else, and the browser's mark from now on. Returns true
     * when the saved page must be dropped.
     */
    boolean signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String mark = markOf(authentication).orElse(null);
        HttpSession session = request.getSession(false);
        Object previous = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        if (mark != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, mark)
                    .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build().toString());
        }
        return previous instanceof String before && (mark == null
                || !MessageDigest.isEqual(before.getBytes(StandardCharsets.US_ASCII),
                        mark.getBytes(StandardCharsets.US_ASCII)));
    }

    private Optional<String> markOf(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            return Optional.empty();
        }
        // the principal's hash is erased after sign-in; the database has it
        return users.findSignInCandidate(callers.task("saved-page-owner"), user.userId())
                .map(SignInCandidate::passwordHash)
                .map(hash -> hmac(hash, "kontor saved page owner " + user.userId()));
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", impossible);
        }
    }
}
