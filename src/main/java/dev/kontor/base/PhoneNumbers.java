package dev.kontor.base;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Business phone numbers, as people write them ("05251 123456", "+49 (0)5251 12 34 56") and as Kontor keeps them:
 * international format (E.164), so that every notation finds the same number. Numbers without a country code are
 * read as German ones.
 */
public final class PhoneNumbers {

    static final String DEFAULT_REGION = "DE";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The longest phone number as people type it, spaces, brackets and dashes included. */
    public static final int TYPED_MAX_LENGTH = 40;

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty for a blank entry; refuses what is no possible phone number. */
    public static Optional<String> normalize(String field, String entered) {
        if (entered == null || entered.isBlank()) {
            return Optional.empty();
        }
        if (entered.length() > TYPED_MAX_LENGTH) {
            throw new InvalidInput(field, "validation.phone");
        }
        // the parser skips what is not a digit, so a hidden character would be stored with the text as typed
        TextRules.requirePlainLine(field, entered.strip());
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(entered, DEFAULT_REGION);
            if (!UTIL.isPossibleNumber(number) || !UTIL.isValidNumber(number)) {
                throw new InvalidInput(field, "validation.phone");
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            throw new InvalidInput(field, "validation.phone");
        }
    }

    /**
     * The number in E.164 if the text is one, else empty; never refuses. For text kept as typed (the out-of-hours
     * number) and for search input, which may be anything.
     */
    public static Optional<String> searchForm(String text) {
        try {
            return normalize("phone", text);
        } catch (InvalidInput notAPhoneNumber) {
            return Optional.empty();
        }
    }

    /** A stored number as people read it: "+49 5251 123456". */
    public static String readable(String e164) {
        if (e164 == null) {
            return "";
        }
        try {
            return UTIL.format(UTIL.parse(e164, DEFAULT_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException stored) {
            return e164;
        }
    }

    /**
     * {@link #readable}, held together on one line: a number broken between its groups reads as two numbers, so
     * lists that wrap their cells join the groups with no-break spaces.
     */
    public static String readableOnOneLine(String e164) {
        return readable(e164).replace(' ', '\u00A0');
    }
}
