package dev.kontor.account.ui;

import com.vaadin.flow.component.UI;
import org.springframework.modulith.NamedInterface;

/**
 * The way to the dashboard and to one customer account's data ({@code accounts/CN-…}, the dashboard with the
 * account's dialog open), by the dashboard's view and its account route with the customer number filled in.
 */
@NamedInterface("navigation")
public final class AccountNavigation {

    private AccountNavigation() {
    }

    public static void toDashboard(UI ui) {
        ui.navigate(DashboardView.class);
    }

    public static void toAccount(UI ui, String customerNumber) {
        // the account's address is an alias of the dashboard's route, which navigating by the class would not choose
        ui.navigate(DashboardView.ACCOUNT_ROUTE.replace(":" + DashboardView.CUSTOMER_NUMBER, customerNumber));
    }

    /** The account's dialog open at the confirmation of its contact data (what an overdue mark asks for). */
    static void toConfirmation(UI ui, String customerNumber) {
        ui.navigate(DashboardView.ACCOUNT_ROUTE.replace(":" + DashboardView.CUSTOMER_NUMBER, customerNumber),
                com.vaadin.flow.router.QueryParameters.of(DashboardView.OPEN_AT, DashboardView.AT_CONFIRMATION));
    }
}
