package dev.kontor.tenant;

import dev.kontor.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
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

    /**
     * A customer's master tenant with three settings and a branch below it with {@code below} tenants of its own,
     * with nothing copied yet: for whoever starts the copy (the customer's manager may).
     */
    public static CopyTree copyTree(ApplicationContext node, int below) {
        TenantTestData data = node.getBean(TenantTestData.class);
        TenantTestData.Customer customer = data.customer();
        long master = data.tenant(customer.id(), "Zentrale", MASTER);
        long branch = data.tenant(master, "Filiale");
        data.bulkTenants(branch, below);
        return new CopyTree(customer.managerEmail(), branch);
    }

    /**
     * Holds the copy job's cluster lock, as a busy node would, so that the node's scheduled worker leaves new runs
     * queued while {@code work} looks at them.
     */
    public static <T> T withTheJobHeld(ApplicationContext node, Supplier<T> work) {
        LockProvider locks = node.getBean(LockProvider.class);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), "content-copy",
                Duration.ofSeconds(60), Duration.ZERO));
        while (held.isEmpty() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the copy job's lock", e);
            }
            held = locks.lock(new LockConfiguration(Instant.now(), "content-copy", Duration.ofSeconds(60),
                    Duration.ZERO));
        }
        SimpleLock lock = held.orElseThrow(() -> new AssertionError("The copy job's lock never came free"));
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The scheduled run, as the node's scheduler runs it: only while this node holds the job lock. */
    public static void workOnSchedule(ApplicationContext node) {
        node.getBean(ContentCopyWorker.class).work();
    }

    /** Works on the run batch after batch, past the job lock (only the run's row lock keeps nodes apart). */
    public static void runFor(ApplicationContext node, long copyId) {
        node.getBean(ContentCopyWorker.class).runFor(copyId);
    }

    /** One batch, in the caller's transaction; whether this node got the run. */
    public static boolean nextBatch(ApplicationContext node, long copyId) {
        return node.getBean(ContentCopyWorker.class).nextBatch(copyId).isPresent();
    }

    /** A tree to copy into: who may start the copy, and the tenant it copies into. */
    public record CopyTree(String managerEmail, long branchId) {
    }

    /** A started run: its id, the tenant it copies into, how many tenants it covers and settings it must change. */
    public record CopyRun(long copyId, long targetId, int targets, int changes) {
    }
}
