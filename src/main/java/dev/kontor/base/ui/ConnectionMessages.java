package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.SupportedLanguages;
import java.util.Locale;

/**
 * What the browser says, in the page's language, when it loses its server: Vaadin keeps a page's state in the memory
 * of the node that served it, so when that node goes down (or the session idles out) the page is signed out. It says
 * so, and that everything saved is kept, and a click leads to sign-in (on the other node). While the connection is
 * merely gone, the reconnect indicator says that Kontor is trying again.
 */
@SpringComponent
class ConnectionMessages implements VaadinServiceInitListener {

    private final I18NProvider i18n;

    ConnectionMessages(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(this::messages);
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            // after every other initializer has chosen the page's language
            ui.beforeClientResponse(ui, context -> {
                ReconnectDialogConfiguration reconnect = ui.getReconnectDialogConfiguration();
                reconnect.setDialogText(text("connection.reconnecting", ui.getLocale()));
                reconnect.setDialogTextGaveUp(text("connection.gave-up", ui.getLocale()));
            });
        });
    }

    SystemMessages messages(SystemMessagesInfo info) {
        UI ui = UI.getCurrent();
        Locale language = SupportedLanguages.closestTo(ui != null ? ui.getLocale() : info.getLocale());
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(text("connection.signed-out.caption", language));
        messages.setSessionExpiredMessage(text("connection.signed-out.message", language));
        messages.setInternalErrorCaption(text("connection.internal-error.caption", language));
        messages.setInternalErrorMessage(text("connection.internal-error.message", language));
        messages.setCookiesDisabledCaption(text("connection.cookies-disabled.caption", language));
        messages.setCookiesDisabledMessage(text("connection.cookies-disabled.message", language));
        return messages;
    }

    private String text(String key, Locale language) {
        return i18n.getTranslation(key, SupportedLanguages.closestTo(language));
    }
}
