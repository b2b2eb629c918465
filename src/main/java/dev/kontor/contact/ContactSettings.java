package dev.kontor.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a link that confirms a contact's new e-mail address works. */
@ConfigurationProperties("kontor.contact")
record ContactSettings(@DefaultValue("7d") Duration confirmationValidity) {
}
