package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import dev.kontor.base.SupportedLanguages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every audit summary as its writer writes it: each {@code AuditSummary.of(…)} in the code is said in English and
 * German with exactly as many arguments as the writer passes, so that a text that uses one more leaves its
 * "{n}" in the log; and an argument that is an internal id ({@code membershipId}, {@code copy.getId()}) must not be
 * said, since readers know people, organizations and subjects, never rows.
 */
class AuditSummaryWritersTest {

    private static final Pattern WRITER = Pattern.compile("AuditSummary\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9-]+)\"");
    private static final Pattern AN_ID = Pattern.compile("(?:\\b[a-z]\\w*Id|\\bid|\\.getId\\(\\)|\\.id\\(\\))$");
    private static final String SAMPLE_ID = "987654321";

    private final DefaultI18NProvider texts = new DefaultI18NProvider(SupportedLanguages.ALL);

    @Test
    void every_writer_fills_every_placeholder_of_its_text_and_no_internal_id_is_said() throws IOException {
        List<String> problems = new ArrayList<>();
        int writers = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (source.endsWith("AuditSummary.java")) {
                    continue;
                }
                String code = Files.readString(source);
                Matcher writer = WRITER.matcher(code);
                while (writer.find()) {
                    List<String> arguments = arguments(code, writer.end() - 1);
                    Matcher names = LITERAL.matcher(arguments.getFirst());
                    List<String> keys = new ArrayList<>();
                    while (names.find()) {
                        keys.add(names.group(1));
                    }
                    // a name held in a variable is checked where that name is written (AuditSummaryTest)
                    for (String name : keys) {
                        writers++;
                        problems.addAll(check(source.getFileName() + ": " + name, AuditSummary.PREFIX + name,
                                arguments.subList(1, arguments.size())));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(writers).as("writers found").isGreaterThan(150);
    }

    private List<String> check(String writer, String key, List<String> passed) {
        List<String> problems = new ArrayList<>();
        Object[] samples = new Object[passed.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = AN_ID.matcher(passed.get(i)).find() ? SAMPLE_ID : String.valueOf(i + 1);
        }
        for (Locale language : SupportedLanguages.ALL) {
            String pattern = texts.getTranslation(key, language);
            String said = texts.getTranslation(key, language, AuditSummary.numbersWhereCounted(pattern, samples));
            if (said.contains("{") || said.startsWith("!")) {
                problems.add(writer + " in " + language + " leaves a placeholder with " + passed.size()
                        + " argument(s): " + said);
            }
            if (said.contains(SAMPLE_ID)) {
                problems.add(writer + " in " + language + " says an internal id: " + said);
            }
        }
        return problems;
    }

    /** The arguments of the call whose "(" stands at {@code open}, as written, split at its own commas. */
    static List<String> arguments(String code, int open) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\') {
                    current.append(code.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> {
                    quote = c;
                    current.append(c);
                }
                case '(', '[', '{' -> {
                    if (depth++ > 0) {
                        current.append(c);
                    }
                }
                case ')', ']', '}' -> {
                    if (--depth == 0) {
                        if (!current.toString().isBlank()) {
                            arguments.add(current.toString().strip());
                        }
                        return arguments;
                    }
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 1) {
                        arguments.add(current.toString().strip());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        throw new IllegalStateException("unclosed call at " + open);
    }
}
