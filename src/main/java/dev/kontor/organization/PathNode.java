package dev.kontor.organization;

/** One organization on a path through the tree: its id and kind. */
public record PathNode(long id, OrganizationKind kind) {
}
