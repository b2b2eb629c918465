package dev.kontor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.kontor.base.KontorException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Two people doing something at the same moment: both start together on threads of their own, and each outcome is
 * either success or the refusal that a rule, a lock or a constraint gave it.
 */
public final class Races {

    private Races() {
    }

    public static List<Outcome> race(Runnable first, Runnable second) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Runnable contender : List.of(first, second)) {
                Callable<Outcome> task = () -> {
                    start.await();
                    try {
                        contender.run();
                        return new Outcome(null);
                    } catch (KontorException | ConcurrencyFailureException | DataIntegrityViolationException refusal) {
                        return new Outcome(refusal);
                    }
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    /** What one contender got: nothing (it succeeded) or its refusal. */
    public record Outcome(RuntimeException refusal) {
        public boolean succeeded() {
            return refusal == null;
        }
    }
}
