package dev.kontor.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;

/**
 * A page that someone opens from a personal link without signing in (an invitation, a partner's request, a new
 * e-mail address, an unlock link): Kontor's name, one card whose content the page fills, and the language switch.
 */
public abstract class PublicPage extends Main {

    /** What the page shows; replaced as the person goes through it. */
    protected final Div content = new Div();

    protected PublicPage(LanguageSwitch languageSwitch) {
        addClassName("public-page");
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        content.addClassName("public-card");
        add(brand, content, languageSwitch);
    }
}
