package dev.kontor.mail.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Registers the demo mailbox at {@code /dev/mailbox} when the demo data is switched on. The view's {@code @Route}
 * is not registered at start-up by itself, so without this bean the address leads nowhere.
 */
@SpringComponent
@ConditionalOnBooleanProperty("kontor.demo-data.enabled")
class DevMailboxRoute implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        if (!routes.isRouteRegistered(DevMailboxView.class)) {
            routes.setAnnotatedRoute(DevMailboxView.class);
        }
    }
}
