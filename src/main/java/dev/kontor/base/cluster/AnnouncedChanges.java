package dev.kontor.base.cluster;

import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The JPA entity listener behind {@link Announced}: after each insert and update of such an entity (during the flush,
 * so still inside the transaction) it announces the entity's id on the entity's topic. Hibernate gets it from Spring
 * (Spring's bean container for Hibernate), so each application context announces through its own broadcast.
 */
public class AnnouncedChanges {

    private static final Map<Class<?>, Field> IDS = new ConcurrentHashMap<>();

    private final ObjectProvider<ClusterBroadcast> broadcast;

    public AnnouncedChanges(ObjectProvider<ClusterBroadcast> broadcast) {
        this.broadcast = broadcast;
    }

    @PostPersist
    @PostUpdate
    void announce(Object entity) {
        Announced topic = entity.getClass().getAnnotation(Announced.class);
        if (topic == null) {
            throw new IllegalStateException(entity.getClass().getName() + " is announced but not @Announced");
        }
        broadcast.getObject().announce(topic.value(), idOf(entity));
    }

    private static long idOf(Object entity) {
        Field id = IDS.computeIfAbsent(entity.getClass(), AnnouncedChanges::idField);
        try {
            return ((Number) id.get(entity)).longValue();
        } catch (IllegalAccessException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static Field idField(Class<?> type) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class) && Number.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no numeric @Id field to announce");
    }
}
