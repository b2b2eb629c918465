package dev.kontor.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** An access session ends after this long without activity (30 minutes unless configured). */
@ConfigurationProperties("kontor.access")
record AccessSettings(@DefaultValue("30m") Duration idleTimeout) {
}
