package dev.kontor.partner.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.PartnerService;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;

/** "My customers": the managed-customers list as a partner's employees have it in their menu (their own only). */
@Route("partner/my-customers")
@Menu(title = "partner.my-customers", order = 11, icon = "vaadin:handshake")
@RolesAllowed(Roles.PARTNER_EMPLOYEE)
public class MyCustomersView extends ManagedCustomersView {

    public MyCustomersView(ManagedCustomerService customers, PartnerService partners) {
        super(customers, partners);
    }
}
