package dev.kontor.api;

import java.util.List;

/**
 * A PUT that left members of the whole out: refused as invalid input naming each missing member ({@code field} the
 * first, {@code fields} all), nothing saved.
 */
final class IncompleteReplacement extends RuntimeException {

    private final List<String> fields;
    private final String messageKey;

    IncompleteReplacement(List<String> fields) {
        this(fields, "api.error.account-put-incomplete");
    }

    /** {@code messageKey} says what the PUT replaces, with the missing members as its argument. */
    IncompleteReplacement(List<String> fields, String messageKey) {
        super("incomplete replacement: " + fields, null, false, false);
        this.fields = List.copyOf(fields);
        this.messageKey = messageKey;
    }

    List<String> fields() {
        return fields;
    }

    String messageKey() {
        return messageKey;
    }
}
