package dev.kontor.tenant;

import dev.kontor.base.GuardedPage;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationRight;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant workspace ({@code /tenant/T-8}) for the status of its first answer: open for a tenant the person may
 * see, refused for any other id (unknown, someone else's, or an organization that is no tenant), as
 * {@link TenantService#logIn} refuses it.
 */
@Component
class TenantPage implements GuardedPage {

    private final OrganizationAccess access;

    TenantPage(OrganizationAccess access) {
        this.access = access;
    }

    @Override
    public String pathPrefix() {
        return "/tenant/";
    }

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<Long> tenantId = parse(id);
        if (tenantId.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        boolean isTenant = access.pathOf(tenantId.get())
                .filter(path -> path.target().kind() == OrganizationKind.TENANT).isPresent();
        return isTenant && access.may(tenantId.get(), OrganizationRight.VIEW) ? PageWorth.OPEN : PageWorth.REFUSED;
    }

    /** "T-8" or "t-8", as the tenant is shown, or the bare number that Log in links carry. */
    static Optional<Long> parse(String text) {
        String digits = text.regionMatches(true, 0, "T-", 0, 2) ? text.substring(2) : text;
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
