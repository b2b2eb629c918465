package dev.kontor.organization;

/** One organization on a path through the tree: its id, kind and state. */
public record PathNode(long id, OrganizationKind kind, OrganizationState state) {

    public PathNode(long id, OrganizationKind kind) {
        this(id, kind, OrganizationState.ACTIVE);
    }
}
