package dev.kontor.partner;

import dev.kontor.base.GuardedPage;
import dev.kontor.organization.CustomerNumber;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page where a partner user enters a customer's account ({@code /access/CN-10001}) for the status of its first
 * answer: open for an account the person's partner lets them enter, refused for an unknown number and any other
 * alike, as {@link PartnerGrants#grantForAccess} refuses; the not-found page for someone who works for no partner,
 * whatever the number, as the page itself shows.
 */
@Component
class AccessEntrancePage implements GuardedPage {

    private final PartnerAccess access;
    private final PartnerGrants grants;

    AccessEntrancePage(PartnerAccess access, PartnerGrants grants) {
        this.access = access;
        this.grants = grants;
    }

    @Override
    public String pathPrefix() {
        return "/access/";
    }

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<CustomerNumber> number = CustomerNumber.parse(id);
        List<PartnerMembership> partners = access.myPartners();
        if (number.isEmpty() || partners.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        // the page enters through the first of the person's partners, as AccessStartView does
        return grants.mayEnter(partners.getFirst().partnerId(), number.get()) ? PageWorth.OPEN : PageWorth.REFUSED;
    }
}
