package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.LanguagePreference;
import dev.kontor.base.SupportedLanguages;
import java.util.Locale;

/**
 * Picks each new page's language: the one chosen in this browser session, else the one the signed-in person chose
 * earlier, else the one last chosen in this browser (a cookie, which outlives the session and a change of node), else
 * the closest to the browser's (English when the browser asks for a language Kontor lacks).
 */
@SpringComponent
class LanguageInitializer implements VaadinServiceInitListener {

    private static final String CHOSEN = LanguageInitializer.class.getName() + ".chosen";

    private final LanguagePreference languagePreference;

    LanguageInitializer(LanguagePreference languagePreference) {
        this.languagePreference = languagePreference;
    }

    /** Marks the language as chosen by the person in this browser session, and in the browser beyond it. */
    static void choose(UI ui, Locale language) {
        LanguageCookie.write(VaadinResponse.getCurrent(), language);
        VaadinSession session = ui.getSession();
        session.setAttribute(CHOSEN, language);
        session.setLocale(language);
        ui.setLocale(language);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale supported = languageFor(ui, VaadinRequest.getCurrent());
            ui.setLocale(supported);
            // the page's language, so that screen readers pronounce the texts right
            ui.getPage().executeJs("document.documentElement.lang = $0", supported.getLanguage());
        });
    }

    Locale languageFor(UI ui, VaadinRequest request) {
        Locale chosen = (Locale) ui.getSession().getAttribute(CHOSEN);
        Locale language = chosen != null ? chosen : languagePreference.rememberedLanguage()
                .or(() -> LanguageCookie.read(request))
                .orElseGet(() -> request == null ? ui.getLocale() : request.getLocale());
        return SupportedLanguages.closestTo(language);
    }
}
