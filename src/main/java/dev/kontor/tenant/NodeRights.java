package dev.kontor.tenant;

/**
 * What the signed-in person may do with one node of the tree; the services check again on every call. Copy content
 * needs a tenant whose master is a tenant too (a customer account or partner has no tenant content).
 */
public record NodeRights(boolean view, boolean createBelow, boolean manage, boolean copyFromMaster) {
}
