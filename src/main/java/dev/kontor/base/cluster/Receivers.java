package dev.kontor.base.cluster;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's receivers, by topic, and the one thread that calls them: an announcer never waits for a page, and a
 * receiver that fails is logged without keeping the change from the others.
 */
final class Receivers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Receivers.class);

    private final Map<String, List<Consumer<Change>>> byTopic = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kontor-broadcast").daemon().factory());

    Registration add(String topic, Consumer<Change> receiver) {
        List<Consumer<Change>> receivers = byTopic.computeIfAbsent(ClusterBroadcast.checkedTopic(topic),
                t -> new CopyOnWriteArrayList<>());
        receivers.add(receiver);
        // whatever happened before it listened
        submit(() -> call(receiver, Change.everythingOf(topic)));
        return () -> receivers.remove(receiver);
    }

    void deliver(Change change) {
        List<Consumer<Change>> receivers = byTopic.get(change.topic());
        if (receivers != null && !receivers.isEmpty()) {
            submit(() -> receivers.forEach(receiver -> call(receiver, change)));
        }
    }

    /** After a gap in which changes may have been lost: every receiver reads its state again. */
    void deliverEverything() {
        byTopic.keySet().forEach(topic -> deliver(Change.everythingOf(topic)));
    }

    private void submit(Runnable work) {
        try {
            delivery.execute(work);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Node is shutting down; a change was not delivered");
        }
    }

    private static void call(Consumer<Change> receiver, Change change) {
        try {
            receiver.accept(change);
        } catch (UIDetachedException closed) {
            // the page went while the change was on its way; it unsubscribes as it goes
            log.debug("A receiver of {} belongs to a closed page", change);
        } catch (RuntimeException failure) {
            log.warn("A receiver of {} failed", change, failure);
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
