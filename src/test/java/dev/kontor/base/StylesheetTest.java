package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A rule left open swallows every rule after it without a word from the browser (a merge once cut two closing
 * braces, and the export links lost their spacing); this catches it before a journey has to.
 */
class StylesheetTest {

    @Test
    void every_rule_of_the_stylesheet_is_closed() throws Exception {
        String css;
        try (InputStream in = StylesheetTest.class.getResourceAsStream("/META-INF/resources/styles.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                assertThat(depth).as("a rule opened inside another rule near line %d", line).isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a brace closed that was never opened near line %d", line).isNotNegative();
            }
        }
        assertThat(depth).as("rules left open at the end").isZero();
    }
}
