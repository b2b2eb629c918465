package dev.kontor.base;

/**
 * Checks shared by every form: trimmed text, a maximum length, and no angle brackets, so that nothing a person types
 * can ever be taken for markup, here or in any system that later shows it.
 * <p>
 * Text is also refused when it holds characters that nobody sees but that change what others read or what later
 * systems do: control characters (a line break in a name breaks the header of a mail), bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: U+202E before "fdp.exe" shows it as "exe.pdf"), and
 * the other invisible format characters (zero-width spaces, soft hyphens, byte order marks, tag characters, line
 * and paragraph separators). The left-to-right and right-to-left marks U+200E/U+200F are refused too: Kontor's
 * text is names, addresses and numbers that the Unicode bidirectional algorithm lays out well without them, and
 * invisible marks only make two texts that look the same compare differently (a second "Anna Schmidt") or move
 * the digits of a customer number around. One exception keeps emoji whole: the zero-width joiner between two
 * pictographs (a family, a flag). Multi-line text (a notice's body) may hold line breaks ({@code \n},
 * {@code \r\n}) and tabs, nothing else.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The trimmed text, or {@code null} when it is empty. */
    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean containsMarkup(String text) {
        return text != null && (text.indexOf('<') >= 0 || text.indexOf('>') >= 0);
    }

    /** Refuses text that is too long, contains markup or hidden characters ({@link #isPlainLine}); {@code null} passes. */
    public static String check(String field, String text, int maxLength) {
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidInput(field, "validation.too-long", maxLength);
        }
        if (containsMarkup(value)) {
            throw new InvalidInput(field, "validation.no-markup");
        }
        requirePlainLine(field, value);
        return value;
    }

    /** Refuses a single line that holds control, bidirectional or other invisible characters; {@code null} passes. */
    public static void requirePlainLine(String field, String text) {
        if (!isPlainLine(text)) {
            throw new InvalidInput(field, "validation.hidden-characters");
        }
    }

    /**
     * Trimmed multi-line text (markup allowed: it is for plain-text mails), refused when too long or holding control
     * or invisible characters other than line breaks and tabs; {@code null} for an empty text.
     */
    public static String checkMultiLine(String field, String text, int maxLength) {
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidInput(field, "validation.too-long", maxLength);
        }
        if (!isPlainText(value)) {
            throw new InvalidInput(field, "validation.hidden-characters-multi-line");
        }
        return value;
    }

    /** Whether the text is one line free of control, bidirectional and other invisible characters; null is. */
    public static boolean isPlainLine(String text) {
        return firstHiddenCharacter(text, false) < 0;
    }

    /** Like {@link #isPlainLine} but line breaks ({@code \n}, {@code \r\n}) and tabs are allowed. */
    public static boolean isPlainText(String text) {
        return firstHiddenCharacter(text, true) < 0;
    }

    /** The index of the first character that {@link #isPlainLine} or {@link #isPlainText} refuses, or -1. */
    static int firstHiddenCharacter(String text, boolean multiLine) {
        if (text == null) {
            return -1;
        }
        int previous = -1;
        int marksInARow = 0;
        for (int at = 0; at < text.length(); ) {
            int c = text.codePointAt(at);
            int next = at + Character.charCount(c);
            marksInARow = isStackingMark(c) ? marksInARow + 1 : 0;
            boolean allowed;
            if (marksInARow > MOST_MARKS_ON_ONE_LETTER) {
                allowed = false;
            } else if (multiLine && (c == '\n' || c == '\t')) {
                allowed = true;
            } else if (multiLine && c == '\r') {
                allowed = next < text.length() && text.charAt(next) == '\n';
            } else if (c == ZERO_WIDTH_JOINER) {
                allowed = previous >= 0 && next < text.length() && Character.isExtendedPictographic(previous)
                        && Character.isExtendedPictographic(text.codePointAt(next));
            } else {
                allowed = !isHidden(c);
            }
            if (!allowed) {
                return at;
            }
            // a variation selector or a skin tone belongs to the pictograph before it, for the joiner's sake
            if (!(c == EMOJI_PRESENTATION || Character.isEmojiModifier(c))) {
                previous = c;
            }
            at = next;
        }
        return -1;
    }

    /**
     * The text with each character that {@link #isPlainLine} refuses spelt out as {@code \\uXXXX}: for records of
     * what someone typed (a sign-in address in the audit log), which must show the attempt as it was, yet be safe
     * to store (PostgreSQL refuses NUL), to export and to read.
     */
    public static String spelledOut(String text) {
        if (text == null || isPlainLine(text)) {
            return text;
        }
        StringBuilder spelled = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isHidden(c) || c == ZERO_WIDTH_JOINER) {
                spelled.append(String.format("\\u%04X", c));
            } else {
                spelled.appendCodePoint(c);
            }
        });
        return spelled.toString();
    }

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /**
     * Written languages put a few marks on one letter (Vietnamese two, some Indic and Hebrew spellings a few more);
     * dozens of stacked accents only serve to paint over the lines around a name.
     */
    private static final int MOST_MARKS_ON_ONE_LETTER = 6;

    private static boolean isStackingMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
    private static final int BRAILLE_BLANK = 0x2800;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private static boolean isHidden(int c) {
        return switch (Character.getType(c)) {
            // Cc (C0, DEL, C1), Cf (bidi marks, embeddings, overrides, isolates, zero-width and tag characters, soft
            // hyphen, byte order mark), Zl and Zp (U+2028, U+2029), and halves of a surrogate pair standing alone
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            // Hangul fillers and the blank Braille pattern are letters that draw nothing: the usual ways to make a
            // "blank" name look filled in
            default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == BRAILLE_BLANK;
        };
    }

    /** The text cut to at most {@code max} characters, ending in "…" where it was cut. */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * A person's name, required, checked like {@link #check} and refused when it reads as a web or e-mail address
     * ({@link #looksLikeAddress}): Kontor puts people's names into the mails it sends, and a "name" that is a link
     * would turn those mails into someone else's message under Kontor's sender.
     */
    public static String personName(String field, String text, int maxLength) {
        return withoutAddress(field, required(field, text, maxLength));
    }

    /**
     * The name of an organization (a customer's company, a partner, a tenant), with the rule of
     * {@link #personName}: the mails that invite people into an organization, or tell them of it, name it, and they
     * go to addresses that whoever names the organization chooses.
     */
    public static String organizationName(String field, String text, int maxLength) {
        return withoutAddress(field, required(field, text, maxLength));
    }

    /** Like {@link #organizationName}, but may be empty ({@code null}): a mail's sender name. */
    public static String optionalName(String field, String text, int maxLength) {
        return withoutAddress(field, check(field, text, maxLength));
    }

    /**
     * A short text other than a name that Kontor puts into mails (the reason a partner gives for entering an
     * account), checked like {@link #check} and refused when it reads as an address, as names are; may be empty.
     */
    public static String mailedText(String field, String text, int maxLength) {
        String value = check(field, text, maxLength);
        if (looksLikeAddress(value)) {
            throw new InvalidInput(field, "validation.text-looks-like-address");
        }
        return value;
    }

    private static String withoutAddress(String field, String value) {
        if (looksLikeAddress(value)) {
            throw new InvalidInput(field, "validation.name-looks-like-address");
        }
        return value;
    }

    /**
     * Whether the text reads as a web or e-mail address, the way readers, browsers and mail programs spot one: "@",
     * "www.", a scheme's ":/" or ":\\" (also split by spaces), or a domain followed by what only follows a domain in
     * an address: a path, a port, a query or a fragment ("evil.test/login", "evil.test:8080", "evil.test?x",
     * "evil.xn--p1ai/x"). Wide and other compatibility forms of letters count as the letters they show (NFKC): "＠" is
     * an "@" to a reader, and the ideographic full stop "。" a dot to a browser. A bare domain ("Amazon.com, Inc.",
     * "Shop24.de GmbH") passes: it is part of many a company's name.
     */
    public static boolean looksLikeAddress(String text) {
        if (text == null) {
            return false;
        }
        String shown = LOOKALIKE_SLASHES.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replace('\u3002', '.')).replaceAll("/").toLowerCase(java.util.Locale.ROOT);
        return shown.indexOf('@') >= 0 || shown.contains("www.") || LINK_MARKS.matcher(shown).find()
                || SCHEMES.matcher(shown).find();
    }

    /** Characters that show as a slash, which a reader takes for one (division slash, fraction slash, ...). */
    private static final java.util.regex.Pattern LOOKALIKE_SLASHES =
            java.util.regex.Pattern.compile("[\u2044\u2215\u29F8\u2571\u27CB\u3033]");

    /** A web scheme with its colon, slashes or not: "http:evil.test" opens as a link too. */
    private static final java.util.regex.Pattern SCHEMES =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])(?:https?|hxxps?|ftp|javascript)\\s*:");

    /**
     * A scheme's ":/" or ":\\" (spaces allowed between its marks); a domain (its last label letters, or punycode's
     * "xn--"; a closing dot allowed, as browsers allow it) or an IPv4 address followed right away by a path, a
     * backslash, a port, a query or a fragment; an IPv6 address in brackets. With a space before the slash, as in
     * "Co.KG / Filiale Nord", no mail program reads one address; without it, "Co.KG/Filiale" reads like
     * "evil.test/login" and is refused too, as nothing but a list of every top-level domain could tell them apart.
     */
    private static final java.util.regex.Pattern LINK_MARKS = java.util.regex.Pattern.compile(
            ":\\s*[/\\\\]|[\\p{L}\\p{N}_-]\\.(?:\\p{L}{2,}|xn--[\\p{L}\\p{N}-]+)\\.?(?:[/\\\\?#]|:\\d)"
                    + "|\\d{1,3}(?:\\.\\d{1,3}){3}(?:[/\\\\?#]|:\\d)|\\[[\\p{XDigit}:.]*:[\\p{XDigit}:.]*\\]");

    /** Like {@link #check} but the field must not be empty. */
    public static String required(String field, String text, int maxLength) {
        String value = check(field, text, maxLength);
        if (value == null) {
            throw new InvalidInput(field, "validation.required");
        }
        return value;
    }
}
