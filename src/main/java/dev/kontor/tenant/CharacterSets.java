package dev.kontor.tenant;

import java.util.List;

/** The character sets a tenant can be created with. STANDARD tenants are always UTF-8. */
public final class CharacterSets {

    public static final String UTF_8 = "UTF-8";
    /** The short list a CUSTOM tenant may choose from: what older mail and ERP systems still expect. */
    public static final List<String> CHOICES = List.of(UTF_8, "ISO-8859-1", "ISO-8859-15", "Windows-1252");

    private CharacterSets() {
    }

    static boolean isChoice(String characterSet) {
        return CHOICES.contains(characterSet);
    }
}
