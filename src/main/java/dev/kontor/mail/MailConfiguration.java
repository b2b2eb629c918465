package dev.kontor.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is delivered by a scheduled task ({@code MailDelivery}, when a mail server is configured). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {
}
