package dev.kontor.tenant;

import dev.kontor.testing.Fixtures;
import dev.kontor.user.SystemTask;
import org.springframework.context.ApplicationContext;

/** The copy worker's package-private parts, for the tests that run several nodes (in another package). */
public final class TenantJobs {

    public static final String FINISHED = ContentCopyWorker.CONTENT_COPY_FINISHED;
    /** Three settings, each different from a new tenant's (which has none). */
    private static final TenantSettings MASTER = new TenantSettings("de", "Europe/Berlin", "Zentrale Nord");

    private TenantJobs() {
    }

    /**
     * A customer's master tenant with three settings, a branch below it with {@code below} tenants of its own, and a
     * Copy content run into the branch and everything below it, started (by the customer's manager).
     */
    public static CopyRun startedCopy(ApplicationContext node, int below) {
        TenantTestData data = node.getBean(TenantTestData.class);
        TenantTestData.Customer customer = data.customer();
        long master = data.tenant(customer.id(), "Zentrale", MASTER);
        long branch = data.tenant(master, "Filiale");
        data.bulkTenants(branch, below);
        CopyProgress started = node.getBean(Fixtures.class).as(customer.managerEmail(),
                () -> node.getBean(ContentCopies.class).start(branch, true));
        return new CopyRun(started.copyId(), branch, below + 1, 3 * (below + 1));
    }

    /** The scheduled run, as the node's scheduler runs it: only while this node holds the job lock. */
    public static void workOnSchedule(ApplicationContext node) {
        node.getBean(ContentCopyWorker.class).work();
    }

    /** Works on the run batch after batch, past the job lock (only the run's row lock keeps nodes apart). */
    public static void runFor(ApplicationContext node, long copyId) {
        SystemTask.run(() -> node.getBean(ContentCopyWorker.class).runFor(copyId));
    }

    /** One batch, in the caller's transaction; whether this node got the run. */
    public static boolean nextBatch(ApplicationContext node, long copyId) {
        return SystemTask.call(() -> node.getBean(ContentCopyWorker.class).nextBatch(copyId)).isPresent();
    }

    /** A started run: its id, the tenant it copies into, how many tenants it covers and settings it must change. */
    public record CopyRun(long copyId, long targetId, int targets, int changes) {
    }
}
