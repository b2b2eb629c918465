package dev.kontor.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An organization together with all its ancestors, from the root down to it (the target). Rights flow down this
 * path: whoever administers a customer account administers the tenants below it, too.
 */
public record OrganizationPath(List<PathNode> nodes) {

    /** Stands for a tenant that is about to be created, when asking what its creator will hold there. */
    static final long NEW_CHILD = -1;

    public OrganizationPath {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A path has at least its target");
        }
        nodes = List.copyOf(nodes);
    }

    public PathNode target() {
        return nodes.getLast();
    }

    public boolean contains(long organizationId) {
        return nodes.stream().anyMatch(node -> node.id() == organizationId);
    }

    /** The nearest node of this kind at or above the target. */
    public Optional<PathNode> nearest(OrganizationKind kind) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).kind() == kind) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether a customer account lies strictly between the ancestor at this index and the target. */
    boolean customerBetween(int ancestorIndex) {
        return nodes.subList(ancestorIndex + 1, nodes.size() - 1).stream()
                .anyMatch(node -> node.kind() == OrganizationKind.CUSTOMER);
    }

    /** This path extended by a tenant not created yet: what would its creator hold there? */
    OrganizationPath withNewTenant() {
        List<PathNode> extended = new ArrayList<>(nodes);
        extended.add(new PathNode(NEW_CHILD, OrganizationKind.TENANT));
        return new OrganizationPath(extended);
    }

    static List<Long> idsIn(String ancestorPath) {
        return Arrays.stream(ancestorPath.split("/")).filter(part -> !part.isEmpty()).map(Long::valueOf).toList();
    }
}
