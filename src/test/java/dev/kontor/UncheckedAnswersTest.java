package dev.kontor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.base.AskedOnlyBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The interfaces through which modules ask each other without a rights check ({@link AskedOnlyBy}) are used only by
 * the classes they list and by the classes that answer them: a view or another service injecting one would read other
 * organizations' data past every check. Reads the sources of {@code src/main}, comments and strings left out.
 */
class UncheckedAnswersTest {

    private static final Path ROOT = Path.of("src/main/java");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");
    private static final Pattern ASKED_INTERFACE = Pattern.compile("@AskedOnlyBy\\b[^@]*?\\binterface\\s+(\\w+)");

    record Source(String className, String code) {
    }

    @Test
    void only_the_listed_askers_and_the_answerers_use_an_unchecked_question() throws Exception {
        List<Source> sources = sources();
        List<String> questions = sources.stream()
                .flatMap(source -> ASKED_INTERFACE.matcher(source.code()).results()
                        .map(match -> source.className().substring(0, source.className().lastIndexOf('.') + 1)
                                + match.group(1)))
                .toList();
        assertThat(questions).as("the questions of decision 0009").hasSizeGreaterThanOrEqualTo(4);

        List<String> strangers = new ArrayList<>();
        for (String question : questions) {
            Class<?> type = Class.forName(question);
            Set<String> askers = Arrays.stream(type.getAnnotation(AskedOnlyBy.class).value())
                    .map(Class::getName).collect(Collectors.toSet());
            String simpleName = type.getSimpleName();
            Pattern used = Pattern.compile("\\b" + simpleName + "\\b");
            Pattern answered = Pattern.compile("\\bimplements\\b[^{]*\\b" + simpleName + "\\b");
            for (Source source : sources) {
                if (source.className().equals(question) || askers.contains(source.className())
                        || !used.matcher(source.code()).find() || answered.matcher(source.code()).find()) {
                    continue;
                }
                strangers.add(source.className() + " uses " + simpleName);
            }
        }
        assertThat(strangers).as("classes using a question without a rights check that its @AskedOnlyBy does "
                + "not list").isEmpty();
    }

    private static List<Source> sources() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals("package-info.java"))
                    .map(UncheckedAnswersTest::read)
                    .toList();
        }
    }

    private static Source read(Path path) {
        try {
            String relative = ROOT.relativize(path).toString().replace('/', '.').replace('\\', '.');
            String className = relative.substring(0, relative.length() - ".java".length());
            return new Source(className, strip(Files.readString(path)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String strip(String code) {
        Matcher matcher = COMMENTS_AND_STRINGS.matcher(code);
        return matcher.replaceAll(match -> match.group().startsWith("@") ? match.group() : " ");
    }
}
