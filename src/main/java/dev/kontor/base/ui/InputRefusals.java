package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.KontorException;
import dev.kontor.base.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a form's service call and puts an {@link InvalidInput} of the service where the person looks for it: next to
 * the field it names (which takes the focus, so a screen reader reads the message), else in the one field the form
 * has for any refusal, else as an error notice for the whole form. The form names its fields once, by the names the
 * service uses:
 *
 * <pre>{@code
 * InputRefusals refusals = InputRefusals.of(this).field("email", email).field("name", name);
 * ...
 * if (!refusals.run(() -> managers.addManager(accountId, form.getEmail(), form.getName(), getLocale()))) {
 *     return false;
 * }
 * }</pre>
 *
 * A {@link RuleViolation} (a rule forbids what was asked: a tenant moved below itself, a link used meanwhile) passes
 * on to {@link KontorErrorHandler} too, unless the form says where it shows one: next to a field
 * ({@link #rulesIn}), as an error notice ({@link #rulesAsNotice}), or in a place of its own ({@link #rulesShownBy}).
 * Any other exception passes on to {@link KontorErrorHandler}. Nothing is saved when the service refuses, so the form
 * stays open with what the person typed.
 */
public final class InputRefusals {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private HasValidation anyField;
    private UnaryOperator<Object[]> readable = UnaryOperator.identity();
    private Runnable beforeShowing = () -> { };
    private Consumer<String> ruleShown;

    private InputRefusals(Component owner) {
        this.owner = owner;
    }

    /** For the form {@code owner}, whose language the messages are given in. */
    public static InputRefusals of(Component owner) {
        return new InputRefusals(owner);
    }

    /** The field that shows a refusal of the service's input {@code name}. */
    public InputRefusals field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** The field that shows every refusal no other field takes, for a form whose one field is all the input. */
    public InputRefusals anyOtherIn(HasValidation field) {
        anyField = field;
        return this;
    }

    /** Turns the refusal's arguments into words before they go into the message (an enum into its label). */
    public InputRefusals readableArguments(UnaryOperator<Object[]> readable) {
        this.readable = readable;
        return this;
    }

    /** Runs {@code first} before a refusal is shown (a refused one-time code is emptied, ready for the next). */
    public InputRefusals beforeShowing(Runnable first) {
        beforeShowing = first;
        return this;
    }

    /** Shows a refusal by a rule next to {@code field}, which takes the focus, like a refused input of it. */
    public InputRefusals rulesIn(HasValidation field) {
        ruleShown = message -> showIn(field, message);
        return this;
    }

    /** Shows a refusal by a rule as an error notice, for an action that has no form (a tenant dropped elsewhere). */
    public InputRefusals rulesAsNotice() {
        ruleShown = Notices::error;
        return this;
    }

    /** Gives the message of a refusal by a rule, in the form's language, to {@code shown} (a status line, a page). */
    public InputRefusals rulesShownBy(Consumer<String> shown) {
        ruleShown = shown;
        return this;
    }

    /** Runs {@code call}; answers whether the service accepted the input, having shown its refusal if not. */
    public boolean run(Runnable call) {
        return call(() -> {
            call.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Runs {@code call} and gives its answer, or nothing when the service refused the input (shown as above). */
    public <T> Optional<T> call(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (InvalidInput refusal) {
            show(refusal);
            return Optional.empty();
        } catch (RuleViolation refusal) {
            if (ruleShown == null) {
                throw refusal;
            }
            beforeShowing.run();
            ruleShown.accept(message(refusal));
            return Optional.empty();
        }
    }

    /** Shows {@code refusal} as described for this class. */
    public void show(InvalidInput refusal) {
        beforeShowing.run();
        String message = message(refusal);
        HasValidation field = fields.getOrDefault(refusal.field(), anyField);
        if (field == null) {
            Notices.error(message);
            return;
        }
        showIn(field, message);
    }

    private String message(KontorException refusal) {
        return owner.getTranslation(refusal.messageKey(), readable.apply(refusal.arguments()));
    }

    private static void showIn(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        if (field instanceof com.vaadin.flow.component.Component component) {
            FormRules.focusInView(component);
        }
    }
}
