package dev.kontor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Styles come as plain stylesheets: Vaadin's Lumo theme plus Kontor's own, with no frontend build. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "color-scheme", content = "light")
// long-running work (Copy content) reports its progress to the page as it goes
@com.vaadin.flow.component.page.Push
public class KontorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(KontorApplication.class, args);
    }

    /** Kontor's icon in the browser's tab and bookmarks; the .ico and PNG serve tools that cannot read SVG. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/kontor.svg", "any");
        settings.addFavIcon("icon", "icons/kontor-32.png", "32x32");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
