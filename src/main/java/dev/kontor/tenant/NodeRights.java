package dev.kontor.tenant;

/** What the signed-in person may do with one node of the tree; the services check again on every call. */
public record NodeRights(boolean view, boolean createBelow, boolean manage) {
}
