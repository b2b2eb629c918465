package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.LanguagePreference;
import dev.kontor.base.SupportedLanguages;
import java.util.Locale;
import org.springframework.context.annotation.Scope;

/**
 * Lets a person switch between English and German. The choice holds for the browser session and, once signed in,
 * is remembered for the person; the page reloads so that every text appears in the new language at once.
 */
@SpringComponent
@Scope("prototype")
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch(LanguagePreference languagePreference) {
        setId("language-switch");
        addClassName("language-switch");
        setItems(SupportedLanguages.ALL);
        setItemLabelGenerator(language -> language.getDisplayLanguage(language));
        setAriaLabel(getTranslation("language.label"));
        // beside the switch, inside the top bar: below it, the tooltip would lie over the page's first line (the
        // access banner's Leave account) and take the pointer that meant to press it
        setTooltipText(getTranslation("language.label"))
                .setPosition(com.vaadin.flow.component.shared.Tooltip.TooltipPosition.START);
        setValue(SupportedLanguages.closestTo(getLocale()));
        addValueChangeListener(event -> {
            if (!event.isFromClient() || event.getValue() == null) {
                return;
            }
            Locale chosen = event.getValue();
            UI ui = UI.getCurrent();
            LanguageInitializer.choose(ui, chosen);
            languagePreference.rememberLanguage(chosen);
            ui.getPage().reload();
        });
    }
}
