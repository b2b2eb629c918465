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

    /**
     * Each language's names of the codes and the codes sorted by them, worked out once for every form and session:
     * a few hundred strings per open form would otherwise stay in every session's memory.
     */
    private static final java.util.Map<Locale, java.util.Map<String, String>> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Locale, List<String>> SORTED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Locale language;

    public CountryChoice(String label) {
        super(label);
        language = getLocale() == null ? Locale.ENGLISH : getLocale();
        setItems(SORTED.computeIfAbsent(language, sorted -> List.copyOf(codes(null))));
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
        return NAMES.computeIfAbsent(language, names -> namesIn(language)).get(code);
    }

    private static java.util.Map<String, String> namesIn(Locale language) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(language);
            names.put(code, name.isBlank() ? code : name);
        }
        return java.util.Map.copyOf(names);
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
