package dev.kontor.base.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity that open pages wait for: with {@code @EntityListeners(AnnouncedChanges.class)} beside it, every
 * insert and update of it is announced on this topic with its id, inside the transaction that writes it, to every
 * node. So no code path that changes the entity can forget to tell the pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Announced {

    /** The topic, lower-case letters and dashes (e.g. {@code content-copy}). */
    String value();
}
