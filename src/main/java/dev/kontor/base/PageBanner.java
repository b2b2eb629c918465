package dev.kontor.base;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something every signed-in page must show above its content (e.g. "You are working in … for …"); features provide
 * it, the layout shows it. The prefix goes before the browser tab's title.
 */
public interface PageBanner {

    Optional<Component> banner();

    Optional<String> titlePrefix();
}
