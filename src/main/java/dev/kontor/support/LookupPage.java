package dev.kontor.support;

import java.util.List;

/** The accounts a search found, as many as were asked for, and whether more would be found by asking for more. */
public record LookupPage(List<LookupResult> results, boolean more) {

    public LookupPage {
        results = List.copyOf(results);
    }
}
