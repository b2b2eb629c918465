package dev.kontor.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a relationship request stays open (14 days unless configured). */
@ConfigurationProperties("kontor.partner")
record PartnerSettings(@DefaultValue("14d") Duration requestValidity) {
}
