package dev.kontor.provider;

import dev.kontor.base.GuardedPage;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer account in provider administration ({@code /admin/accounts/12}) for the status of its first answer:
 * open for an account below the administered provider, refused for an unknown id and any other organization alike,
 * as {@link AccountAdministration#account} refuses.
 */
@Component
class AccountAdminPage implements GuardedPage {

    private final ProviderGuard guard;
    private final AccountAdministrationRepository accounts;

    AccountAdminPage(ProviderGuard guard, AccountAdministrationRepository accounts) {
        this.guard = guard;
        this.accounts = accounts;
    }

    @Override
    public String pathPrefix() {
        return "/admin/accounts/";
    }

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<Long> accountId = parse(id);
        if (accountId.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        return guard.administeredProvider()
                .flatMap(provider -> accounts.findAccount(AccountAdministration.providerPath(provider), accountId.get()))
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
