package dev.kontor.testing;

import com.vaadin.flow.internal.CurrentInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Service tests share their thread with the view tests: a view test before may leave its Vaadin session, UI and
 * signed-in person on it, and a service test that reads "the current tab" would see them. Each test starts and
 * ends without any.
 */
public class NoVaadinLeftovers implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        CurrentInstance.clearAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CurrentInstance.clearAll();
    }
}
