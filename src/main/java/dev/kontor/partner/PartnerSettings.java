package dev.kontor.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a relationship request stays open (14 days unless configured); how often Kontor e-mails a request to the
 * same customer for the same partner (once a day); and how many requests whose customer number and address matched
 * no account a partner may send within a day before its requests are paused for the rest of that day (10).
 */
@ConfigurationProperties("kontor.partner")
record PartnerSettings(@DefaultValue("14d") Duration requestValidity,
                       @DefaultValue("24h") Duration requestMailInterval,
                       @DefaultValue("10") int requestMismatchLimit,
                       @DefaultValue("24h") Duration requestMismatchWindow) {
}
