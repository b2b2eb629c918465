package dev.kontor.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info}: the tables this module owns that no entity maps (read and written in SQL
 * only). A table an entity maps belongs to the entity's module without saying so. Every table belongs to exactly one
 * module; {@code ModuleDataOwnershipTest} checks that each table the migrations create has one owner and that no
 * other module names it in SQL or JPQL outside a declared {@link ReadModel}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names as the migrations create them. */
    String[] value();
}
