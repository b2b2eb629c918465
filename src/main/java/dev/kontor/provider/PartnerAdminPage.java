package dev.kontor.provider;

import dev.kontor.base.GuardedPage;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner in provider administration ({@code /admin/partners/7}) for the status of its first answer: open for a
 * partner of the administered provider, refused for an unknown id and any other organization alike, as
 * {@link PartnerAdministration#partner} refuses.
 */
@Component
class PartnerAdminPage implements GuardedPage {

    private final ProviderGuard guard;
    private final PartnerAdministrationRepository partners;

    PartnerAdminPage(ProviderGuard guard, PartnerAdministrationRepository partners) {
        this.guard = guard;
        this.partners = partners;
    }

    @Override
    public String pathPrefix() {
        return "/admin/partners/";
    }

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<Long> partnerId = parse(id);
        if (partnerId.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        return guard.administeredProvider()
                .flatMap(provider -> partners.findPartner(provider, partnerId.get()))
                .isPresent() ? PageWorth.OPEN : PageWorth.REFUSED;
    }

    /** The id as the page reads it: a number, nothing else. */
    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
