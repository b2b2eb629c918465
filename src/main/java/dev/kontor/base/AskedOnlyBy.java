package dev.kontor.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface through which one module asks another for data without any check of the caller's rights (the
 * lower module of a would-be cycle asks, the upper answers with its own SQL; see decision 0009). Its answers are safe
 * only because each asking class has checked the reader's right to the organizations first, so only the classes
 * listed here may use it, besides the classes that answer it; {@code UncheckedAnswersTest} holds every other class of
 * {@code src/main} to that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AskedOnlyBy {

    /** The classes that ask: each checks the reader's rights before it does, or is a background job no person calls. */
    Class<?>[] value();
}
