package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;

/**
 * The start page at the site's root (the dashboard, the account feature's): the way back to it from features the
 * account feature itself builds on, which may not name its view, and from the base's own pages.
 */
public final class StartPage {

    private static final String ROOT = "";

    private StartPage() {
    }

    public static void open(UI ui) {
        ui.navigate(ROOT);
    }

    /** Instead of the page being entered, the start page. */
    public static void forwardTo(BeforeEnterEvent event) {
        event.forwardTo(ROOT);
    }

    /** A link that loads the start page afresh. */
    public static Anchor link(String text) {
        return new Anchor(ROOT, text);
    }
}
