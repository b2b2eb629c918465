package dev.kontor.provider;

import dev.kontor.base.GuardedPage;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of provider administration with a numeric id in its address, for the status of its first answer: open for
 * what the administered provider holds, refused for an unknown id and any other organization alike, as the page's
 * own service refuses; not a number is no id of the page.
 */
abstract class ProviderAdminPage implements GuardedPage {

    private final ProviderGuard guard;

    ProviderAdminPage(ProviderGuard guard) {
        this.guard = guard;
    }

    /** Whether the administered provider holds the organization with this id (as the page's service finds it). */
    abstract boolean holds(long providerId, long id);

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String id) {
        Optional<Long> number = parse(id);
        if (number.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        return guard.administeredProvider().filter(provider -> holds(provider, number.get())).isPresent()
                ? PageWorth.OPEN : PageWorth.REFUSED;
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
