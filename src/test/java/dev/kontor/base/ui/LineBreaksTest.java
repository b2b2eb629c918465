package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreaksTest {

    @Test
    void a_part_of_an_address_with_a_hyphen_is_kept_whole_where_it_fits_so_the_line_breaks_after_the_at_sign() {
        Span email = LineBreaks.email("admin@muster-hosting.test");

        List<String> parts = email.getElement().getChildren()
                .map(child -> child.isTextNode() ? child.getText()
                        : child.getTag().equals("span") ? "[" + child.getText() + "|" + child.getAttribute("class") + "]"
                        : "<" + child.getTag() + ">").toList();
        assertThat(parts).containsExactly("admin@", "<wbr>", "[muster-hosting.test|email-part]");
        assertThat(email.getElement().getTextRecursively()).isEqualTo("admin@muster-hosting.test");
    }

    @Test
    void an_address_inside_a_sentence_breaks_like_an_address_and_the_sentence_reads_as_before() {
        Span who = LineBreaks.withEmail("Adrian Albers <admin@muster-hosting.test>", "admin@muster-hosting.test");

        assertThat(who.getElement().getTextRecursively()).isEqualTo("Adrian Albers <admin@muster-hosting.test>");
        assertThat(who.getElement().getChildren().filter(child -> !child.isTextNode()).map(Element::getTag))
                .contains("span");
        assertThat(LineBreaks.withEmail("System", null).getElement().getTextRecursively()).isEqualTo("System");
    }

    @Test
    void an_e_mail_address_may_break_only_after_its_at_sign() {
        Span email = LineBreaks.email("anna@sonnenschein.test");

        List<String> parts = email.getElement().getChildren()
                .map(child -> child.isTextNode() ? child.getText() : "<" + child.getTag() + ">").toList();
        assertThat(parts).containsExactly("anna@", "<wbr>", "sonnenschein.test");
        assertThat(LineBreaks.email("otto.ohne@sonnenschein.test").getElement().getChildren()
                .filter(child -> child.isTextNode()).map(Element::getText)).containsExactly("otto.ohne@",
                        "sonnenschein.test");
        assertThat(email.getElement().getTextRecursively()).isEqualTo("anna@sonnenschein.test");
    }

    @Test
    void a_customer_number_keeps_its_brackets_and_hyphen_on_one_line_after_the_name() {
        Span customer = LineBreaks.customer("Bäckerei Sonnenschein", "CN-10001");

        assertThat(customer.getElement().getTextRecursively()).isEqualTo("Bäckerei Sonnenschein (CN-10001)");
        Element number = customer.getElement().getChildren().filter(child -> !child.isTextNode()).findFirst()
                .orElseThrow();
        assertThat(number.getClassList()).contains("no-break");
        assertThat(number.getText()).isEqualTo("(CN-10001)");
    }

    @Test
    void an_organization_without_a_number_is_its_name_alone() {
        assertThat(LineBreaks.customer("Muster Hosting GmbH", null).getElement().getTextRecursively())
                .isEqualTo("Muster Hosting GmbH");
    }
}
