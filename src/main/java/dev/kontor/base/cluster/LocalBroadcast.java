package dev.kontor.base.cluster;

import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The broadcast of a single node (the embedded H2 database is one process's by nature): changes go to this node's
 * receivers once the announcing transaction has committed.
 */
final class LocalBroadcast implements ClusterBroadcast, DisposableBean {

    private final Receivers receivers = new Receivers();

    @Override
    public void announce(String topic, long subjectId) {
        Change change = Change.of(ClusterBroadcast.checkedTopic(topic), subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    receivers.deliver(change);
                }
            });
        } else {
            receivers.deliver(change);
        }
    }

    @Override
    public Registration subscribe(String topic, Consumer<Change> receiver) {
        return receivers.add(topic, receiver);
    }

    @Override
    public void destroy() {
        receivers.close();
    }
}
