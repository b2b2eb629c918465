package dev.kontor.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.KontorException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when opening an address is refused by a service, e.g. a link to a customer account the person has no right
 * to: the refusal's own message, a 4xx status, and a way back.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class RefusalView extends Section implements HasErrorParameter<KontorException>, HasDynamicTitle {

    private final H2 title = new H2();
    private final Paragraph message = new Paragraph();

    public RefusalView() {
        addClassName("error-page");
        setId("refused");
        add(title, message, StartPage.link(getTranslation("error.back-to-dashboard")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<KontorException> parameter) {
        KontorException refusal = parameter.getException();
        boolean accessRefused = refusal instanceof AccessRefused;
        title.setText(getTranslation(accessRefused ? "error.access-denied.title" : "error.refused.title"));
        message.setText(getTranslation(refusal.messageKey(), refusal.arguments()));
        return accessRefused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_CONFLICT;
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
