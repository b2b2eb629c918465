package dev.kontor.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The public page for a personal link that no longer works (invitations, partner requests): a title and a message
 * from the bundles, a way to sign in, and 404 for an unknown link or 410 Gone for one that was good once.
 */
public abstract class ClosedLinkPage extends Main implements HasDynamicTitle {

    private final H2 title = new H2();
    private final Paragraph message = new Paragraph();

    /** {@code signInHref} is the sign-in page's address, which the base may not know: the security feature's. */
    protected ClosedLinkPage(String messageId, String signInKey, String signInHref) {
        addClassName("public-page");
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        message.setId(messageId);
        Div card = new Div(title, message, new Anchor(signInHref, getTranslation(signInKey)));
        card.addClassName("public-card");
        add(brand, card);
    }

    /**
     * Shows the texts of {@code state} below {@code keyPrefix} (its name in lower case), the unknown link's for
     * {@code unknown}; returns the HTTP status for the page.
     */
    protected int show(String keyPrefix, Enum<?> state, boolean unknown) {
        return show(keyPrefix + state.name().toLowerCase(Locale.ROOT), unknown);
    }

    /** Shows {@code key + ".title"} and {@code key}; returns the HTTP status for the page. */
    protected int show(String key, boolean unknown) {
        title.setText(getTranslation(key + ".title"));
        message.setText(getTranslation(key));
        return unknown ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE;
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
