package dev.kontor.partner.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import dev.kontor.base.ui.PageByRole;
import org.springframework.modulith.NamedInterface;

/**
 * The way to the partner's customer lists, by their views, and from them into a customer's account (the page that
 * is an {@link AccountEntryPage}).
 */
@NamedInterface("navigation")
public final class PartnerNavigation {

    private PartnerNavigation() {
    }

    /**
     * The address of the partner's customers ({@code partner/customers}) for someone who sees all of them, else of
     * their own customers ({@code partner/my-customers}), for a link that loads the page afresh.
     */
    public static String customersHref(boolean seesAllCustomers) {
        return RouteConfiguration.forApplicationScope().getUrl(seesAllCustomers ? ManagedCustomersView.class
                : MyCustomersView.class);
    }

    /**
     * Back to the partner's customers (all of them for someone who sees all, else their own), within the tab: the
     * page an access session's tab returns to when the session ends elsewhere.
     */
    public static void toCustomers(UI ui, boolean seesAllCustomers) {
        if (seesAllCustomers) {
            ui.navigate(ManagedCustomersView.class);
        } else {
            ui.navigate(MyCustomersView.class);
        }
    }

    /** Into the account of {@code customerNumber}, through the page that asks why first. */
    public static void toAccountEntry(UI ui, String customerNumber) {
        PageByRole.navigate(ui, AccountEntryPage.class,
                new RouteParameters(AccountEntryPage.CUSTOMER_NUMBER, customerNumber));
    }
}
