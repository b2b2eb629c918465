package dev.kontor.provider;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A partner in provider administration ({@code /admin/partners/7}): open for a partner of the administered provider,
 * as {@link PartnerAdministration#partner} finds it.
 */
@Component
class PartnerAdminPage extends ProviderAdminPage<Long> {

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
    Optional<Long> parse(String text) {
        return number(text);
    }

    @Override
    boolean holds(long providerId, Long partnerId) {
        return partners.findPartner(providerId, partnerId).isPresent();
    }
}
