package dev.kontor.provider;

import dev.kontor.base.GuardedPage;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of provider administration with a key in its address, for the status of its first answer: open for what
 * the administered provider holds, refused for an unknown key and any other organization alike, as the page's own
 * service refuses; what is no key of the page (not a number, not a customer number) is no page at all.
 *
 * @param <K> what the page is addressed by: a partner's id, an account's customer number
 */
abstract class ProviderAdminPage<K> implements GuardedPage {

    private final ProviderGuard guard;

    ProviderAdminPage(ProviderGuard guard) {
        this.guard = guard;
    }

    /** The key as the page reads it from its address, or nothing when the text is no such key. */
    abstract Optional<K> parse(String text);

    /** Whether the administered provider holds the organization with this key (as the page's service finds it). */
    abstract boolean holds(long providerId, K key);

    @Override
    @Transactional(readOnly = true)
    public PageWorth worthOf(String text) {
        Optional<K> key = parse(text);
        if (key.isEmpty()) {
            return PageWorth.MALFORMED;
        }
        return guard.administeredProvider().filter(provider -> holds(provider, key.get())).isPresent()
                ? PageWorth.OPEN : PageWorth.REFUSED;
    }

    /** A numeric id as an address holds it: a number, nothing else. */
    static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
