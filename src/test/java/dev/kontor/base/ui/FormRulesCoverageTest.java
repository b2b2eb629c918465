package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every input field that Kontor builds can say why it is invalid: a class that creates a field (a text, e-mail,
 * password or text area field, a date picker, a combo box, a select, a group of radio buttons or checkboxes) gives
 * the fields' own checks their messages with {@link FormRules#explainConstraints}, and every kind of field it
 * creates is one that {@code explainConstraints} knows. Without that a field turns red with no word of why.
 */
class FormRulesCoverageTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** Vaadin's input fields that check constraints of their own; a plain checkbox is an option, never invalid. */
    private static final Pattern NEW_FIELD = Pattern.compile("new (TextField|EmailField|PasswordField|TextArea"
            + "|IntegerField|NumberField|BigDecimalField|DatePicker|DateTimePicker|TimePicker|ComboBox"
            + "|MultiSelectComboBox|Select|CheckboxGroup|RadioButtonGroup)\\s*[<(]");

    @Test
    void every_class_that_builds_an_input_field_gives_its_checks_their_messages() {
        List<String> forgotten = sourcesWithFields().keySet().stream()
                .filter(file -> !read(file).contains("FormRules.explainConstraints("))
                .map(Path::toString).sorted().toList();

        assertThat(forgotten).as("classes that build input fields without FormRules.explainConstraints").isEmpty();
    }

    @Test
    void every_kind_of_input_field_kontor_builds_is_one_that_form_rules_explains() {
        Set<String> explained = FormRules.EXPLAINED.stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());
        Set<String> built = sourcesWithFields().values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(built).as("the input fields Kontor builds").isNotEmpty();
        assertThat(explained).as("the kinds FormRules.explainConstraints gives messages").containsAll(built);
    }

    private static TreeMap<Path, Set<String>> sourcesWithFields() {
        TreeMap<Path, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher field = NEW_FIELD.matcher(read(file));
                Set<String> kinds = new TreeSet<>();
                while (field.find()) {
                    kinds.add(field.group(1));
                }
                if (!kinds.isEmpty()) {
                    found.put(file, kinds);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
