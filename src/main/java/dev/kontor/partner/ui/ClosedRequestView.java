package dev.kontor.partner.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.partner.RequestLinkState;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The page for a partner request link that no longer works: expired, answered, withdrawn or replaced (410 Gone), or
 * unknown, as a forged or mistyped link is (404), each with what to do next.
 */
@AnonymousAllowed
public class ClosedRequestView extends Main implements HasErrorParameter<ClosedRequest>, HasDynamicTitle {

    private final H2 title = new H2();
    private final Paragraph message = new Paragraph();

    public ClosedRequestView() {
        addClassName("public-page");
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        message.setId("request-closed");
        Div card = new Div(title, message, new Anchor("login", getTranslation("partner-answer.to-sign-in-page")));
        card.addClassName("public-card");
        add(brand, card);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ClosedRequest> parameter) {
        RequestLinkState state = parameter.getException().state();
        String key = "partner-answer.state." + state.name().toLowerCase(Locale.ROOT);
        title.setText(getTranslation(key + ".title"));
        message.setText(getTranslation(key));
        return state == RequestLinkState.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE;
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
