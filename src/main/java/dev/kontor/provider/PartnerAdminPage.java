package dev.kontor.provider;

import org.springframework.stereotype.Component;

/**
 * A partner in provider administration ({@code /admin/partners/7}): open for a partner of the administered provider,
 * as {@link PartnerAdministration#partner} finds it.
 */
@Component
class PartnerAdminPage extends ProviderAdminPage {

    private final PartnerAdministrationRepository partners;

    PartnerAdminPage(ProviderGuard guard, PartnerAdministrationRepository partners) {
        super(guard);
        this.partners = partners;
    }

    @Override
    public String pathPrefix() {
        return "/admin/partners/";
    }

    @Override
    boolean holds(long providerId, long partnerId) {
        return partners.findPartner(providerId, partnerId).isPresent();
    }
}
