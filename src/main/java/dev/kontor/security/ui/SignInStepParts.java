package dev.kontor.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** What the code step and the set-up step at sign-in show alike: a refused code, and a step that expired. */
final class SignInStepParts {

    private SignInStepParts() {
    }

    /** Empties the code field and says why next to it, with the focus there for the next try. */
    static void refuse(TextField code, String message) {
        code.setValue("");
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }

    /** Replaces the step's content by its expiry and a way back to the sign-in; ids start with {@code idPrefix}. */
    static void showExpired(Component step, HasComponents content, String titleKey, String idPrefix) {
        content.removeAll();
        Paragraph expired = new Paragraph(step.getTranslation("second-step.expired"));
        expired.setId(idPrefix + "-expired");
        Anchor signIn = new Anchor(SecurityNavigation.signInHref(), step.getTranslation("login.submit"));
        signIn.setId(idPrefix + "-sign-in");
        content.add(new H2(step.getTranslation(titleKey)), expired, signIn);
    }
}
