package dev.kontor.replace;

/**
 * A preview that has been prepared: its id (for paging it and, later, applying it) and how many places it lists, by
 * outcome. It names nobody: the places are read page by page.
 */
public record PreparedReplacement(long id, long places, long replaceable, long removable, long refused) {
}
