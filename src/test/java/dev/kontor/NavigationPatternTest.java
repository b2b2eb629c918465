package dev.kontor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page is reached by its view's class, never by a path typed again: within a feature by the view, across features
 * by the target's {@code …Navigation} class, or, where imports forbid that, by {@code base/ui/PageByRole} (README,
 * code layout). It reads the sources, like {@link FormPatternTest}.
 */
class NavigationPatternTest {

    private static final Path ROOT = Path.of("src/main/java/dev/kontor");

    /** Paths typed in for a reason; each says why it cannot be a type. */
    private static final Map<Path, String> TYPED_PATHS = Map.of(
            ROOT.resolve("partner/ui/RelationshipRequestView.java"),
            "the account's address is an alias of the dashboard's route, and account imports partner, so that"
                    + " neither AccountNavigation nor the dashboard's view may be named here");

    /** A navigation, a reload or a link to a path written as a string (mail and phone links are no pages). */
    private static final Pattern PATH_AS_STRING = Pattern.compile(
            "\\.navigate\\(\\s*\"|setLocation\\(\\s*\"|setHref\\(\\s*\""
                    + "|new\\s+(?:Anchor|RouterLink)\\(\\s*\"(?!mailto:|tel:)");

    @Test
    void no_page_is_reached_by_a_path_typed_again() {
        assertThat(offences()).as("a page reached by a path string; use its view, its feature's …Navigation class"
                + " or PageByRole").isEmpty();
        assertThat(TYPED_PATHS.keySet()).allMatch(Files::exists);
    }

    @Test
    void the_scan_finds_what_it_looks_for() {
        assertThat(PATH_AS_STRING.matcher("ui.navigate(\"security\")").find()).isTrue();
        assertThat(PATH_AS_STRING.matcher("ui.getPage().setLocation(\"partner/customers\")").find()).isTrue();
        assertThat(PATH_AS_STRING.matcher("new Anchor(\"accounts/\" + number, text)").find()).isTrue();
        assertThat(PATH_AS_STRING.matcher("new Anchor(\"mailto:\" + email, email)").find()).isFalse();
        assertThat(PATH_AS_STRING.matcher("ui.navigate(DashboardView.class)").find()).isFalse();
    }

    private static List<String> offences() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".java") && !TYPED_PATHS.containsKey(path))
                    .flatMap(path -> {
                        String code = read(path);
                        return PATH_AS_STRING.matcher(code).results().map(hit -> path + ":"
                                + (code.substring(0, hit.start()).chars().filter(c -> c == '\n').count() + 1));
                    }).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
