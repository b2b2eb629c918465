package dev.kontor.volume;

/**
 * How many rows of each kind a volume data set has: the full size at scale 1, proportionally fewer below (at least a
 * handful of each, so that a tiny set still has every shape).
 */
public record VolumeSize(int partners, int customers, int treeNodes, int relationships, int auditEvents,
                         int supportStaff) {

    public static final VolumeSize FULL = new VolumeSize(200, 100_000, 10_000, 50_000, 1_000_000, 20);

    /** Contacts per customer account: 300,000 at full size. */
    public static final int CONTACTS_PER_ACCOUNT = 3;

    public static VolumeSize scaled(double scale) {
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("kontor.volume.scale must be above 0 and at most 10, was " + scale);
        }
        return new VolumeSize(at(FULL.partners, scale, 2), at(FULL.customers, scale, 20), at(FULL.treeNodes, scale, 12),
                at(FULL.relationships, scale, 10), at(FULL.auditEvents, scale, 100), at(FULL.supportStaff, scale, 2));
    }

    private static int at(int full, double scale, int least) {
        return Math.max(least, (int) Math.round(full * scale));
    }

    public int contacts() {
        return customers * CONTACTS_PER_ACCOUNT;
    }
}
