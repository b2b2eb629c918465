package dev.kontor.provider.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.kontor.base.StaleData;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A change an administration page makes against what it shows. When another administrator changed the same thing
 * meanwhile, nothing is done, the page says so and shows it as it is now, so that the person decides again on what
 * is rather than on what was.
 */
final class ChangeAsSeen {

    private ChangeAsSeen() {
    }

    /** Whether {@code change} was made; if not, the message under {@code changedMeanwhileKey} and the fresh page. */
    static boolean applied(Runnable change, String changedMeanwhileKey, Runnable showAsItIsNow) {
        try {
            change.run();
            return true;
        } catch (StaleData | OptimisticLockingFailureException changedMeanwhile) {
            Notification.show(UI.getCurrent().getTranslation(changedMeanwhileKey), 6000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            showAsItIsNow.run();
            return false;
        }
    }
}
