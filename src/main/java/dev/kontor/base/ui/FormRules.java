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

    public static Validator<String> noMarkup(Component owner) {
        return (value, context) -> TextRules.containsMarkup(value)
                ? ValidationResult.error(owner.getTranslation("validation.no-markup"))
                : ValidationResult.ok();
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
