package dev.kontor.testing;

import com.vaadin.browserless.ViewPackages;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A browserless view test: the real Spring context and services, every Kontor route, no browser. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@ViewPackages(packages = "dev.kontor")
public @interface ViewTest {
}
