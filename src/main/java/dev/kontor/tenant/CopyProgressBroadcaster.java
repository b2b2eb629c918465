package dev.kontor.tenant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells open pages how a copy advances, as the background worker commits each batch; the pages push it to the
 * browser. A page registers while it is shown and removes itself when it goes.
 */
@Component
public class CopyProgressBroadcaster {

    private final List<Consumer<CopyProgress>> listeners = new CopyOnWriteArrayList<>();

    public Runnable register(Consumer<CopyProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void broadcast(CopyProgress progress) {
        listeners.forEach(listener -> listener.accept(progress));
    }
}
