package dev.kontor.provider;

import org.springframework.stereotype.Component;

/**
 * A customer account in provider administration ({@code /admin/accounts/12}): open for an account below the
 * administered provider, as {@link AccountAdministration#account} finds it.
 */
@Component
class AccountAdminPage extends ProviderAdminPage {

    private final AccountAdministrationRepository accounts;

    AccountAdminPage(ProviderGuard guard, AccountAdministrationRepository accounts) {
        super(guard);
        this.accounts = accounts;
    }

    @Override
    public String pathPrefix() {
        return "/admin/accounts/";
    }

    @Override
    boolean holds(long providerId, long accountId) {
        return accounts.findAccount(AccountAdministration.providerPath(providerId), accountId).isPresent();
    }
}
