package dev.kontor.organization;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A customer account's number: {@code CN-} followed by digits, unique, shown everywhere. */
public record CustomerNumber(String value) {

    public static final int MAX_LENGTH = 15;
    /** The longest customer number as typed, with or without its "CN-" and with spaces ({@link #parse}). */
    public static final int TYPED_MAX_LENGTH = 20;
    private static final Pattern FORMAT = Pattern.compile("^CN-[0-9]{1,12}$");
    private static final Pattern LENIENT = Pattern.compile("^(?:CN-?)?\\s*([0-9]{1,12})$");

    public CustomerNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a customer number: " + value);
        }
    }

    public static CustomerNumber of(long number) {
        return new CustomerNumber("CN-" + number);
    }

    /** Reads what a person typed: "CN-10001", "cn-10001", "CN10001" or just "10001". */
    public static Optional<CustomerNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var matcher = LENIENT.matcher(typed.trim().toUpperCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(new CustomerNumber("CN-" + matcher.group(1))) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
