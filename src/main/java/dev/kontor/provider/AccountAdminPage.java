package dev.kontor.provider;

import dev.kontor.organization.CustomerNumber;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A customer account in provider administration ({@code /admin/accounts/CN-10001}), addressed by its customer number
 * as everywhere else: open for an account below the administered provider, as
 * {@link AccountAdministration#account(CustomerNumber)} finds it.
 */
@Component
class AccountAdminPage extends ProviderAdminPage<CustomerNumber> {

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
    Optional<CustomerNumber> parse(String text) {
        return CustomerNumber.parse(text);
    }

    @Override
    boolean holds(long providerId, CustomerNumber number) {
        return accounts.findNumberedAccount(AccountAdministration.providerPath(providerId), number.value())
                .isPresent();
    }
}
