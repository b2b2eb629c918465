package dev.kontor.base;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kontor's texts come from {@code vaadin-i18n/translations*.properties}. The languages are named here, English first,
 * so that a browser asking for a language Kontor lacks gets English (page language included), never by chance the
 * first bundle the class path scan happened to find.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    @Bean
    I18NProvider i18nProvider() {
        return new DefaultI18NProvider(SupportedLanguages.ALL);
    }
}
