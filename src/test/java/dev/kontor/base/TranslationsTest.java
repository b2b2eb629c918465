package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** English and German say the same things: every key in both bundles, and none twice (the later would win). */
class TranslationsTest {

    @Test
    void both_languages_have_exactly_the_same_keys_and_none_twice() throws IOException {
        List<String> english = keys("/vaadin-i18n/translations.properties");
        List<String> german = keys("/vaadin-i18n/translations_de.properties");

        assertThat(english).doesNotHaveDuplicates();
        assertThat(german).doesNotHaveDuplicates();
        Set<String> onlyEnglish = new LinkedHashSet<>(english);
        onlyEnglish.removeAll(german);
        Set<String> onlyGerman = new LinkedHashSet<>(german);
        onlyGerman.removeAll(english);
        assertThat(onlyEnglish).as("keys without German text").isEmpty();
        assertThat(onlyGerman).as("keys without English text").isEmpty();
    }

    private static List<String> keys(String resource) throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    keys.add(line.substring(0, line.indexOf('=')).strip());
                }
            }
        }
        return keys;
    }
}
