package dev.kontor.account;

import dev.kontor.base.GuardedPage;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.Callers;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer account's data ({@code /accounts/CN-10001}) for the status of its first answer: open for an account the
 * person may see, refused for an unknown number and someone else's alike, as {@link AccountService#details} refuses.
 */
@Component
class AccountPage implements GuardedPage {

    private final OrganizationOnboarding organizations;
    private final OrganizationAccess access;
    private final Callers callers;

    AccountPage(OrganizationOnboarding organizations, OrganizationAccess access, Callers callers) {
        this.callers = callers;
        this.organizations = organizations;
        this.access = access;
    }

    @Override
    public String pathPrefix() {
        return "/accounts/";
    }

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<CustomerNumber> number = CustomerNumber.parse(id);
        if (number.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        // which number is whose is looked up as the system; whether the person may see it, as the person
        Optional<Long> customer = organizations.findCustomer(callers.taskFor("page-access"), number.get())
                .map(Organization::getId);
        return customer.filter(customerId -> access.may(customerId, OrganizationRight.VIEW)).isPresent()
                ? PageWorth.OPEN : PageWorth.REFUSED;
    }
}
