package dev.kontor.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where people reach Kontor from outside: the start of every link that Kontor puts into an e-mail. */
@ConfigurationProperties("kontor")
public record PublicAddress(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** The absolute link to a path such as {@code /invitation/abc}. */
    public String linkTo(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
