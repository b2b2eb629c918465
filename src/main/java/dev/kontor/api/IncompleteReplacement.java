package dev.kontor.api;

import java.util.List;

/**
 * A PUT that left members of the whole out: refused as invalid input naming each missing member ({@code field} the
 * first, {@code fields} all), nothing saved.
 */
final class IncompleteReplacement extends RuntimeException {

    private final List<String> fields;

    IncompleteReplacement(List<String> fields) {
        super("incomplete replacement: " + fields, null, false, false);
        this.fields = List.copyOf(fields);
    }

    List<String> fields() {
        return fields;
    }
}
