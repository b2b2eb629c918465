package dev.kontor.support;

/** One customer account found by the lookup, with what matched (e.g. the contact whose phone it was). */
public record LookupResult(long customerId, String customerNumber, String name, MatchKind matchedBy,
                           String matchedText) {
}
