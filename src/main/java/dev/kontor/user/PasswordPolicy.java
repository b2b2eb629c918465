package dev.kontor.user;

import dev.kontor.base.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import org.springframework.stereotype.Component;

/**
 * Kontor's password rules, after OWASP ASVS: at least 12 characters, at most 72 bytes in UTF-8, no composition rules,
 * and no password that is common, a simple pattern (keyboard walks, repeats, dates) or built from the person's own
 * name, e-mail address or organization. Strength is estimated with nbvcxz (a zxcvbn descendant).
 * <p>
 * The upper limit is bcrypt's: it reads only the first 72 bytes of a password, and Spring Security's encoder refuses
 * longer ones outright. Counting bytes rather than characters keeps the rule and the hash in agreement: a plain
 * letter is one byte, an accented letter two, most emoji four.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** The most bytes (UTF-8) that bcrypt takes into account, and so the most a password may have. */
    public static final int MAX_BYTES = 72;
    /** The most characters a password field takes: a password of plain letters reaches {@link #MAX_BYTES} there. */
    public static final int MAX_LENGTH = MAX_BYTES;
    /** Estimated entropy below which a password counts as guessable (nbvcxz' own default is 35). */
    private static final double MINIMUM_ENTROPY = 40;
    private static final int SHORTEST_CONTEXT_WORD = 3;

    /** The i18n key of the first problem with the password, or empty when it is acceptable. */
    public Optional<String> problemWith(String password, Collection<String> contextWords) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        List<String> words = normalizedWords(contextWords);
        String lower = password.toLowerCase(Locale.ROOT);
        if (words.stream().anyMatch(word -> word.length() >= 4 && lower.contains(word))) {
            return Optional.of("password.personal");
        }
        if (!estimator(words).estimate(password).isMinimumEntropyMet()) {
            return Optional.of("password.too-weak");
        }
        return Optional.empty();
    }

    /** Refuses an unacceptable password with its message, for the field named {@code field}. */
    public void check(String field, String password, Collection<String> contextWords) {
        problemWith(password, contextWords).ifPresent(key -> {
            throw new InvalidInput(field, key, MIN_LENGTH, MAX_LENGTH);
        });
    }

    private static Nbvcxz estimator(List<String> contextWords) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (!contextWords.isEmpty()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("context").setExclusion(true)
                    .addWords(contextWords, 0).createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY)
                .setMaxLength(MAX_LENGTH)
                .createConfiguration());
    }

    private static List<String> normalizedWords(Collection<String> contextWords) {
        List<String> words = new ArrayList<>();
        words.add("kontor");
        for (String text : contextWords) {
            if (text == null) {
                continue;
            }
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= SHORTEST_CONTEXT_WORD) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
