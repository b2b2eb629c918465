package dev.kontor.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long an invitation link stays valid (seven days unless configured). */
@ConfigurationProperties("kontor.invitation")
record InvitationSettings(@DefaultValue("7d") Duration validity) {
}
