package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.function.IntConsumer;

/**
 * Lets a view fit itself to the browser window: its width once attached and after every resize, for as long as the
 * view is attached. {@link #NARROW} is the same width as the stylesheet's phone rules.
 */
public final class WindowWidth {

    /** Below this many CSS pixels a window is a phone's. */
    public static final int NARROW = 640;

    private WindowWidth() {
    }

    /** Calls {@code fit} with the window's width, now and after every resize while {@code view} is attached. */
    public static void follow(Component view, IntConsumer fit) {
        Registration[] resizing = new Registration[1];
        view.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> fit.accept(details.getWindowInnerWidth()));
            resizing[0] = page.addBrowserWindowResizeListener(event -> fit.accept(event.getWidth()));
        });
        view.addDetachListener(detach -> {
            if (resizing[0] != null) {
                resizing[0].remove();
                resizing[0] = null;
            }
        });
    }

    /**
     * Shows a grid's one stacked column (key {@code stacked}) on a phone and its wide columns elsewhere; a grid not
     * built yet (null) is left alone.
     */
    public static void stackOnPhone(com.vaadin.flow.component.grid.Grid<?> grid, boolean narrow,
                                    String... wideColumns) {
        if (grid == null) {
            return;
        }
        for (String key : wideColumns) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("stacked").setVisible(narrow);
    }

    /** Whether a window this wide is a phone's; an unknown width (0) is not. */
    public static boolean isNarrow(int windowWidth) {
        return windowWidth > 0 && windowWidth < NARROW;
    }
}
