package dev.kontor.provider.ui;

import com.vaadin.flow.component.UI;
import dev.kontor.base.StaleData;
import dev.kontor.base.ui.Notices;
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
            Notices.error(UI.getCurrent().getTranslation(changedMeanwhileKey));
            showAsItIsNow.run();
            return false;
        }
    }
}
