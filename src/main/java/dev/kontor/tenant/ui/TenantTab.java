package dev.kontor.tenant.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;

/**
 * The tenant a browser tab is logged into, for the layout's header; set while the tenant's workspace is shown, so
 * that the tab that opened it keeps its own context.
 */
final class TenantTab {

    private static final String KEY = "kontor.tenant-tab";

    private TenantTab() {
    }

    /** The header's content for the tab; the workspace refreshes it in place when the logo changes. */
    record Branding(String name, com.vaadin.flow.component.html.Div content) {
    }

    static Optional<Branding> current() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : Optional.ofNullable((Branding) ComponentUtil.getData(ui, KEY));
    }

    static void enter(UI ui, Branding branding) {
        ComponentUtil.setData(ui, KEY, branding);
    }

    static void leave(UI ui) {
        ComponentUtil.setData(ui, KEY, null);
    }
}
