package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A form's answer to a Save refused because someone else saved the same data meanwhile ({@link StaleData}): instead
 * of an error notice that asks for a reload, which throws away what the person typed, the form keeps its input and
 * says in this box, next to it, what happened; "Show current values" reads the data again (through the form's
 * service, which checks the caller's right as always) and merges:
 * <ul>
 *     <li>a field the person changed keeps what they typed; one the other person changed too says below it what was
 *     saved meanwhile, so that the person decides which to keep,</li>
 *     <li>a field only the other person changed takes the saved value, and says so below it,</li>
 *     <li>the form saves against the version just read: the next Save stores what the form now holds.</li>
 * </ul>
 * Data deleted meanwhile is said here too (the service's {@link RuleViolation}, such as "this contact no longer
 * exists"), in place of the button. The form builds the box after its binder read the data, adds it where the person
 * looks after Save, runs its Save through {@link #saved} or {@link #call}, and its Cancel through {@link #discard},
 * which takes the values as they are saved now.
 */
public final class ChangedMeanwhile extends Div {

    private final Binder<?> binder;
    private final Runnable readCurrent;
    /** The values the form was read with: what the person's input is compared with to tell what they changed. */
    private final Map<HasValue<?, ?>, Object> loaded = new LinkedHashMap<>();
    private final Map<HasHelper, String> ownHelp = new HashMap<>();

    /**
     * For the form bound by {@code binder}; {@code readCurrent} reads the data again through the service, keeps its
     * new version for the next Save and reads it into the binder ({@code readBean}, {@code readRecord}).
     */
    public ChangedMeanwhile(Binder<?> binder, Runnable readCurrent) {
        this.binder = binder;
        this.readCurrent = readCurrent;
        // classes, no ids: the account dialog's box and that of a contact dialog opened over it share the page
        // the look of a hint: it stays until the person acts, unlike a notice
        addClassNames("changed-meanwhile", "hint");
        setVisible(false);
        remember();
    }

    /** Runs a Save that answers whether it saved; a refusal as stale is shown here and answers no. */
    public boolean saved(BooleanSupplier save) {
        return call(() -> save.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }

    /** Runs a Save that gives what it saved, or nothing when refused; a refusal as stale is shown here. */
    public <T> Optional<T> call(Supplier<Optional<T>> save) {
        try {
            Optional<T> result = save.get();
            result.ifPresent(done -> clear());
            return result;
        } catch (RuntimeException refused) {
            if (!new StaleData().messageKey().equals(KontorErrorHandler.messageKeyFor(refused))) {
                throw refused;
            }
            refusedAsStale();
            return Optional.empty();
        }
    }

    /** Says that the data is gone ({@code message}, the service's words), for the form's refusals by a rule. */
    public void gone(String message) {
        say(message);
    }

    /**
     * Cancel: the form takes the data as it is saved now (read again: the values it was opened with may be outdated),
     * and the box and the fields' notes go.
     */
    public void discard() {
        if (readAgain()) {
            clear();
        }
    }

    /** The form shows saved values again (a successful Save): the box and the fields' notes go. */
    public void clear() {
        setVisible(false);
        removeAll();
        forgetNotes();
        remember();
    }

    /** The fields' own help texts back, without the notes of an earlier round. */
    private void forgetNotes() {
        ownHelp.forEach(HasHelper::setHelperText);
        ownHelp.clear();
        binder.getFields().filter(HasStyle.class::isInstance).map(HasStyle.class::cast)
                .forEach(field -> field.removeClassName("saved-meanwhile"));
    }

    private void refusedAsStale() {
        // the notes said what was saved before; someone saved again since
        forgetNotes();
        Button show = new Button(getTranslation("form.changed-meanwhile.show"), click -> showCurrent());
        show.addClassName("show-current-values");
        say(getTranslation("form.changed-meanwhile"));
        add(show);
    }

    private void say(String message) {
        removeAll();
        Paragraph text = new Paragraph(message);
        // read out when it appears, as an error notice is, though it stays until the person acts on it
        text.getElement().setAttribute("role", "alert");
        add(text);
        setVisible(true);
        // below the fields, it may start at a phone's lower edge: the person sees it, and its button, whole
        getElement().executeJs("requestAnimationFrame(() => this.scrollIntoView({block: 'nearest'}))");
    }

    private void showCurrent() {
        Map<HasValue<?, ?>, Object> typed = new LinkedHashMap<>();
        binder.getFields().forEach(field -> typed.put(field, field.getValue()));
        if (!readAgain()) {
            return;
        }
        // the person's changes are their input, kept; the rest is the data as it is now
        Map<HasValue<?, ?>, Object> read = new LinkedHashMap<>();
        typed.forEach((field, value) -> {
            Object saved = field.getValue();
            read.put(field, saved);
            Object before = loaded.get(field);
            boolean changedHere = !same(value, before);
            if (changedHere) {
                set(field, value);
            }
            if (!same(saved, before) && !(changedHere && same(value, saved))) {
                note(field, saved);
            }
        });
        // what the person's input is compared with from now on: the data as read, so that a change they kept is
        // still theirs when someone saves once more
        loaded.clear();
        loaded.putAll(read);
        say(getTranslation("form.changed-meanwhile.shown"));
        // the first note, which may be above the box on a phone, is what the person reads next
        binder.getFields().filter(field -> field instanceof HasStyle styled
                        && styled.hasClassName("saved-meanwhile") && field instanceof Component)
                .map(Component.class::cast).findFirst().ifPresent(field -> field.getElement().executeJs(
                        "requestAnimationFrame(() => requestAnimationFrame(() => "
                                + "this.scrollIntoView({block: 'center'})))"));
    }

    /** Reads the data again; answers no, having said so, when it is gone. */
    private boolean readAgain() {
        return InputRefusals.of(this).rulesShownBy(this::gone).run(readCurrent);
    }

    private void remember() {
        loaded.clear();
        binder.getFields().forEach(field -> loaded.put(field, field.getValue()));
    }

    private void note(HasValue<?, ?> field, Object saved) {
        if (!(field instanceof HasHelper helped)) {
            return;
        }
        if (!ownHelp.containsKey(helped)) {
            ownHelp.put(helped, helped.getHelperText());
        }
        String own = ownHelp.get(helped);
        String note = getTranslation("form.saved-meanwhile", shown(field, saved));
        helped.setHelperText(own == null || own.isBlank() ? note : note + " · " + own);
        if (field instanceof HasStyle styled) {
            styled.addClassName("saved-meanwhile");
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(HasValue<?, ?> field, Object value) {
        ((HasValue<?, Object>) field).setValue(value);
    }

    private static boolean same(Object one, Object other) {
        return Objects.equals(normal(one), normal(other));
    }

    /** Empty is empty, whether the field gives null or "", and spaces around text are not kept by the services. */
    private static Object normal(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        return value instanceof Collection<?> items && items.isEmpty() ? null : value;
    }

    /** A value as the field shows it: a choice by its label, several by theirs. */
    private String shown(HasValue<?, ?> field, Object value) {
        if (normal(value) == null) {
            // a choice whose empty option has a name of its own ("Kontor's default") is said by it
            return field instanceof Select<?> choice && choice.isEmptySelectionAllowed()
                    && choice.getEmptySelectionCaption() != null && !choice.getEmptySelectionCaption().isBlank()
                    ? choice.getEmptySelectionCaption() : getTranslation("form.saved-meanwhile.empty");
        }
        ItemLabelGenerator<Object> label = labels(field);
        if (value instanceof Collection<?> items) {
            return items.stream().map(label::apply).collect(Collectors.joining(", "));
        }
        return label.apply(value);
    }

    @SuppressWarnings("unchecked")
    private static ItemLabelGenerator<Object> labels(HasValue<?, ?> field) {
        ItemLabelGenerator<?> own = switch (field) {
            case ComboBox<?> choice -> choice.getItemLabelGenerator();
            case Select<?> choice -> choice.getItemLabelGenerator();
            case CheckboxGroup<?> group -> group.getItemLabelGenerator();
            case RadioButtonGroup<?> group -> group.getItemLabelGenerator();
            default -> null;
        };
        return own == null ? String::valueOf : (ItemLabelGenerator<Object>) own;
    }
}
