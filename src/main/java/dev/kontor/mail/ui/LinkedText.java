package dev.kontor.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns plain text into components: text nodes, and an {@link Anchor} for each http(s) URL. Nothing is ever parsed
 * as HTML, so markup in the text shows as the characters it is made of.
 */
final class LinkedText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    /** Characters that end a sentence or close a bracket around a URL rather than belong to it. */
    private static final String TRAILING = ".,;:!?)]}";

    private LinkedText() {
    }

    static List<Component> of(String text) {
        List<Component> parts = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int done = 0;
        while (matcher.find()) {
            String url = withoutTrailingPunctuation(matcher.group());
            if (url.length() <= url.indexOf("://") + 3) {
                continue;
            }
            if (matcher.start() > done) {
                parts.add(new Text(text.substring(done, matcher.start())));
            }
            parts.add(new Anchor(url, url));
            done = matcher.start() + url.length();
        }
        if (done < text.length()) {
            parts.add(new Text(text.substring(done)));
        }
        return parts;
    }

    private static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
