package dev.kontor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form is written one way (docs/decisions/0011-one-form-pattern.md), and the sources say so: a service's
 * refused input, or a refusal by one of its rules, reaches the person through {@code dev.kontor.base.ui.InputRefusals},
 * not through a {@code catch} of its own in a view; a dialog with input fields binds them with a {@code Binder}; a
 * field's limit is a constant of the entity, record or service that enforces it, not a number
 * typed again in the view; and a notice is opened through {@code dev.kontor.base.ui.Notices}, so that every notice
 * has the same place, colours and aria-live. It reads the sources, like {@link ModuleDataOwnershipTest}.
 */
class FormPatternTest {

    private static final Path ROOT = Path.of("src/main/java/dev/kontor");

    /** The one shared piece that catches a refusal, and the one place that opens a notice. */
    private static final Path MAPPER = ROOT.resolve("base/ui/InputRefusals.java");
    private static final Path NOTICES = ROOT.resolve("base/ui/Notices.java");

    /**
     * Catches that are no form's refusal of a service call: the logo upload checks the file in the upload's own
     * thread, before any form is sent, and tells the upload component (which rejects the file) instead of a field.
     */
    private static final Map<Path, String> OTHER_REFUSALS = Map.of(ROOT.resolve("tenant/ui/LogoField.java"),
            "checks an uploaded file before any form is sent");

    private static final Pattern CATCH_INVALID_INPUT = Pattern.compile(
            "catch\\s*\\(\\s*(?:final\\s+)?(?:[\\w.]+\\s*\\|\\s*)*(?:dev\\.kontor\\.base\\.)?InvalidInput\\b");
    private static final Pattern CATCH_RULE_VIOLATION = Pattern.compile(
            "catch\\s*\\(\\s*(?:final\\s+)?(?:[\\w.]+\\s*\\|\\s*)*(?:dev\\.kontor\\.base\\.)?RuleViolation\\b");
    /** A class of its own that is a dialog (Vaadin's, or the confirmation dialog). */
    private static final Pattern DIALOG_CLASS = Pattern.compile(
            "\\bclass\\s+\\w+\\s+extends\\s+(?:[\\w.]+\\.)?(?:Confirm)?Dialog\\b");
    /** A field a person fills in or ticks, built in the class itself. */
    private static final Pattern INPUT_FIELD = Pattern.compile("\\bnew\\s+(?:[\\w.]+\\.)?(?:TextField|TextArea"
            + "|EmailField|PasswordField|IntegerField|NumberField|BigDecimalField|ComboBox|MultiSelectComboBox"
            + "|Select|Checkbox|CheckboxGroup|RadioButtonGroup|DatePicker|TimePicker|DateTimePicker|RightsChoice)"
            + "\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern BINDER = Pattern.compile("\\bBinder\\s*<");
    private static final Pattern LITERAL_MAX_LENGTH = Pattern.compile("\\.setMaxLength\\(\\s*[0-9][0-9_]*\\s*\\)");
    private static final Pattern OWN_NOTIFICATION = Pattern.compile(
            "\\bNotification\\s*\\.\\s*show\\s*\\(|\\bnew\\s+(?:[\\w.]+\\.)?Notification\\s*\\(");

    @Test
    void no_view_catches_a_refused_input_by_hand() {
        assertThat(offences(CATCH_INVALID_INPUT, path -> isView(path) && !path.equals(MAPPER)
                && !OTHER_REFUSALS.containsKey(path)))
                .as("a view catches InvalidInput itself; run the call through InputRefusals instead")
                .isEmpty();
    }

    @Test
    void no_view_catches_a_refusal_by_a_rule_by_hand() {
        assertThat(offences(CATCH_RULE_VIOLATION, path -> isView(path) && !path.equals(MAPPER)))
                .as("a view catches RuleViolation itself; run the call through InputRefusals (rulesIn, rulesAsNotice,"
                        + " rulesShownBy) instead")
                .isEmpty();
    }

    @Test
    void every_dialog_with_fields_binds_them() {
        assertThat(dialogsWithoutBinder())
                .as("a dialog builds input fields without a Binder; bind a small record or bean (readRecord and"
                        + " FormRules.recordOrFocus, or readBean and FormRules.writeOrFocus)")
                .isEmpty();
    }

    @Test
    void no_field_limit_is_a_number_typed_in_again() {
        assertThat(offences(LITERAL_MAX_LENGTH, path -> true))
                .as("setMaxLength with a number; use the constant of the entity, record or service that enforces it")
                .isEmpty();
    }

    @Test
    void every_notice_is_opened_by_the_one_helper() {
        assertThat(offences(OWN_NOTIFICATION, path -> !path.equals(NOTICES)))
                .as("a notice opened by hand; use Notices.success, info or error")
                .isEmpty();
    }

    @Test
    void the_scans_find_what_they_look_for() {
        assertThat(CATCH_INVALID_INPUT.matcher("} catch (InvalidInput refusal) {").find()).isTrue();
        assertThat(CATCH_INVALID_INPUT.matcher("} catch (StaleData | InvalidInput refusal) {").find()).isTrue();
        assertThat(CATCH_INVALID_INPUT.matcher("} catch (InvalidInputs refusal) {").find()).isFalse();
        assertThat(LITERAL_MAX_LENGTH.matcher("name.setMaxLength(100);").find()).isTrue();
        assertThat(LITERAL_MAX_LENGTH.matcher("name.setMaxLength(Contact.NAME_MAX_LENGTH);").find()).isFalse();
        assertThat(OWN_NOTIFICATION.matcher("Notification.show(text, 3000, Position.BOTTOM_START)").find()).isTrue();
        assertThat(OWN_NOTIFICATION.matcher("new com.vaadin.flow.component.notification.Notification(text)").find())
                .isTrue();
        assertThat(OWN_NOTIFICATION.matcher("Notices.success(text)").find()).isFalse();
        assertThat(OTHER_REFUSALS.keySet()).allMatch(Files::exists);
        assertThat(CATCH_RULE_VIOLATION.matcher("} catch (RuleViolation refused) {").find()).isTrue();
        assertThat(CATCH_RULE_VIOLATION.matcher("} catch (dev.kontor.base.RuleViolation refused) {").find()).isTrue();
        assertThat(CATCH_RULE_VIOLATION.matcher("new RuleViolation(\"partner.suspended\")").find()).isFalse();
        assertThat(DIALOG_CLASS.matcher("class MoveTenantDialog extends Dialog {").find()).isTrue();
        assertThat(DIALOG_CLASS.matcher("class Review extends ConfirmDialog {").find()).isTrue();
        assertThat(DIALOG_CLASS.matcher("class DialogKeys {").find()).isFalse();
        assertThat(INPUT_FIELD.matcher("ComboBox<TreeNode> master = new ComboBox<>(label);").find()).isTrue();
        assertThat(INPUT_FIELD.matcher("private final Checkbox withDescendants = new Checkbox();").find()).isTrue();
        assertThat(INPUT_FIELD.matcher("new CheckboxGroupI18n()").find()).isFalse();
        assertThat(INPUT_FIELD.matcher("new SelectedRows()").find()).isFalse();
    }

    /** Dialogs (in any package) that build an input field and bind none: what they hold reaches no check. */
    private static List<String> dialogsWithoutBinder() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".java")).filter(path -> {
                String code = read(path);
                return DIALOG_CLASS.matcher(code).find() && INPUT_FIELD.matcher(code).find()
                        && !BINDER.matcher(code).find();
            }).map(Path::toString).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static boolean isView(Path path) {
        return path.getParent() != null && path.getParent().getFileName().toString().equals("ui");
    }

    private static List<String> offences(Pattern pattern, java.util.function.Predicate<Path> scanned) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".java")).filter(scanned)
                    .flatMap(path -> {
                        String code = read(path);
                        Matcher found = pattern.matcher(code);
                        return found.results().map(hit -> path + ":" + lineOf(code, hit.start()));
                    })
                    .sorted().toList();
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

    private static int lineOf(String code, int index) {
        return (int) code.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
