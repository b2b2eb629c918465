package dev.kontor.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * The API reads a body exactly as sent or not at all: a version of 3.9 is not quietly read as 3, and of a member given
 * twice the last one does not quietly win. Either is an unreadable request (400), so that a client's mistake never
 * saves something other than what it meant (a PUT replaces the account's data as a whole).
 */
@Configuration(proxyBeanMethods = false)
class StrictApiJson {

    @Bean
    JsonMapperBuilderCustomizer exactReadingOfApiBodies() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
