package dev.kontor.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class of a module that may read other modules' tables in its own SQL, because the read must stay
 * one statement for speed (a search across several modules' tables, a sorted and paged grid). It never writes
 * another module's tables (it may write its own); it names exactly the tables it reads, and a decision record says why the owners' published API is not enough. The
 * module's {@code package-info} names its read models, so that an owner changing a table finds every reader there
 * and in the decision records. {@code ModuleDataOwnershipTest} allows a module to name another module's tables or
 * entities only inside such a class, and only those listed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** The other modules' tables (or entity names, in JPQL) this class reads. */
    String[] reads();

    /** The decision record that explains it, relative to the project root. */
    String decision();
}
