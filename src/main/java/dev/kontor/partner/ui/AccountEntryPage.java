package dev.kontor.partner.ui;

import org.springframework.modulith.NamedInterface;

/**
 * The page by which a partner user enters a customer's account ({@code access/CN-…}). The access module's view is
 * it; partner's lists lead there through {@link PartnerNavigation#toAccountEntry}, since access imports partner and
 * partner may not import access back.
 */
@NamedInterface("navigation")
public interface AccountEntryPage {

    /** The route parameter holding the customer number of the account to enter. */
    String CUSTOMER_NUMBER = "customerNumber";
}
