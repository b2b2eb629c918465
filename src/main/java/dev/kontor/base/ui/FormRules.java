package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import dev.kontor.base.TextRules;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field checks shared by Kontor's forms, with their messages from the bundles; the services run the same checks
 * again, and {@link InputRefusals} puts a refusal of theirs next to the field it concerns.
 */
public final class FormRules {

    /** The field types {@link #explainConstraints} gives messages; a form with another kind of field needs it here. */
    public static final Set<Class<? extends Component>> EXPLAINED = Set.of(TextField.class, EmailField.class,
            PasswordField.class, TextArea.class, DatePicker.class, ComboBox.class, Select.class,
            RadioButtonGroup.class, CheckboxGroup.class);

    /**
     * A filter box's limit: room for any name, address or number a list holds, while a page pasted by mistake is
     * not sent as a search.
     */
    public static final int FILTER_MAX_LENGTH = 100;

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

    /** A person's name: like {@link #noMarkup}, and nothing that reads as a web or e-mail address. */
    public static Validator<String> personName(Component owner) {
        // markup and hidden characters are named first, as the service checks them first
        return (value, context) -> {
            ValidationResult plain = noMarkup(owner).apply(value, context);
            return plain.isError() || !TextRules.looksLikeAddress(value) ? plain
                    : ValidationResult.error(owner.getTranslation("validation.name-looks-like-address"));
        };
    }

    /** An organization's name, or a mail's sender name: the rule of {@link #personName} (see {@link TextRules}). */
    public static Validator<String> organizationName(Component owner) {
        return personName(owner);
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
     * Empty passes (optional fields); anything else must pass {@code accepted}. For a rule a pattern cannot say (a
     * phone number libphonenumber knows, a customer number with or without its "CN-"), checked as soon as the field
     * is left, like an e-mail field, instead of only when the form is sent.
     */
    public static Validator<String> accepted(Component owner, java.util.function.Predicate<String> accepted,
                                             String messageKey) {
        return (value, context) -> value == null || value.isBlank() || accepted.test(value.strip())
                ? ValidationResult.ok()
                : ValidationResult.error(owner.getTranslation(messageKey));
    }

    /** A phone number the service will accept, checked when the field is left. */
    public static Validator<String> phone(Component owner) {
        Validator<String> known = accepted(owner, typed -> dev.kontor.base.PhoneNumbers.searchForm(typed).isPresent(),
                "validation.phone");
        // a number with more digits than any number has (15, E.164) is told so, not asked for digits it has
        return (value, context) -> value != null && value.chars().filter(Character::isDigit).count() > 15
                ? ValidationResult.error(owner.getTranslation("validation.phone.too-many-digits"))
                : known.apply(value, context);
    }

    /**
     * Gives the fields' own checks Kontor's messages, for every input field in the form. Each Vaadin field checks
     * its own constraints (required, the length limit, the e-mail syntax, a date it cannot read) whether or not a
     * binder asks it, and says nothing unless its i18n object holds a message: the field turns red with no word of
     * why, which a person who does not see the colour never learns (WCAG 1.4.1). Call it once the fields are built
     * and their limits set; calling it again is harmless.
     */
    public static void explainConstraints(Component form) {
        explain(form, form);
        form.getChildren().forEach(FormRules::explainConstraints);
    }

    private static void explain(Component owner, Component field) {
        if (!(field instanceof HasValidation)) {
            return;
        }
        String required = owner.getTranslation("validation.required");
        switch (field) {
            // "fill in this field" is no help when the field wants an address: say what belongs there
            case EmailField email -> email.setI18n(new EmailField.EmailFieldI18n()
                    .setRequiredErrorMessage(owner.getTranslation("validation.email-required"))
                    .setMaxLengthErrorMessage(tooLong(owner, email.getMaxLength()))
                    .setMinLengthErrorMessage(tooShort(owner, email.getMinLength()))
                    .setPatternErrorMessage(owner.getTranslation("validation.email")));
            case TextField text -> text.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, text.getMaxLength()))
                    .setMinLengthErrorMessage(tooShort(owner, text.getMinLength())));
            case PasswordField password -> password.setI18n(new PasswordField.PasswordFieldI18n()
                    .setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, password.getMaxLength()))
                    .setMinLengthErrorMessage(tooShort(owner, password.getMinLength())));
            case TextArea area -> area.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(tooLong(owner, area.getMaxLength()))
                    .setMinLengthErrorMessage(tooShort(owner, area.getMinLength())));
            case DatePicker date -> {
                // the picker's other texts (month names, Today) stay as they are
                DatePicker.DatePickerI18n i18n = date.getI18n() == null ? new DatePicker.DatePickerI18n()
                        : date.getI18n();
                // the day as Kontor's lists beside a picker show it (Moments.datePattern), in the person's language
                date.setI18n(i18n.setDateFormat(Moments.datePattern(date.getLocale()))
                        .setRequiredErrorMessage(required)
                        .setBadInputErrorMessage(owner.getTranslation("validation.date")));
            }
            case ComboBox<?> choice -> choice.setI18n(new ComboBox.ComboBoxI18n().setRequiredErrorMessage(required));
            case Select<?> choice -> choice.setI18n(new Select.SelectI18n().setRequiredErrorMessage(required));
            case RadioButtonGroup<?> group -> group.setI18n(new RadioButtonGroup.RadioButtonGroupI18n()
                    .setRequiredErrorMessage(required));
            case CheckboxGroup<?> group -> group.setI18n(new CheckboxGroup.CheckboxGroupI18n()
                    .setRequiredErrorMessage(required));
            default -> { }
        }
    }

    private static String tooLong(Component owner, int maxLength) {
        return maxLength > 0 ? owner.getTranslation("validation.too-long", maxLength) : null;
    }

    private static String tooShort(Component owner, int minLength) {
        return minLength > 0 ? owner.getTranslation("validation.too-short", minLength) : null;
    }

    /**
     * Writes the form's values into {@code bean} when every field is valid; otherwise the first invalid field (in the
     * order they were bound) takes the focus, so that Enter or Save leads the person to what needs fixing and a
     * screen reader reads its message, instead of leaving the focus on the button.
     */
    public static <T> boolean writeOrFocus(com.vaadin.flow.data.binder.Binder<T> binder, T bean) {
        if (binder.writeBeanIfValid(bean)) {
            return true;
        }
        focusFirstInvalid(binder.validate());
        return false;
    }

    /** Like {@link #writeOrFocus}, for a form that reads its fields itself: whether all are valid, else the focus. */
    public static boolean validOrFocus(com.vaadin.flow.data.binder.Binder<?> binder) {
        com.vaadin.flow.data.binder.BinderValidationStatus<?> status = binder.validate();
        if (status.isOk()) {
            return true;
        }
        focusFirstInvalid(status);
        return false;
    }

    /**
     * The form's values as the record the binder is bound to ({@code Binder.writeRecord}) when every field is valid;
     * otherwise nothing, and the first invalid field takes the focus, as with {@link #writeOrFocus}.
     */
    public static <T> java.util.Optional<T> recordOrFocus(com.vaadin.flow.data.binder.Binder<T> binder) {
        try {
            return java.util.Optional.of(binder.writeRecord());
        } catch (com.vaadin.flow.data.binder.ValidationException invalid) {
            focusFirstInvalid(binder.validate());
            return java.util.Optional.empty();
        }
    }

    private static void focusFirstInvalid(com.vaadin.flow.data.binder.BinderValidationStatus<?> status) {
        status.getFieldValidationErrors().stream().findFirst()
                .map(com.vaadin.flow.data.binder.BindingValidationStatus::getField)
                .filter(Component.class::isInstance).map(Component.class::cast)
                .ifPresent(FormRules::focusInView);
    }

    /**
     * Puts the focus on {@code field} and brings it to the middle of the window, for a refused form and for a refusal
     * that names the field ({@link InputRefusals}). The focus alone did not do: a group of radio buttons or boxes is
     * no {@code Focusable} in Flow, so a long form's first field, a choice above the visible part (the platform
     * notice's kind), stayed out of sight and Send seemed to do nothing. Such a group's chosen option (else its first)
     * takes the focus in the browser. The middle, not the edge: clear of the header and of the error notices at the
     * top.
     */
    public static void focusInView(Component field) {
        if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        } else {
            field.getElement().executeJs("""
                    const options = this.querySelectorAll('vaadin-radio-button, vaadin-checkbox');
                    const option = [...options].find(each => each.checked) || options[0];
                    if (option) option.focus({preventScroll: true});""");
        }
        field.scrollIntoView(new com.vaadin.flow.component.ScrollOptions(
                com.vaadin.flow.component.ScrollOptions.Behavior.AUTO,
                com.vaadin.flow.component.ScrollOptions.Alignment.CENTER,
                com.vaadin.flow.component.ScrollOptions.Alignment.NEAREST));
    }
}
