package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
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
