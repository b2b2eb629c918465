package dev.kontor.user;

import dev.kontor.base.TextRules;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as Kontor stores it: trimmed and lower-case, since the login is compared without regard to case.
 * The syntax check is deliberately practical (one @, a dotted domain, no spaces, angle brackets, control or invisible
 * characters), not RFC 5322.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = UserAccount.EMAIL_MAX_LENGTH;
    private static final Pattern SYNTAX =
            Pattern.compile("^[^@\\s<>\"(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid e-mail address");
        }
        value = normalize(value);
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String trimmed = candidate.trim();
        // control and invisible characters would let two addresses that look the same belong to different people
        return !trimmed.isEmpty() && trimmed.length() <= MAX_LENGTH && SYNTAX.matcher(trimmed).matches()
                && TextRules.isPlainLine(trimmed);
    }

    public static String normalize(String candidate) {
        return candidate == null ? "" : candidate.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
