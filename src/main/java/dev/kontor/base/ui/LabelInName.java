package dev.kontor.base.ui;

/**
 * The accessible name of a control that acts on one thing among many (a row's button, a card's button): its visible
 * words first, then what it acts on, so that a person who says what they see ("Access account") reaches it by voice
 * and a screen reader tells the rows apart (WCAG 2.5.3, label in name). For an icon-only control the visible words are
 * its tooltip.
 */
public final class LabelInName {

    private LabelInName() {
    }

    /** "Access account" and "Bäckerei Sonnenschein (CN-10001)" make "Access account Bäckerei Sonnenschein (CN-10001)". */
    public static String of(String visible, String subject) {
        return subject == null || subject.isBlank() ? visible : visible + " " + subject;
    }

    /** An organization as the rows name it: its name and, when it has one, its customer number in brackets. */
    public static String organization(String name, String customerNumber) {
        return customerNumber == null || customerNumber.isBlank() ? name : name + " (" + customerNumber + ")";
    }
}
