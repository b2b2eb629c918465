package dev.kontor.api;

import java.util.List;

/** One page of a list, and the cursor of the next (null on the last page). */
public record ApiPage<T>(List<T> items, String nextCursor) {
}
