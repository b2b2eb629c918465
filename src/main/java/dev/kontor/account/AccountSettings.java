package dev.kontor.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the contact person is asked "still correct?" (every six months by default) and how often the reminder
 * job looks for accounts that are due.
 */
@ConfigurationProperties("kontor.account")
record AccountSettings(@DefaultValue("180d") Duration confirmationInterval,
                       @DefaultValue("1h") Duration reminderCheckInterval) {
}
