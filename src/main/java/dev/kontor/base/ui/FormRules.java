package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.TextRules;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field checks shared by Kontor's forms, with their messages from the bundles; the services run the same checks
 * again, and {@link #showNextToField} puts a refusal of theirs next to the field it concerns.
 */
public final class FormRules {

    private FormRules() {
    }

    public static Validator<String> maxLength(Component owner, int max) {
        return (value, context) -> value != null && value.strip().length() > max
                ? ValidationResult.error(owner.getTranslation("validation.too-long", max))
                : ValidationResult.ok();
    }

    /** No angle brackets and, like {@link #plainLine}, no control or invisible characters. */
    public static Validator<String> noMarkup(Component owner) {
        return (value, context) -> TextRules.containsMarkup(value)
                ? ValidationResult.error(owner.getTranslation("validation.no-markup"))
                : plainLine(owner).apply(value, context);
    }

    /** No control, bidirectional or other invisible characters in a single-line field (see {@link TextRules}). */
    public static Validator<String> plainLine(Component owner) {
        return (value, context) -> TextRules.isPlainLine(TextRules.trimToNull(value))
                ? ValidationResult.ok()
                : ValidationResult.error(owner.getTranslation("validation.hidden-characters"));
    }

    /** Like {@link #plainLine}, but line breaks and tabs are allowed. */
    public static Validator<String> plainText(Component owner) {
        return (value, context) -> TextRules.isPlainText(TextRules.trimToNull(value))
                ? ValidationResult.ok()
                : ValidationResult.error(owner.getTranslation("validation.hidden-characters-multi-line"));
    }

    /** Empty passes (optional fields); anything else must match. */
    public static Validator<String> matches(Component owner, Pattern pattern, String messageKey) {
        return (value, context) -> value == null || value.isBlank() || pattern.matcher(value.strip()).matches()
                ? ValidationResult.ok()
                : ValidationResult.error(owner.getTranslation(messageKey));
    }

    /**
     * Gives the fields' own checks (required, the length limit, e-mail syntax) Kontor's messages, for every text,
     * e-mail and text-area field in the form: without them, a binder that asks the field turns it red with no word
     * of why (an address with a hidden character, say). Call it once the fields are built.
     */
    public static void explainConstraints(Component form) {
        form.getChildren().forEach(child -> {
            explain(form, child);
            explainConstraints(child);
        });
    }

    private static void explain(Component owner, Component field) {
        String required = owner.getTranslation("validation.required");
        if (field instanceof EmailField email) {
            email.setI18n(new EmailField.EmailFieldI18n().setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, email.getMaxLength()))
                    .setPatternErrorMessage(owner.getTranslation("validation.email")));
        } else if (field instanceof TextField text) {
            text.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, text.getMaxLength())));
        } else if (field instanceof TextArea area) {
            area.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, area.getMaxLength())));
        }
    }

    private static String tooLong(Component owner, int maxLength) {
        return maxLength > 0 ? owner.getTranslation("validation.too-long", maxLength) : null;
    }

    /**
     * Shows a service's refusal of one field next to that field, when the form has it; returns whether it did.
     */
    public static boolean showNextToField(Component owner, InvalidInput refusal, Map<String, ? extends HasValidation> fields) {
        HasValidation field = fields.get(refusal.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(owner.getTranslation(refusal.messageKey(), refusal.arguments()));
        field.setInvalid(true);
        return true;
    }
}
