package dev.kontor.base.cluster;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names this node in every session id it hands out ({@code kontor.node.route}, e.g. {@code node1}): Tomcat appends
 * it as Tomcat's "jvmRoute" ({@code 4F2C….node1}), so that a load balancer sends each browser back to the node that
 * holds its Vaadin session, and a node can tell a session of another node from one of its own that ended. Unset (one
 * node), session ids carry no suffix.
 */
@Configuration(proxyBeanMethods = false)
class NodeRouteConfiguration {

    @Bean
    @ConditionalOnExpression("!'${kontor.node.route:}'.isBlank()")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> nodeRoute(@Value("${kontor.node.route}") String route) {
        if (!route.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("kontor.node.route must be letters, digits, '-' or '_': " + route);
        }
        // the engine's route, which the session manager reads when it starts (after the context joined the engine)
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container container = context;
                while (container != null && !(container instanceof Engine)) {
                    container = container.getParent();
                }
                if (container instanceof Engine engine) {
                    engine.setJvmRoute(route);
                }
            }
        }));
    }
}
