package dev.kontor.base;

import java.util.Locale;

/**
 * Names folded for searching, so that "Bäckerei", "Baeckerei" and "backerei" all find the same: lower case, common
 * accents and umlauts to their base letter, and the German spellings ae/oe/ue to a/o/u. The migration that fills
 * the column for existing rows applies the very same steps in SQL.
 */
public final class SearchKeys {

    private static final String[][] LETTERS = {
            {"ä", "a"}, {"ö", "o"}, {"ü", "u"}, {"ß", "ss"}, {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"á", "a"},
            {"à", "a"}, {"â", "a"}, {"ó", "o"}, {"ò", "o"}, {"ô", "o"}, {"ú", "u"}, {"ù", "u"}, {"û", "u"},
            {"í", "i"}, {"ì", "i"}, {"î", "i"}, {"ç", "c"}, {"ñ", "n"}, {"ae", "a"}, {"oe", "o"}, {"ue", "u"}};

    private SearchKeys() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = text.strip().toLowerCase(Locale.ROOT);
        for (String[] letter : LETTERS) {
            folded = folded.replace(letter[0], letter[1]);
        }
        return folded;
    }
}
