package dev.kontor.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedTextTest {

    @Test
    void text_without_a_url_stays_one_text_node() {
        assertThat(describe(LinkedText.of("Hello <b>Anna</b>"))).containsExactly("text:Hello <b>Anna</b>");
    }

    @Test
    void http_and_https_urls_become_links_and_the_text_around_them_stays_text() {
        assertThat(describe(LinkedText.of("See https://kontor.test/a?b=1&c=2 or HTTP://kontor.test/x now")))
                .containsExactly("text:See ", "link:https://kontor.test/a?b=1&c=2", "text: or ",
                        "link:HTTP://kontor.test/x", "text: now");
    }

    @Test
    void punctuation_after_a_url_belongs_to_the_sentence() {
        assertThat(describe(LinkedText.of("(see https://kontor.test/invite/abc).")))
                .containsExactly("text:(see ", "link:https://kontor.test/invite/abc", "text:).");
    }

    @Test
    void other_schemes_and_bare_schemes_are_no_links() {
        assertThat(describe(LinkedText.of("javascript:alert(1) data:text/html,x https:// ftp://kontor.test")))
                .containsExactly("text:javascript:alert(1) data:text/html,x https:// ftp://kontor.test");
    }

    @Test
    void a_url_ends_at_a_quote_or_an_angle_bracket() {
        assertThat(describe(LinkedText.of("<a href=\"https://kontor.test/x\">y</a>")))
                .containsExactly("text:<a href=\"", "link:https://kontor.test/x", "text:\">y</a>");
    }

    private static List<String> describe(List<Component> parts) {
        return parts.stream().map(part -> switch (part) {
            case Anchor link -> {
                assertThat(link.getText()).isEqualTo(link.getHref());
                yield "link:" + link.getHref();
            }
            case Text text -> "text:" + text.getText();
            default -> throw new AssertionError("unexpected " + part);
        }).toList();
    }
}
