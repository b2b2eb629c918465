package dev.kontor.tenant.ui;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.tenant.TreeNode;
import java.util.List;
import java.util.stream.Stream;

/**
 * Feeds the tree grid from the database: the top level is the person's own organizations; every other level is one
 * page of one node's children, fetched when the node is opened.
 */
class TenantTreeDataProvider extends AbstractBackEndHierarchicalDataProvider<TreeNode, Void> {

    private final transient TenantTree tree;
    private TreeFilter filter = TreeFilter.NONE;
    private List<TreeNode> roots;

    TenantTreeDataProvider(TenantTree tree) {
        this.tree = tree;
    }

    void filter(TreeFilter filter) {
        this.filter = filter;
        refreshAll();
    }

    @Override
    public void refreshAll() {
        roots = null;
        super.refreshAll();
    }

    @Override
    public int getChildCount(HierarchicalQuery<TreeNode, Void> query) {
        TreeNode parent = query.getParent();
        return parent == null ? roots().size() : tree.countChildren(parent.id(), filter);
    }

    @Override
    public boolean hasChildren(TreeNode item) {
        return item.children() > 0;
    }

    @Override
    protected Stream<TreeNode> fetchChildrenFromBackEnd(HierarchicalQuery<TreeNode, Void> query) {
        TreeNode parent = query.getParent();
        if (parent == null) {
            return roots().stream().skip(query.getOffset()).limit(query.getLimit());
        }
        return tree.children(parent.id(), filter, query.getOffset(), query.getLimit()).stream();
    }

    @Override
    public Object getId(TreeNode item) {
        return item.id();
    }

    private List<TreeNode> roots() {
        if (roots == null) {
            roots = tree.roots();
        }
        return roots;
    }
}
