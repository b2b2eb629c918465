package dev.kontor.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A country, chosen by its name in the person's language (typing filters the list) and stored as its ISO 3166 code,
 * as the master data keeps it. Every form that edits an address uses this one, so the provider's pages and the
 * customer's account data dialog offer the same list and write the same value.
 */
public class CountryChoice extends ComboBox<String> {

    private static final java.util.Set<String> ISO_CODES = java.util.Set.of(Locale.getISOCountries());

    private final Locale language;
    /** Each code's name, worked out once: the list is sorted by them and shown with them. */
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    public CountryChoice(String label) {
        super(label);
        language = getLocale() == null ? Locale.ENGLISH : getLocale();
        setItems(codes(null));
        setItemLabelGenerator(this::name);
        setClearButtonVisible(true);
        setAllowCustomValue(false);
    }

    /**
     * Shows the stored code; one that is no ISO code (written before the list existed) stays as it is and selectable,
     * so opening and saving a form never changes an address nobody touched.
     */
    public void show(String code) {
        String value = code == null || code.isBlank() ? null : code.strip();
        if (value != null && !ISO_CODES.contains(value)) {
            setItems(codes(value));
        }
        setValue(value);
    }

    /** The country's name in the person's language, or the stored text itself when it names no country. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        if (!ISO_CODES.contains(code)) {
            return code;
        }
        return names.computeIfAbsent(code, known -> {
            String name = Locale.of("", known).getDisplayCountry(language);
            return name.isBlank() ? known : name;
        });
    }

    private List<String> codes(String extra) {
        List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        if (extra != null) {
            codes.add(extra);
        }
        codes.sort(Comparator.comparing(this::name, java.text.Collator.getInstance(language)));
        return codes;
    }
}
