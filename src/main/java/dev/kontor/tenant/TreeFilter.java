package dev.kontor.tenant;

import java.util.List;
import java.util.Set;

/**
 * A search in the tenant tree: the matching nodes, and the nodes to show and open so that every match can be seen
 * (its ancestors). {@link #NONE} shows everything.
 */
public record TreeFilter(String text, Set<Long> matches, Set<Long> visible, List<TreeNode> toExpand) {

    public static final TreeFilter NONE = new TreeFilter("", Set.of(), null, List.of());

    public boolean isActive() {
        return visible != null;
    }
}
