package dev.kontor.testing;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security context strategy of the Spring context the test runs in.
 * Vaadin's auto-configuration installs its own strategy globally whenever a context starts, while method security
 * keeps the strategy of its own context: once a second context has started in the JVM, a test on a cached earlier
 * context would otherwise set its person ({@code @WithUserDetails}, {@code Fixtures.signIn}) where its services don't
 * look. Registered for every Spring test in {@code META-INF/spring.factories}; it runs after dependency injection
 * (which loads the context) and before Spring Security's {@code @WithUserDetails} listener.
 */
public class SecurityContextStrategyListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 5000;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
